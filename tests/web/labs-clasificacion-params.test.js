// Lab 1's and lab 3's pure logic: settings from a link, the points added by clicking, the
// scenario built from them, weight histograms and the log slider of the regularization strength.
import {describe, expect, test} from 'vitest';
import {loadWasmCore} from './support.js';
import {classificationFields, parseField, readParams, writeParams} from '../../web/labs/shared/plane-settings.js';
import {formatExtra, parseExtra} from '../../web/labs/clasificacion/extra.js';
import {batchSize, buildScenario, stepsPerEpoch, trainInput, trainingSet} from '../../web/labs/shared/plane-scenario.js';
import {contourSegments} from '../../web/labs/shared/ui/heatmap.js';
import {planePoints} from '../../web/labs/shared/ui/plane-panel.js';
import {binValues, nearZeroShare, weightValues} from '../../web/labs/regularizacion/histogram.js';
import {STRENGTHS, positionOf, strengthAt} from '../../web/labs/regularizacion/strength.js';
import {regularizationFields} from '../../web/labs/regularizacion/settings.js';

const core = await loadWasmCore();  // the fields read the core's ranges (web/core/spec.js)

describe('settings in the address', () => {
  test('a full link reads back exactly, and writes back the same text', () => {
    const link = new URLSearchParams('shape=spiral&count=300&noise=0.25&validation=0.4&seed=7&hidden=16&activation=relu&lr=0.005&epochs=50&batch=32&optimizer=sgd');
    const {values, invalid} = readParams(classificationFields, link);
    expect(invalid).toEqual([]);
    expect(values).toEqual({shape: 'spiral', count: 300, noise: 0.25, validation: 0.4, seed: 7, hidden: 16,
      activation: 'relu', lr: 0.005, epochs: 50, batch: 32, optimizer: 'sgd'});
    expect(new URLSearchParams(writeParams(classificationFields, values)).toString()).toBe(link.toString());
  });

  test('bad values fall back to their defaults and are named; missing ones silently', () => {
    const {values, invalid} = readParams(classificationFields,
      new URLSearchParams('shape=moons&hidden=33&lr=abc&epochs=2.5&noise=0.5'));
    expect(invalid).toEqual(['shape', 'hidden', 'lr', 'epochs']);
    expect(values.shape).toBe(classificationFields.shape.default);
    expect(values.hidden).toBe(classificationFields.hidden.default);
    expect(values.noise).toBe(0.5);
    expect(values.seed).toBe(classificationFields.seed.default);
  });

  test('what a student types: a comma as decimal mark, the reasons for a refusal', () => {
    expect(parseField(classificationFields.lr, '0,05')).toEqual({ok: true, value: 0.05});
    expect(parseField(classificationFields.lr, '1e-3')).toEqual({ok: true, value: 0.001});
    expect(parseField(classificationFields.lr, 'rápido')).toEqual({ok: false, reason: 'notNumber'});
    expect(parseField(classificationFields.lr, '0')).toEqual({ok: false, reason: 'range'});
    expect(parseField(classificationFields.hidden, '4.5')).toEqual({ok: false, reason: 'notInteger'});
    expect(parseField(classificationFields.hidden, '')).toEqual({ok: false, reason: 'empty'});
    expect(parseField(classificationFields.activation, 'softmax')).toEqual({ok: false, reason: 'choice'});
  });
});

describe('what the core sets comes from its spec', () => {
  test('the data set\'s ranges, shapes and seeds are the core\'s; the labs\' own choices lie within it', () => {
    const {data, limits, scenario} = core.spec();
    for (const fields of [classificationFields, regularizationFields]) {
      expect(fields.shape.choices).toEqual(data.points.shape.values);
      expect([fields.noise.min, fields.noise.max]).toEqual([data.points.noise.min, data.points.noise.max]);
      expect(fields.validation.max).toBe(data.points.validation.max);
      expect(fields.validation.min).toBeGreaterThanOrEqual(data.points.validation.min);
      expect(fields.seed.max).toBe(limits.max_seed);
      expect(fields.count.min).toBeGreaterThanOrEqual(data.points.count.min);
      expect(fields.count.max).toBeLessThanOrEqual(data.points.count.max);
      for (const a of fields.activation.choices) expect(scenario.activations).toContain(a);
      for (const o of fields.optimizer.choices) expect(scenario.optimizer.kind.values).toContain(o);
    }
    expect(classificationFields.validation.min).toBe(data.points.validation.min);
    expect(regularizationFields.validation.min).toBe(0.1);  // lab 3's own: a validation set to compare
  });
});

