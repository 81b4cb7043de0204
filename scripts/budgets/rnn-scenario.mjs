// Lesson 2's largest stepper scenario for the budgets: T = 12 time steps, hidden 8 (scripts/budgets.mjs,
// scripts/budgets/step-profile.mjs).
export const T = 12;
export const rnnScenario = {
  model: {kind: 'rnn', input_size: 3, hidden_size: 8, output_size: 4, hidden_activation: 'tanh',
    output_activation: 'softmax', loss: 'cross_entropy', bias: true},
  init: {scheme: 'uniform', scale: 0.5, seed: 5},
  data: {sequences: [{
    inputs: Array.from({length: T}, (_, t) => [t % 3 === 0 ? 1 : 0, t % 3 === 1 ? 1 : 0, t % 3 === 2 ? 1 : 0]),
    targets: Array.from({length: T}, (_, t) => [0, 1, 2, 3].map((i) => (i === (t + 1) % 4 ? 1 : 0))),
  }]},
  optimizer: {kind: 'sgd', lr: 0.1},
};
