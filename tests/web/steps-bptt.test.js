// Lesson 2's stepper (web/lessons/bptt/steps.js) under Node, on traces of the wasm core: the
// 8T + 3 steps and their order (docs/web.md, "Lesson 2"), that every result is the trace's
// numbers, that every chain rule's numbers give the value shown, and that the lesson's text
// explains exactly the steps' tags.
import {beforeAll, describe, expect, test} from 'vitest';
import {rnnKeys as K} from '../../web/core/trace-keys.js';
import {buildSteps} from '../../web/lessons/bptt/steps.js';
import {presets} from '../../web/lessons/bptt/presets.js';
import {lesson} from '../../web/lessons/bptt/text.js';
import {loadWasmCore} from './support.js';
import {expansionMismatches, textTags} from './steps-support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

const variant = (name, change) => {
  const scenario = structuredClone(presets[name]);
  change(scenario);
  return scenario;
};

// The presets and a few others that take other paths through buildSteps.
const scenarios = {
  lesson: presets.lesson,
  softmax: presets.softmax,
  exercise: presets.exercise,
  // Biases with tanh and a linear output.
  bias: variant('lesson', (s) => Object.assign(s.model, {bias: true, hidden_activation: 'tanh', output_activation: 'linear'})),
  // ReLU and leaky ReLU.
  relu: variant('lesson', (s) => Object.assign(s.model, {hidden_activation: 'relu', output_activation: 'leaky_relu'})),
  // One time step: nothing comes back from t + 1, the naive gradient is the right one.
  t1: variant('exercise', (s) => {
    s.data.sequences[0] = {inputs: [[1]], targets: [[0.6]]};
  }),
  t1Bias: variant('softmax', (s) => {
    s.data.sequences[0] = {inputs: [[1, 0, 0]], targets: [[0, 1, 0]]};
  }),
  // Targets at some steps only.
  someTargets: variant('exercise', (s) => {
    s.data.sequences[0].targets = [null, [0.4], null];
  }),
  fixedBiases: variant('softmax', (s) => {
    s.optimizer = {kind: 'sgd', lr: 0.5, update_biases: false};
  }),
  adam: variant('exercise', (s) => {
    s.optimizer = {kind: 'adam', lr: 0.01};
  }),
};

const built = (scenario) => {
  const trace = core.trace(scenario);
  return {trace, steps: buildSteps(scenario, trace)};
};

// docs/web.md's table: r, h, s, y for t = 1..T; the loss; s̄, h̄, r̄, the sums for t = T..1; the
// naive gradient; the update.
function expectedSteps(T) {
  const out = [];
  for (let t = 1; t <= T; t++)
    for (const kind of ['r', 'h', 's', 'y']) out.push({id: `${kind}${t}`, phase: 'forward', kind, t, tag: 'rnn-forward'});
  out.push({id: 'loss', phase: 'forward', kind: 'loss', t: 0, tag: 'rnn-loss'});
  for (let t = T; t >= 1; t--) {
    out.push({id: `s_grad${t}`, phase: 'backward', kind: 's_grad', t, tag: 's-grad'});
    out.push({id: `h_grad${t}`, phase: 'backward', kind: 'h_grad', t, tag: 'h-grad'});
    out.push({id: `r_grad${t}`, phase: 'backward', kind: 'r_grad', t, tag: 'r-grad'});
    out.push({id: `accumulate${t}`, phase: 'backward', kind: 'accumulate', t, tag: 'accumulate'});
  }
  out.push({id: 'naive', phase: 'backward', kind: 'naive', t: T, tag: 'naive'});
  out.push({id: 'update', phase: 'update', kind: 'update', t: 0, tag: 'update'});
  return out;
}

const asRows = (value) => (Array.isArray(value[0]) ? value : [value]);

// What each step shows, straight from the trace.
function expectedResult(step, trace, scenario) {
  const {forward: fw, backward: bw, updated: u} = trace;
  const k = step.t - 1;
  const bias = scenario.model.bias === true;
  const T = fw.r.length;
  switch (step.kind) {
    case 'r': case 'h': case 's': case 'y': return [[fw[step.kind][k]]];
    case 'loss': return [[[trace.loss]]];
    case 's_grad': return [[bw.s_grad[k]]];
    case 'h_grad': return [[bw.h_grad_output[k]], [bw.h_grad_next[k]], [bw.h_grad[k]]];
    case 'r_grad': return [[bw.r_grad[k]]];
    case 'accumulate': return K.parameters(bias).map((name) => asRows(trace.time_steps[k][K.gradSum(name)]));
    case 'naive': return [trace.time_steps[T - 1][K.grad('W')], bw[K.grad('W')]];
    case 'update': {
      const updateBiases = scenario.optimizer?.update_biases ?? true;
      const names = K.parameters(bias && updateBiases);
      // The parameters after the update, then the optimizer's state after it (none for plain SGD).
      const after = trace.optimizer.after;
      const state = ['momentum_buffer', 'exp_avg', 'exp_avg_sq', 'exp_avg_hat', 'exp_avg_sq_hat'].filter((b) => after[b]);
      return [...names.map((name) => asRows(u[name])), ...state.flatMap((b) => names.map((name) => asRows(after[b][name])))];
    }
    default: throw new Error(`unexpected kind ${step.kind}`);
  }
}

