// Lesson 2's examples. Each is a complete RNN scenario with one sequence (docs/scenario.md).
export const presets = {
  // The lesson's configuration: RNNCell(2, 4, 5) (input 2, hidden 4, output 5), T = 3,
  // sigmoid and sigmoid, no biases, ½·sum of squares, U, V, W ~ U(−0.1, 0.1) from a seed; the
  // lesson drew x, h0 and the targets with torch.rand (no seed): here they are fixed numbers.
  lesson: {
    model: {kind: 'rnn', input_size: 2, hidden_size: 4, output_size: 5,
      hidden_activation: 'sigmoid', output_activation: 'sigmoid', loss: 'half_sse', bias: false},
    init: {scheme: 'uniform', scale: 0.1, seed: 0},
    parameters: {h0: [0.49, 0.77, 0.09, 0.13]},
    data: {sequences: [{
      inputs: [[0.5, 0.23], [0.88, 0.41], [0.05, 0.97]],
      targets: [[0.32, 0.73, 0.12, 0.6, 0.94], [0.45, 0.08, 0.66, 0.21, 0.53], [0.91, 0.37, 0.28, 0.84, 0.16]],
    }]},
    optimizer: {kind: 'sgd', lr: 0.1},
    train: {steps: 1000, record_every: 100},
  },
  // Classification at every step: tanh, softmax and cross-entropy, with biases.
  softmax: {
    model: {kind: 'rnn', input_size: 3, hidden_size: 4, output_size: 3,
      hidden_activation: 'tanh', output_activation: 'softmax', loss: 'cross_entropy', bias: true},
    init: {scheme: 'uniform', scale: 0.5, seed: 7},
    data: {sequences: [{
      inputs: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]],
      targets: [[0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]],
    }]},
    optimizer: {kind: 'sgd', lr: 0.5},
    train: {steps: 500, record_every: 50},
  },
  // The lesson's exercise 1: one hidden unit over three time steps, by hand.
  exercise: {
    model: {kind: 'rnn', input_size: 1, hidden_size: 1, output_size: 1,
      hidden_activation: 'sigmoid', output_activation: 'sigmoid', loss: 'half_sse', bias: false},
    parameters: {U: [[0.5]], V: [[-0.3]], W: [[0.8]], h0: [0]},
    data: {sequences: [{inputs: [[1], [0.5], [-1]], targets: [[0.6], [0.4], [0.7]]}]},
    optimizer: {kind: 'sgd', lr: 0.5},
    train: {steps: 1000, record_every: 100},
  },
};

// The example a first visit opens with (web/main.js has the core run it while this lesson downloads).
export const defaultPreset = 'lesson';
