// Lab 5's pure logic: settings from a link, the learning rates and checkpoints, the grid's and the
// random search's runs, their split between two workers, the best configuration, sorting, the
// link into lab 1 and the CSV.
import {describe, expect, test} from 'vitest';
import {loadWasmCore} from './support.js';
import {
  checkpointsOf, configurationCount, costOf, gridRuns, lrValues, random, randomRuns, splitRuns,
} from '../../web/labs/hiperparametros/configs.js';
import {fields, parseHidden, readParams, writeParams} from '../../web/labs/hiperparametros/settings.js';
import {bestRow, compareRows, csvRows, lab1Link, lossRange, sortRows} from '../../web/labs/hiperparametros/results.js';
import {classificationFields, readParams as readLab1} from '../../web/labs/shared/plane-settings.js';

await loadWasmCore();  // the fields read the core's ranges (web/core/spec.js)

const defaults = readParams(new URLSearchParams()).values;

describe('settings', () => {
  test('defaults: a 6 × 6 grid, 2,000 epochs, 200 points, mini-batches of 10', () => {
    expect(defaults).toMatchObject({mode: 'grid', lrCount: 6, hidden: [1, 2, 4, 8, 16, 32], epochs: 2000, count: 200, batch: 10});
  });

  test('a link reads back and writes back the same text', () => {
    const text = 'shape=circles&count=300&noise=0.2&validation=0.4&seed=7&activation=relu&batch=32&mode=random' +
      '&lrMin=0.0001&lrMax=0.5&lrScale=linear&lrCount=4&hidden=2%2C3%2C4%2C8&epochs=400&checkpoints=3&trials=20&searchSeed=9';
    const {values, invalid} = readParams(new URLSearchParams(text));
    expect(invalid).toEqual([]);
    expect(values.hidden).toEqual([2, 3, 4, 8]);
    expect(values.lrMin).toBe(0.0001);
    expect(new URLSearchParams(writeParams(values)).toString()).toBe(text);
  });

  test('bad values fall back to their defaults and are named; lr min above max falls back as a pair', () => {
    const {values, invalid} = readParams(new URLSearchParams('hidden=0,4&epochs=3000&mode=bayes&lrMin=0.5&lrMax=0.1&count=50'));
    expect(invalid).toEqual(['mode', 'hidden', 'epochs', 'lrMin', 'lrMax']);
    expect(values.hidden).toEqual(fields.hidden.default);
    expect([values.lrMin, values.lrMax]).toEqual([fields.lrMin.default, fields.lrMax.default]);
    expect(values.count).toBe(50);
  });

  test('hidden sizes: lists, ranges, and the reasons for a refusal', () => {
    expect(parseHidden('8, 2 4;2')).toEqual({ok: true, value: [2, 4, 8]});
    expect(parseHidden('2-5, 16')).toEqual({ok: true, value: [2, 3, 4, 5, 16]});
    expect(parseHidden('  ')).toEqual({ok: false, reason: 'empty'});
    expect(parseHidden('2.5')).toEqual({ok: false, reason: 'notInteger'});
    expect(parseHidden('abc')).toEqual({ok: false, reason: 'notInteger'});
    expect(parseHidden('0, 4')).toEqual({ok: false, reason: 'range'});
    expect(parseHidden('33')).toEqual({ok: false, reason: 'range'});
    expect(parseHidden('8-4')).toEqual({ok: false, reason: 'range'});
    expect(parseHidden('1-13')).toEqual({ok: false, reason: 'tooMany'});
    expect(parseHidden('1-12, 20')).toEqual({ok: false, reason: 'tooMany'});
  });
});

