// Lab 3's settings as they live in the address: harder, noisier data with few training points, a
// large hidden layer, and the strengths of the penalties (0 … 1, the lab's own slider's range).
import {choice, int, num} from '../../forms/settings.js';
import {lrField, pointFields} from '../shared/fields.js';
import {ACTIVATIONS, OPTIMIZERS} from '../shared/plane-settings.js';
import {MAX_STRENGTH} from './strength.js';

export const regularizationFields = {
  ...pointFields({shape: 'circles', count: 100, noise: 0.35, validation: 0.5, minValidation: 0.1}),
  hidden: int(1, 32, 32),
  activation: choice(ACTIVATIONS, 'relu'),
  lr: lrField(0.01),
  epochs: int(1, 5000, 1000),
  batch: int(1, 2000, 10),
  optimizer: choice(OPTIMIZERS, 'adam'),
  l1: num(0, MAX_STRENGTH, 0),
  l2: num(0, MAX_STRENGTH, 0.01),
};
