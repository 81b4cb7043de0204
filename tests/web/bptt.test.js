// Lesson 2 through the wasm bindings: the BPTT trace's structure, the presets, null targets and
// the gradient norms of the explorer, each against the native tool.
import {beforeAll, describe, expect, test} from 'vitest';
import {CoreError} from '../../web/core/core.js';
import {buildSteps} from '../../web/lessons/bptt/steps.js';
import {presets} from '../../web/lessons/bptt/presets.js';
import {loadWasmCore, requireNative, runNative} from './support.js';

let core;
beforeAll(async () => {
  requireNative();
  core = await loadWasmCore();
});

const close = (a, b) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;

describe('the lesson presets', () => {
  for (const [name, scenario] of Object.entries(presets)) {
    test(`${name}: the trace agrees with the native tool, and BPTT's parts add up`, () => {
      const trace = core.trace(scenario);
      const native = JSON.parse(runNative(['trace', '-'], JSON.stringify(scenario)).stdout);
      expect(close(trace.loss, native.loss)).toBe(true);
      const {h_grad: h, h_grad_output: out, h_grad_next: next} = trace.backward;
      const T = h.length;
      expect(next[T - 1].every((v) => v === 0)).toBe(true);  // no future at t = T
      for (let t = 0; t < T; t++) h[t].forEach((v, i) => expect(v).toBe(out[t][i] + next[t][i]));
      // The running sums at t = 1 are the gradients; the parameters the step starts from include h0.
      expect(trace.time_steps[0].dW_sum).toEqual(trace.backward.dW);
      expect(trace.parameters.h0.length).toBe(scenario.model.hidden_size);
      // Every step of the stepper builds from it: 4T forward, the loss, 4T backward, naive, update.
      expect(buildSteps(scenario, trace).length).toBe(8 * T + 3);
    });
  }
});

describe('targets only where the task is scored', () => {
  const scenario = structuredClone(presets.exercise);
  scenario.data.sequences[0].targets = [null, null, [0.7]];
  test('steps without a target add nothing to the loss or to ȳ', () => {
    const trace = core.trace(scenario);
    expect(trace.backward.y_grad[0]).toEqual([0]);
    expect(trace.backward.y_grad[1]).toEqual([0]);
    expect(trace.backward.y_grad[2][0]).not.toBe(0);
    expect(close(trace.loss, 0.5 * (trace.forward.y[2][0] - 0.7) ** 2)).toBe(true);
  });
  test('a sequence with no target at all is refused, naming the field', () => {
    const none = structuredClone(scenario);
    none.data.sequences[0].targets = [null, null, null];
    expect(() => core.trace(none)).toThrow(CoreError);
    try {
      core.trace(none);
    } catch (error) {
      expect(error.field).toBe('data.sequences[0].targets');
    }
  });
});

describe('gradient norms for the explorer', () => {
  const explorer = (T, scale, f) => ({
    model: {kind: 'rnn', input_size: 2, hidden_size: 32, output_size: 2, hidden_activation: f, output_activation: 'linear', bias: true},
    init: {scheme: 'uniform', scale, seed: 1},
    data: {sequences: [{inputs: Array.from({length: T}, () => [1, 1]), targets: Array.from({length: T}, (_, t) => (t === T - 1 ? [0, 0] : null))}]},
  });
  test('agree with the native tool', () => {
    const scenario = explorer(200, 0.5, 'tanh');
    const wasm = core.norms(scenario);
    const native = JSON.parse(runNative(['norms', '-'], JSON.stringify(scenario)).stdout);
    expect(wasm.h_grad_norm.length).toBe(200);
    wasm.h_grad_norm.forEach((v, t) => expect(close(v, native.h_grad_norm[t])).toBe(true));
    wasm.contribution_norm.dV.forEach((v, t) => expect(close(v, native.contribution_norm.dV[t])).toBe(true));
  });
  test('vanish with small weights and sigmoid', () => {
    const {h_grad_norm: h} = core.norms(explorer(50, 0.05, 'sigmoid'));
    expect(h[0] / h[49]).toBeLessThan(1e-20);
  });
  test('an MLP has no time to go back through', () => {
    expect(() => core.norms({model: {kind: 'mlp', layers: [1, 1], activations: ['linear']}, data: {inputs: [[1]], targets: [[1]]}}))
      .toThrow(/rnn/);
  });
});