describe('configurations', () => {
  test('learning rates: log and linear spacing, 3 significant digits, ends included', () => {
    expect(lrValues(0.001, 1, 4)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(lrValues(0.001, 3, 6)).toEqual([0.001, 0.00496, 0.0246, 0.122, 0.605, 3]);
    expect(lrValues(0.1, 0.5, 5, 'linear')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(lrValues(0.05, 0.05, 6)).toEqual([0.05]);
    expect(lrValues(0.05, 1, 1)).toEqual([0.05]);
  });

  test('checkpoints double up to the maximum, distinct, at least epoch 1', () => {
    expect(checkpointsOf(2000, 6)).toEqual([63, 125, 250, 500, 1000, 2000]);
    expect(checkpointsOf(5, 6)).toEqual([1, 3, 5]);
    expect(checkpointsOf(100, 1)).toEqual([100]);
  });

  test('the grid: one run per (lr, hidden), every checkpoint read from it', () => {
    const runs = gridRuns(defaults);
    expect(runs).toHaveLength(36);
    expect(new Set(runs.map((r) => `${r.lr}/${r.hidden}`)).size).toBe(36);
    expect(runs.every((r) => r.checkpoints.at(-1) === 2000 && r.checkpoints.length === 6)).toBe(true);
    expect(runs.map((r) => r.run)).toEqual([...runs.keys()]);
    expect(configurationCount(runs)).toBe(216);
  });

  test('random search: seeded, lr log-uniform in range, hidden and epochs among the allowed', () => {
    const s = {...defaults, mode: 'random', trials: 400, lrMin: 1e-4, lrMax: 1, searchSeed: 3};
    const runs = randomRuns(s);
    expect(runs).toHaveLength(400);
    expect(randomRuns(s)).toEqual(runs);
    expect(randomRuns({...s, searchSeed: 4})).not.toEqual(runs);
    const checkpoints = checkpointsOf(s.epochs, s.checkpoints);
    for (const r of runs) {
      expect(r.lr).toBeGreaterThanOrEqual(1e-4);
      expect(r.lr).toBeLessThanOrEqual(1);
      expect(s.hidden).toContain(r.hidden);
      expect(r.checkpoints).toHaveLength(1);
      expect(checkpoints).toContain(r.checkpoints[0]);
    }
    // log-uniform: about a quarter in each decade
    for (let d = -4; d < 0; d++) {
      const share = runs.filter((r) => r.lr >= 10 ** d && r.lr < 10 ** (d + 1)).length / runs.length;
      expect(share).toBeGreaterThan(0.17);
      expect(share).toBeLessThan(0.33);
    }
    for (const h of s.hidden) expect(runs.filter((r) => r.hidden === h).length).toBeGreaterThan(40);
    for (const c of checkpoints) expect(runs.filter((r) => r.checkpoints[0] === c).length).toBeGreaterThan(40);
  });

  test('the generator: the same seed gives the same numbers in [0, 1); large seeds differ', () => {
    const a = random(2 ** 40 + 5);
    const b = random(2 ** 40 + 5);
    const c = random(5);
    const xs = Array.from({length: 1000}, a);
    expect(Array.from({length: 1000}, b)).toEqual(xs);
    expect(Array.from({length: 1000}, c)).not.toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  test('two workers get about the same cost, every run exactly once, each in order', () => {
    const runs = gridRuns(defaults);
    const parts = splitRuns(runs, 2);
    expect(parts).toHaveLength(2);
    const costs = parts.map((p) => p.reduce((n, r) => n + costOf(r), 0));
    expect(Math.abs(costs[0] - costs[1]) / (costs[0] + costs[1])).toBeLessThan(0.05);
    expect(parts.flat().map((r) => r.run).sort((a, b) => a - b)).toEqual(runs.map((r) => r.run));
    for (const p of parts) expect(p.map((r) => r.run)).toEqual([...p.map((r) => r.run)].sort((a, b) => a - b));
    expect(splitRuns(runs.slice(0, 1), 2)).toHaveLength(1);
  });
});

const row = (o) => ({run: 0, lr: 0.1, hidden: 4, epochs: 100, loss: 0.3, accuracy: 0.9, validationLoss: 0.3,
  validationAccuracy: 0.9, diverged: false, ...o});

describe('results', () => {
  test('the best: lowest validation loss; ties by accuracy, then fewer epochs; diverged runs never', () => {
    const rows = [
      row({run: 1, validationLoss: 0.25}),
      row({run: 2, validationLoss: 0.2, validationAccuracy: 0.8, epochs: 500}),
      row({run: 3, validationLoss: 0.2, validationAccuracy: 0.8, epochs: 250}),
      row({run: 4, validationLoss: null, diverged: true}),
      row({run: 5, validationLoss: 0.2, validationAccuracy: 0.7, epochs: 10}),
    ];
    expect(bestRow(rows).run).toBe(3);
    expect(bestRow([rows[3]])).toBeNull();
    expect(bestRow([])).toBeNull();
    expect(compareRows(rows[0], rows[3])).toBeLessThan(0);
  });

  test('sorting by any column, both ways, diverged rows last', () => {
    const rows = [row({run: 1, lr: 0.3}), row({run: 2, lr: 0.01, validationLoss: null, diverged: true}), row({run: 3, lr: 0.1})];
    expect(sortRows(rows, 'lr').map((r) => r.run)).toEqual([2, 3, 1]);
    expect(sortRows(rows, 'lr', 'desc').map((r) => r.run)).toEqual([1, 3, 2]);
    expect(sortRows(rows, 'validationLoss').map((r) => r.run).at(-1)).toBe(2);
    expect(sortRows(rows, 'validationLoss', 'desc').map((r) => r.run).at(-1)).toBe(2);
  });

  test('the link into lab 1 reads back in lab 1 exactly, with SGD', () => {
    const s = {...defaults, noise: 0.35, validation: 0.3, seed: 12};
    const link = lab1Link(s, row({lr: 0.00496, hidden: 16, epochs: 1000}));
    expect(link.startsWith('#/labs/clasificacion?')).toBe(true);
    const params = new URLSearchParams(link.split('?')[1]);
    expect([...params.keys()]).toEqual(['shape', 'count', 'noise', 'validation', 'seed', 'hidden', 'activation', 'lr', 'epochs', 'batch', 'optimizer']);
    const {values, invalid} = readLab1(classificationFields, params);
    expect(invalid).toEqual([]);
    expect(values).toEqual({shape: 'xor', count: 200, noise: 0.35, validation: 0.3, seed: 12, hidden: 16,
      activation: 'tanh', lr: 0.00496, epochs: 1000, batch: 10, optimizer: 'sgd'});
  });

  test('every value lab 5 accepts opens in lab 1: its data and network ranges lie within lab 1\'s', () => {
    for (const name of ['count', 'noise', 'validation', 'seed', 'batch', 'epochs']) {
      expect(fields[name].min, name).toBeGreaterThanOrEqual(classificationFields[name].min);
      expect(fields[name].max, name).toBeLessThanOrEqual(classificationFields[name].max);
    }
    expect(fields.lrMin.min).toBeGreaterThanOrEqual(classificationFields.lr.min);
    expect(fields.lrMax.max).toBeLessThanOrEqual(classificationFields.lr.max);
    expect(fields.hidden.max).toBe(classificationFields.hidden.max);
    expect(fields.shape.choices).toEqual(classificationFields.shape.choices);
    for (const a of fields.activation.choices) expect(classificationFields.activation.choices).toContain(a);
  });

  test('the colour range and the CSV', () => {
    const gone = {loss: null, accuracy: null, validationLoss: null, validationAccuracy: null, diverged: true};
    const rows = [row({validationLoss: 0.5}), row({validationLoss: 0.1}), row(gone)];
    expect(lossRange(rows)).toEqual({lo: 0.1, hi: 0.5});
    expect(lossRange([rows[2]])).toBeNull();
    const csv = csvRows(rows);
    expect(csv[0]).toEqual(['lr', 'hidden', 'epochs', 'training_loss', 'training_accuracy', 'validation_loss', 'validation_accuracy', 'diverged']);
    expect(csv).toHaveLength(4);
    expect(csv[3]).toEqual(['0.1', '4', '100', '', '', '', '', 'true']);
  });
});
