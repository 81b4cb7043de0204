// From the settings of the activaciones and lotes labs (2 and 4) to what the core takes: the
// points' spec and the scenario of an MLP (softmax over 2 classes + cross-entropy, plain SGD)
// trained on them.

export const VALIDATION = 0.3;  // the share of the points held out for validation (the labs' choice)
// The hidden activations the labs compare (lab 2) and offer (lab 4): their own choice among the core's.
export const ACTIVATIONS = ['relu', 'sigmoid', 'tanh'];

export const dataSpec = (s) => ({
  kind: 'points', shape: s.shape, count: s.count, noise: s.noise, validation: VALIDATION, seed: s.seed,
});

// The batch the core uses: null (the whole set) or 1 … rows (a larger one means the whole set).
export const batchSize = (batch, rows) => (batch === null || batch >= rows ? null : Math.max(1, batch));
export const stepsPerEpoch = (batch, rows) => (batchSize(batch, rows) === null ? 1 : Math.ceil(rows / batch));

// data: core.data's result; m: {activation, layers (hidden layers), hidden (units each), lr,
// seed, batch (null: the whole set), shuffle, epochs}.
export function buildScenario(data, m) {
  const rows = data.inputs.length;
  const batch = batchSize(m.batch ?? null, rows);
  const scenario = {
    model: {
      kind: 'mlp',
      layers: [2, ...Array(m.layers).fill(m.hidden), 2],
      activations: [...Array(m.layers).fill(m.activation), 'softmax'],
      loss: 'cross_entropy',
    },
    init: {scheme: 'pytorch_default', seed: m.seed},
    data: {inputs: data.inputs, targets: data.targets},
    optimizer: {kind: 'sgd', lr: m.lr},
    train: {steps: m.epochs * stepsPerEpoch(batch, rows), batch_size: batch, shuffle: Boolean(m.shuffle) && batch !== null, seed: m.seed},
  };
  if (data.validation?.inputs?.length) {
    scenario.data.validation = {inputs: data.validation.inputs, targets: data.validation.targets};
  }
  return scenario;
}
