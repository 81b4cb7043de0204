// Lesson 3's pure modules: contour levels and lines, trajectories to pixels and the animation's
// reveal points, the race's spec for the core, the settings' round trip through the address and
// η's log slider. The settings read the core's spec (web/core/spec.js, no core needed); the core's
// numbers themselves are tests/e2e/avances.e2e.test.js's.
import {describe, expect, test} from 'vitest';
import {spec} from '../../web/core/spec.js';
import {contourLevels, contourLines, flatGrid, levelScale} from '../../web/lessons/avances/race/contour.js';
import {frameCount, revealAt, stepsPerFrame, toPixels, toPlane} from '../../web/lessons/avances/race/paths.js';
import {RACERS, RACER_IDS, optimizerSpec} from '../../web/lessons/avances/race/optimizers.js';
import {GRID, roundStart, surfaceSpec} from '../../web/lessons/avances/race/surface-spec.js';
import {boxRange, boxes, gradientRatio, initSpec, spreadSeries, statsRows} from '../../web/lessons/avances/init/stats.js';
import {overfitScenarios, overfitSettings} from '../../web/lessons/avances/overfit/scenario.js';
import {deadEvery, deadRows, reluScenarios} from '../../web/lessons/avances/relu/scenario.js';
import {bnScenarios, lossEvery, stepperExample} from '../../web/lessons/avances/batchnorm/scenario.js';
import {earlyStopScenario, markerSeries} from '../../web/lessons/avances/overfit/early-stop.js';
import {ETA_STOPS, FIELDS, INIT_SCHEMES, bnFields, overfitFields, reluFields, etaAt, etaPosition, readSettings, settingsQuery} from '../../web/lessons/avances/settings.js';


describe('contour levels and lines', () => {
  test('log levels crowd towards the minimum, linear ones are even; all strictly inside', () => {
    const log = contourLevels(0, 100, 4, 'log');
    expect(log).toHaveLength(4);
    expect(log.every((v, k) => v > 0 && v < 100 && (k === 0 || v > log[k - 1]))).toBe(true);
    expect(log[0]).toBeCloseTo(100 * 10 ** (-4 * 0.8), 12);
    expect(contourLevels(-1, 1, 3, 'linear')).toEqual([-0.5, 0, 0.5]);
    expect(contourLevels(1, 1, 5)).toEqual([]);
    expect(contourLevels(0, Infinity, 5)).toEqual([]);
    expect(levelScale('saddle')).toBe('linear');
    expect(levelScale('rosenbrock')).toBe('log');
  });

  test('a circle\'s level set lies on the circle, in the plane\'s units', () => {
    const nx = 41;
    const xs = Array.from({length: nx}, (_, i) => -2 + (4 * i) / (nx - 1));
    const grid = {nx, ny: nx, x: xs, y: xs, values: xs.map((y) => xs.map((x) => x * x + y * y))};
    expect(flatGrid(grid)[1]).toBeCloseTo(xs[1] ** 2 + 4, 12);
    const [{level, segments}] = contourLines(grid, [1]);
    expect(level).toBe(1);
    expect(segments.length).toBeGreaterThan(40);
    for (let k = 0; k < segments.length; k += 2) {
      expect(Math.hypot(segments[k], segments[k + 1])).toBeCloseTo(1, 1);
    }
  });
});

describe('trajectories', () => {
  const view = {x0: -1, x1: 1, y0: -1, y1: 1};
  const size = {width: 200, height: 100};

  test('points to pixels: y down, runs broken at non-finite points, clamped far outside', () => {
    const points = [[-1, 1, 0], [0, 0, 0], [NaN, 0, 0], [1, -1, 0], [1e300, 0, 0]];
    const runs = toPixels(points, view, size);
    expect(runs[0]).toEqual([[0, 0], [100, 50]]);
    expect(runs[1][0]).toEqual([200, 100]);
    expect(runs[1][1][0]).toBe(3 * 200 + 200);
    expect(toPixels(points, view, size, 1)).toEqual([[[0, 0], [100, 50]]]);
    expect(toPlane(100, 50, view, size)).toEqual([0, 0]);
  });

  test('an outcome is revealed where the trajectory diverged, else at its end', () => {
    const points = Array.from({length: 10}, (_, k) => [k, k, k]);
    expect(revealAt({points, diverged_at: 4})).toBe(4);
    expect(revealAt({points, diverged_at: null})).toBe(9);
    expect(revealAt({points, diverged_at: 50})).toBe(9);
    expect(frameCount([{points}, {points: points.slice(0, 3)}])).toBe(10);
    expect(stepsPerFrame(1500, 150)).toBe(10);
    expect(stepsPerFrame(3, 150)).toBe(1);
  });
});

