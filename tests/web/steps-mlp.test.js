// Lesson 1's stepper (web/lessons/mlp/steps.js) under Node, on traces of the wasm core: the steps
// and their order, that every result is the trace's numbers, that every chain rule's numbers give
// the value shown, and that the lesson's text explains exactly the steps' tags.
import {beforeAll, describe, expect, test} from 'vitest';
import {mlpKeys as K} from '../../web/core/trace-keys.js';
import {buildSteps} from '../../web/lessons/mlp/steps.js';
import {presets} from '../../web/lessons/mlp/presets.js';
import {lesson} from '../../web/lessons/mlp/text.js';
import {loadWasmCore} from './support.js';
import {expansionMismatches, textTags} from './steps-support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

const classic = presets.classic;
const withOptimizer = (optimizer) => ({...structuredClone(classic), optimizer});

// The presets and a few others that take other paths through buildSteps.
const scenarios = {
  classic,
  pytorch: presets.pytorch,
  // Three hidden layers, every element-wise activation, nn.MSELoss.
  deep: {
    model: {kind: 'mlp', layers: [3, 4, 3, 5, 2], activations: ['tanh', 'relu', 'leaky_relu', 'sigmoid'], loss: 'mse'},
    init: {scheme: 'uniform', scale: 0.8, seed: 3},
    data: {inputs: [[0.3, -0.7, 1.2]], targets: [[0.2, 0.9]]},
    optimizer: {kind: 'sgd', lr: 0.1},
  },
  // Softmax and cross-entropy: δ = ŷ − y, no f′.
  softmax: {
    model: {kind: 'mlp', layers: [2, 3, 3], activations: ['sigmoid', 'softmax'], loss: 'cross_entropy'},
    init: {scheme: 'uniform', scale: 1, seed: 5},
    data: {inputs: [[0.5, -0.25]], targets: [[0, 1, 0]]},
    optimizer: {kind: 'sgd', lr: 0.5},
  },
  // Softmax with another loss: δ through the Jacobian, shown without factors.
  softmaxSse: {
    model: {kind: 'mlp', layers: [2, 3, 3], activations: ['linear', 'softmax'], loss: 'half_sse'},
    init: {scheme: 'uniform', scale: 1, seed: 6},
    data: {inputs: [[0.5, -0.25]], targets: [[0.1, 0.7, 0.2]]},
    optimizer: {kind: 'sgd', lr: 0.5},
  },
  // A batch of three samples: sums over s.
  batch: {
    model: {kind: 'mlp', layers: [2, 3, 2], activations: ['tanh', 'sigmoid'], loss: 'mse'},
    init: {scheme: 'uniform', scale: 0.7, seed: 9},
    data: {inputs: [[0.1, 0.2], [0.5, -0.4], [-1, 0.3]], targets: [[0, 1], [1, 0], [0.5, 0.5]]},
    optimizer: {kind: 'sgd', lr: 0.3},
  },
  // No hidden layer.
  single: {
    model: {kind: 'mlp', layers: [2, 1], activations: ['linear'], loss: 'half_sse'},
    parameters: {W1: [[0.5, -1.5]], b1: [0.25]},
    data: {inputs: [[2, 1]], targets: [[-3]]},
    optimizer: {kind: 'sgd', lr: 0.05},
  },
  fixedBiases: withOptimizer({kind: 'sgd', lr: 0.5, update_biases: false}),
  adam: withOptimizer({kind: 'adam', lr: 0.01}),
};

const built = (scenario) => {
  const trace = core.trace(scenario);
  return {trace, steps: buildSteps(scenario, trace)};
};

