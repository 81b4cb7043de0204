// Lab 6's exercise: the lesson's RNN with one hidden unit over three time steps (f = sigmoid,
// half sum of squares), its numbers drawn from a seed with one decimal so that a student can
// carry them by hand. Only the data and the weights are drawn here; everything computed from
// them comes from the core's trace.

import {MAX_SEED_32, generator} from '../shared/random.js';

export const T = 3;
export const SEED_MAX = MAX_SEED_32;  // the exercise's numbers come from the lab's own generator
export const OUTPUTS = ['sigmoid', 'linear'];
export const DEFAULTS = {seed: 1, g: 'sigmoid', tol: 1e-3};
export const TOLERANCE = {min: 1e-9, max: 0.1};

// A whole number of tenths in [lo, hi] (tenths), never `skip` tenths.
const tenths = (random, lo, hi, skip) => {
  for (;;) {
    const k = lo + Math.floor(random() * (hi - lo + 1));
    if (k !== skip) return k / 10;
  }
};

// The numbers of exercise `seed`: U, V, W in ±[0.1, 1], h₀ in [0, 0.9], x_t in [−1, 1],
// targets in [0.1, 0.9] (sigmoid output) or [−1, 1] (linear output).
export function drawExercise(seed, g = 'sigmoid') {
  const random = generator(seed);
  const U = tenths(random, -10, 10, 0);
  const V = tenths(random, -10, 10, 0);
  const W = tenths(random, -10, 10, 0);
  const h0 = tenths(random, 0, 9);
  const inputs = Array.from({length: T}, () => tenths(random, -10, 10, 0));
  const targets = Array.from({length: T}, () => (g === 'linear' ? tenths(random, -10, 10) : tenths(random, 1, 9)));
  return {U, V, W, h0, inputs, targets};
}

export function exerciseScenario({seed, g}) {
  const {U, V, W, h0, inputs, targets} = drawExercise(seed, g);
  return {
    model: {kind: 'rnn', input_size: 1, hidden_size: 1, output_size: 1,
      hidden_activation: 'sigmoid', output_activation: g, loss: 'half_sse', bias: false},
    parameters: {U: [[U]], V: [[V]], W: [[W]], h0: [h0]},
    data: {sequences: [{inputs: inputs.map((x) => [x]), targets: targets.map((y) => [y])}]},
    optimizer: {kind: 'sgd', lr: 0.1},
  };
}

// The address's settings, each checked; `invalid` lists the names that fell back to a default.
export function readParams(params) {
  const get = (name) => (typeof params?.get === 'function' ? params.get(name) : params?.[name]);
  const out = {...DEFAULTS};
  const invalid = [];
  const seed = get('seed');
  if (seed !== null && seed !== undefined) {
    if (/^\d+$/.test(String(seed)) && Number(seed) <= SEED_MAX) out.seed = Number(seed);
    else invalid.push('seed');
  }
  const g = get('g');
  if (g !== null && g !== undefined) {
    if (OUTPUTS.includes(g)) out.g = g;
    else invalid.push('g');
  }
  const tol = get('tol');
  if (tol !== null && tol !== undefined) {
    const value = Number(tol);
    if (String(tol).trim() !== '' && value >= TOLERANCE.min && value <= TOLERANCE.max) out.tol = value;
    else invalid.push('tol');
  }
  return {settings: out, invalid};
}

// A fresh seed for "Nuevo ejercicio": short enough to read in the address.
export const newSeed = (current, random = Math.random) => {
  for (;;) {
    const seed = 1 + Math.floor(random() * 999_999);
    if (seed !== current) return seed;
  }
};
