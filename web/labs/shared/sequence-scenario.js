// From the sequence labs' settings to what the core takes: the data set's spec, the RNN scenario
// trained on it (g and the loss follow the task), and the `train` job's input. Pure: the workers'
// jobs use it too.
import {lastData} from './data.js';

// (delay only for echo: the core refuses it for another task)
export const dataSpec = (s) => ({
  kind: 'sequences', task: s.task, count: s.count, min_length: s.minLength, max_length: s.maxLength,
  ...(s.task === 'echo' ? {delay: s.delay} : {}), validation: s.validation, seed: s.dataSeed,
});

// Classes (echo, parity): softmax + cross-entropy; running_sum: the chosen g + ½ sum of squares.
export function outputOf(task, g) {
  return task === 'running_sum'
    ? {output_activation: g, loss: 'half_sse'}
    : {output_activation: 'softmax', loss: 'cross_entropy'};
}

// The sequences the core keeps for training with these settings, counted in the data set it draws
// (drawn: lastData(core, dataSpec), to share with the page's own), or null where it refuses them.
export function trainingCounter(core, drawn = lastData(core, dataSpec)) {
  return (values) => {
    try {
      return drawn(values).sequences.length;
    } catch (error) {
      if (error?.name === 'CoreError') return null;
      throw error;
    }
  };
}

// The batch the core uses: at most the training set.
export const batchSize = (batch, sequences) => Math.max(1, Math.min(batch, sequences));

// data: core.data(dataSpec(s)); s: the settings; init: the initialisation (PyTorch's nn.RNN by
// default; lab 9 sets a uniform scale). Validation sequences go along for the evaluations.
export function buildScenario(data, s, {init, steps = s.steps} = {}) {
  const sequences = data.sequences.length;
  const scenario = {
    model: {
      kind: 'rnn', input_size: data.input_size, hidden_size: s.hidden, output_size: data.output_size,
      hidden_activation: s.f, ...outputOf(s.task, s.g), bias: true,
    },
    init: init ?? {scheme: 'pytorch_default', seed: s.seed},
    data: {sequences: data.sequences},
    optimizer: {kind: s.optimizer, lr: s.lr},
    train: {steps, batch_size: batchSize(s.batch, sequences), shuffle: true, seed: s.seed},
  };
  if (data.validation?.sequences?.length) scenario.data.validation = {sequences: data.validation.sequences};
  return scenario;
}

// The `train` job's input: about `evaluations` points of the training and validation curves;
// normsEvery 0 (no hNorms) unless a lab asks.
export function trainInput(scenario, {evaluations = 100, normsEvery = 0, frameMs = 40} = {}) {
  const steps = scenario.train.steps;
  return {
    scenario,
    steps,
    evaluateEvery: Math.max(1, Math.ceil(steps / evaluations)),
    normsEvery,
    grid: null,
    frameMs,
  };
}

// The scenario that core.predict runs on one sequence: the model with the given parameters (none:
// the initial ones, drawn from init).
export function predictScenario(scenario, sequence, parameters = null) {
  const out = {model: scenario.model, init: scenario.init, data: {sequences: [sequence]}};
  if (parameters) out.parameters = parameters;
  return out;
}