describe('the race\'s spec for the core', () => {
  test('one optimizer per racer shown, in the race\'s order, at the same η', () => {
    const {spec, ids} = surfaceSpec({sup: 'quadratic', cond: 25, eta: 0.1, x: 1.5, y: -0.5, pasos: 300, opt: ['adam', 'sgd', 'momentum']});
    expect(ids).toEqual(['sgd', 'momentum', 'adam']);
    expect(spec).toEqual({
      objective: {kind: 'quadratic', condition: 25}, grid: GRID, steps: 300, start: [1.5, -0.5],
      optimizers: [{kind: 'sgd', lr: 0.1}, {kind: 'sgd', lr: 0.1, momentum: 0.9}, {kind: 'adam', lr: 0.1}],
    });
    const other = surfaceSpec({sup: 'saddle', cond: 25, eta: 0.1, x: null, y: null, pasos: 10, opt: RACER_IDS}).spec;
    expect(other.objective).toEqual({kind: 'saddle'});
    expect(other.start).toBeUndefined();
    expect(other.optimizers.map((o) => o.kind)).toEqual(['sgd', 'sgd', 'adagrad', 'rmsprop', 'adam', 'adadelta', 'adamax']);
    expect(optimizerSpec('adadelta', 2)).toEqual({kind: 'adadelta', lr: 2});
  });

  test('seven racers, distinct in colour and in line or marker', () => {
    expect(RACERS).toHaveLength(7);
    expect(new Set(RACERS.map((r) => r.colour)).size).toBe(7);
    expect(new Set(RACERS.map((r) => `${r.dash}|${r.marker}`)).size).toBe(7);
  });

  test('a picked start is rounded to about a hundredth of the view', () => {
    expect(roundStart(1.23456, 4)).toBe(1.23);
    expect(roundStart(-0.123456, 0.5)).toBe(-0.123);
    expect(roundStart(123.456, 400)).toBe(123);
  });
});

describe('settings in the address', () => {
  test('a full link reads back and writes back the same text', () => {
    const link = new URLSearchParams('sup=rosenbrock&cond=50&eta=0.002&x=-1.5&y=2&pasos=400&opt=sgd%2Cadam%2Cadamax&ini=he&act=relu&capas=12&ancho=32');
    const {values, invalid} = readSettings(link);
    expect(invalid).toEqual([]);
    expect(values).toEqual({sup: 'rosenbrock', cond: 50, eta: 0.002, x: -1.5, y: 2, pasos: 400, opt: ['sgd', 'adam', 'adamax'],
      ini: 'he', act: 'relu', capas: 12, ancho: 32});
    expect(new URLSearchParams(settingsQuery(values)).toString()).toBe(link.toString());
  });

  test('defaults come from the core\'s spec; an unset start stays out of the address', () => {
    const {values} = readSettings(new URLSearchParams(''));
    const {surface, init_stats: init} = spec();
    expect(values.sup).toBe('quadratic');
    expect(values.cond).toBe(surface.objective.condition.default);
    expect(values.pasos).toBe(surface.steps.default);
    expect(values.capas).toBe(init.depth.default);
    expect(values.opt).toEqual(RACER_IDS);
    const query = settingsQuery(values);
    expect(query.x).toBeUndefined();
    expect(Object.keys(query)).toEqual(Object.keys(FIELDS).filter((k) => k !== 'x' && k !== 'y'));
  });

  test('bad values fall back to their defaults and are named', () => {
    const {values, invalid} = readSettings(new URLSearchParams('sup=bowl&cond=0&eta=100&x=abc&pasos=2.5&opt=sgd,lion&ini=big&capas=999'));
    expect(invalid).toEqual(['sup', 'cond', 'eta', 'x', 'pasos', 'opt', 'ini', 'capas']);
    expect(values.opt).toEqual(RACER_IDS);
    expect(values.x).toBeNull();
  });

  test('the other parts\' settings: a link reads back and writes back the same text; dropout and patience only where the core has them', () => {
    const fields = {...overfitFields, ...bnFields, ...reluFields};
    const link = new URLSearchParams('ruido=0.5&l2=0.02&dropout=0.25&epocas=300&paciencia=12&bn_eta=0.2&bn_pasos=800&relu_eta=1&relu_pasos=400');
    const {values, invalid} = readSettings(link, fields);
    expect(invalid).toEqual([]);
    expect(values).toEqual({ruido: 0.5, l2: 0.02, dropout: 0.25, epocas: 300, paciencia: 12, bn_eta: 0.2, bn_pasos: 800, relu_eta: 1, relu_pasos: 400});
    expect(new URLSearchParams(settingsQuery(values, fields)).toString()).toBe(link.toString());
    expect(readSettings(new URLSearchParams('paciencia=0&dropout=1'), fields).invalid).toEqual(['dropout', 'paciencia']);
  });

  test('η\'s slider: 1, 2, 5 × 10^k, each stop its own position', () => {
    expect(ETA_STOPS).toContain(0.01);
    expect(ETA_STOPS).toContain(5);
    ETA_STOPS.forEach((v, k) => expect(etaPosition(v)).toBe(k));
    expect(etaAt(etaPosition(0.011))).toBe(0.01);
    expect(etaAt(-3)).toBe(ETA_STOPS[0]);
  });
});

