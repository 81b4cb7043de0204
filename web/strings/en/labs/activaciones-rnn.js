// Lab 10 (RNN exercise 5): ReLU, tanh and sigmoid in the RNN's hidden state.
import {formatPercent} from '../../../format.js';
export const activacionesRnn = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {loss: 'loss', accuracy: 'accuracy'},
  title: 'BPTT with different activation functions',
  exercise: 'Exercise 5 (RNN)',
  summary: 'The same RNN with ReLU, tanh and sigmoid in the hidden state, trained on synthetic data.',
  statement:
    '**BPTT with different activation functions.** Implement several activation functions (ReLU, tanh, sigmoid) ' +
    'in your RNN from exercise 2. Train your model on a simple test data set (it can be generated synthetically) ' +
    'and compare how the choice of activation function affects performance.',

  // ---- the lab's own texts (web/labs/activaciones-rnn/); the form's are lab 7's
  intro:
    'The same RNN, with the same data and the same initial weights (the same seed), trained three times: ' +
    'only the activation $f$ of the hidden layer changes, $h_t = f(U x_t + V h_{t-1} + b)$. At every step backwards ' +
    'BPTT multiplies by $f\'(r_t)$: with the sigmoid that factor is at most 0.25, with tanh at most 1, with ReLU 0 or 1.',
  observe:
    'What to look for: on the parity of sequences of 10 to 20 steps, the sigmoid takes longer to take off (its small ' +
    'derivatives wash out the gradient through time) and ReLU is usually the fastest. Raise the learning rate ' +
    '(for example SGD with η = 3): ReLU does not bound $h_t$ and may **diverge** (the loss becomes ∞ or NaN); tanh and the ' +
    'sigmoid, being bounded, hold out longer.',
  targetLabel: 'Target loss',
  run: 'Train all three',
  running: 'Training…',
  fixFields: 'Fix the highlighted fields to train.',
  dataFailed: (why) => `The data could not be generated: ${why}`,
  progressLabel: (name) => `Progress with ${name}`,
  lossTitle: 'Training loss',
  accuracyTitle: 'Validation accuracy',
  axisStep: 'Iteration',
  axisLoss: 'Loss',
  axisAccuracy: 'Accuracy (fraction)',
  tableTitle: 'Summary',
  columns: {
    activation: 'f',
    loss: 'Loss',
    validationLoss: 'Loss (val.)',
    accuracy: 'Accuracy',
    validationAccuracy: 'Accuracy (val.)',
    reached: (target) => `Iterations to loss ≤ ${target}`,
    time: 'Time',
    state: 'Status',
  },
  tableNote: 'Loss and accuracy at the last evaluation, over the whole training set and over the validation set (val.). The iterations to the target loss are measured at the evaluations (every 1 % of training). The time is wall-clock time from when each training starts on its thread (two run at once).',
  targetGroup: 'Comparison',
  notReached: 'not reached',
  states: {
    waiting: 'queued',
    running: 'training',
    done: 'done',
    cancelled: 'cancelled',
    diverged: (step) => `diverged at iteration ${step}`,
    failed: (why) => `error: ${why}`,
  },
  divergedNote: (name, step) =>
    `With ${name} the loss became ∞ or NaN at iteration ${step}: the values of $h_t$ and the gradients grew without ` +
    'bound (explosion). The curve stops there; try a smaller learning rate or a smaller initialization scale.',
  fastest: (name) => `Fastest to reach the target loss: **${name}**.`,
  noneReached: 'None reached the target loss within these iterations.',
  percent: (x) => formatPercent(x),
  milliseconds: (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`),
  noAccuracy: 'not applicable',
  exportName: 'rnn-activations',
  csvHeader: ['activation', 'final_loss', 'validation_loss', 'accuracy', 'validation_accuracy', 'iterations_to_target', 'time_ms', 'diverged_at'],
};
