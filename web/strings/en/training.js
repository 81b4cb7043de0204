// The training panel and the gradient check (web/components/training.js, gradcheck.js).

// 10000 → "10,000" (English groups the thousands with commas).
const count = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const ms = (t) => `${t < 10 ? t.toFixed(1) : Math.round(t)} ms`;

export const training = {
  title: 'Training',
  intro:
    'Repeats the stepper’s iteration many times on the current example (data, weights, optimizer and ' +
    'learning rate), in the background, and follows the loss.',
  steps: 'Iterations',
  stepsHint: ({min, max}) => `between ${count(min)} and ${count(max)}`,
  stepsInvalid: ({min, max}) => `Type a whole number of iterations between ${count(min)} and ${count(max)}.`,
  train: 'Train',
  cancel: 'Cancel',
  progress: (done, total) => `Iteration ${count(done)} of ${count(total)}`,
  starting: 'Preparing…',
  cancelled: (done) => `Training cancelled after ${count(done)} iterations.`,
  failed: (why) => `Training failed: ${why}`,
  workerFailed: 'the training thread (Web Worker) could not load the computing core.',
  chartLabel: 'Loss by iteration',
  chartCaption: (stride) =>
    stride > 1 ? `Loss at every iteration (one in every ${count(stride)} is drawn).` : 'Loss at every iteration.',
  axisStep: 'Iteration',
  axisLoss: 'Loss',
  scale: 'Vertical scale',
  linear: 'Linear',
  log: 'Logarithmic',
  tableCaption: (every) => `The loss every ${count(every)} iterations, as the lesson’s code prints it.`,
  tableCaptionCoarse: (every, asked) =>
    `The loss every ${count(every)} iterations (the example asks for every ${count(asked)}; the table is cut down to about 1000 rows).`,
  epoch: 'Epoch',
  iteration: 'Iteration',
  loss: 'Loss',
  validationRow: 'Validation',
  finalLoss: 'Final loss (with the trained weights)',
  validationLoss: 'Validation loss',
  prediction: (x) => `Prediction for the validation input x = ${x}`,
  target: (y) => `target y = ${y}`,
  timing: (n, wall) => `${count(n)} iterations in ${ms(wall)}`,
  timingDetail: (core) => `(of which ${ms(core)} computing in the core)`,
  useWeights: 'Use the trained weights',
  useWeightsHint: 'The stepper will show the next iteration, starting from these weights.',
  usedWeights: (n) =>
    `The weights after ${count(n)} iterations were loaded: the stepper shows the next iteration.`,
  count,
};

export const gradcheck = {
  title: 'Check the gradient',
  intro:
    'Compares the backpropagation gradient with a numerical estimate by central finite ' +
    'differences: each parameter is moved by ±ε, leaving the others alone, and the loss of the first batch is recomputed.',
  run: 'Check the gradient',
  rerun: 'Check again',
  auto: 'It is recomputed whenever the example changes.',
  manual: (n) => `The network has ${count(n)} parameters: press the button to check them (it may take a while).`,
  relativeError: 'relative error',
  epsilon: 'Step',
  entry: 'Entry',
  analytic: 'Backpropagation',
  numeric: 'Finite differences',
  error: 'Relative error',
  maxFor: 'largest relative error',
  more: (n) => `… and ${count(n)} more entries (the maximum above includes them).`,
  agree: (e) => `They agree: largest relative error ${e}.`,
  disagree: (e, limit) => `They do not quite agree: largest relative error ${e} (above ${limit}).`,
  kinks:
    'The network uses ReLU or leaky ReLU: if a pre-activation lies within ε of 0, the function has a ' +
    'kink there (its derivative jumps) and the finite differences average the two slopes. For those entries ' +
    'the mismatch is expected and does not point to an error in backpropagation.',
  noKinks:
    'With smooth activations this should not happen except with tiny gradients (near 10⁻⁷), where ' +
    'rounding dominates the difference; check the flagged entries.',
  failed: (why) => `The check failed: ${why}`,
};
