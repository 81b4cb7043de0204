// Lesson 2's edits as pure functions: an RNN scenario (docs/scenario.md) in, a new consistent one
// out. Only the first sequence is the lesson's; shapes are kept in agreement with model.*_size.
// Limits, option lists and defaults come from the core's spec (web/core/spec.js), read when asked.
import {range, spec} from '../../core/spec.js';
import {limits as mlpLimits} from '../editor/scenario.js';

export {LIMITS, learningRate, setLearningRate, setLoss} from '../editor/scenario.js';

// The lesson's editor limits: input, hidden and output sizes, time steps T, a typed value, η.
export function limits() {
  const {value, lr} = mlpLimits();
  return {size: range(spec().lesson.rnn.size), steps: range(spec().lesson.rnn.steps), value, lr};
}

const rnn = () => spec().scenario.rnn;
// f: the core's hidden activations but softmax (h_t is a state, not a distribution); g: all.
export const hiddenActivations = () => rnn().hidden_activation.values.filter((f) => f !== 'softmax');
export const outputActivations = () => rnn().output_activation.values;
export const losses = () => rnn().loss.values;

// Drawn parameters need an initialisation: when the scenario names none, the lesson's U(−s, s)
// with the core's default scale and seed.
const LESSON_INIT_SCHEME = 'uniform';
export function lessonInit() {
  const {init} = spec().scenario;
  return {scheme: LESSON_INIT_SCHEME, scale: init.scale.default, seed: init.seed.default};
}

export const lossOf = (s) => s.model.loss ?? rnn().loss.default;
export const biasOf = (s) => (s.model.bias ?? rnn().bias.default) === true;
export const hiddenActivationOf = (s) => s.model.hidden_activation ?? rnn().hidden_activation.default;
export const outputActivationOf = (s) => s.model.output_activation ?? rnn().output_activation.default;
export const sequenceOf = (s) => s.data.sequences[0];
export const stepsOf = (s) => sequenceOf(s).inputs.length;
export const lossesFor = (g) => losses().filter((loss) => loss !== 'cross_entropy' || g === 'softmax');

// The shape of every trainable parameter: [rows, cols] for matrices, [n] for vectors.
export function shapesOf(model) {
  const {input_size: I, hidden_size: H, output_size: O} = model;
  const shapes = {U: [H, I], V: [H, H], W: [O, H]};
  if ((model.bias ?? rnn().bias.default) === true) Object.assign(shapes, {b: [H], c: [O]});
  return shapes;
}

// h₀ as the step starts: given, or the core's zeros.
export const h0Of = (s, current) =>
  current?.h0 ?? s.parameters?.h0 ?? new Array(s.model.hidden_size).fill(0);

const isNumber = (v) => typeof v === 'number';
const isVector = (v, n) => Array.isArray(v) && v.length === n && v.every(isNumber);
const fits = (v, [rows, cols]) =>
  cols === undefined ? isVector(v, rows) : Array.isArray(v) && v.length === rows && v.every((r) => isVector(r, cols));

const padRow = (row, n, fill = 0) => Array.from({length: n}, (_, i) => (isNumber(row?.[i]) ? row[i] : fill));
const oneHot = (n) => Array.from({length: n}, (_, i) => (i === 0 ? 1 : 0));
// A new or emptied target row: zeros, or a one-hot class for cross-entropy.
const blankTarget = (n, loss) => (loss === 'cross_entropy' ? oneHot(n) : new Array(n).fill(0));
// A null target row (no loss at that step) stays null.
const resizeTarget = (row, n, loss) => {
  if (row === null) return null;
  const next = padRow(row, n);
  return loss === 'cross_entropy' && next.every((v) => v === 0) ? oneHot(n) : next;
};

const clone = (v) => structuredClone(v);
const withInit = (next) => {
  if (!next.init) next.init = lessonInit();
  return next;
};
const withModel = (scenario, patch) => {
  const next = clone(scenario);
  Object.assign(next.model, patch);
  return next;
};