describe('points added by clicking (extra=x,y,c;…)', () => {
  test('round trip with coordinates rounded to two decimals', () => {
    const text = formatExtra([[0.123456, -1.0049, 1], [1.5, 0, 0]]);
    expect(text).toBe('0.12,-1,1;1.5,0,0');
    expect(parseExtra(text)).toEqual({ok: true, points: [[0.12, -1, 1], [1.5, 0, 0]]});
    expect(parseExtra('')).toEqual({ok: true, points: []});
  });

  test('a bad entry is dropped and reported; the others stay', () => {
    expect(parseExtra('0.1,0.2,1;x,0,0;0.3,0.3,2;9,0,1;0.5,0.5;0.4,-0.4,0')).toEqual({ok: false, points: [[0.1, 0.2, 1], [0.4, -0.4, 0]]});
    expect(parseExtra(',,;').ok).toBe(false);
  });
});

describe('the scenario', () => {
  const data = {
    inputs: [[0, 0], [1, 1], [0.5, -0.5]], targets: [[1, 0], [0, 1], [1, 0]], labels: [0, 1, 0],
    validation: {inputs: [[0.2, 0.2]], targets: [[0, 1]], labels: [1]},
  };
  const settings = {hidden: 5, activation: 'relu', optimizer: 'sgd', lr: 0.1, epochs: 3, batch: 2, seed: 9};

  test('added points join the training set; epochs become steps', () => {
    const extra = [[0.3, 0.4, 1]];
    expect(trainingSet(data, extra).labels).toEqual([0, 1, 0, 1]);
    const s = buildScenario(data, extra, settings);
    expect(s.model).toEqual({kind: 'mlp', layers: [2, 5, 2], activations: ['relu', 'softmax'], loss: 'cross_entropy'});
    expect(s.data.inputs.at(-1)).toEqual([0.3, 0.4]);
    expect(s.data.targets.at(-1)).toEqual([0, 1]);
    expect(s.data.validation).toEqual({inputs: [[0.2, 0.2]], targets: [[0, 1]]});
    expect(s.train).toEqual({steps: 6, batch_size: 2, shuffle: true, seed: 9});
    expect(s.regularization).toBeUndefined();
    expect(buildScenario(data, [], settings, {l1: 0, l2: 0.01}).regularization).toEqual({l1: 0, l2: 0.01});
  });

  test('a batch larger than the training set is the whole set; no validation set, no key', () => {
    expect(batchSize(50, 3)).toBe(3);
    expect(stepsPerEpoch(50, 3)).toBe(1);
    expect(stepsPerEpoch(2, 5)).toBe(3);
    const s = buildScenario({...data, validation: {inputs: [], targets: [], labels: []}}, [], {...settings, batch: 50});
    expect(s.train.batch_size).toBe(3);
    expect(s.data.validation).toBeUndefined();
  });
});

