// What assistive technology reads where the page shows something else (math as KaTeX, a
// drawing, a row of look-alike buttons): the skip link, the stepper's names and announcement,
// and matrices and vectors read out (web/tex-text.js).
export const a11y = {
  skipLink: 'Skip to content',
  // A step of the stepper, in the list and in the one announcement a step change makes.
  stepName: (i, n, title) => `Step ${i} of ${n}: ${title}`,
  stepSummary: (i, n, title, phase) => `Step ${i} of ${n}: ${title}. ${phase}.`,
  // Boxes that may scroll sideways: a tab stop while they do, named (a keyboard scrolls them).
  equationBox: 'Equation',
  codeBox: 'Code',
  tableBox: 'Table',
  // The numbers of a TeX matrix, read out.
  vector: (values) => `vector (${values.join(', ')})`,
  rowVector: (values) => `row vector (${values.join(', ')})`,
  matrix: (rows) => `${rows.length} by ${rows[0].length} matrix (${rows.map((row, i) => `row ${i + 1}: ${row.join(', ')}`).join('; ')})`,
  // A result of the stepper: its name and its numbers.
  result: (label) => `Result ${label}`,
};
