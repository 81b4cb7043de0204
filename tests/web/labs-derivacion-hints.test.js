// Lab 6 (derivacion): checking a hand-derived BPTT value against the core's trace and choosing
// the hint for a wrong one; the seeded exercise and the address's settings.
import {beforeAll, describe, expect, test} from 'vitest';
import {checkAnswer, expected, fieldKey, fieldsFor, relativeError, scalar} from '../../web/labs/derivacion/hints.js';
import {drawExercise, exerciseScenario, newSeed, readParams} from '../../web/labs/derivacion/exercise.js';
import {loadWasmCore} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

// The lesson's exercise preset (web/lessons/bptt/presets.js): h0 = 0, so V's share at t = 1 is 0.
const lessonExercise = {
  model: {kind: 'rnn', input_size: 1, hidden_size: 1, output_size: 1,
    hidden_activation: 'sigmoid', output_activation: 'sigmoid', loss: 'half_sse', bias: false},
  parameters: {U: [[0.5]], V: [[-0.3]], W: [[0.8]], h0: [0]},
  data: {sequences: [{inputs: [[1], [0.5], [-1]], targets: [[0.6], [0.4], [0.7]]}]},
};

function setup(scenario = lessonExercise) {
  const trace = core.trace(scenario);
  const inputs = scenario.data.sequences[0].inputs;
  const bw = trace.backward;
  const at = (key, t) => scalar(bw[key][t - 1]);
  const check = (field, value, answers = {}, tolerance = 1e-3) =>
    checkAnswer({field, value, answers, trace, inputs, tolerance});
  return {trace, inputs, bw, at, check};
}

