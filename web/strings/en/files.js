// Files saved and opened (web/components/files.js): the lessons' scenarios, the labs' settings and
// lab 1's points from a CSV file (web/labs/clasificacion/csv.js). English twin of
// web/strings/files.js: the same keys and parameters.

// 10000 → "10,000".
const count = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const size = (bytes) => (bytes >= 1024 * 1024 ? `${count(bytes / (1024 * 1024))} MiB` : `${count(Math.ceil(bytes / 1024))} KiB`);
const plain = (x) => String(x).replace(/-/g, '−');
const unchanged = 'Nothing has changed.';
const KINDS = {mlp: 'a multilayer perceptron (lesson 1)', rnn: 'a recurrent network (lesson 2)'};

export const files = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {scenario: 'scenario', settings: 'settings'},
  // The buttons and the drop hint.
  saveScenario: 'Save scenario',
  openScenario: 'Open scenario',
  saveSettings: 'Save settings',
  openSettings: 'Open settings',
  barLabel: 'Files',
  dropHint: 'Drop the file to open it',
  // After saving or opening.
  saved: (name) => `Saved as “${name}”.`,
  opened: (name) => `Opened “${name}”.`,
  // Any file refused: what was wrong, then that nothing changed.
  refused: (name, why) => `Could not open “${name}”: ${why} ${unchanged}`,
  tooLarge: (bytes, limit) => `the file takes ${size(bytes)} and the limit is ${size(limit)}.`,
  unreadable: 'the browser could not read it.',
  notJson: 'it is not a JSON file (text in the format of a scenario or of settings).',
  notText: 'it is not a text file.',
  // A lesson's scenario file.
  notScenario: 'it is not a scenario: it has no “model”.',
  settingsNotScenario: 'it holds a lab\'s settings, not a scenario of this lesson.',
  wrongKind: (kind, expected) => `it is a scenario of ${KINDS[kind] ?? `kind “${kind}”`}, and this lesson opens scenarios of ${KINDS[expected]}.`,
  // A lab's settings file.
  notSettings: 'it is not a lab\'s settings: it has no “settings”.',
  scenarioNotSettings: 'it is a lesson\'s scenario, not a lab\'s settings.',
  wrongLab: (title) => `it holds the settings of another lab (“${title}”).`,
  unknownLab: (name) => `it holds the settings of a lab that does not exist (“${name}”).`,
  badSettings: (labels) => `it has invalid values for: ${labels.join(', ')}.`,
  badValueType: (names) => `the values of ${names.join(', ')} must be text or numbers.`,
  badPoints: 'The imported points of the link were not valid and have been dropped: the generated points are shown.',
  pointsNotInLink:
    'This link had imported points that do not fit in the address. Open them with “Open settings” from the saved ' +
    'settings file; meanwhile, the generated points are shown.',

  // Lab 1's points from a CSV file.
  csv: {
    legend: 'Your points (CSV)',
    hint: 'A CSV file with columns x1, x2 and class (two classes), one row per point, with or without a header; separated by commas or by semicolons. With semicolons a decimal comma is fine, as in',
    // A line of such a file, shown as code.
    example: '1,5;2,3;0',
    open: 'Import points (CSV)',
    back: 'Back to the generated points',
    imported: (n, name) => `${count(n)} points imported from “${name}”.`,
    inUse: (n) => `Training on ${count(n)} imported points; the shape, the number of points and the noise are not used. The validation share and the seed split the points.`,
    classes: (zero, one) => `Class 0 = “${zero}”, class 1 = “${one}”.`,
    duplicates: (n) => `${count(n)} repeated points (all of them train).`,
    tooLargeForLink: (n) =>
      `These ${count(n)} points do not fit in the address: save the settings (“Save settings”) to keep them; ` +
      'the link does not carry them.',
    // The whole file refused.
    refused: (name, why) => `“${name}” was not imported: ${why} ${unchanged}`,
    empty: 'it has no data row.',
    tooFew: (n, min) => `it has ${count(n)} points and at least ${count(min)} are needed.`,
    tooMany: (max) => `it has more than ${count(max)} data rows, the limit.`,
    oneClass: (label) => `every point is of the same class (“${label}”); two are needed.`,
    manyClasses: (labels) => `it has more than two classes: ${labels.map((l) => `“${l}”`).join(', ')}.`,
    badRows: (n) => `${count(n)} ${n === 1 ? 'row is' : 'rows are'} not valid.`,
    moreRows: (n) => `… and ${count(n)} more ${n === 1 ? 'row' : 'rows'}.`,
    // One refused row: its line number and why.
    row: (line, why) => `Line ${count(line)}: ${why}`,
    reasons: {
      columns: (n) => `it has ${n} ${n === 1 ? 'column' : 'columns'} and 3 are needed (x1, x2, class).`,
      quote: () => 'it has an unclosed quote.',
      notNumber: ({column, text}) => `${column} = “${text}” is not a number.`,
      nonFinite: ({column, text}) => `${column} = “${text}” is too large.`,
      outside: ({column, value, min, max}) => `${column} = ${plain(value)} is outside the lab's plane (${plain(min)} to ${plain(max)}).`,
      emptyClass: () => 'its class is missing.',
    },
  },
};
