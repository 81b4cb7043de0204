// Lab 4 (MLP exercise 4): batch size, from one example at a time to the whole data set.
import {formatPercent} from '../../../format.js';
export const lotes = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {lab: 'batches', results: 'results', updates: 'updates', epochs: 'epochs'},
  title: 'Batch sizes',
  exercise: 'Exercise 4 (MLP)',
  summary: 'Stochastic, mini-batch and full-batch gradient descent: stability and speed.',
  statement:
    '**Experimenting with batch sizes.** Implement backpropagation with different batch sizes: from stochastic ' +
    'gradient descent (one example at a time) to batch gradient descent (the whole data set at once). Analyze how the ' +
    'stability and the speed of convergence of training change with the different batch sizes. Consider including a ' +
    'plot of how the loss decreases over the iterations for each batch size.',
};

// The lab's own texts (web/labs/lotes/).
Object.assign(lotes, {
  fields: {
    shape: 'Data shape',
    count: 'Points',
    noise: 'Noise',
    seed: 'Seed',
    activation: 'Hidden activation',
    hidden: 'Hidden units',
    lr: 'Learning rate η',
    epochs: 'Epochs',
    batch: 'Mini-batch size',
    shuffle: 'Shuffle every epoch',
    target: 'Target loss',
  },
  shuffleOn: 'Yes',
  shuffleOff: 'No',
  groups: {data: 'Data', network: 'Network', training: 'Training'},
  run: 'Train all three',
  runs: {
    sgd: 'Stochastic (batch 1)',
    mini: (b) => `Mini-batch (${b})`,
    full: 'Full batch',
  },
  runsShort: {sgd: 'batch 1', mini: (b) => `mini-batch ${b}`, full: 'full batch'},
  setup: (n, val) => `${n} training points and ${val} validation points; the same network, the same initial weights and the same η for all three. Updates per epoch = ⌈n / batch size⌉.`,
  miniClamped: (b, n) => `The mini-batch (${b}) is not smaller than the training set (${n}): it is the same as the full batch.`,
  badLink: (names) => `The link had invalid values (${names.join(', ')}); the defaults are used instead.`,
  invalidForm: 'Fix the highlighted fields to train.',
  lookTitle: 'What to look for',
  look: [
    'The three trainings go through the data for the same number of epochs; what changes is how many examples each weight update uses.',
    'Against updates: with batch 1 every step follows the gradient of a single example, so the batch loss jumps around a lot (little stability); with the full batch every step follows the exact gradient and the curve is smooth, but there is only one update per epoch.',
    'Against epochs (the loss over the whole training set at the end of each epoch): small batches make many more updates with the same data and usually get down sooner; the full batch goes down slowly with the same η.',
    'Time: every update has a fixed cost, so more updates per epoch take more computing time; the mini-batch is usually the balance between stability, speed and cost.',
  ],
  updatesChart: 'Batch loss at each update',
  updatesChartWhat: 'the loss-per-update chart',
  updatesCaption: 'The loss of the batch each step is taken on (what the optimizer “sees”), before the update. Logarithmic horizontal axis: the full batch takes so few steps that they would not show on a linear scale.',
  epochsChart: 'Training loss at the end of each epoch',
  epochsChartWhat: 'the loss-per-epoch chart',
  epochsCaption: 'The loss over the whole training set, evaluated by the core at the end of each epoch.',
  updateTitle: (i) => `Update ${i}`,
  axisUpdates: 'Updates (log scale)',
  axisEpoch: 'Epoch',
  axisLoss: 'Loss (log scale)',
  tableTitle: 'Results',
  tableWhat: 'the results table',
  columns: {
    run: 'Training',
    batch: 'Batch size',
    perEpoch: 'Updates per epoch',
    updates: 'Total updates',
    reach: (target) => `Epochs to loss ≤ ${target}`,
    loss: 'Final loss',
    validationAccuracy: 'Accuracy (validation)',
    time: 'Computing time',
  },
  csvColumns: ['run', 'batch_size', 'updates_per_epoch', 'updates', 'epochs_to_target', 'target', 'final_loss', 'validation_accuracy', 'elapsed_ms'],
  notReached: 'not reached',
  pending: '…',
  percent: (x) => formatPercent(x),
  timeNote: 'The three are trained one after another on the same computation thread, so that their times are comparable.',
  failed: (run, why) => `${run}: ${why}`,
});
