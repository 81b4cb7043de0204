// The settings of the classification labs as they live in the address: each field's kind, range
// and default; parsing what a student types or a link holds, and the points added by clicking.
import {choice, int, num} from '../ui/settings.js';

// Parsing a field, a link's settings and writing them back: the labs' shared settings module.
export {parseField, readParams, writeParams} from '../ui/settings.js';

// The part of the plane shown (the data lie in about [−1, 1]²).
export const VIEW = {x0: -1.6, x1: 1.6, y0: -1.6, y1: 1.6};
export const SHAPES = ['linear', 'xor', 'circles', 'spiral'];
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'];
export const OPTIMIZERS = ['sgd', 'adam'];
export const MAX_EXTRA = 200;

// Lab 1 (its names are fixed: lab 5 links into it with them).
export const classificationFields = {
  shape: choice(SHAPES, 'xor'),
  count: int(10, 2000, 200),
  noise: num(0, 2, 0.15),
  validation: num(0, 0.9, 0.3),
  seed: int(0, Number.MAX_SAFE_INTEGER, 1),
  hidden: int(1, 32, 8),
  activation: choice(ACTIVATIONS, 'tanh'),
  lr: num(1e-6, 10, 0.03),
  epochs: int(1, 2000, 200),
  batch: int(1, 2000, 10),
  optimizer: choice(OPTIMIZERS, 'adam'),
};

// A point added by a click, rounded as the address keeps it.
export const roundPoint = ([x, y, c]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100, c];

// "x,y,c;x,y,c" ⇄ [[x, y, c], …]: c is the class (0 or 1), x and y inside the view.
export function formatExtra(points) {
  return points.map((p) => roundPoint(p).join(',')).join(';');
}

// {ok: true, points} or {ok: false, points: the valid ones}: a link with a bad entry keeps the rest.
export function parseExtra(text) {
  const points = [];
  let ok = true;
  const source = String(text ?? '').trim();
  if (source === '') return {ok, points};
  for (const entry of source.split(';')) {
    const parts = entry.split(',').map((s) => s.trim());
    const [x, y, c] = parts.map(Number);
    const inside = (v, lo, hi) => parts.length === 3 && parts.every((s) => s !== '') && Number.isFinite(v) && v >= lo && v <= hi;
    if (inside(x, VIEW.x0, VIEW.x1) && inside(y, VIEW.y0, VIEW.y1) && (c === 0 || c === 1) && points.length < MAX_EXTRA) {
      points.push(roundPoint([x, y, c]));
    } else ok = false;
  }
  return {ok, points};
}

// Lab 3: harder, noisier data with few training points, a large hidden layer, and the strengths.
export const regularizationFields = {
  shape: choice(SHAPES, 'circles'),
  count: int(10, 2000, 100),
  noise: num(0, 2, 0.35),
  validation: num(0.1, 0.9, 0.5),
  seed: int(0, Number.MAX_SAFE_INTEGER, 1),
  hidden: int(1, 32, 32),
  activation: choice(ACTIVATIONS, 'relu'),
  lr: num(1e-6, 10, 0.01),
  epochs: int(1, 5000, 1000),
  batch: int(1, 2000, 10),
  optimizer: choice(OPTIMIZERS, 'adam'),
  l1: num(0, 1, 0),
  l2: num(0, 1, 0.01),
};