describe('the run\'s input and the plane', () => {
  const scenario = (epochs, rows = 280, batch = 10) => ({
    data: {inputs: Array.from({length: rows}, () => [0, 0])},
    train: {steps: epochs * Math.ceil(rows / batch), batch_size: batch},
  });

  test('evaluations every k whole epochs, at most 500 points, whatever the pace', () => {
    expect(trainInput(scenario(150)).evaluateEvery).toBe(28);         // every epoch
    expect(trainInput(scenario(500)).evaluateEvery).toBe(28);
    expect(trainInput(scenario(501)).evaluateEvery).toBe(2 * 28);     // every 2 epochs
    expect(trainInput(scenario(2000)).evaluateEvery).toBe(4 * 28);
    expect(trainInput(scenario(3, 5, 50)).evaluateEvery).toBe(1);     // one step per epoch
    const input = trainInput(scenario(10));
    expect(input.grid).toMatchObject({nx: 100, ny: 100, unit: 1});
    expect(input.steps).toBe(280);
  });

  test('the p = 0.5 line: a straight edge between columns, and a saddle split by its mean', () => {
    // 4 × 3 grid, p = 0 in columns 0–1 and 1 in columns 2–3: a vertical line at x = 1.5.
    const values = Float32Array.from({length: 12}, (_, k) => (k % 4 >= 2 ? 1 : 0));
    const s = Array.from(contourSegments(values, 4, 3, 0.5));
    expect(s).toEqual([1.5, 0, 1.5, 1, 1.5, 1, 1.5, 2]);
    // One cell, corners 1 0 / 0 1 (top left, top right / bottom left, bottom right), mean 0.5 ≥ 0.5:
    // the high corners joined, i.e. the segments cut off the low corners.
    const saddle = Array.from(contourSegments([1, 0, 0, 1], 2, 2, 0.5));
    expect(saddle).toEqual([0.5, 0, 1, 0.5, 0.5, 1, 0, 0.5]);
    expect(contourSegments(new Float32Array(9).fill(0.7), 3, 3).length).toBe(0);
  });

  test('points: training filled, validation hollow, added ones ringed', () => {
    const data = {inputs: [[0, 1]], labels: [1], validation: {inputs: [[2, 3]], labels: [0]}};
    expect(planePoints(data, [[0.5, 0.5, 0]])).toEqual([
      {x: 0, y: 1, label: 1}, {x: 2, y: 3, label: 0, hollow: true}, {x: 0.5, y: 0.5, label: 0, ring: true},
    ]);
  });
});

describe('weight histograms', () => {
  test('one symmetric range for every run; every value counted once', () => {
    const a = [-2, -1, 0, 0.5, 2];
    const b = [0, 0, 0.1];
    const {edges, counts} = binValues([a, b], 4);
    expect(edges).toEqual([-2, -1, 0, 1, 2]);
    expect(counts[0]).toEqual([1, 1, 2, 1]);  // −1 opens bin 1; 2 (the upper edge) is in the last
    expect(counts[1]).toEqual([0, 0, 3, 0]);
    expect(counts.map((c) => c.reduce((x, y) => x + y))).toEqual([5, 3]);
  });

  test('all zeros still bin; weights from the parameters; the share near 0', () => {
    expect(binValues([[0, 0]], 2)).toEqual({edges: [-1, 0, 1], counts: [[0, 2]]});
    const parameters = {W1: [[1, 2], [3, 4]], b1: [9, 9], W2: [[5, 6]], b2: [9]};
    expect(weightValues(parameters)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nearZeroShare([0, 1e-5, 0.5, -2])).toBe(0.5);
    expect(nearZeroShare([])).toBe(0);
  });
});

describe('the log slider of a regularization strength', () => {
  test('0 at the left, then 1·2·5 steps up to 1', () => {
    expect(STRENGTHS[0]).toBe(0);
    expect(STRENGTHS.slice(1, 4)).toEqual([1e-5, 2e-5, 5e-5]);
    expect(STRENGTHS.at(-1)).toBe(1);
    for (let i = 2; i < STRENGTHS.length; i++) expect(STRENGTHS[i]).toBeGreaterThan(STRENGTHS[i - 1]);
  });

  test('positions and values agree; an off-grid value snaps to the nearest on a log scale', () => {
    STRENGTHS.forEach((v, i) => expect(positionOf(v)).toBe(i));
    expect(strengthAt(positionOf(0.003))).toBe(0.002);
    expect(strengthAt(positionOf(0.004))).toBe(0.005);
    expect(positionOf(0)).toBe(0);
    expect(strengthAt(99)).toBe(1);
    expect(strengthAt(-3)).toBe(0);
  });
});