// The steps buildSteps must give for L weight layers: forward 1…L, the loss, backward L…1, update.
function expectedSteps(L) {
  const out = [];
  for (let l = 1; l <= L; l++) {
    out.push({id: K.z(l), phase: 'forward', kind: 'z', layer: l, tag: 'forward-z'});
    out.push({id: K.a(l), phase: 'forward', kind: 'a', layer: l, tag: l === L ? 'output' : 'forward-a'});
  }
  out.push({id: 'loss', phase: 'forward', kind: 'loss', layer: L, tag: 'loss'});
  for (let l = L; l >= 1; l--) {
    out.push({id: K.delta(l), phase: 'backward', kind: 'delta', layer: l, tag: l === L ? 'delta-output' : 'delta-hidden'});
    out.push({id: K.dW(l), phase: 'backward', kind: 'dW', layer: l, tag: 'dW'});
    out.push({id: K.db(l), phase: 'backward', kind: 'db', layer: l, tag: 'db'});
  }
  out.push({id: 'updateW', phase: 'update', kind: 'updateW', layer: 0, tag: 'update'});
  out.push({id: 'updateb', phase: 'update', kind: 'updateb', layer: 0, tag: 'update'});
  return out;
}

// Every buffer of trace.optimizer.after, parameter by parameter, in the rule's order.
function state(trace, key, L, rows) {
  const after = trace.optimizer.after;
  const order = ['momentum_buffer', 'exp_avg', 'exp_avg_sq', 'exp_avg_hat', 'exp_avg_sq_hat'];
  return order.filter((name) => after[name]).flatMap((name) => Array.from({length: L}, (_, k) => rows(after[name][key(k)])));
}

// What each step shows, straight from the trace.
function expectedResult(step, trace, L) {
  const {forward: f, backward: g, updated: u} = trace;
  const l = step.layer;
  switch (step.kind) {
    case 'z': return [f[K.z(l)]];
    case 'a': return [f[K.a(l)]];
    case 'loss': return [[[trace.loss]]];
    case 'delta': return [g[K.delta(l)]];
    case 'dW': return [g[K.dW(l)]];
    case 'db': return [[g[K.db(l)]]];
    // The parameters after the update, then the optimizer's state after it (none for plain SGD).
    case 'updateW': return [...Array.from({length: L}, (_, k) => u[K.W(k + 1)]), ...state(trace, (k) => K.W(k + 1), L, (v) => v)];
    case 'updateb': return [...Array.from({length: L}, (_, k) => [u[K.b(k + 1)]]), ...state(trace, (k) => K.b(k + 1), L, (v) => [v])];
    default: throw new Error(`unexpected kind ${step.kind}`);
  }
}

describe('the steps of one iteration', () => {
  test('the classic 2-2-2 example: 13 steps in the lesson\'s order', () => {
    const {steps} = built(classic);
    expect(steps.map((s) => s.id)).toEqual([
      'z1', 'a1', 'z2', 'a2', 'loss', 'delta2', 'dW2', 'db2', 'delta1', 'dW1', 'db1', 'updateW', 'updateb',
    ]);
    expect(steps.map((s) => s.tag)).toEqual([
      'forward-z', 'forward-a', 'forward-z', 'output', 'loss', 'delta-output', 'dW', 'db', 'delta-hidden', 'dW', 'db',
      'update', 'update',
    ]);
  });

  for (const [name, scenario] of Object.entries(scenarios)) {
    test(`${name}: 5L + 3 steps, each with its id, phase, kind, layer and tag, and TeX`, () => {
      const {steps} = built(scenario);
      const L = scenario.model.layers.length - 1;
      expect(steps.length).toBe(5 * L + 3);
      expect(steps.map(({id, phase, kind, layer, tag}) => ({id, phase, kind, layer, tag}))).toEqual(expectedSteps(L));
      for (const step of steps) {
        for (const field of ['title', 'symbolic', 'substituted']) expect(typeof step[field]).toBe('string');
        for (const block of step.result) expect(typeof block.label).toBe('string');
      }
    });

    test(`${name}: every result is the trace's numbers`, () => {
      const {trace, steps} = built(scenario);
      const L = scenario.model.layers.length - 1;
      for (const step of steps) expect(step.result.map((b) => b.value), step.id).toEqual(expectedResult(step, trace, L));
    });

    test(`${name}: every chain rule's numbers give the value shown`, () => {
      const {steps} = built(scenario);
      const {mismatches, counts} = expansionMismatches(steps);
      expect(mismatches).toEqual([]);
      expect(counts.terms).toBeGreaterThan(0);
      expect(counts.activation).toBeGreaterThan(0);
    });
  }
});

