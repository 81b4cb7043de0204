// The examples a student starts from. Each is a complete scenario (docs/scenario.md).
const lessonData = {
  inputs: [[0.05, 0.1]],
  targets: [[0.01, 0.99]],
  validation: {inputs: [[0.1, 0.2]], targets: [[0.05, 0.95]]},
};

export const presets = {
  // The classic hand-worked 2-2-2 example: fixed weights a student can check by hand.
  classic: {
    model: {kind: 'mlp', layers: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], loss: 'half_sse'},
    parameters: {
      W1: [[0.15, 0.2], [0.25, 0.3]],
      b1: [0.35, 0.35],
      W2: [[0.4, 0.45], [0.5, 0.55]],
      b2: [0.6, 0.6],
    },
    data: lessonData,
    optimizer: {kind: 'sgd', lr: 0.5},
    train: {steps: 10000, record_every: 1000},
  },
  // The lesson's PyTorch code: nn.MSELoss and nn.Linear's random initialisation from a seed.
  pytorch: {
    model: {kind: 'mlp', layers: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], loss: 'mse'},
    init: {scheme: 'pytorch_default', seed: 0},
    data: lessonData,
    optimizer: {kind: 'sgd', lr: 0.5},
    train: {steps: 10000, record_every: 1000},
  },
};
