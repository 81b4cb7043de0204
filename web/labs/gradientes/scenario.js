// Lab 8's random RNN: its settings (with limits, defaults and the address's form) and its
// scenario. The weights are drawn by the core (init.seed); the sequence's inputs and targets are
// drawn here from the same seed (mulberry32), as data, not as anything computed from the model.
import {spec} from '../../core/spec.js';
import {MAX_SEED_32, generator} from '../shared/random.js';

// f: the core's hidden activations but leaky ReLU (it shows what ReLU shows) and softmax (an
// output's): the lab's choice.
export const hiddenActivations = () => spec().scenario.rnn.hidden_activation.values.filter((a) => !['leaky_relu', 'softmax'].includes(a));
export const OUTPUT = ['sigmoid', 'linear', 'softmax'];
export const LIMITS = {
  size: {min: 1, max: 8, integer: true},
  steps: {min: 1, max: 20, integer: true},
  scale: {min: 0.001, max: 10},
  seed: {min: 0, max: MAX_SEED_32, integer: true},  // the sequence comes from the lab's own generator
};
export const DEFAULTS = {input: 3, hidden: 4, output: 2, T: 5, f: 'tanh', g: 'sigmoid', bias: true, scale: 0.5, seed: 1};
export const THRESHOLD = 1e-6;  // "¡Y son iguales!" below it

// The loss that goes with an output: softmax needs cross-entropy.
export const lossFor = (g) => (g === 'softmax' ? 'cross_entropy' : 'half_sse');

const numeric = (text, {min, max, integer}) => {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) return null;
  return value;
};

// URLSearchParams (or an object) → {settings, invalid: [names that fell back to a default]}.
export function readParams(params) {
  const get = (name) => (typeof params?.get === 'function' ? params.get(name) : params?.[name]);
  const settings = {...DEFAULTS};
  const invalid = [];
  const take = (name, parse) => {
    const raw = get(name);
    if (raw === null || raw === undefined) return;
    const value = parse(raw);
    if (value === null) invalid.push(name);
    else settings[name] = value;
  };
  for (const name of ['input', 'hidden', 'output']) take(name, (v) => numeric(v, LIMITS.size));
  take('T', (v) => numeric(v, LIMITS.steps));
  take('f', (v) => (hiddenActivations().includes(v) ? v : null));
  take('g', (v) => (OUTPUT.includes(v) ? v : null));
  take('bias', (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : null));
  take('scale', (v) => numeric(v, LIMITS.scale));
  take('seed', (v) => numeric(v, LIMITS.seed));
  return {settings, invalid};
}

// The settings as the address holds them.
export const toParams = (s) => ({input: s.input, hidden: s.hidden, output: s.output, T: s.T, f: s.f, g: s.g,
  bias: s.bias ? 1 : 0, scale: s.scale, seed: s.seed});

export const parameterCount = ({input: I, hidden: H, output: O, bias}) => H * (I + H + O) + (bias ? H + O : 0);

// One sequence of T steps: inputs in U(−1, 1); targets in U(0, 1) (sigmoid), U(−1, 1) (linear)
// or a one-hot class (softmax).
export function drawSequence({input, output, T, g, seed}) {
  const random = generator(seed);
  const uniform = (lo, hi) => lo + (hi - lo) * random();
  const inputs = Array.from({length: T}, () => Array.from({length: input}, () => uniform(-1, 1)));
  const targets = Array.from({length: T}, () => {
    if (g === 'softmax') {
      const k = Math.floor(random() * output);
      return Array.from({length: output}, (_, i) => (i === k ? 1 : 0));
    }
    return Array.from({length: output}, () => (g === 'linear' ? uniform(-1, 1) : random()));
  });
  return {inputs, targets};
}

export function randomScenario(settings) {
  const {input, hidden, output, f, g, bias, scale, seed} = settings;
  return {
    model: {kind: 'rnn', input_size: input, hidden_size: hidden, output_size: output,
      hidden_activation: f, output_activation: g, loss: lossFor(g), bias},
    init: {scheme: 'uniform', scale, seed},
    data: {sequences: [drawSequence(settings)]},
  };
}
