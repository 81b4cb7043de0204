// Lab 5's settings as they live in the address: each field's kind, range and default, reading a
// link or a form, the rules between fields. Pure: no DOM, no core. The data and network fields
// keep lab 1's ranges so that the best configuration always opens in lab 1.
import {ACTIVATIONS, SHAPES, parseField as parseScalar} from '../clasificacion/params.js';

export const MODES = ['grid', 'random'];
export const LR_SCALES = ['log', 'linear'];
export const MAX_HIDDEN = 32;      // lab 1's largest hidden layer
export const MAX_VALUES = 12;      // per axis (learning rates, hidden sizes, checkpoints)
export const MAX_TRIALS = 200;

const int = (min, max, fallback) => ({kind: 'int', min, max, default: fallback});
const num = (min, max, fallback) => ({kind: 'number', min, max, default: fallback});
const choice = (choices, fallback) => ({kind: 'choice', choices, default: fallback});
const list = (min, max, fallback) => ({kind: 'list', min, max, default: fallback});
const SEED = [0, Number.MAX_SAFE_INTEGER];

export const fields = {
  // the data (core.data({kind: 'points', …}))
  shape: choice(SHAPES, 'xor'),
  count: int(10, 2000, 200),
  noise: num(0, 2, 0.2),
  validation: num(0.05, 0.9, 0.3),
  seed: int(...SEED, 1),
  // the network and its training (SGD, as lab 1 with optimizer=sgd)
  activation: choice(ACTIVATIONS, 'tanh'),
  batch: int(1, 2000, 10),
  // the search
  mode: choice(MODES, 'grid'),
  lrMin: num(1e-6, 10, 0.001),
  lrMax: num(1e-6, 10, 3),
  lrScale: choice(LR_SCALES, 'log'),
  lrCount: int(1, MAX_VALUES, 6),
  hidden: list(1, MAX_HIDDEN, [1, 2, 4, 8, 16, 32]),
  epochs: int(1, 2000, 2000),
  checkpoints: int(1, MAX_VALUES, 6),
  trials: int(1, MAX_TRIALS, 36),
  searchSeed: int(...SEED, 1),
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

// One value: {ok: true, value} or {ok: false, reason}.
export function parseField(field, text) {
  if (field.kind === 'list') return parseHidden(text, field);
  return parseScalar(field, text);
}

// The rules between fields: {name: reason} for each field that breaks one.
export function crossCheck(values) {
  const wrong = {};
  if (values.lrMin !== undefined && values.lrMax !== undefined && values.lrMin > values.lrMax) wrong.lrMax = 'lrOrder';
  return wrong;
}

// A link's settings: {values, invalid: [names refused and replaced by their default]}. A missing
// key takes its default silently; a pair that breaks a rule between fields falls back as a pair.
export function readParams(params) {
  const values = {};
  const invalid = [];
  for (const [name, field] of Object.entries(fields)) {
    const text = params.get(name);
    if (text === null || text === undefined) {
      values[name] = field.default;
      continue;
    }
    const parsed = parseField(field, text);
    if (parsed.ok) values[name] = parsed.value;
    else {
      values[name] = field.default;
      invalid.push(name);
    }
  }
  if (crossCheck(values).lrMax) {
    values.lrMin = fields.lrMin.default;
    values.lrMax = fields.lrMax.default;
    for (const name of ['lrMin', 'lrMax']) if (!invalid.includes(name)) invalid.push(name);
  }
  return {values, invalid};
}

// Settings as address text: numbers without trailing noise (0.1, not 0.10000000000000001).
export const textOf = (value) =>
  Array.isArray(value) ? value.join(',') : typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);

export function writeParams(values) {
  const out = {};
  for (const name of Object.keys(fields)) out[name] = textOf(values[name]);
  return out;
}
