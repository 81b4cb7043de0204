// The settings of the activaciones and lotes labs as they live in the address: each field's
// kind, range and default, parsing what a student types or a link holds, writing values back.
// Pure: no DOM, no core.
import {parseNumber} from '../../components/editor/number.js';

export const SHAPES = ['linear', 'xor', 'circles', 'spiral'];
export const ACTIVATIONS = ['relu', 'sigmoid', 'tanh'];
export const VALIDATION = 0.3;  // the share of the points held out for validation
const MAX_SEED = Number.MAX_SAFE_INTEGER;

export const int = (min, max, fallback) => ({kind: 'int', min, max, default: fallback});
export const num = (min, max, fallback) => ({kind: 'number', min, max, default: fallback});
export const choice = (choices, fallback) => ({kind: 'choice', choices, default: fallback});
export const flag = (fallback) => ({kind: 'flag', default: fallback});

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

// One value: {ok: true, value} or {ok: false, reason: 'empty' | 'notNumber' | 'notInteger' |
// 'range' | 'choice'}.
export function parseField(field, text) {
  const raw = String(text ?? '');
  if (field.kind === 'choice') {
    return field.choices.includes(raw) ? {ok: true, value: raw} : {ok: false, reason: 'choice'};
  }
  if (field.kind === 'flag') {
    return raw === '1' || raw === '0' ? {ok: true, value: raw === '1'} : {ok: false, reason: 'choice'};
  }
  const parsed = parseNumber(raw, {min: -Infinity, max: Infinity});
  if (!parsed.ok) return parsed;
  if (field.kind === 'int' && !Number.isInteger(parsed.value)) return {ok: false, reason: 'notInteger'};
  if (parsed.value < field.min || parsed.value > field.max) return {ok: false, reason: 'range'};
  return parsed;
}

// A link's settings (URLSearchParams or a plain object): {values, invalid: [names whose value was
// refused and replaced by the default]}. A missing key takes its default silently.
export function readParams(fields, params) {
  const get = typeof params?.get === 'function' ? (name) => params.get(name) : (name) => params?.[name];
  const values = {};
  const invalid = [];
  for (const [name, field] of Object.entries(fields)) {
    const text = get(name);
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

// Settings as address text: numbers without float noise (0.1, not 0.10000000000000001), flags as 1/0.
export function writeParams(fields, values) {
  const out = {};
  for (const name of Object.keys(fields)) {
    const value = values[name];
    if (typeof value === 'boolean') out[name] = value ? '1' : '0';
    else out[name] = typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);
  }
  return out;
}

// What a field shows in its box.
export const fieldText = (field, value) =>
  field.kind === 'flag' ? (value ? '1' : '0') : typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);