describe('checking an answer', () => {
  test('every field: the core\'s value is right, within the tolerance and not beyond it', () => {
    const {trace, check} = setup();
    const fields = fieldsFor(3);
    expect(fields.map(fieldKey)).toEqual(['s3', 'h3', 'r3', 's2', 'h2', 'r2', 's1', 'h1', 'r1', 'dU', 'dV', 'dW']);
    for (const field of fields) {
      const right = expected(trace, field);
      expect(Number.isFinite(right)).toBe(true);
      expect(check(field, right)).toMatchObject({status: 'right', hint: null});
      expect(check(field, right * (1 + 9e-4)).status).toBe('right');
      expect(check(field, right * (1 + 2e-3)).status).toBe('wrong');
      // A tighter tolerance refuses what the default accepts.
      expect(check(field, right * (1 + 9e-4), {}, 1e-6).status).toBe('wrong');
    }
    expect(expected(trace, {kind: 'dV'})).toBe(trace.backward.dV[0][0]);
    expect(expected(trace, {kind: 'h', t: 2})).toBe(trace.backward.h_grad[1][0]);
  });

  test('almost right (rounding) is told apart from a wrong factor', () => {
    const {trace, check} = setup();
    const right = expected(trace, {kind: 'h', t: 1});
    const result = check({kind: 'h', t: 1}, right * 1.004);
    expect(result.hint.id).toBe('close');
    expect(result.error).toBeCloseTo(0.004, 6);
    expect(relativeError(right * 1.004, right)).toBeCloseTo(0.004, 9);
  });

  test('the opposite sign', () => {
    const {trace, check} = setup();
    for (const field of fieldsFor(3)) expect(check(field, -expected(trace, field)).hint.id).toBe('sign');
  });

  test('s̄_t: ȳ_t without g′(s_t), or g′ alone', () => {
    const {at, check} = setup();
    expect(check({kind: 's', t: 2}, at('y_grad', 2)).hint).toMatchObject({id: 'missing-gprime', kind: 's', t: 2});
    expect(check({kind: 's', t: 3}, at('gprime', 3)).hint.id).toBe('only-gprime');
  });

  test('h̄_t: one of its two paths missing, s̄_t without Wᵀ, r̄_t given for h̄_t', () => {
    const {at, check} = setup();
    expect(check({kind: 'h', t: 2}, at('h_grad_output', 2)).hint).toMatchObject({id: 'missing-next', t: 2});
    expect(check({kind: 'h', t: 1}, at('h_grad_next', 1)).hint.id).toBe('missing-output');
    // At t = T, Wᵀs̄_T alone is the whole h̄_T.
    expect(check({kind: 'h', t: 3}, at('h_grad_output', 3)).status).toBe('right');
    expect(check({kind: 'h', t: 3}, at('s_grad', 3)).hint.id).toBe('missing-w');
    expect(check({kind: 'h', t: 2}, at('r_grad', 2)).hint.id).toBe('h-is-r');
  });

  test('r̄_t: h̄_t without f′(r_t), or f′ alone', () => {
    const {at, check} = setup();
    expect(check({kind: 'r', t: 2}, at('h_grad', 2)).hint.id).toBe('missing-fprime');
    expect(check({kind: 'r', t: 1}, at('fprime', 1)).hint.id).toBe('only-fprime');
  });

  test('∂L/∂U, ∂L/∂V, ∂L/∂W: the last step alone (naive), early steps left out, one step, another gradient', () => {
    const {trace, check} = setup();
    const steps = trace.time_steps;
    for (const kind of ['dU', 'dV', 'dW']) expect(check({kind}, scalar(steps[2][kind])).hint).toMatchObject({id: 'naive', kind, T: 3});
    for (const kind of ['dU', 'dW']) expect(check({kind}, scalar(steps[1][`${kind}_sum`])).hint).toMatchObject({id: 'partial-sum', from: 2});
    // With h0 = 0 step 1 adds nothing to ∂L/∂V: the sum over t = 2..3 is the whole gradient.
    expect(check({kind: 'dV'}, scalar(steps[1].dV_sum)).status).toBe('right');
    expect(check({kind: 'dW'}, scalar(steps[1].dW)).hint).toMatchObject({id: 'one-step', step: 2});
    expect(check({kind: 'dU'}, scalar(steps[0].dU)).hint).toMatchObject({id: 'one-step', step: 1});
    expect(check({kind: 'dV'}, scalar(trace.backward.dU)).hint).toMatchObject({id: 'other-gradient', other: 'dU'});
  });

  test('a zero in the trace is no candidate: 0 typed for ∂L/∂V is not "only step 1" when h0 = 0', () => {
    const {trace, check} = setup();
    expect(scalar(trace.time_steps[0].dV)).toBe(0);
    expect(check({kind: 'dV'}, 0).hint.id).toBe('formula');
  });

  test('a wrong answer that follows from the student\'s own wrong upstream value', () => {
    const {trace, inputs, at, check} = setup();
    const W = scalar(trace.parameters.W);
    const V = scalar(trace.parameters.V);
    // r̄_3 typed without f′ (wrong), then h̄_2 = W s̄_2 + V · (that r̄_3): consistent with it.
    const r3 = at('h_grad', 3);
    const h2 = W * at('s_grad', 2) + V * r3;
    const answers = {r3, h2};
    expect(check({kind: 'r', t: 3}, r3, answers).hint.id).toBe('missing-fprime');
    expect(check({kind: 'h', t: 2}, h2, answers).hint).toMatchObject({id: 'upstream', t: 2, from: [{kind: 'r', t: 3}]});
    // Then r̄_2 = (their h̄_2) · f′(r_2): consistent again, the error comes from h̄_2.
    const r2 = h2 * at('fprime', 2);
    expect(check({kind: 'r', t: 2}, r2, {...answers, r2}).hint).toMatchObject({id: 'upstream', from: [{kind: 'h', t: 2}]});
    // ∂L/∂U from their r̄_t (r̄_1 right): Σ r̄_t x_t.
    const r1 = at('r_grad', 1);
    const dU = r1 * inputs[0][0] + r2 * inputs[1][0] + r3 * inputs[2][0];
    expect(check({kind: 'dU'}, dU, {r1, r2, r3}).hint).toMatchObject({id: 'upstream', from: [{kind: 'r', t: 2}, {kind: 'r', t: 3}]});
    // The same h̄_2 without any wrong upstream typed is no "upstream" case.
    expect(check({kind: 'h', t: 2}, h2, {}).hint.id).not.toBe('upstream');
    // s̄ typed without g′ (ȳ): ∂L/∂W from it.
    const s = [1, 2, 3].map((t) => at('y_grad', t));
    const dW = s.reduce((sum, v, k) => sum + v * scalar(trace.forward.h[k]), 0);
    expect(check({kind: 'dW'}, dW, {s1: s[0], s2: s[1], s3: s[2]}).hint.id).toBe('upstream');
  });

  test('the value of another time step', () => {
    const {at, check} = setup();
    expect(check({kind: 'h', t: 2}, at('h_grad', 1)).hint).toMatchObject({id: 'other-step', step: 1});
    expect(check({kind: 's', t: 1}, at('s_grad', 3)).hint).toMatchObject({id: 'other-step', step: 3});
  });

  test('anything else: the formula', () => {
    const {check} = setup();
    expect(check({kind: 'r', t: 1}, 123.456).hint).toMatchObject({id: 'formula', kind: 'r', t: 1, T: 3});
    expect(check({kind: 'dW'}, -7).hint).toMatchObject({id: 'formula', kind: 'dW'});
  });

  test('a linear output: g′ = 1, so ȳ_t is s̄_t and is right', () => {
    const scenario = exerciseScenario({seed: 5, g: 'linear'});
    const {at, check} = setup(scenario);
    expect(check({kind: 's', t: 3}, at('y_grad', 3)).status).toBe('right');
  });

  test('drawn exercises: every hint still picks the intended case', () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      const {trace, at, check} = setup(exerciseScenario({seed, g: 'sigmoid'}));
      expect(check({kind: 'r', t: 2}, at('h_grad', 2)).hint.id).toBe('missing-fprime');
      expect(check({kind: 'dW'}, scalar(trace.time_steps[2].dW)).hint.id).toBe('naive');
      expect(check({kind: 'h', t: 1}, at('h_grad_output', 1)).hint.id).toBe('missing-next');
    }
  });
});

