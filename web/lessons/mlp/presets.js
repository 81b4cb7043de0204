// The examples a student starts from. Each is a complete scenario (docs/scenario.md).
const lessonData = {
  inputs: [[0.05, 0.1]],
  targets: [[0.01, 0.99]],
  validation: {inputs: [[0.1, 0.2]], targets: [[0.05, 0.95]]},
};

// The 2-3-2 network of the batch-norm and dropout examples: the classic weights and one more
// hidden unit.
const widerParameters = () => ({
  W1: [[0.15, 0.2], [0.25, 0.3], [-0.1, 0.4]],
  b1: [0.35, 0.35, 0.1],
  W2: [[0.4, 0.45, -0.3], [0.5, 0.55, 0.2]],
  b2: [0.6, 0.6],
});

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
  // Batch normalization of the hidden layer ("Avances posteriores"): a batch of four samples, so
  // that μ_B and σ²_B are the batch's, as nn.BatchNorm1d computes them in training.
  batch_norm: {
    model: {kind: 'mlp', layers: [2, 3, 2], activations: ['sigmoid', 'sigmoid'], loss: 'half_sse', batch_norm: [true]},
    parameters: widerParameters(),
    data: {
      inputs: [[0.05, 0.1], [0.9, 0.2], [0.3, 0.8], [0.6, 0.5]],
      targets: [[0.01, 0.99], [0.99, 0.01], [0.2, 0.8], [0.7, 0.3]],
    },
    optimizer: {kind: 'sgd', lr: 0.5},
    train: {steps: 1000, record_every: 100},
  },
  // Inverted dropout after the hidden layer, with the mask given so that each step (and PyTorch)
  // drops the same units: a ∘ m / (1 − p).
  dropout: {
    model: {kind: 'mlp', layers: [2, 3, 2], activations: ['sigmoid', 'sigmoid'], loss: 'half_sse', dropout: [0.5],
      dropout_masks: {1: [[1, 0, 1], [0, 1, 1]]}},
    parameters: widerParameters(),
    data: {
      inputs: [[0.05, 0.1], [0.9, 0.2]],
      targets: [[0.01, 0.99], [0.99, 0.01]],
    },
    optimizer: {kind: 'sgd', lr: 0.5},
    train: {steps: 1000, record_every: 100},
  },
};

// The example a first visit opens with (web/main.js has the core run it while this lesson downloads).
export const defaultPreset = 'classic';
