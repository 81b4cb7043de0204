// From the plane labs' settings (labs 1, 3, 5 and the job `search`) to what the core takes: the
// data set's spec, and the scenario of a one-hidden-layer network (softmax over 2 classes +
// cross-entropy) trained on it. Pure.
import {VIEW} from './plane-settings.js';

export const GRID_SIZE = 100;

export const dataSpec = (s) => ({
  kind: 'points', shape: s.shape, count: s.count, noise: s.noise, validation: s.validation, seed: s.seed,
});

export const oneHot = (c) => (c === 1 ? [0, 1] : [1, 0]);

// The training set: the generated points, then the ones a student added (class c as one-hot).
export function trainingSet(data, extra) {
  return {
    inputs: data.inputs.concat(extra.map(([x, y]) => [x, y])),
    targets: data.targets.concat(extra.map(([, , c]) => oneHot(c))),
    labels: data.labels.concat(extra.map(([, , c]) => c)),
  };
}

// The batch the core uses: at most the training set (a larger one means the whole set).
export const batchSize = (batch, rows) => Math.max(1, Math.min(batch, rows));
export const stepsPerEpoch = (batch, rows) => Math.ceil(rows / batchSize(batch, rows));

// s: settings {hidden, activation, optimizer, lr, epochs, batch, seed}; regularization {l1, l2}.
export function buildScenario(data, extra, s, regularization = {l1: 0, l2: 0}) {
  const train = trainingSet(data, extra);
  const rows = train.inputs.length;
  const scenario = {
    model: {kind: 'mlp', layers: [2, s.hidden, 2], activations: [s.activation, 'softmax'], loss: 'cross_entropy'},
    init: {scheme: 'pytorch_default', seed: s.seed},
    data: {inputs: train.inputs, targets: train.targets},
    optimizer: {kind: s.optimizer, lr: s.lr},
    train: {steps: s.epochs * stepsPerEpoch(s.batch, rows), batch_size: batchSize(s.batch, rows), shuffle: true, seed: s.seed},
  };
  if (data.validation?.inputs?.length) {
    scenario.data.validation = {inputs: data.validation.inputs, targets: data.validation.targets};
  }
  const {l1 = 0, l2 = 0} = regularization;
  if (l1 > 0 || l2 > 0) scenario.regularization = {l1, l2};
  return scenario;
}

// The `train` job's input: the class-1 probability over the view at every progress message, and
// an evaluation every k whole epochs, k the smallest that keeps the curves within `points` (the
// same rows whatever the pace).
export function trainInput(scenario, {points = 500, frameMs = 30} = {}) {
  const steps = scenario.train.steps;
  const perEpoch = stepsPerEpoch(scenario.train.batch_size, scenario.data.inputs.length);
  const every = Math.max(1, Math.ceil(steps / perEpoch / points)) * perEpoch;
  return {
    scenario,
    steps,
    evaluateEvery: Math.min(every, Math.max(1, steps)),
    normsEvery: 0,
    grid: {...VIEW, nx: GRID_SIZE, ny: GRID_SIZE, unit: 1},
    frameMs,
  };
}
