// Lab 5's job `search` on the wasm core under Node, and the map's colour scale: each run read at
// its checkpoints equals a fresh training to that many epochs; progress in slices; cancel;
// a diverging learning rate gives diverged rows instead of failing the search.
import {beforeAll, describe, expect, test, vi} from 'vitest';
import {loadWasmCore} from './support.js';
import {search} from '../../web/labs/jobs/search.js';
import {buildScenario, dataSpec} from '../../web/labs/shared/plane-scenario.js';
import {VIRIDIS, logTicks, rgbAt, scalePosition, textOn} from '../../web/labs/hiperparametros/colors.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

const SETTINGS = {shape: 'xor', count: 100, noise: 0.2, validation: 0.3, seed: 3, activation: 'tanh', batch: 10};

function api({cancelAfter = Infinity} = {}) {
  const messages = [];
  let pauses = 0;
  return {
    messages,
    core,
    progress: (payload) => messages.push({at: performance.now(), ...payload, rows: [...payload.rows]}),
    cancelled: () => pauses >= cancelAfter,
    pause: async () => {
      pauses += 1;
    },
    get pauses() {
      return pauses;
    },
  };
}

// The core with a clock of its own: on fake timers, each training step takes `ms` of fake time
// (nothing else does), so the job's slicing is checked whatever the machine's load.
function costlyCore(ms) {
  return {
    data: (spec) => core.data(spec),
    trainer(scenario) {
      const trainer = core.trainer(scenario);
      const run = trainer.run.bind(trainer);
      trainer.run = (n) => {
        vi.advanceTimersByTime(n * ms);
        return run(n);
      };
      return trainer;
    },
  };
}

function fresh(settings, lr, hidden, epochs) {
  const data = core.data(dataSpec(settings));
  const scenario = buildScenario(data, [], {...settings, hidden, lr, epochs, optimizer: 'sgd'});
  const trainer = core.trainer(scenario);
  trainer.run(scenario.train.steps);
  const evaluation = trainer.evaluate();
  trainer.delete();
  return evaluation;
}