describe('the exercise', () => {
  test('a seed always draws the same numbers, on a grid of tenths within the ranges', () => {
    expect(drawExercise(7)).toEqual(drawExercise(7));
    expect(drawExercise(7)).not.toEqual(drawExercise(8));
    for (let seed = 0; seed < 200; seed++) {
      const {U, V, W, h0, inputs, targets} = drawExercise(seed);
      for (const w of [U, V, W, ...inputs]) {
        expect(Math.abs(w)).toBeGreaterThanOrEqual(0.1);
        expect(Math.abs(w)).toBeLessThanOrEqual(1);
      }
      for (const v of [U, V, W, h0, ...inputs, ...targets]) expect(Math.round(v * 10)).toBeCloseTo(v * 10, 9);
      expect(h0).toBeGreaterThanOrEqual(0);
      expect(h0).toBeLessThanOrEqual(0.9);
      for (const y of targets) expect(y > 0 && y < 1).toBe(true);
    }
    // A linear output's targets span [−1, 1].
    const linear = Array.from({length: 50}, (_, seed) => drawExercise(seed, 'linear').targets).flat();
    expect(Math.min(...linear)).toBeLessThan(0);
    expect(linear.every((y) => y >= -1 && y <= 1)).toBe(true);
  });

  test('its scenario is the lesson\'s exercise: one hidden unit, T = 3, sigmoid, ½ sum of squares', () => {
    const scenario = exerciseScenario({seed: 9, g: 'sigmoid'});
    const trace = core.trace(scenario);
    expect(trace.forward.h).toHaveLength(3);
    expect(trace.time_steps).toHaveLength(3);
    expect(scenario.model).toMatchObject({hidden_size: 1, hidden_activation: 'sigmoid', loss: 'half_sse'});
    expect(trace.parameters.U).toEqual(scenario.parameters.U);
  });

  test('the address: valid settings are read, invalid ones fall back and are named', () => {
    expect(readParams(new URLSearchParams('seed=17&g=linear&tol=1e-4'))).toEqual({settings: {seed: 17, g: 'linear', tol: 1e-4}, invalid: []});
    expect(readParams(new URLSearchParams(''))).toEqual({settings: {seed: 1, g: 'sigmoid', tol: 1e-3}, invalid: []});
    const bad = readParams(new URLSearchParams('seed=-3&g=relu&tol=abc'));
    expect(bad.settings).toEqual({seed: 1, g: 'sigmoid', tol: 1e-3});
    expect(bad.invalid).toEqual(['seed', 'g', 'tol']);
    expect(readParams({seed: '5', tol: '0.5'})).toEqual({settings: {seed: 5, g: 'sigmoid', tol: 1e-3}, invalid: ['tol']});
  });

  test('a new seed differs from the current one', () => {
    let i = 0;
    const fixed = () => [0.5, 0.5, 0.25][i++];
    const current = 1 + Math.floor(0.5 * 999_999);
    expect(newSeed(current, fixed)).not.toBe(current);
  });
});
