// The editor's edits as pure functions: a scenario (docs/scenario.md) in, a new consistent one out.
// Nothing here computes a trace value; shapes are only kept in agreement with model.layers. What
// the editor offers (sizes, ranges, option lists) and the defaults it writes out come from the
// core's spec (web/core/spec.js), read when asked: this module loads before the core.
import {defaultLr, range, spec} from '../../core/spec.js';
import {mlpKeys} from '../../core/trace-keys.js';

// The lesson's editor limits: hidden layers, units per layer, samples, a typed weight, bias, input
// or target (value), the learning rate; each {min, max, integer, maxExcluded}.
export function limits() {
  const {lesson} = spec();
  return {
    hidden: range(lesson.mlp.hidden_layers),
    units: range(lesson.mlp.units),
    samples: range(lesson.mlp.samples),
    value: range(lesson.value),
    lr: range(lesson.lr),
  };
}

// For the modules that still read LIMITS.value (the diagrams): the spec's, read when used.
export const LIMITS = Object.freeze({
  get value() {
    return spec().lesson.value.max;
  },
});

export const activations = () => spec().scenario.activations;
export const losses = () => spec().scenario.mlp.loss.values;
const defaultLoss = () => spec().scenario.mlp.loss.default;

// The initialisation used when a parameter has to be drawn and the scenario names none (the
// core's own default, written out so that the student's link says it).
export function defaultInit() {
  const {init} = spec().scenario;
  return {scheme: init.scheme.default, seed: init.seed.default};
}

// A hidden layer added to a network that had none takes the lesson's activation.
const NEW_HIDDEN_ACTIVATION = 'sigmoid';

export const lossOf = (scenario) => scenario.model.loss ?? defaultLoss();
// The optimizer's rate, or the core's default for it (PyTorch's) when the scenario names none.
export const learningRate = (scenario) => scenario.optimizer?.lr ?? defaultLr(scenario.optimizer?.kind);

// Losses offered for an output activation: cross-entropy only after a softmax.
export const lossesFor = (outputActivation) =>
  losses().filter((loss) => loss !== 'cross_entropy' || outputActivation === 'softmax');

const isNumber = (v) => typeof v === 'number';
const isVector = (v, n) => Array.isArray(v) && v.length === n && v.every(isNumber);
const isMatrix = (m, rows, cols) => Array.isArray(m) && m.length === rows && m.every((r) => isVector(r, cols));

const resizeRow = (row, n) => Array.from({length: n}, (_, i) => (isNumber(row?.[i]) ? row[i] : 0));
const resizeColumns = (rows, n) => rows.map((row) => resizeRow(row, n));

// The scenario for new layer sizes and activations. origin(l) names the old layer whose W, b the
// new layer l may keep (0 for none); they are kept only when their shape still fits, the others
// are left to the core's initialisation.
function reshape(scenario, layers, activations, origin) {
  const next = structuredClone(scenario);
  const L = layers.length - 1;
  const old = scenario.parameters ?? {};
  const parameters = {};
  let drawn = false;
  for (let l = 1; l <= L; l++) {
    const from = origin(l);
    const W = from ? old[mlpKeys.W(from)] : undefined;
    const b = from ? old[mlpKeys.b(from)] : undefined;
    if (isMatrix(W, layers[l], layers[l - 1])) parameters[mlpKeys.W(l)] = structuredClone(W);
    else drawn = true;
    if (isVector(b, layers[l])) parameters[mlpKeys.b(l)] = b.slice();
    else drawn = true;
  }
  next.model = {...next.model, layers, activations};
  // Batch normalization and dropout follow their hidden layer; given masks and running statistics
  // (shaped by the old layers) are dropped, and so are γ and β (the core starts them at 1 and 0).
  const oldHidden = scenario.model.layers.length - 2;
  for (const [field, none] of [['batch_norm', false], ['dropout', 0]]) {
    const old = scenario.model[field];
    const kept = Array.from({length: L - 1}, (_, k) => {
      const from = origin(k + 1);
      return from >= 1 && from <= oldHidden ? old?.[from - 1] ?? none : none;
    });
    if (kept.some((v) => v !== none)) next.model[field] = kept;
    else delete next.model[field];
  }
  delete next.model.dropout_masks;
  delete next.buffers;
  if (Object.keys(parameters).length > 0) next.parameters = parameters;
  else delete next.parameters;
  if (drawn && !next.init) next.init = defaultInit();

  const nx = layers[0];
  const ny = layers[L];
  const data = next.data;
  data.inputs = resizeColumns(data.inputs, nx);
  data.targets = resizeColumns(data.targets, ny);
  if (data.validation) {
    data.validation.inputs = resizeColumns(data.validation.inputs, nx);
    data.validation.targets = resizeColumns(data.validation.targets, ny);
  }
  if (activations[L - 1] !== 'softmax' && lossOf(next) === 'cross_entropy') next.model.loss = defaultLoss();
  return next;
}