describe('job search', () => {
  test('every checkpoint of a run equals a fresh training to that many epochs', async () => {
    const a = api();
    const runs = [{run: 0, lr: 0.1, hidden: 4, checkpoints: [5, 20, 40]}, {run: 1, lr: 0.02, hidden: 2, checkpoints: [40]}];
    const result = await search({settings: SETTINGS, runs, sliceMs: 5}, a);
    expect(result.trainingRows).toBe(70);
    expect(result.validationRows).toBe(30);
    expect(result.stepsPerEpoch).toBe(7);
    expect(result.rows.map((r) => [r.run, r.epochs])).toEqual([[0, 5], [0, 20], [0, 40], [1, 40]]);
    for (const row of result.rows) {
      const again = fresh(SETTINGS, row.lr, row.hidden, row.epochs);
      expect(row).toEqual({run: row.run, lr: row.lr, hidden: row.hidden, epochs: row.epochs, diverged: false, ...again});
    }
    // Progress: a first message with the total, then slices; the rows arrive once each.
    expect(a.messages[0]).toMatchObject({done: 0, total: (40 + 40) * 7, rows: []});
    expect(a.messages.at(-1).done).toBe(80 * 7);
    expect(a.messages.flatMap((m) => m.rows)).toEqual(result.rows);
    const dones = a.messages.map((m) => m.done);
    expect([...dones].sort((x, y) => x - y)).toEqual(dones);
  });

  // The real spacing of the messages is a budget (scripts/budgets/jobs.mjs).
  test('work in slices of about sliceMs: a progress message after each, the job yielding between them', async () => {
    const a = Object.assign(api(), {core: costlyCore(0.05)});
    const sliceMs = 20;
    const input = {settings: {...SETTINGS, count: 400}, runs: [{run: 0, lr: 0.05, hidden: 16, checkpoints: [300]}], sliceMs};
    vi.useFakeTimers({toFake: ['performance']});
    let result;
    try {
      result = await search(input, a);
    } finally {
      vi.useRealTimers();
    }
    const steps = 300 * result.stepsPerEpoch;
    expect(a.messages.at(-1)).toMatchObject({done: steps, total: steps});
    // 0.05 ms a step: 420 ms of work, so about 20 slices; the job yields (api.pause) after each.
    const slices = a.messages.length - 2;  // the first is the start, the last the end
    expect(slices).toBeGreaterThanOrEqual(Math.floor((steps * 0.05) / (2 * sliceMs)));
    expect(a.pauses).toBe(slices);
    // Each slice holds at least sliceMs of the core's work and less than twice that.
    const gaps = a.messages.slice(1).map((m, k) => m.at - a.messages[k].at);
    for (const gap of gaps.slice(0, -1)) {
      expect(gap).toBeGreaterThanOrEqual(sliceMs);
      expect(gap).toBeLessThan(2 * sliceMs);
    }
    expect(gaps.at(-1)).toBeLessThan(2 * sliceMs);
    const dones = a.messages.map((m) => m.done);
    dones.slice(1).forEach((d, k) => expect(d).toBeGreaterThan(dones[k]));
    // The same rows as the job on the real clock.
    expect(result.rows).toEqual((await search(input, api())).rows);
  });

  test('cancelled between two slices: stops and returns null', async () => {
    const a = api({cancelAfter: 2});
    const result = await search({settings: SETTINGS, runs: [{run: 0, lr: 0.1, hidden: 8, checkpoints: [2000]}], sliceMs: 1}, a);
    expect(result).toBeNull();
    expect(a.messages.at(-1).done).toBeLessThan(2000 * 7);
  });

  test('a learning rate that blows up gives diverged rows; the other runs go on', async () => {
    // (a linear hidden layer with a huge η: the loss becomes ∞; lab 5's own activations with
    // η ≤ 10 only grow large, which the map shows as a high loss)
    const a = api();
    const runs = [{run: 0, lr: 1e3, hidden: 8, checkpoints: [10, 20]}, {run: 1, lr: 0.1, hidden: 8, checkpoints: [10]}];
    const result = await search({settings: {...SETTINGS, activation: 'linear'}, runs, sliceMs: 5}, a);
    expect(result.rows.slice(0, 2)).toEqual([
      {run: 0, lr: 1e3, hidden: 8, epochs: 10, loss: null, accuracy: null, validationLoss: null, validationAccuracy: null, diverged: true},
      {run: 0, lr: 1e3, hidden: 8, epochs: 20, loss: null, accuracy: null, validationLoss: null, validationAccuracy: null, diverged: true},
    ]);
    expect(result.rows[2].diverged).toBe(false);
    expect(Number.isFinite(result.rows[2].validationLoss)).toBe(true);
    expect(a.messages.at(-1).done).toBe(a.messages.at(-1).total);
  });

  test('a refused data set is the core\'s error, naming the field', async () => {
    await expect(search({settings: {...SETTINGS, count: 2}, runs: [{run: 0, lr: 0.1, hidden: 2, checkpoints: [1]}]}, api()))
      .rejects.toMatchObject({name: 'CoreError', field: 'data.count'});
  });
});

describe('the map\'s colours', () => {
  test('log scale: the lowest loss brightest (yellow), the highest darkest, clamped', () => {
    const range = {lo: 0.1, hi: 10};
    expect(scalePosition(0.1, range)).toBe(0);
    expect(scalePosition(1, range)).toBeCloseTo(0.5, 12);
    expect(scalePosition(10, range)).toBe(1);
    expect(scalePosition(100, range)).toBe(1);
    expect(scalePosition(0.5, {lo: 0.5, hi: 0.5})).toBe(0);
    const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    expect(hex(rgbAt(0))).toBe(VIRIDIS.at(-1));
    expect(hex(rgbAt(1))).toBe(VIRIDIS[0]);
    expect(textOn(rgbAt(0))).toBe('#1d2433');
    expect(textOn(rgbAt(1))).toBe('#ffffff');
  });

  test('legend ticks: 1-2-5 inside the range, decades when many, the ends when too few', () => {
    expect(logTicks(0.213, 3.24)).toEqual([0.5, 1, 2]);
    expect(logTicks(0.001, 1000)).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000]);
    expect(logTicks(0.21, 0.23)).toEqual([0.21, 0.23]);
    expect(logTicks(0.3, 0.6)).toEqual([0.3, 0.5, 0.6]);
  });
});
