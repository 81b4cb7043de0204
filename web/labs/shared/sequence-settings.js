// The sequence labs' settings (labs 7, 9 and 10): each field's kind, range and default, and the
// rules between fields (read, checked and written by web/forms/settings.js). Pure: no DOM; the
// ranges the core sets are read from its spec (shared/fields.js).
import {choice, int, readParams as readSettings} from '../../forms/settings.js';
import {coreChoice, coreRange, fromCore, lrField, seedField, sequenceTasks} from './fields.js';

// The labs' own choices among the core's activations and optimizers.
export const HIDDEN_ACTIVATIONS = ['tanh', 'sigmoid', 'relu'];
export const SUM_OUTPUTS = ['linear', 'sigmoid'];  // g for running_sum (echo and parity use softmax)
export const OPTIMIZERS = ['adam', 'sgd'];

const sequences = (name) => (s) => s.data.sequences[name];

// The data set (core.data({kind: 'sequences', …})); the labs' own limits where they are narrower
// than the core's: a delay of at most 20 steps, at most 4,000 sequences.
export const dataFields = {
  task: coreChoice(sequenceTasks, 'echo'),
  delay: fromCore(int(1, 20), {default: (s) => s.data.sequences.delay.default}),
  count: int(4, 4000, 200),
  minLength: coreRange('int', sequences('min_length'), 4),
  maxLength: coreRange('int', sequences('max_length'), 10),
  validation: coreRange('number', sequences('validation'), 0.25, {min: 0.05}),
  dataSeed: seedField(1),
};

// The model and its training (at most 32 hidden units and 100,000 steps: the labs' own limits).
export const trainFields = {
  hidden: int(1, 32, 16),
  f: choice(HIDDEN_ACTIVATIONS, 'tanh'),
  g: choice(SUM_OUTPUTS, 'linear'),
  optimizer: choice(OPTIMIZERS, 'adam'),
  lr: lrField(0.01),
  batch: int(1, 4000, 16),
  steps: int(1, 100000, 1500),
  seed: seedField(1),
};

// At most this many time steps in a data set: it is generated and handed to the worker by the
// page, which must stay responsive (core.data measured at 20–70 ms for 20,000 steps on a loaded 2-core machine).
export const MAX_STEPS_IN_DATA = 20_000;

// The rules between fields: {name: reason} for each field that breaks one ('lengths': the
// minimum length above the maximum; 'echo': echo sequences no longer than the delay, which have
// no target; 'size': count × maximum length above MAX_STEPS_IN_DATA; 'batch': more sequences per
// batch than the training set has). trainingCount(values): the sequences the core keeps for
// training (sequence-scenario.js trainingCounter: counted in the data set it draws; null where it
// refuses the settings); without it, or while the data's own rules are broken, the batch's rule
// waits.
export function crossCheck(values, trainingCount) {
  const wrong = {};
  if (values.minLength !== undefined && values.maxLength !== undefined && values.minLength > values.maxLength) {
    wrong.minLength = 'lengths';
  } else if (values.task === 'echo' && values.minLength !== undefined && values.minLength <= values.delay) {
    wrong.minLength = 'echo';
  }
  if (values.count !== undefined && values.maxLength !== undefined && values.count * values.maxLength > MAX_STEPS_IN_DATA) {
    wrong.count = 'size';
  }
  if (values.batch !== undefined && trainingCount && !wrong.minLength && !wrong.count) {
    const sequences = trainingCount(values);
    if (sequences !== null && values.batch > sequences) wrong.batch = 'batch';
  }
  return wrong;
}

// A link's settings (web/forms/settings.js readParams; options: labels, notice, trainingCount as
// for crossCheck): a pair that breaks a rule between fields falls back as a pair; a batch larger
// than the training set falls back to at most the set.
export const readParams = (fields, params, {trainingCount, ...options} = {}) =>
  readSettings(fields, params, {...options, rules: (values) => linkRules(values, fields, trainingCount)});

function linkRules(values, fields, trainingCount) {
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
  if (fields.batch && crossCheck(values, trainingCount).batch) {
    values.batch = Math.min(fields.batch.default, trainingCount(values));
    invalid.push('batch');
  }
  return invalid;
}
