// Part 5's networks: the same deep network on the same points, once with ReLU and once with
// Leaky ReLU in its hidden layers, trained with plain SGD at the student's η (a large one kills
// ReLUs). Pure.
//
//   RELU_DATA: the core's data spec (points)
//   reluScenarios(data, {eta, steps}) → [{activation, scenario}…]
//   deadEvery(steps) → how often the share of dead units is read (about 100 readings)
//   deadRows(list) → [[step, share, [per layer…]]…] from the train job's deadUnits [[step, per
//     layer]…]; share: the mean over the hidden layers (each as wide)
export const RELU_DATA = {kind: 'points', shape: 'spiral', count: 200, noise: 0.1, validation: 0, seed: 1};
export const RELU_ACTIVATIONS = ['relu', 'leaky_relu'];
const HIDDEN = [16, 16, 16, 16];
const BATCH = 20;

export function reluScenarios(data, {eta, steps}) {
  return RELU_ACTIVATIONS.map((activation) => ({
    activation,
    scenario: {
      model: {kind: 'mlp', layers: [2, ...HIDDEN, 2], activations: [...HIDDEN.map(() => activation), 'softmax'], loss: 'cross_entropy'},
      init: {scheme: 'he_uniform', seed: 1},
      data: {inputs: data.inputs, targets: data.targets},
      optimizer: {kind: 'sgd', lr: eta},
      train: {steps, batch_size: Math.min(BATCH, data.inputs.length), shuffle: true, seed: 1},
    },
  }));
}

export const deadEvery = (steps) => Math.max(1, Math.ceil(steps / 100));

const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export const deadRows = (list) => list.map(([step, layers]) => [step, mean(Array.from(layers)), Array.from(layers)]);
