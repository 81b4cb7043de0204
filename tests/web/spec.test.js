// The core's spec and resolved scenarios reach JavaScript unchanged: the wasm core, the Node tool
// and the native tool say the same, and web/core/spec.js serves it to modules without a core.
import {beforeAll, describe, expect, test} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadWasmCore, nodeCli, requireNative, root, run, runNative} from './support.js';
import {defaultLr, range, spec} from '../../web/core/spec.js';

let core;
beforeAll(async () => {
  requireNative();
  core = await loadWasmCore();
});

describe('spec', () => {
  test('wasm, Node tool and native tool give the same spec', () => {
    const native = runNative(['spec']);
    expect(native.status).toBe(0);
    expect(run('node', [nodeCli, 'spec']).stdout).toBe(native.stdout);
    expect(core.spec()).toEqual(JSON.parse(native.stdout));
  });

  test('held for pure modules without a core, the same object the core gives, frozen', () => {
    expect(spec()).toBe(core.spec());
    expect(Object.isFrozen(spec().scenario.optimizer.adam.beta2)).toBe(true);
    expect(spec().scenario.optimizer.adam.beta2.default).toBe(0.999);
    expect(defaultLr('rmsprop')).toBe(0.01);
    expect(defaultLr(undefined)).toBe(0.001);
    expect(range(spec().scenario.regularization.l2)).toEqual({min: 0, max: Infinity, integer: false, maxExcluded: false});
    expect(range(spec().scenario.optimizer.sgd.momentum).maxExcluded).toBe(true);
  });

  test('its lesson limits fit inside what the core accepts', () => {
    const {lesson, scenario, limits} = spec();
    expect(lesson.mlp.units.max).toBeLessThanOrEqual(scenario.units.max);
    expect(lesson.mlp.hidden_layers.max + 1).toBeLessThanOrEqual(limits.max_weight_layers);
    expect(lesson.lr.max).toBeLessThanOrEqual(scenario.optimizer.sgd.lr.max);
    expect(lesson.training_steps.max).toBeLessThanOrEqual(limits.max_steps);
  });
});

describe('resolve', () => {
  test('fills in every default and agrees with the native tool', () => {
    const file = join(root, 'examples/lesson-rnn.json');
    const native = runNative(['resolve', file]);
    expect(native.status).toBe(0);
    const resolved = core.resolve(readFileSync(file, 'utf8'));
    expect(resolved).toEqual(JSON.parse(native.stdout));
    const {optimizer, model} = resolved.scenario;
    expect(optimizer.lr).toBeGreaterThan(0);
    expect(model.hidden_activation).toBeTypeOf('string');
    expect(resolved.work.train).toBeGreaterThan(0);
  });

  test('a refusal names the field, as the other verbs do', () => {
    expect(() => core.resolve({model: {kind: 'mlp', layers: [2, 0]}})).toThrow(/model\.layers\[1\]/);
  });
});
