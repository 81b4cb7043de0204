// Lab 7 (RNN exercise 2): an RNN trained on sequences of varied length.
import {formatPercent} from '../../../format.js';
export const secuencias = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {accuracy: 'accuracy'},
  title: 'BPTT from scratch with variable-length sequences',
  exercise: 'Exercise 2 (RNN)',
  summary: 'Train an RNN on sequences of different lengths and look at its predictions step by step.',
  statement:
    '**Implementing BPTT from scratch.** Implement a simple RNN in Python without deep learning libraries such as ' +
    'TensorFlow or PyTorch. Your RNN must include forward and backward propagation methods, and must be able to ' +
    'process variable-length sequences.',

  // ---- the lab's own texts (web/labs/secuencias/)
  intro:
    'An RNN like the lesson’s ($h_t = f(U x_t + V h_{t-1} + b)$, $\\hat y_t = g(W h_t + c)$) learns a task ' +
    'from sequences of different lengths: the same $U$, $V$, $W$ serve for any $T$, and BPTT adds up the ' +
    'gradients of every step. Train it and look at the strip below to see what it predicts at each step.',
  observe:
    'What to look for: with an echo of delay 2 the network has to **remember** the input from two steps back. Before ' +
    'training it gets about half right (chance); within a few seconds the loss drops and it gets almost every step ' +
    'right, on sequences of any length. Try a longer delay, or parity with long sequences: the further back what it ' +
    'has to remember, the harder it gets (the gradient has to travel more steps backwards).',
  tasks: {
    echo: 'Echo with delay d',
    parity: 'Parity',
    running_sum: 'Running sum',
  },
  taskHelp: {
    echo: 'Input $x_t \\in \\{0, 1\\}$; target at step $t$: the input $x_{t-d}$ (no target in the first $d$ steps). Softmax output with two classes and cross-entropy.',
    parity: 'Input $x_t \\in \\{0, 1\\}$; target at every step: the parity of $x_1 + \\dots + x_t$ (class 0 even, 1 odd). Softmax output and cross-entropy.',
    running_sum: 'Input $x_t$ drawn at random in $[0, 1)$; target: $(x_1 + \\dots + x_t)/T_{\\max}$. One output, $g$ linear or sigmoid, and ½ sum of squares.',
  },
  classNames: {echo: ['0', '1'], parity: ['even', 'odd'], running_sum: ['']},
  groups: {data: 'Data', model: 'Network', training: 'Training'},
  form: {
    labels: {
      task: 'Task',
      delay: 'Echo delay d',
      count: 'Number of sequences',
      minLength: 'Minimum length',
      maxLength: 'Maximum length',
      validation: 'Validation fraction',
      dataSeed: 'Data seed',
      hidden: 'Hidden units',
      f: 'Activation f (hidden layer)',
      g: 'Output g',
      optimizer: 'Optimizer',
      lr: 'Learning rate η',
      batch: 'Sequences per batch',
      steps: 'Iterations',
      seed: 'Seed (weights and order)',
    },
    activations: {tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU', linear: 'linear'},
    optimizers: {adam: 'Adam', sgd: 'SGD'},
    reasons: {
      empty: (label) => `${label}: enter a value.`,
      notNumber: (label) => `${label}: not a number.`,
      notInteger: (label, min, max) => `${label}: enter a whole number between ${min} and ${max}.`,
      range: (label, min, max) => `${label}: must be between ${min} and ${max}.`,
      choice: (label) => `${label}: pick one of the options.`,
      lengths: (label) => `${label}: cannot be larger than the maximum length.`,
      echo: (label) => `${label}: with the echo, every sequence must be longer than the delay d (otherwise it has no target at all).`,
      batch: (label, n) => `${label}: the training set has only ${n} sequences.`,
      size: (label) => `${label}: with this many sequences this long the data exceed 20 000 steps; reduce the number or the maximum length.`,
    },
    badLink: (names) => `The link had invalid values (${names}); the defaults are used instead.`,
    epochs: (steps, perEpoch) => `≈ ${Number((steps / perEpoch).toPrecision(3))} epochs of ${perEpoch} ${perEpoch === 1 ? 'iteration' : 'iterations'}`,
  },
  run: 'Train',
  running: 'Training…',
  fixFields: 'Fix the highlighted fields to train.',
  dataFailed: (why) => `The data could not be generated: ${why}`,
  cancelled: (done) => `Training cancelled at iteration ${done}.`,
  // results
  lossTitle: 'Loss during training',
  accuracyTitle: 'Accuracy per step',
  axisStep: 'Iteration',
  axisLoss: 'Loss',
  axisAccuracy: 'Accuracy (fraction)',
  seriesLoss: 'Training',
  seriesValidation: 'Validation',
  summaryTitle: 'Result',
  resultLabels: {
    loss: 'Training loss',
    validationLoss: 'Validation loss',
    accuracy: 'Training accuracy',
    validationAccuracy: 'Validation accuracy',
    steps: 'Iterations',
    time: 'Time',
  },
  percent: (x) => formatPercent(x),
  milliseconds: (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`),
  noAccuracy: 'not applicable (regression)',
  // the prediction strip
  stripTitle: 'Predictions step by step',
  stripBefore: 'Before training (initial weights):',
  stripAfter: (steps) => `After ${steps} iterations:`,
  sequenceLabel: 'Validation sequence',
  sequenceOf: (i, n, T) => `no. ${i} of ${n} (T = ${T})`,
  previous: 'Previous',
  next: 'Next',
  stripTally: (right, scored) => `${right} of ${scored} steps right`,
  stripNoTally: 'The running sum is not scored as right or wrong: compare the ŷ bar with the y bar.',
  strip: {
    target: 'y',
    noTarget: '—',
    probability: (name, p) => `P(${name}) = ${p}`,
    targetValue: (y) => `target y = ${y}`,
    outputValue: (y) => `prediction ŷ = ${y}`,
    topProbability: 'probability of the most likely class',
    marks: {right: 'right', wrong: 'wrong', none: 'no target'},
  },
  stripHint: 'Each column is a time step: the input x, the target y (— if that step has none) and the output ŷ (one bar per class; the tallest is the prediction).',
  stripFailed: (why) => `The predictions could not be computed: ${why}`,
  // exports
  exportLoss: 'sequences-loss',
  exportStrip: 'sequence-predictions',
  csvStrip: ['t', 'x', 'target', 'prediction', 'right'],
  csvCurves: ['iteration', 'loss', 'accuracy', 'validation_loss', 'validation_accuracy'],
};
