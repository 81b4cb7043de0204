// The names of the core's trace entries and parameters (docs/scenario.md, "Trace"), built in one
// place so that grep finds every use: mlpKeys.dW(2) is 'dW2'. The C++ side builds the same names
// in cpp/core/trace_keys.hpp.

// Lesson 1: layers are numbered as in the lesson, 1…L (0 is the input x).
export const mlpKeys = {
  W: (l) => `W${l}`,
  b: (l) => `b${l}`,
  z: (l) => `z${l}`,
  a: (l) => `a${l}`,
  aGrad: (l) => `a_grad${l}`,
  fprime: (l) => `fprime${l}`,
  delta: (l) => `delta${l}`,
  dW: (l) => `dW${l}`,
  db: (l) => `db${l}`,
  // Batch normalization of a hidden layer: parameters gamma, beta; buffers running_mean, running_var;
  // forward mu, var, xhat, y; backward dy, dgamma, dbeta, dxhat.
  gamma: (l) => `gamma${l}`,
  beta: (l) => `beta${l}`,
  runningMean: (l) => `running_mean${l}`,
  runningVar: (l) => `running_var${l}`,
  mu: (l) => `mu${l}`,
  var: (l) => `var${l}`,
  xhat: (l) => `xhat${l}`,
  y: (l) => `y${l}`,
  dy: (l) => `dy${l}`,
  dxhat: (l) => `dxhat${l}`,
  dgamma: (l) => `dgamma${l}`,
  dbeta: (l) => `dbeta${l}`,
  // Dropout after a hidden layer's activation: forward mask, a_drop; backward a_drop_grad.
  mask: (l) => `mask${l}`,
  aDrop: (l) => `a_drop${l}`,
  aDropGrad: (l) => `a_drop_grad${l}`,
  // Every parameter of a network with `layerCount` weight layers, in the core's order; `batchNorm`
  // (one boolean per hidden layer) adds gamma and beta after a normalized layer's b.
  parameters: (layerCount, batchNorm = []) =>
    Array.from({length: layerCount}, (_, k) => [
      mlpKeys.W(k + 1),
      mlpKeys.b(k + 1),
      ...(batchNorm[k] ? [mlpKeys.gamma(k + 1), mlpKeys.beta(k + 1)] : []),
    ]).flat(),
};

// Lesson 2: the lesson's RNN cell. Forward and backward entries are lists over t = 1..T.
export const rnnKeys = {
  weights: ['U', 'V', 'W'],
  biases: ['b', 'c'],
  h0: 'h0',
  forward: ['r', 'h', 's', 'y'],
  backward: ['y_grad', 'gprime', 's_grad', 'h_grad_output', 'h_grad_next', 'h_grad', 'r_grad', 'fprime'],
  grad: (name) => `d${name}`,        // 'U' → 'dU'
  gradSum: (name) => `d${name}_sum`, // time_steps[t−1]: the running sum over T…t
  // Every trained parameter, in the core's order.
  parameters: (bias) => ['U', 'V', 'W', ...(bias ? ['b', 'c'] : [])],
};
