// Texts shared by every lab, in English: the index, the shell around a lab, the shared pieces
// (web/labs/shared/ui/: progress, export, charts; web/forms/: fields) and the labs' worker's failures.

// Numbers are written as on the Spanish page, one decimal mark on every page: thousands grouped by
// a thin no-break space (SI style, "10 000"), never by a comma that could read as a decimal mark.
import {common as shared} from '../../labs/common.js';

const {count, ms} = shared;
// Plain decimal with a point, as formatNumber writes them elsewhere (a limit in a message).
const plain = (x) => String(x).replace(/-/g, '−');

export const common = {
  // #/labs
  index: {
    title: 'Labs',
    intro:
      'The lesson’s ten exercises turned into experiments on the page. Every number is computed in the background ' +
      'by the same C++ core (WebAssembly) as the lessons; every experiment uses a seed, and its link reproduces it.',
    groups: {
      mlp: 'Multilayer perceptron (lesson 1)',
      rnn: 'Recurrent networks and BPTT (lesson 2)',
    },
    lessonLink: 'Lesson 3 · Limitations and advances: optimizers, initialization, overfitting and batch normalization',
    preparing: 'Coming soon',
    preparingLabel: (title) => `${title} (coming soon)`,
  },
  // The shell around a lab (#/labs/<name>).
  shell: {
    home: 'Interactive backpropagation',
    index: 'Labs',
    statementLabel: 'The exercise’s statement',
    statementSource: 'Statement from the lesson',
    unknown: (name) => `There is no lab called “${name}”.`,
    backToIndex: 'See all the labs',
    preparing: 'This lab is being prepared. Come back soon.',
    loadFailed: 'This lab could not be loaded. Reload the page to try again.',
  },
  // web/labs/shared/ui/progress.js
  progress: {
    label: 'Progress',
    cancel: 'Cancel',
    starting: 'Getting ready…',
    running: (done, total) => `${count(done)} of ${count(total)}`,
    percent: (p) => `${Math.round(p)} %`,
    done: (wallMs) => `Finished in ${ms(wallMs)}.`,
    cancelled: 'Cancelled.',
    failed: (why) => `Could not finish: ${why}`,
  },
  // web/labs/shared/ui/export.js
  export: {
    png: 'Save PNG',
    csv: 'Save CSV',
    // After the button's words, for assistive technology: "Save PNG (the decision boundary)".
    what: (what) => ` (${what})`,
  },
  // web/forms/fields.js and settings-form.js: inline validation, naming the field (by reason code).
  fields: {
    empty: (label) => `“${label}”: enter a value.`,
    notNumber: (label, text) => `“${label}”: “${text}” is not a number.`,
    notInteger: (label) => `“${label}”: must be a whole number.`,
    range: (label, min, max) => `“${label}”: must be between ${plain(min)} and ${plain(max)}.`,
    choice: (label) => `“${label}”: pick one of the options.`,
    invalidCount: (n) => (n === 1 ? 'One field has an invalid value.' : `${n} fields have invalid values.`),
  },
  // web/labs/shared/ui/line-chart.js
  chart: {
    scale: 'Vertical scale',
    linear: 'Linear',
    log: 'Logarithmic',
    step: 'Iteration',
    loss: 'Loss',
  },
  // web/labs/shared/ui/heatmap.js
  heatmap: {
    label: 'Heat map of the network’s output over the plane',
    classes: ['Class 0', 'Class 1'],
  },
  // The labs' worker (web/labs/jobs-client.js) as the student reads it.
  jobs: {
    workerDied: 'the computation thread (Web Worker) stopped unexpectedly; please try again.',
    unknownJob: (kind) => `there is no computation called “${kind}”.`,
  },
  count,
  ms,
};
