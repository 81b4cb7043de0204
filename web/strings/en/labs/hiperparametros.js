// Lab 5 (MLP exercise 5): a grid or random search over the learning rate and the epochs.
import {formatPercent} from '../../../format.js';
import {common} from './common.js';

const {count} = common;
const epochWord = (n) => (n === 1 ? 'epoch' : 'epochs');

export const hiperparametros = {
  title: 'Hyperparameter optimization',
  exercise: 'Exercise 5 (MLP)',
  summary: 'Grid or random search over the learning rate and the number of epochs, evaluated on validation data.',
  statement:
    '**Hyperparameter optimization.** Use the neural network from exercise 1 and experiment with different learning ' +
    'rates and numbers of training epochs. Implement a grid search or a random search to find the best combination ' +
    'of learning rate and number of epochs. Evaluate the model’s performance on a validation set to determine the ' +
    'best hyperparameter configuration.',
  // ---- the lab's own texts (web/labs/hiperparametros/)
  intro:
    'The network from exercise 1 (one hidden layer, a two-class softmax output with cross-entropy, SGD) is trained once ' +
    'for each combination of learning rate $\\eta$ and hidden layer size, and is evaluated on the **validation** set ' +
    'after several numbers of epochs, without retraining for each one: they are read along the way.',
  observe: {
    grid:
      'What to look for: with a small $\\eta$ the network hardly learns in a few epochs (dark cells on the left); move ' +
      'the epochs slider and you will see that it does learn, but needs many more. With too large an $\\eta$ the ' +
      'validation loss shoots up. With one or two hidden units the boundary is almost straight and is not enough for ' +
      'XOR, the circles or the spiral. In some cells the validation loss falls and then **rises** as training goes on ' +
      '(overfitting): that is why the number of epochs is a hyperparameter too. The best configuration is chosen on ' +
      'validation, not on training: compare the two losses in the table.',
    random:
      'What to look for: random search draws $\\eta$ on a log scale, the hidden size and the epochs. With the same ' +
      'number of trainings it tries many more distinct values of $\\eta$ than the grid, which always repeats the same ' +
      'ones: compare the best configuration of the two searches on the same training budget.',
  },
  groups: {data: 'Data', model: 'Network and training', search: 'Search'},
  form: {
    labels: {
      shape: 'Data shape',
      count: 'Number of points',
      noise: 'Noise',
      validation: 'Validation fraction',
      seed: 'Seed (data, weights and order)',
      activation: 'Hidden layer activation',
      batch: 'Batch size',
      mode: 'Search type',
      lrMin: 'Minimum η',
      lrMax: 'Maximum η',
      lrScale: 'η scale',
      lrCount: 'Number of η values',
      hidden: 'Hidden units',
      epochs: 'Epochs (maximum)',
      checkpoints: 'Checkpoints',
      trials: 'Number of trials',
      searchSeed: 'Search seed',
    },
    hints: {
      hidden: 'A list (1, 2, 4, 8) or a range (2-6), from 1 to 32.',
      batch: (steps, rows) => `${count(steps)} ${steps === 1 ? 'iteration' : 'iterations'} per epoch (${count(rows)} training points).`,
      checkpoints: (list) => `Epochs evaluated: ${list}.`,
    },
    options: {
      shape: {linear: 'Linearly separable', xor: 'XOR', circles: 'Circles', spiral: 'Spiral'},
      activation: {tanh: 'tanh', relu: 'ReLU', sigmoid: 'sigmoid'},
      mode: {grid: 'Grid', random: 'Random'},
      lrScale: {log: 'Logarithmic', linear: 'Linear'},
    },
    reasons: {
      tooMany: (label) => `“${label}”: at most 12 different sizes.`,
      hiddenRange: (label) => `“${label}”: each size must be a whole number from 1 to 32 (a range goes from smaller to larger).`,
      lrOrder: (label) => `“${label}”: cannot be smaller than the minimum η.`,
    },
    badLink: (names) => `The link had invalid values (${names}); the defaults are used instead.`,
  },
  plan: (runs, configurations, steps) =>
    `${runs === 1 ? '1 training' : `${count(runs)} trainings`}, ` +
    `${configurations === 1 ? '1 configuration evaluated' : `${count(configurations)} configurations evaluated`}, ` +
    `${count(steps)} iterations in total.`,
  run: 'Search',
  progress: (done, total) => `${count(done)} of ${count(total)} configurations evaluated`,
  fixFields: 'Fix the highlighted fields to search.',
  stale: 'The settings no longer match the results below: press “Search” to run the search again with the new ones.',
  failed: (why) => `The search stopped: ${why}`,
  cancelled: (done, total) => `Search cancelled: ${count(done)} of ${count(total)} configurations evaluated (shown below).`,
  // results
  empty: 'Press “Search” to train every configuration.',
  best: {
    title: 'Best configuration (lowest validation loss)',
    line: (lr, hidden, epochs) => `η = ${lr}, ${hidden} ${hidden === 1 ? 'hidden unit' : 'hidden units'}, ${epochs} ${epochWord(epochs)}`,
    measures: (validationLoss, accuracy, loss) =>
      `validation loss ${validationLoss} (accuracy ${accuracy}), training loss ${loss}`,
    load: 'Load into lab 1',
    none: 'No configuration finished without diverging: try smaller values of η.',
  },
  map: {
    title: 'Validation loss by η and hidden layer size',
    titleRandom: 'Validation loss of each trial',
    label: (epochs) => `Heat map of the validation loss after ${epochs} epochs; the table below has the same values.`,
    epochs: 'Epochs',
    epochsValue: (epochs) => `${count(epochs)} ${epochWord(epochs)}`,
    all: 'All trials',
    xAxis: 'Learning rate η',
    xAxisLog: 'Learning rate η (log scale)',
    yAxis: 'Hidden units',
    legend: 'Validation loss',
    diverged: 'diverges',
    bestMark: 'best',
    hover: (lr, hidden, epochs, validationLoss, accuracy) =>
      `η = ${lr}, ${hidden} hidden, ${epochs} ${epochWord(epochs)}: validation loss ${validationLoss}, accuracy ${accuracy}`,
    hoverDiverged: (lr, hidden, epochs) => `η = ${lr}, ${hidden} hidden, ${epochs} ${epochWord(epochs)}: the loss became infinite (diverges)`,
    hint: 'Hover over a cell (or select the map and use the arrow keys) to see its values. The cell with the thick border is the best for those epochs.',
    hintRandom: 'Each dot is a trial; hover over it (or select the map and use the arrow keys) to see its values. The ringed dot is the best of those shown.',
    what: 'the heat map',
    file: 'hyperparameter-search.png',
  },
  table: {
    title: 'All configurations',
    caption: 'Click a column to sort the table.',
    columns: {
      lr: 'η',
      hidden: 'Hidden units',
      epochs: 'Epochs',
      loss: 'Training loss',
      validationLoss: 'Validation loss',
      validationAccuracy: 'Validation accuracy',
      open: 'Lab 1',
    },
    open: 'Open',
    openLabel: (lr, hidden, epochs) => `Open η = ${lr}, ${hidden} hidden, ${epochs} ${epochWord(epochs)} in lab 1`,
    diverged: 'diverges',
    bestLabel: 'Best configuration',
    previous: '← Previous',
    next: 'Next →',
    page: (from, to, total) => `Rows ${count(from)}–${count(to)} of ${count(total)}`,
    what: 'the configurations table',
    file: 'hyperparameter-search.csv',
  },
  percent: (x) => formatPercent(x, {trim: true}),
};
