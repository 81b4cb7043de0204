// What assistive technology reads where the page shows something else (math as KaTeX, a
// drawing, a row of look-alike buttons): the skip link, the stepper's names and announcement,
// and matrices and vectors read out (web/tex-text.js).
export const a11y = {
  skipLink: 'Saltar al contenido',
  // A step of the stepper, in the list and in the one announcement a step change makes.
  stepName: (i, n, title) => `Paso ${i} de ${n}: ${title}`,
  stepSummary: (i, n, title, phase) => `Paso ${i} de ${n}: ${title}. ${phase}.`,
  // Boxes that may scroll sideways: a tab stop while they do, named (a keyboard scrolls them).
  equationBox: 'Ecuación',
  codeBox: 'Código',
  tableBox: 'Tabla',
  // The numbers of a TeX matrix, read out.
  vector: (values) => `vector (${values.join(', ')})`,
  rowVector: (values) => `vector fila (${values.join(', ')})`,
  matrix: (rows) => `matriz de ${rows.length} por ${rows[0].length} (${rows.map((row, i) => `fila ${i + 1}: ${row.join(', ')}`).join('; ')})`,
  // A result of the stepper: its name and its numbers.
  result: (label) => `Resultado ${label}`,
};
