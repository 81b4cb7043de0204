// Stepping across iterations (web/lessons/iterations.js) under Node, on the wasm core: the
// address's `it` bounded by the core's range, and → past the last step giving iteration k + 1,
// whose parameters are iteration k's updated ones, ← before the first giving k − 1's last step.
import {beforeAll, describe, expect, test} from 'vitest';
import {loadWasmCore} from './support.js';
import {spec} from '../../web/core/spec.js';
import {atIteration, canCross, crossIteration, iterationLabel, parseIteration, writeIteration} from '../../web/lessons/iterations.js';
import {buildSteps as mlpSteps} from '../../web/lessons/mlp/steps.js';
import {buildSteps as rnnSteps} from '../../web/lessons/bptt/steps.js';
import {presets as mlpPresets} from '../../web/lessons/mlp/presets.js';
import {presets as rnnPresets} from '../../web/lessons/bptt/presets.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

describe('the iteration in the address', () => {
  test('a whole number in the core\'s range; 1 otherwise', () => {
    const {min, max} = spec().scenario.iteration;
    expect(parseIteration(null)).toBe(min);
    expect(parseIteration('')).toBe(min);
    expect(parseIteration('abc')).toBe(min);
    expect(parseIteration('3')).toBe(3);
    expect(parseIteration('2.7')).toBe(2);
    expect(parseIteration('-4')).toBe(min);
    expect(parseIteration('1e12')).toBe(max);
    const query = new URLSearchParams('s=x&step=2');
    writeIteration(query, 3);
    expect(query.get('it')).toBe('3');
    writeIteration(query, 1);
    expect(query.has('it')).toBe(false);
    expect(atIteration({a: 1}, 1)).toEqual({a: 1});
    expect(atIteration({a: 1}, 4)).toEqual({a: 1, iteration: 4});
  });
});

describe('crossing iterations', () => {
  for (const [lesson, build, scenario] of [
    ['mlp', mlpSteps, {...mlpPresets.classic, optimizer: {kind: 'adam', lr: 0.1}, regularization: {l2: 0.01}}],
    ['bptt', rnnSteps, {...rnnPresets.exercise, optimizer: {kind: 'sgd', lr: 0.5, momentum: 0.9}}],
  ]) {
    test(`${lesson}: → at the last step is iteration 2's first; ← at its first is iteration 1's last`, () => {
      const evaluate = (s, k) => {
        const trace = core.trace(atIteration(s, k));
        return {scenario: s, trace, steps: build(s, trace), iteration: k};
      };
      const first = {...evaluate(scenario, 1), step: 0};
      const last = first.steps.length - 1;
      expect(crossIteration(first, 3, evaluate)).toBeNull();  // inside the iteration
      expect(crossIteration(first, -1, evaluate)).toBeNull();  // nothing before iteration 1
      expect(canCross(first, -1)).toBe(false);
      expect(canCross(first, 1)).toBe(true);
      const second = crossIteration({...first, step: last}, last + 1, evaluate);
      expect(second).toMatchObject({iteration: 2, step: 0, selected: null});
      expect(second.trace.iteration).toBe(2);
      expect(second.trace.parameters).toMatchObject(first.trace.updated);  // (and h0, never trained)
      expect(second.trace.optimizer.before).toEqual(first.trace.optimizer.after);
      expect(iterationLabel(second)).toBe('Iteración 2');
      const back = crossIteration(second, -1, evaluate);
      expect(back).toMatchObject({iteration: 1, step: last});
      expect(back.trace).toEqual(first.trace);
    });
  }

  test('the last iteration the core allows has no next', () => {
    const {max} = spec().scenario.iteration;
    expect(canCross({iteration: max, steps: []}, 1)).toBe(false);
    expect(crossIteration({iteration: max, steps: [{}], step: 0}, 1, () => {
      throw new Error('not called');
    })).toBeNull();
  });
});