describe('the classic example\'s numbers (the lesson worked them by hand)', () => {
  const close = (a, b, tol) => Math.abs(a - b) <= tol * Math.abs(b);
  test('the loss, ∂L/∂W⁽²⁾₁₁ with its chain rule, and the updated w5', () => {
    const {steps} = built(classic);
    const byId = Object.fromEntries(steps.map((s) => [s.id, s]));
    expect(close(byId.loss.result[0].value[0][0], 0.298371109, 1e-9)).toBe(true);
    const dW = byId.dW2.result[0].value[0][0];
    expect(close(dW, 0.082167041, 1e-8)).toBe(true);
    // (ŷ₁ − y₁)·σ′(z⁽²⁾₁)·a⁽¹⁾₁ = 0.74136507 · 0.1868156 · 0.59326999 = 0.082167041 (docs/web.md)
    const e = byId.dW2.expand(0, 0, 0);
    expect(e.numbers).toBe('0.74136507 \\cdot 0.1868156 \\cdot 0.59326999');
    const [factors] = e.terms.map((t) => t.factors);
    [0.74136507, 0.1868156, 0.59326999].forEach((v, k) => expect(close(factors[k], v, 1e-8)).toBe(true));
    const w5 = byId.updateW.result[1].value[0][0];
    expect(close(w5, 0.35891648, 1e-8)).toBe(true);
    const update = byId.updateW.expand(1, 0, 0);
    expect(update.numbers).toBe('0.4 - 0.5 \\cdot 0.082167041');
    expect(update.value).toBe(w5);
  });
});

describe('steps without a chain rule', () => {
  test('the loss has no expansion; with Adam every element of the update and of its state expands', () => {
    const {trace, steps} = built(scenarios.adam);
    expect(steps.find((s) => s.id === 'loss').expand).toBeNull();
    const updateW = steps.find((s) => s.id === 'updateW');
    // W⁽¹⁾, W⁽²⁾, then m, v, m̂, v̂ of each: the state after the update, from trace.optimizer.
    expect(updateW.result.length).toBe(2 + 4 * 2);
    expect(updateW.result[2].value).toEqual(trace.optimizer.after.exp_avg.W1);
    expect(updateW.result[9].value).toEqual(trace.optimizer.after.exp_avg_sq_hat.W2);
    const w = updateW.expand(0, 0, 0);
    expect(w.value).toBe(trace.updated.W1[0][0]);
    expect(w.numbers).toContain('\\sqrt');
    expect(steps.find((s) => s.id === 'updateb').expand(2, 0, 1).value).toBe(trace.optimizer.after.exp_avg.b1[1]);
  });
  test('biases left fixed: their step says so, and shows them unchanged', () => {
    const {trace, steps} = built(scenarios.fixedBiases);
    const updateb = steps.find((s) => s.id === 'updateb');
    expect(updateb.expand).toBeNull();
    expect(updateb.symbolic).toContain('fijo');
    expect(updateb.result.map((b) => b.value[0])).toEqual([trace.parameters[K.b(1)], trace.parameters[K.b(2)]]);
    expect(steps.find((s) => s.id === 'updateW').expand).not.toBeNull();
  });
  test('softmax with cross-entropy: δ shows ŷ − y symbolically, ∂L/∂W its numbers', () => {
    const {steps} = built(scenarios.softmax);
    const delta = steps.find((s) => s.id === 'delta2').expand(0, 0, 1);
    expect(delta.numbers).toBeNull();
    expect(delta.symbolic).toContain('\\hat{y}_{2} - y_{2}');
    expect(steps.find((s) => s.id === 'dW2').expand(0, 1, 0).terms[0].factors.length).toBe(2);
  });
});

describe('the lesson\'s text and the steps\' tags', () => {
  test('every tag the text uses is a step\'s, and every step\'s tag is explained by the text', () => {
    const used = textTags(lesson);
    const emitted = new Set(Object.values(scenarios).flatMap((s) => built(s).steps.map((step) => step.tag)));
    expect([...used].sort()).toEqual([...emitted].sort());
    expect(used.size).toBe(9);
  });
});
