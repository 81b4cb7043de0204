// The settings of the classification labs as they live in the address: each field's kind, range
// and default; parsing what a student types or a link holds, and the points added by clicking.
import {parseNumber} from '../../components/editor/number.js';

// The part of the plane shown (the data lie in about [−1, 1]²).
export const VIEW = {x0: -1.6, x1: 1.6, y0: -1.6, y1: 1.6};
export const SHAPES = ['linear', 'xor', 'circles', 'spiral'];
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'];
export const OPTIMIZERS = ['sgd', 'adam'];
export const MAX_EXTRA = 200;

const int = (min, max, fallback) => ({kind: 'int', min, max, default: fallback});
const num = (min, max, fallback) => ({kind: 'number', min, max, default: fallback});
const choice = (choices, fallback) => ({kind: 'choice', choices, default: fallback});

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

// One value: {ok: true, value} or {ok: false, reason: 'empty' | 'notNumber' | 'notInteger' |
// 'range' | 'choice'}.
export function parseField(field, text) {
  const raw = String(text ?? '');
  if (field.kind === 'choice') {
    return field.choices.includes(raw) ? {ok: true, value: raw} : {ok: false, reason: 'choice'};
  }
  const parsed = parseNumber(raw, {min: -Infinity, max: Infinity});
  if (!parsed.ok) return parsed;
  if (field.kind === 'int' && !Number.isInteger(parsed.value)) return {ok: false, reason: 'notInteger'};
  if (parsed.value < field.min || parsed.value > field.max) return {ok: false, reason: 'range'};
  return parsed;
}

// A link's settings: {values, invalid: [names whose value was refused and replaced by the
// default]}. A missing key takes its default silently.
export function readParams(fields, params) {
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
  return {values, invalid};
}

// Settings as address text: numbers without trailing noise (0.1, not 0.10000000000000001).
export function writeParams(fields, values) {
  const out = {};
  for (const name of Object.keys(fields)) {
    const value = values[name];
    out[name] = typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);
  }
  return out;
}

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