describe('initialisation statistics', () => {
  const stats = (q, mean, std) => ({quantiles: q, mean, std, saturated: 0.1, zero: 0.2});
  const result = {
    quantile_levels: [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1],
    layers: [
      {layer: 1, activation: stats([-1, -0.9, -0.5, 0, 0.5, 0.9, 1], 0, 0.6), gradient: stats([-4, -3, -1, 0, 1, 3, 4], 0, 2)},
      {layer: 2, activation: stats([-0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2], 0, 0.07), gradient: stats([-1, -0.5, -0.2, 0, 0.2, 0.5, 1], 0, 0.5)},
    ],
  };

  test('the spec the core gets from the settings', () => {
    expect(initSpec({ini: 'pequena', act: 'tanh', capas: 10, ancho: 50}, INIT_SCHEMES))
      .toEqual({depth: 10, width: 50, activation: 'tanh', init: {scheme: 'uniform', scale: 0.01}});
    expect(initSpec({ini: 'he', act: 'relu', capas: 3, ancho: 8}, INIT_SCHEMES).init).toEqual({scheme: 'he_uniform'});
  });

  test('boxes from the core\'s quantiles, one shared range from the whiskers', () => {
    const a = boxes(result, 'activation');
    expect(a[0]).toEqual({layer: 1, min: -1, low: -0.9, q1: -0.5, median: 0, q3: 0.5, high: 0.9, max: 1});
    expect(a[1].q3).toBe(0.05);
    const range = boxRange(a);
    expect(range.min).toBeCloseTo(-0.99, 12);
    expect(range.max).toBeCloseTo(0.99, 12);
    expect(boxRange([{low: 0, high: 0}])).toEqual({min: -1e-12 * 0.5, max: 1e-12 * 0.5});
  });

  test('spread per layer, the first layer\'s gradient over the last, CSV rows', () => {
    expect(spreadSeries(result)).toEqual({activation: [[1, 0.6], [2, 0.07]], gradient: [[1, 2], [2, 0.5]]});
    expect(gradientRatio(result)).toBe(4);
    const rows = statsRows(result);
    expect(rows[0].slice(0, 7)).toEqual([1, 0, 0.6, 0.1, 0.2, 0, 2]);
    expect(rows[0]).toHaveLength(7 + 14);
  });
});

