// The settings of the labs on points in the plane (1 clasificacion, 3 regularizacion, 5
// hiperparametros) as they live in the address: the view, the options they offer, and lab 1's
// fields (lab 5 keeps their ranges, so that its best configuration always opens in lab 1).
import {choice, int} from '../../forms/settings.js';
import {lrField, pointFields} from './fields.js';

// Parsing a field, a link's settings and writing them back: the labs' shared settings module.
export {parseField, readParams, writeParams} from '../../forms/settings.js';

// The part of the plane shown (the data lie in about [−1, 1]²).
export const VIEW = {x0: -1.6, x1: 1.6, y0: -1.6, y1: 1.6};
// The labs' own choices among the core's activations and optimizers.
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'];
export const OPTIMIZERS = ['sgd', 'adam'];

// Lab 1 (its names are fixed: lab 5 links into it with them). hidden ≤ 32, epochs ≤ 2,000: the
// lab's own limits, so that a run stays live. Linearly separable data by default, as the
// exercise's statement asks (its "Qué observar" then suggests XOR, circles, the spiral).
export const classificationFields = {
  ...pointFields({shape: 'linear', count: 200, noise: 0.15, validation: 0.3}),
  hidden: int(1, 32, 8),
  activation: choice(ACTIVATIONS, 'tanh'),
  lr: lrField(0.03),
  epochs: int(1, 2000, 200),
  batch: int(1, 2000, 10),
  optimizer: choice(OPTIMIZERS, 'adam'),
};
