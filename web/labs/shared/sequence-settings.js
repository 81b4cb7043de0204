// The sequence labs' settings (labs 7, 9 and 10): each field's kind, range and default, and the
// rules between fields (read, checked and written by web/labs/ui/settings.js). Pure: no DOM, no core.
import {choice, int, num, readParams as readSettings} from '../ui/settings.js';

export const TASKS = ['echo', 'parity', 'running_sum'];
export const HIDDEN_ACTIVATIONS = ['tanh', 'sigmoid', 'relu'];
export const SUM_OUTPUTS = ['linear', 'sigmoid'];  // g for running_sum (echo and parity use softmax)
export const OPTIMIZERS = ['adam', 'sgd'];

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

// A link's settings (ui/settings.js readParams, options: labels, notice): a pair that breaks a rule
// between fields falls back as a pair.
export const readParams = (fields, params, options) => readSettings(fields, params, {...options, rules: linkRules});

function linkRules(values, fields) {
  const invalid = [];
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
  return invalid;
}