describe('the steps of one BPTT iteration', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    const T = scenario.data.sequences[0].inputs.length;
    test(`${name} (T = ${T}): 8T + 3 steps, each with its id, phase, kind, t and tag, and TeX`, () => {
      const {steps} = built(scenario);
      expect(steps.length).toBe(8 * T + 3);
      expect(steps.map(({id, phase, kind, t, tag}) => ({id, phase, kind, t, tag}))).toEqual(expectedSteps(T));
      for (const step of steps) {
        for (const field of ['title', 'symbolic', 'substituted']) expect(typeof step[field]).toBe('string');
        for (const block of step.result) expect(typeof block.label).toBe('string');
      }
    });

    test(`${name}: every result is the trace's numbers`, () => {
      const {trace, steps} = built(scenario);
      for (const step of steps) expect(step.result.map((b) => b.value), step.id).toEqual(expectedResult(step, trace, scenario));
    });

    test(`${name}: every chain rule's numbers give the value shown`, () => {
      const {steps} = built(scenario);
      const {mismatches, counts} = expansionMismatches(steps);
      expect(mismatches).toEqual([]);
      expect(counts.terms).toBeGreaterThan(0);
    });
  }
});

describe('BPTT\'s structure in the steps', () => {
  test('the exercise by hand: r₁ = U x₁ + V h₀ = 0.5, h₁ = σ(0.5), s₁ = W h₁', () => {
    const {steps} = built(presets.exercise);
    const byId = Object.fromEntries(steps.map((s) => [s.id, s]));
    const close = (a, b) => Math.abs(a - b) <= 1e-12 * Math.abs(b);
    expect(byId.r1.result[0].value[0][0]).toBe(0.5);
    const h1 = byId.h1.result[0].value[0][0];
    expect(close(h1, 1 / (1 + Math.exp(-0.5)))).toBe(true);
    expect(close(byId.s1.result[0].value[0][0], 0.8 * h1)).toBe(true);
    expect(byId.r1.expand(0, 0, 0).numbers).toBe('0.5 \\cdot 1 + (-0.3) \\cdot 0');
  });

  test('h̄_T has no part from t + 1; before T its two parts add up to h̄_t', () => {
    const {steps} = built(presets.lesson);
    const T = 3;
    const hT = steps.find((s) => s.id === `h_grad${T}`);
    expect(hT.result[1].value[0].every((v) => v === 0)).toBe(true);
    const part = hT.expand(1, 0, 0);
    expect(part.numbers).toBeNull();
    expect(part.terms).toEqual([]);
    const h1 = steps.find((s) => s.id === 'h_grad1');
    h1.result[2].value[0].forEach((v, i) => expect(v).toBe(h1.result[0].value[0][i] + h1.result[1].value[0][i]));
    // The whole h̄ shows both paths: H terms from Wᵀs̄ (output size) and H from Vᵀr̄.
    expect(h1.expand(2, 0, 0).terms.length).toBe(5 + 4);
  });

  test('the sums at t = 1 are the gradients; at t = T they are step T\'s part alone', () => {
    const {trace, steps} = built(presets.softmax);
    const T = 4;
    const first = steps.find((s) => s.id === 'accumulate1');
    expect(first.result.map((b) => b.value)).toEqual(K.parameters(true).map((name) => asRows(trace.backward[K.grad(name)])));
    const last = steps.find((s) => s.id === `accumulate${T}`);
    expect(last.result.map((b) => b.value)).toEqual(K.parameters(true).map((name) => asRows(trace.time_steps[T - 1][K.grad(name)])));
    // Ū₁₁ at t = 1 shows T contributions, one per step.
    expect(first.expand(0, 0, 0).terms.length).toBe(T);
  });

  test('T = 1: the naive gradient is the right one', () => {
    const {steps} = built(scenarios.t1);
    const naive = steps.find((s) => s.id === 'naive');
    expect(naive.result[0].value).toEqual(naive.result[1].value);
  });

  test('softmax: y expands as e^{s_i}/Σe^{s_j}, s̄ has no element-wise expansion; with Adam the update and its state expand', () => {
    const {steps} = built(presets.softmax);
    expect(steps.find((s) => s.id === 'y1').expand(0, 0, 1).activation.name).toBe('softmax');
    expect(steps.find((s) => s.id === 's_grad1').expand).toBeNull();
    const {trace, steps: adam} = built(scenarios.adam);
    const update = adam.find((s) => s.id === 'update');
    expect(update.expand(0, 0, 0).value).toBe(trace.updated.U[0][0]);
    // U, V, W, then m, v, m̂, v̂ of each.
    expect(update.result.length).toBe(3 + 4 * 3);
    expect(update.result[3].value).toEqual(trace.optimizer.after.exp_avg.U);
  });
});

describe('the lesson\'s text and the steps\' tags', () => {
  test('every tag the text uses is a step\'s, and every step\'s tag is explained by the text', () => {
    const used = textTags(lesson);
    const emitted = new Set(Object.values(scenarios).flatMap((s) => built(s).steps.map((step) => step.tag)));
    expect([...used].sort()).toEqual([...emitted].sort());
    expect(used.size).toBe(8);
  });
});
