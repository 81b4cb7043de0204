// Lab 4's settings (lotes) as they live in the address (read and written by web/forms/settings.js).
import {choice, flag, int, num} from '../../forms/settings.js';
import {lrField, pointFields} from '../shared/fields.js';
import {ACTIVATIONS} from '../shared/compare-scenario.js';

export const batchFields = {
  ...pointFields({shape: 'xor', count: 200, noise: 0.1}),
  activation: choice(ACTIVATIONS, 'tanh'),
  hidden: int(1, 32, 8),
  lr: lrField(0.2),
  epochs: int(1, 1000, 100),
  batch: int(1, 2000, 16),
  shuffle: flag(true),
  target: num(1e-9, 10, 0.1),
};

// The three runs: one example per update, the mini-batch, the whole training set.
export const RUNS = ['sgd', 'mini', 'full'];
export const runBatch = (run, batch) => (run === 'sgd' ? 1 : run === 'mini' ? batch : null);

// Loss points per run sent by the worker: at most about this many (a long SGD run is sampled).
export const MAX_LOSSES = 20_000;
export const lossEvery = (steps) => Math.max(1, Math.ceil(steps / MAX_LOSSES));
