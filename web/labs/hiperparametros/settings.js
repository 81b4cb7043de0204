// Lab 5's settings as they live in the address: each field's kind, range and default, reading a
// link or a form (the labs' shared settings module), the rules between fields. Pure: no DOM. The
// data and network fields are lab 1's, so that the best configuration always opens in lab 1.
import {choice, fieldText, int, parseField, readParams as readSettings, writeParams as writeSettings} from '../../forms/settings.js';
import {coreRange, lrField, seedField, withDefault} from '../shared/fields.js';
import {ACTIVATIONS, classificationFields as LAB1} from '../shared/plane-settings.js';

export {parseField};

export const MODES = ['grid', 'random'];
export const LR_SCALES = ['log', 'linear'];
export const MAX_HIDDEN = LAB1.hidden.max;  // lab 1's largest hidden layer
export const MAX_VALUES = 12;      // per axis (learning rates, hidden sizes, checkpoints)
export const MAX_TRIALS = 200;

// Hidden sizes: a list typed as "1, 2, 4" or "4-8" (parseHidden below).
const list = (min, max, fallback) => ({kind: 'list', min, max, default: fallback, parse: (text, field) => parseHidden(text, field)});

export const fields = {
  // the data (core.data({kind: 'points', …})): lab 1's
  shape: withDefault(LAB1.shape, 'xor'),  // a search has something to find (lab 1 starts linear)
  count: LAB1.count,
  noise: withDefault(LAB1.noise, 0.2),
  validation: coreRange('number', (s) => s.data.points.validation, 0.3, {min: 0.05}),
  seed: LAB1.seed,
  // the network and its training (SGD, as lab 1 with optimizer=sgd)
  activation: choice(ACTIVATIONS, 'tanh'),
  batch: LAB1.batch,
  // the search
  mode: choice(MODES, 'grid'),
  lrMin: lrField(0.001),
  lrMax: lrField(3),
  lrScale: choice(LR_SCALES, 'log'),
  lrCount: int(1, MAX_VALUES, 6),
  hidden: list(1, MAX_HIDDEN, [1, 2, 4, 8, 16, 32]),
  epochs: withDefault(LAB1.epochs, 2000),
  checkpoints: int(1, MAX_VALUES, 6),
  trials: int(1, MAX_TRIALS, 36),
  // the seed of the lab's own generator of random trials (shared/random.js), a seed as the core's
  searchSeed: seedField(1),
};

// Hidden sizes as typed: "1, 2, 4" or ranges "4-8" (every size from 4 to 8), separated by commas,
// semicolons or spaces. {ok: true, value: sorted distinct sizes} or {ok: false, reason:
// 'empty' | 'notInteger' | 'range' | 'tooMany'}.
export function parseHidden(text, {min = 1, max = MAX_HIDDEN} = {}) {
  const entries = String(text ?? '').trim().split(/[\s,;]+/).filter((e) => e !== '');
  if (!entries.length) return {ok: false, reason: 'empty'};
  const sizes = new Set();
  for (const entry of entries) {
    const match = /^(\d+)(?:\s*[-\u2013]\s*(\d+))?$/.exec(entry);
    if (!match) return {ok: false, reason: 'notInteger'};
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    if (a < min || b > max || a > b) return {ok: false, reason: 'range'};
    if (b - a >= MAX_VALUES) return {ok: false, reason: 'tooMany'};
    for (let h = a; h <= b; h++) sizes.add(h);
  }
  if (sizes.size > MAX_VALUES) return {ok: false, reason: 'tooMany'};
  return {ok: true, value: [...sizes].sort((x, y) => x - y)};
}

export const formatHidden = (sizes) => sizes.join(', ');

// The rules between fields: {name: reason} for each field that breaks one.
export function crossCheck(values) {
  const wrong = {};
  if (values.lrMin !== undefined && values.lrMax !== undefined && values.lrMin > values.lrMax) wrong.lrMax = 'lrOrder';
  return wrong;
}

// A link's settings: {values, invalid: [names refused and replaced by their default]}. A missing
// key takes its default silently; a pair that breaks a rule between fields falls back as a pair.
export const readParams = (params) => readSettings(fields, params, {rules: (values) => {
  if (!crossCheck(values).lrMax) return [];
  values.lrMin = fields.lrMin.default;
  values.lrMax = fields.lrMax.default;
  return ['lrMin', 'lrMax'];
}});

// Settings as address text: numbers without trailing noise (0.1, not 0.10000000000000001).
export const textOf = fieldText;

export const writeParams = (values) => writeSettings(fields, values);
