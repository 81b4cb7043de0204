// Lab 2's settings (activaciones): each field's kind, range and default (read, checked and written
// by web/forms/settings.js). Pure: no DOM.
import {int, num} from '../../forms/settings.js';
import {lrField, pointFields} from '../shared/fields.js';

// Lab 2: the same data and initial weights trained three times, once per hidden activation.
export const activationFields = {
  ...pointFields({shape: 'circles', count: 200, noise: 0.1}),
  layers: int(1, 6, 1),
  hidden: int(1, 32, 8),
  lr: lrField(0.5),
  epochs: int(1, 20000, 2000),
  target: num(1e-9, 10, 0.1),
};

// The deep variant: four hidden layers of eight, where sigmoid's gradient vanishes.
export const DEEP = {layers: 4, hidden: 8};
