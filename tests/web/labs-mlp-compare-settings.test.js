// The activaciones and lotes labs' settings and scenarios: links read back with fallbacks,
// written without float noise, and the scenario's batch and step count (epochs × ⌈n / batch⌉).
import {describe, expect, test} from 'vitest';
import {loadWasmCore} from './support.js';
import {activationFields} from '../../web/labs/activaciones/settings.js';
import {readParams, writeParams} from '../../web/forms/settings.js';
import {buildScenario, stepsPerEpoch} from '../../web/labs/shared/compare-scenario.js';
import {batchFields, lossEvery, runBatch} from '../../web/labs/lotes/settings.js';

const core = await loadWasmCore();  // the fields read the core's ranges (web/core/spec.js)

const points = (n) => ({
  inputs: Array.from({length: n}, (_, i) => [i / n, -i / n]),
  targets: Array.from({length: n}, (_, i) => (i % 2 ? [0, 1] : [1, 0])),
  labels: Array.from({length: n}, (_, i) => i % 2),
  validation: {inputs: [[0, 0]], targets: [[1, 0]], labels: [0]},
});

describe('settings in the address', () => {
  test('a link round-trips; a bad value falls back to its default and is named', () => {
    const written = writeParams(batchFields, {...readParams(batchFields, new URLSearchParams()).values, lr: 0.1 + 0.2, shuffle: false});
    expect(written.lr).toBe('0.3');
    expect(written.shuffle).toBe('0');
    const {values, invalid} = readParams(batchFields, new URLSearchParams({...written, batch: '0', epochs: 'diez', shape: 'moons'}));
    expect(invalid).toEqual(['shape', 'epochs', 'batch']);
    expect(values).toMatchObject({lr: 0.3, shuffle: false, batch: 16, epochs: 100, shape: 'xor'});
  });

  test('the defaults of lab 2 are the shallow network on circles; a comma decimal is read', () => {
    const {values, invalid} = readParams(activationFields, {lr: '0,25', layers: '7'});
    expect(invalid).toEqual(['layers']);
    expect(values).toMatchObject({shape: 'circles', layers: 1, hidden: 8, lr: 0.25, target: 0.1});
  });
});

describe('what the core sets comes from its spec', () => {
  test('shapes, noise and seeds are the core\'s; the activations compared are among its own', async () => {
    const {data, limits, scenario} = core.spec();
    const {ACTIVATIONS} = await import('../../web/labs/shared/compare-scenario.js');
    for (const fields of [activationFields, batchFields]) {
      expect(fields.shape.choices).toEqual(data.points.shape.values);
      expect([fields.noise.min, fields.noise.max]).toEqual([data.points.noise.min, data.points.noise.max]);
      expect(fields.seed.max).toBe(limits.max_seed);
      expect(fields.lr.max).toBeLessThanOrEqual(scenario.optimizer.sgd.lr.max);
    }
    for (const a of ACTIVATIONS) expect(scenario.activations).toContain(a);
    expect(batchFields.activation.choices).toEqual(ACTIVATIONS);
  });
});

describe('scenarios', () => {
  const model = {activation: 'tanh', layers: 1, hidden: 8, lr: 0.2, seed: 3, epochs: 10, shuffle: true};

  test('steps = epochs × ⌈n / batch⌉ for SGD, a mini-batch and the full batch', () => {
    const data = points(140);
    expect(buildScenario(data, {...model, batch: runBatch('sgd', 16)}).train).toEqual({steps: 1400, batch_size: 1, shuffle: true, seed: 3});
    expect(buildScenario(data, {...model, batch: runBatch('mini', 16)}).train).toEqual({steps: 90, batch_size: 16, shuffle: true, seed: 3});
    expect(buildScenario(data, {...model, batch: runBatch('full', 16)}).train).toEqual({steps: 10, batch_size: null, shuffle: false, seed: 3});
    expect(stepsPerEpoch(200, 140)).toBe(1);  // a batch as large as the set is the full batch
    expect(buildScenario(data, {...model, batch: 140}).train.batch_size).toBeNull();
  });

  test('a deep network: every hidden layer the same activation, softmax + cross-entropy on top; validation without labels', () => {
    const scenario = buildScenario(points(10), {...model, activation: 'sigmoid', layers: 4, batch: null});
    expect(scenario.model).toEqual({kind: 'mlp', layers: [2, 8, 8, 8, 8, 2], activations: ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid', 'softmax'], loss: 'cross_entropy'});
    expect(scenario.init).toEqual({scheme: 'pytorch_default', seed: 3});
    expect(scenario.data.validation).toEqual({inputs: [[0, 0]], targets: [[1, 0]]});
    expect(scenario.data.labels).toBeUndefined();
  });

  test('a long SGD run sends at most about 20 000 loss points', () => {
    expect(lossEvery(14_000)).toBe(1);
    expect(lossEvery(1_400_000)).toBe(70);
  });
});