describe('overfitting: the two networks', () => {
  const data = {inputs: [[0, 0], [1, 1]], targets: [[1, 0], [0, 1]], labels: [0, 1], validation: {inputs: [[0, 1]], targets: [[1, 0]], labels: [0]}};

  test('the same network, the second with L2 and dropout on its hidden layer', () => {
    const [plain, regularized] = overfitScenarios(data, {ruido: 0.3, l2: 0.01, dropout: 0.25, epocas: 7});
    expect(plain.regularization).toBeUndefined();
    expect(plain.model.dropout).toBeUndefined();
    expect(regularized.regularization).toEqual({l1: 0, l2: 0.01});
    expect(regularized.model).toEqual({...plain.model, dropout: [0.25]});
    expect(regularized.data).toEqual(plain.data);
    expect(plain.train.steps).toBe(7 * 1);  // 2 rows, batch 10: one step per epoch
    expect(overfitSettings({ruido: 0.3, epocas: 7})).toMatchObject({shape: 'circles', noise: 0.3, epochs: 7});
  });

  test('without dropout (p = 0, or a core without it) only L2', () => {
    const [, regularized] = overfitScenarios(data, {ruido: 0.3, l2: 0.02, epocas: 1});
    expect(regularized.model.dropout).toBeUndefined();
    expect(regularized.regularization.l2).toBe(0.02);
  });
});

describe('dead units: the two networks', () => {
  test('ReLU and Leaky ReLU, the same network, data and η', () => {
    const data = {inputs: [[0, 0], [1, 1], [1, 0]], targets: [[1, 0], [0, 1], [0, 1]]};
    const [relu, leaky] = reluScenarios(data, {eta: 0.5, steps: 300});
    expect([relu.activation, leaky.activation]).toEqual(['relu', 'leaky_relu']);
    expect(relu.scenario.model.activations).toEqual(['relu', 'relu', 'relu', 'relu', 'softmax']);
    expect(leaky.scenario.model.activations.slice(0, -1).every((a) => a === 'leaky_relu')).toBe(true);
    expect({...leaky.scenario, model: null}).toEqual({...relu.scenario, model: null});
    expect(relu.scenario.optimizer).toEqual({kind: 'sgd', lr: 0.5});
    expect(relu.scenario.train).toMatchObject({steps: 300, batch_size: 3});
    expect(deadEvery(1000)).toBe(10);
    expect(deadEvery(50)).toBe(1);
  });
});

describe('dead units from the train job', () => {
  test('a row per reading: the step, the mean share over the hidden layers, each layer\'s', () => {
    expect(deadRows([[0, Float64Array.of(0, 0.5)], [10, Float64Array.of(0.25, 0.75)]]))
      .toEqual([[0, 0.25, [0, 0.5]], [10, 0.5, [0.25, 0.75]]]);
    expect(deadRows([])).toEqual([]);
  });
});

describe('batch normalization: the two networks and the stepper\'s example', () => {
  test('the same deep sigmoid network, the second with batch norm in every hidden layer', () => {
    const data = {inputs: [[0, 0], [1, 1]], targets: [[1, 0], [0, 1]]};
    const [plain, normalized] = bnScenarios(data, {eta: 0.5, steps: 100});
    expect([plain.batchNorm, normalized.batchNorm]).toEqual([false, true]);
    expect(plain.scenario.model.batch_norm).toBeUndefined();
    const hidden = plain.scenario.model.layers.length - 2;
    expect(normalized.scenario.model.batch_norm).toEqual(Array(hidden).fill(true));
    expect(plain.scenario.model.activations.slice(0, -1).every((a) => a === 'sigmoid')).toBe(true);
    expect({...normalized.scenario, model: null}).toEqual({...plain.scenario, model: null});
    expect(lossEvery(1500)).toBe(3);
    const example = stepperExample();
    expect(example.model.batch_norm).toEqual([true]);
    expect(example.data.inputs.length).toBeGreaterThan(1);
  });
});

describe('early stopping', () => {
  test('the scenario gains train.early_stopping, nothing else changes; the marker is a vertical line', () => {
    const scenario = {model: {kind: 'mlp'}, data: {inputs: [[0], [1], [2], [3], [4]]}, train: {steps: 10, batch_size: 2}};
    expect(earlyStopScenario(scenario, 7)).toEqual({...scenario, train: {steps: 10, batch_size: 2, record_every: 3, early_stopping: {patience: 7}}});
    expect(scenario.train.early_stopping).toBeUndefined();
    expect(markerSeries(40, 0.1, 0.9)).toEqual([[40, 0.1], [40, 0.9]]);
  });
});
