// Part 4's networks: a deep sigmoid network on the same points, without and with batch
// normalization in every hidden layer (model.batch_norm), trained with plain SGD; and the small
// example lesson 1's stepper opens on. Pure.
//
//   BN_DATA: the core's data spec (points)
//   bnScenarios(data, {eta, steps}) → [{batchNorm: false, scenario}, {batchNorm: true, scenario}]
//   lossEvery(steps) → every how many steps a loss is kept (about 500 points per curve)
//   stepperExample() → a 2-3-2 sigmoid network with batch norm on a batch of four samples
export const BN_DATA = {kind: 'points', shape: 'circles', count: 200, noise: 0.1, validation: 0, seed: 1};
const HIDDEN = [16, 16, 16, 16, 16, 16];
const BATCH = 20;

export function bnScenarios(data, {eta, steps}) {
  return [false, true].map((batchNorm) => {
    const model = {kind: 'mlp', layers: [2, ...HIDDEN, 2], activations: [...HIDDEN.map(() => 'sigmoid'), 'softmax'], loss: 'cross_entropy'};
    if (batchNorm) model.batch_norm = HIDDEN.map(() => true);
    return {batchNorm, scenario: {
      model,
      init: {scheme: 'xavier_uniform', seed: 1},
      data: {inputs: data.inputs, targets: data.targets},
      optimizer: {kind: 'sgd', lr: eta},
      train: {steps, batch_size: Math.min(BATCH, data.inputs.length), shuffle: true, seed: 1},
    }};
  });
}

export const lossEvery = (steps) => Math.max(1, Math.ceil(steps / 500));

export function stepperExample() {
  return {
    model: {kind: 'mlp', layers: [2, 3, 2], activations: ['sigmoid', 'sigmoid'], loss: 'half_sse', batch_norm: [true]},
    init: {scheme: 'xavier_uniform', seed: 1},
    data: {inputs: [[0.05, 0.1], [0.1, 0.2], [0.9, 0.4], [0.3, 0.8]], targets: [[0.01, 0.99], [0.05, 0.95], [0.9, 0.1], [0.2, 0.8]]},
    optimizer: {kind: 'sgd', lr: 0.5},
  };
}
