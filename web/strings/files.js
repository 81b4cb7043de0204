// Files saved and opened (web/components/files.js): the lessons' scenarios, the labs' settings and
// lab 1's points from a CSV file (web/labs/clasificacion/csv.js).

// 10000 → "10 000" (a thin no-break space groups the thousands).
const count = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const size = (bytes) => (bytes >= 1024 * 1024 ? `${count(bytes / (1024 * 1024))} MiB` : `${count(Math.ceil(bytes / 1024))} KiB`);
const plain = (x) => String(x).replace(/-/g, '−');
const unchanged = 'Nada ha cambiado.';
const KINDS = {mlp: 'perceptrón multicapa (lección 1)', rnn: 'red recurrente (lección 2)'};

export const files = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {scenario: 'escenario', settings: 'ajustes'},
  // The buttons and the drop hint.
  saveScenario: 'Guardar escenario',
  openScenario: 'Abrir escenario',
  saveSettings: 'Guardar ajustes',
  openSettings: 'Abrir ajustes',
  barLabel: 'Archivos',
  dropHint: 'Suelta el archivo para abrirlo',
  // After saving or opening.
  saved: (name) => `Guardado como «${name}».`,
  opened: (name) => `Abierto «${name}».`,
  // Any file refused: what was wrong, then that nothing changed.
  refused: (name, why) => `No se pudo abrir «${name}»: ${why} ${unchanged}`,
  tooLarge: (bytes, limit) => `el archivo ocupa ${size(bytes)} y el máximo es ${size(limit)}.`,
  unreadable: 'el navegador no pudo leerlo.',
  notJson: 'no es un archivo JSON (texto con el formato de un escenario o de unos ajustes).',
  notText: 'no es un archivo de texto.',
  // A lesson's scenario file.
  notScenario: 'no es un escenario: le falta «model».',
  settingsNotScenario: 'guarda los ajustes de un laboratorio, no un escenario de esta lección.',
  wrongKind: (kind, expected) => `es un escenario de ${KINDS[kind] ?? `tipo «${kind}»`}, y esta lección abre escenarios de ${KINDS[expected]}.`,
  // A lab's settings file.
  notSettings: 'no son ajustes de un laboratorio: le falta «settings».',
  scenarioNotSettings: 'es un escenario de una lección, no unos ajustes de laboratorio.',
  wrongLab: (title) => `guarda los ajustes de otro laboratorio («${title}»).`,
  unknownLab: (name) => `guarda los ajustes de un laboratorio que no existe («${name}»).`,
  badSettings: (labels) => `tiene valores no válidos para: ${labels.join(', ')}.`,
  badValueType: (names) => `los valores de ${names.join(', ')} deben ser texto o números.`,
  badPoints: 'Los puntos importados del enlace no eran válidos y se han descartado: se muestran los puntos generados.',
  pointsNotInLink:
    'Este enlace tenía puntos importados que no caben en la dirección. Ábrelos con «Abrir ajustes» desde el archivo ' +
    'de ajustes guardado; mientras, se muestran los puntos generados.',

  // Lab 1's points from a CSV file.
  csv: {
    legend: 'Tus puntos (CSV)',
    hint: 'Un archivo CSV con columnas x1, x2 y clase (dos clases), una fila por punto, con cabecera o sin ella; separado por comas o por punto y coma. Con punto y coma vale la coma decimal, como en',
    // A line of such a file, shown as code.
    example: '1,5;2,3;0',
    open: 'Importar puntos (CSV)',
    back: 'Volver a los puntos generados',
    imported: (n, name) => `${count(n)} puntos importados de «${name}».`,
    inUse: (n) => `Se entrena con ${count(n)} puntos importados; la forma, el número de puntos y el ruido no se usan. La fracción de validación y la semilla reparten los puntos.`,
    classes: (zero, one) => `Clase 0 = «${zero}», clase 1 = «${one}».`,
    duplicates: (n) => `${count(n)} puntos repetidos (se entrenan todos).`,
    tooLargeForLink: (n) =>
      `Estos ${count(n)} puntos no caben en la dirección: guarda los ajustes («Guardar ajustes») para conservarlos; ` +
      'el enlace no los lleva.',
    // The whole file refused.
    refused: (name, why) => `No se importó «${name}»: ${why} ${unchanged}`,
    empty: 'no tiene ninguna fila de datos.',
    tooFew: (n, min) => `tiene ${count(n)} puntos y hacen falta al menos ${count(min)}.`,
    tooMany: (max) => `tiene más de ${count(max)} filas de datos, el máximo.`,
    oneClass: (label) => `todos los puntos son de la misma clase («${label}»); hacen falta dos.`,
    manyClasses: (labels) => `tiene más de dos clases: ${labels.map((l) => `«${l}»`).join(', ')}.`,
    badRows: (n) => `${count(n)} ${n === 1 ? 'fila no es válida' : 'filas no son válidas'}.`,
    moreRows: (n) => `… y ${count(n)} ${n === 1 ? 'fila más' : 'filas más'}.`,
    // One refused row: its line number and why.
    row: (line, why) => `Línea ${count(line)}: ${why}`,
    reasons: {
      columns: (n) => `tiene ${n} ${n === 1 ? 'columna' : 'columnas'} y hacen falta 3 (x1, x2, clase).`,
      quote: () => 'tiene unas comillas sin cerrar.',
      notNumber: ({column, text}) => `${column} = «${text}» no es un número.`,
      nonFinite: ({column, text}) => `${column} = «${text}» es demasiado grande.`,
      outside: ({column, value, min, max}) => `${column} = ${plain(value)} está fuera del plano del laboratorio (de ${plain(min)} a ${plain(max)}).`,
      emptyClass: () => 'le falta la clase.',
    },
  },
};