// Layer l (0 the input, L the output) gets n units.
export function setUnits(scenario, l, n) {
  const layers = scenario.model.layers.slice();
  layers[l] = n;
  return reshape(scenario, layers, scenario.model.activations.slice(), (k) => k);
}

// A number of hidden layers: the first ones are kept, new ones copy the last hidden layer's size
// and activation, the output layer stays the output layer.
export function setHiddenLayers(scenario, hidden) {
  const {layers: oldLayers, activations: oldActivations} = scenario.model;
  const oldL = oldLayers.length - 1;
  const oldHidden = oldL - 1;
  const layers = [oldLayers[0]];
  const activations = [];
  for (let l = 1; l <= hidden; l++) {
    const from = Math.min(l, oldHidden);
    layers.push(from >= 1 ? oldLayers[from] : oldLayers[0]);
    activations.push(from >= 1 ? oldActivations[from - 1] : NEW_HIDDEN_ACTIVATION);
  }
  layers.push(oldLayers[oldL]);
  activations.push(oldActivations[oldL - 1]);
  const L = hidden + 1;
  return reshape(scenario, layers, activations, (l) => (l === L ? oldL : l <= oldHidden ? l : 0));
}

// Hidden layer l normalizes its z by batch (on) or not; its running statistics restart.
export function setBatchNorm(scenario, l, on) {
  return setHiddenOption(scenario, 'batch_norm', l, on, false);
}

// Hidden layer l drops its units with probability p (0: none).
export function setDropout(scenario, l, p) {
  return setHiddenOption(scenario, 'dropout', l, p, 0);
}

// Whether hidden layer l has batch normalization, and its dropout's p.
export const batchNormOf = (scenario, l) => Boolean(scenario.model.batch_norm?.[l - 1]);
export const dropoutOf = (scenario, l) => scenario.model.dropout?.[l - 1] ?? spec().scenario.mlp.dropout.default;

function setHiddenOption(scenario, field, l, value, none) {
  const next = structuredClone(scenario);
  const hidden = next.model.layers.length - 2;
  const list = Array.from({length: hidden}, (_, k) => next.model[field]?.[k] ?? none);
  list[l - 1] = value;
  if (list.some((v) => v !== none)) next.model[field] = list;
  else delete next.model[field];
  if (field === 'batch_norm') {
    delete next.buffers;
    if (!value && next.parameters) {
      delete next.parameters[mlpKeys.gamma(l)];
      delete next.parameters[mlpKeys.beta(l)];
    }
  }
  if (field === 'dropout' && next.model.dropout_masks) delete next.model.dropout_masks[String(l)];
  return next;
}

// Layer l's activation; leaving softmax at the output drops the cross-entropy loss.
export function setActivation(scenario, l, activation) {
  const activations = scenario.model.activations.slice();
  activations[l - 1] = activation;
  const next = structuredClone(scenario);
  next.model.activations = activations;
  if (l === activations.length && activation !== 'softmax' && lossOf(next) === 'cross_entropy') {
    next.model.loss = defaultLoss();
  }
  return next;
}

export function setLoss(scenario, loss) {
  const next = structuredClone(scenario);
  next.model.loss = loss;
  return next;
}

// One weight (i, j) or bias (i) changed: every parameter becomes explicit, taken from the trace
// (the values the step starts from, drawn or given).
export function setParameter(scenario, current, name, i, j, value) {
  const next = structuredClone(scenario);
  next.parameters = structuredClone(current);
  if (j === null || j === undefined) next.parameters[name][i] = value;
  else next.parameters[name][i][j] = value;
  return next;
}

// data.inputs (which = 'inputs') or data.targets, sample s, column j.
export function setData(scenario, which, s, j, value) {
  const next = structuredClone(scenario);
  next.data[which][s][j] = value;
  return next;
}

export function addSample(scenario) {
  const next = structuredClone(scenario);
  const {layers} = next.model;
  next.data.inputs.push(new Array(layers[0]).fill(0));
  next.data.targets.push(new Array(layers[layers.length - 1]).fill(0));
  delete next.model.dropout_masks;  // a row per sample
  return next;
}

export function removeSample(scenario, s) {
  const next = structuredClone(scenario);
  next.data.inputs.splice(s, 1);
  next.data.targets.splice(s, 1);
  delete next.model.dropout_masks;  // a row per sample
  const size = next.train?.batch_size;
  if (typeof size === 'number' && size > next.data.inputs.length) next.train.batch_size = next.data.inputs.length;
  return next;
}

export function setLearningRate(scenario, lr) {
  const next = structuredClone(scenario);
  next.optimizer = {kind: spec().scenario.optimizer.kind.default, ...(next.optimizer ?? {}), lr};
  return next;
}
