// The settings of the activaciones and lotes labs: each field's kind, range and default (read,
// checked and written by web/labs/ui/settings.js). Pure: no DOM, no core.
import {choice, int, num} from '../ui/settings.js';

export const SHAPES = ['linear', 'xor', 'circles', 'spiral'];
export const ACTIVATIONS = ['relu', 'sigmoid', 'tanh'];
export const VALIDATION = 0.3;  // the share of the points held out for validation
const MAX_SEED = Number.MAX_SAFE_INTEGER;

// Lab 2: the same data and initial weights trained three times, once per hidden activation.
export const activationFields = {
  shape: choice(SHAPES, 'circles'),
  count: int(10, 2000, 200),
  noise: num(0, 2, 0.1),
  seed: int(0, MAX_SEED, 1),
  layers: int(1, 6, 1),
  hidden: int(1, 32, 8),
  lr: num(1e-6, 10, 0.5),
  epochs: int(1, 20000, 2000),
  target: num(1e-9, 10, 0.1),
};

// The deep variant: four hidden layers of eight, where sigmoid's gradient vanishes.
export const DEEP = {layers: 4, hidden: 8};