// Every parameter explicit: the values the step starts from (current = trace.parameters) plus h₀
// when given (the trace does not carry it).
function explicit(scenario, current) {
  const parameters = {};
  for (const name of Object.keys(shapesOf(scenario.model))) {
    const value = current?.[name] ?? scenario.parameters?.[name];
    if (value !== undefined) parameters[name] = clone(value);
  }
  const h0 = current?.h0 ?? scenario.parameters?.h0;
  if (h0 !== undefined) parameters.h0 = clone(h0);
  return parameters;
}

// New sizes: every parameter that still fits is kept (from the trace, so that the draws of the
// others cannot move it), the others are left to `init`; h₀ and the data keep what fits, padded
// with zeros.
function resize(scenario, current, sizes) {
  const next = clone(scenario);
  next.model = {...next.model, ...sizes};
  const {hidden_size: H, input_size: I, output_size: O} = next.model;
  const old = explicit(scenario, current);
  const parameters = {};
  let drawn = false;
  for (const [name, shape] of Object.entries(shapesOf(next.model))) {
    if (fits(old[name], shape)) parameters[name] = old[name];
    else drawn = true;
  }
  if (old.h0 !== undefined) parameters.h0 = padRow(old.h0, H);
  if (Object.keys(parameters).length > 0) next.parameters = parameters;
  else delete next.parameters;
  const loss = lossOf(next);
  for (const seq of next.data.sequences) {
    seq.inputs = seq.inputs.map((row) => padRow(row, I));
    seq.targets = seq.targets.map((row) => resizeTarget(row, O, loss));
  }
  return drawn ? withInit(next) : next;
}

// which: 'input_size' | 'hidden_size' | 'output_size'.
export const setSize = (scenario, current, which, n) => resize(scenario, current, {[which]: n});

// T time steps for the lesson's sequence: truncated, or padded with zero inputs and blank targets.
export function setSteps(scenario, T) {
  const next = clone(scenario);
  const seq = sequenceOf(next);
  const {input_size: I, output_size: O} = next.model;
  const loss = lossOf(next);
  seq.inputs = Array.from({length: T}, (_, t) => seq.inputs[t] ?? new Array(I).fill(0));
  seq.targets = Array.from({length: T}, (_, t) => (t < seq.targets.length ? seq.targets[t] : blankTarget(O, loss)));
  // The core needs one target at least: the last step gets one if truncation left none.
  if (seq.targets.every((row) => row === null)) seq.targets[T - 1] = blankTarget(O, loss);
  return next;
}

export const setHiddenActivation = (scenario, f) => withModel(scenario, {hidden_activation: f});

// Leaving softmax drops the cross-entropy loss, which needs it.
export function setOutputActivation(scenario, g) {
  const next = withModel(scenario, {output_activation: g});
  if (g !== 'softmax' && lossOf(next) === 'cross_entropy') next.model.loss = rnn().loss.default;
  return next;
}

// Biases on: b and c are drawn from `init`. Off: they are dropped.
export function setBias(scenario, on) {
  const next = withModel(scenario, {bias: on});
  if (next.parameters) {
    delete next.parameters.b;
    delete next.parameters.c;
    if (Object.keys(next.parameters).length === 0) delete next.parameters;
  }
  return on ? withInit(next) : next;
}

// One entry of U, V, W (i, j) or b, c (i): every parameter becomes explicit.
export function setParameter(scenario, current, name, i, j, value) {
  const next = clone(scenario);
  next.parameters = explicit(scenario, current);
  if (j === null) next.parameters[name][i] = value;
  else next.parameters[name][i][j] = value;
  return next;
}

export function setH0(scenario, current, i, value) {
  const next = clone(scenario);
  const h0 = h0Of(scenario, current).slice();
  h0[i] = value;
  next.parameters = {...(next.parameters ?? {}), h0};
  return next;
}

// which: 'inputs' | 'targets'; time step t (0-based), component j.
export function setSequence(scenario, which, t, j, value) {
  const next = clone(scenario);
  const rows = sequenceOf(next)[which];
  rows[t] ??= new Array(which === 'inputs' ? next.model.input_size : next.model.output_size).fill(0);
  rows[t][j] = value;
  return next;
}

// Whether time step t has a target (counts in the loss): off makes its row null.
export function setTargetPresent(scenario, t, on) {
  const next = clone(scenario);
  const {targets} = sequenceOf(next);
  targets[t] = on ? blankTarget(next.model.output_size, lossOf(next)) : null;
  return next;
}
