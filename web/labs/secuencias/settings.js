// The sequence labs' settings (labs 7, 9 and 10): each field's kind, range and default; reading
// them from the address or a form, writing them back. Pure: no DOM, no core.
import {parseNumber} from '../../components/editor/number.js';

export const TASKS = ['echo', 'parity', 'running_sum'];
export const HIDDEN_ACTIVATIONS = ['tanh', 'sigmoid', 'relu'];
export const SUM_OUTPUTS = ['linear', 'sigmoid'];  // g for running_sum (echo and parity use softmax)
export const OPTIMIZERS = ['adam', 'sgd'];

export const int = (min, max, fallback) => ({kind: 'int', min, max, default: fallback});
export const num = (min, max, fallback) => ({kind: 'number', min, max, default: fallback});
export const choice = (choices, fallback) => ({kind: 'choice', choices, default: fallback});
const SEED = [0, Number.MAX_SAFE_INTEGER];

// The data set (core.data({kind: 'sequences', …})).
export const dataFields = {
  task: choice(TASKS, 'echo'),
  delay: int(1, 20, 2),
  count: int(4, 4000, 200),
  minLength: int(1, 200, 4),
  maxLength: int(1, 200, 10),
  validation: num(0.05, 0.9, 0.25),
  dataSeed: int(...SEED, 1),
};

// The model and its training.
export const trainFields = {
  hidden: int(1, 32, 16),
  f: choice(HIDDEN_ACTIVATIONS, 'tanh'),
  g: choice(SUM_OUTPUTS, 'linear'),
  optimizer: choice(OPTIMIZERS, 'adam'),
  lr: num(1e-6, 10, 0.01),
  batch: int(1, 4000, 16),
  steps: int(1, 100000, 1500),
  seed: int(...SEED, 1),
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

// At most this many time steps in a data set: it is generated and handed to the worker by the
// page, which must stay responsive (core.data measured at 20–70 ms for 20,000 steps on a loaded 2-core machine).
export const MAX_STEPS_IN_DATA = 20_000;

// The rules between fields: {name: reason} for each field that breaks one ('lengths': the
// minimum length above the maximum; 'echo': echo sequences no longer than the delay, which have
// no target; 'size': count × maximum length above MAX_STEPS_IN_DATA; 'batch': more sequences per
// batch than the training set has).
export function crossCheck(values) {
  const wrong = {};
  if (values.minLength !== undefined && values.maxLength !== undefined && values.minLength > values.maxLength) {
    wrong.minLength = 'lengths';
  } else if (values.task === 'echo' && values.minLength !== undefined && values.minLength <= values.delay) {
    wrong.minLength = 'echo';
  }
  if (values.count !== undefined && values.maxLength !== undefined && values.count * values.maxLength > MAX_STEPS_IN_DATA) {
    wrong.count = 'size';
  }
  if (values.batch !== undefined && values.count !== undefined && values.validation !== undefined &&
    values.batch > trainingCount(values)) {
    wrong.batch = 'batch';
  }
  return wrong;
}

// How many sequences the core keeps for training, bounded below by 1 (its own count may differ by
// one from rounding: the batch is clamped to the real count when the scenario is built).
export const trainingCount = ({count, validation}) => Math.max(1, count - Math.round(count * validation));

// A link's settings: {values, invalid: [names refused and replaced by their default]}. A missing
// key takes its default silently; a pair that breaks a cross-field rule falls back as a pair.
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
  const wrong = crossCheck(values);
  if (wrong.minLength) {
    for (const name of ['minLength', 'maxLength', 'delay']) if (fields[name]) values[name] = fields[name].default;
    invalid.push('minLength');
  }
  if (wrong.count) {
    for (const name of ['count', 'maxLength', 'minLength']) if (fields[name]) values[name] = fields[name].default;
    invalid.push('count');
  }
  if (wrong.batch && fields.batch) {
    values.batch = Math.min(fields.batch.default, trainingCount(values));
    invalid.push('batch');
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
