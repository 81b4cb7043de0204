// Lab 2 (MLP exercise 2): the same network with ReLU, sigmoid and tanh in the hidden layer.
import {formatPercent} from '../../../format.js';
export const activaciones = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {lab: 'activations', loss: 'loss', gradients: 'gradients', layers: 'layers'},
  title: 'Comparing activation functions',
  exercise: 'Exercise 2 (MLP)',
  summary: 'The same network with ReLU, sigmoid and tanh: speed of convergence and size of the gradients.',
  statement:
    '**Comparing activation functions.** Modify the network from exercise 1 to try different activation functions ' +
    '(ReLU, sigmoid, tanh) in the hidden layer. Compare how training performs with each activation function. ' +
    'Observe how the speed of convergence changes and whether any configuration is particularly prone to problems ' +
    'such as vanishing or exploding gradients.',
};

// The lab's own texts (web/labs/activaciones/).
Object.assign(activaciones, {
  shapes: {linear: 'Linear (separable)', xor: 'XOR', circles: 'Circles', spiral: 'Spiral'},
  groups: {data: 'Data', network: 'Network', training: 'Training'},
  fields: {
    shape: 'Data shape',
    count: 'Points',
    noise: 'Noise',
    seed: 'Seed',
    layers: 'Hidden layers',
    hidden: 'Units per layer',
    lr: 'Learning rate η',
    epochs: 'Epochs',
    target: 'Target loss',
  },
  deep: 'Deep variant (4 layers of 8)',
  shallow: 'One-hidden-layer variant (8)',
  deepHint: 'With 4 hidden layers the gradient has to pass through more derivatives σ′ ≤ 0.25 before it reaches W⁽¹⁾.',
  run: 'Train all three',
  setup: (n, val) => `${n} training points and ${val} validation points; full-batch gradient descent (one update per epoch), the same seed and the same initial weights for all three.`,
  badLink: (names) => `The link had invalid values (${names.join(', ')}); the defaults are used instead.`,
  invalidForm: 'Fix the highlighted fields to train.',
  lookTitle: 'What to look for',
  look: [
    'The three networks start from the same weights and see the same data: only the activation of the hidden layers changes.',
    'Loss curves (log scale): how many epochs each one takes to go down. Sigmoid often sits on a plateau near ln 2 ≈ 0.693 (the loss of a random guess) before it takes off.',
    'Gradient norms: if ‖∂L/∂W⁽¹⁾‖ (solid line) stays far below ‖∂L/∂W⁽ᴸ⁾‖ (dashed), the gradient vanishes as it is backpropagated: every layer multiplies it by f′(z), and σ′(z) ≤ 0.25. Press “Deep variant” to see it clearly.',
    'A gradient that grows out of control (exploding) would show as norms rising decade after decade and a loss that jumps about; try a large η.',
  ],
  lossChart: 'Training loss per epoch',
  lossChartWhat: 'the loss chart',
  normsChart: 'Gradient norm of the first and the last layer',
  normsChartWhat: 'the gradient norms chart',
  profileChart: 'Gradient norm of each layer at the start',
  profileChartWhat: 'the per-layer norms chart',
  profileCaption: 'In the first epoch: ‖∂L/∂W⁽ˡ⁾‖ of each layer l. If it shrinks going towards layer 1, the gradient is vanishing.',
  axisEpoch: 'Epoch',
  axisLoss: 'Loss (log scale)',
  axisNorm: 'Norm (log scale)',
  axisLayer: 'Layer',
  layerTick: (l, last) => (l === last ? `${l} (output)` : String(l)),
  seriesFirst: (act) => `${act}: ‖∂L/∂W⁽¹⁾‖`,
  seriesLast: (act, l) => `${act}: ‖∂L/∂W⁽${l}⁾‖`,
  tableTitle: 'Results',
  tableWhat: 'the results table',
  columns: {
    activation: 'Activation',
    reach: (target) => `Epochs to loss ≤ ${target}`,
    loss: 'Final loss',
    accuracy: 'Accuracy (training)',
    validationAccuracy: 'Accuracy (validation)',
    ratio: '‖∂L/∂W⁽¹⁾‖ / ‖∂L/∂W⁽ᴸ⁾‖ at the start',
    time: 'Time',
  },
  csvColumns: ['activation', 'epochs_to_target', 'target', 'final_loss', 'train_accuracy', 'validation_accuracy', 'first_last_gradient_ratio', 'elapsed_ms'],
  notReached: 'not reached',
  pending: '…',
  percent: (x) => formatPercent(x),
  summaryTitle: 'What this run shows',
  findings: {
    fastest: (act, epochs) => `Fastest to reach the target loss: ${act} (${epochs} epochs).`,
    slower: (act, epochs, times) => `${act} needs ${epochs} epochs (${times} times as many).`,
    none: (target) => `None reaches a loss of ${target} within these epochs: try more epochs or a larger η.`,
    notReached: (act, target, epochs) => `${act} does not reach ${target} in ${epochs} epochs.`,
    vanishing: (act, ratio) => `With ${act}, at the start, the gradient of W⁽¹⁾ is ${ratio} times smaller than the last layer’s: it vanishes towards the first layers.`,
    stuck: (act) => `The loss of ${act} is still close to ln 2 ≈ 0.693: the network has barely learned anything (it is no better than chance).`,
  },
  failed: (act, why) => `${act}: ${why}`,
});
