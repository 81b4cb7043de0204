// A page for tests/e2e/labs.e2e.test.js only (built with the site, never linked): the labs'
// worker pool and the shared UI pieces, driven from page.evaluate through window.labsHarness.
import '../../../web/styles.css';
import '../../../web/styles/labs.css';
import {loadCore} from '../../../web/core/core.js';
import {el} from '../../../web/dom.js';
import {runJob, useCore} from '../../../web/labs/jobs-client.js';
import {createProgress} from '../../../web/labs/ui/progress.js';
import {createHeatmap} from '../../../web/labs/ui/heatmap.js';
import {createLineChart} from '../../../web/labs/ui/line-chart.js';
import {csvButton, exportBar, pngButton} from '../../../web/labs/ui/export.js';
import {fieldRow, numberField, selectField} from '../../../web/labs/ui/fields.js';

const root = document.getElementById('harness');
let core;

async function ready() {
  core ??= await loadCore();
  useCore(core);
}

function scenario({lr = 0.5, seed = 1} = {}) {
  const data = core.data({kind: 'points', shape: 'circles', count: 200, noise: 0.1, validation: 0.25, seed});
  return {
    model: {kind: 'mlp', layers: [2, 8, 2], activations: ['tanh', 'softmax'], loss: 'cross_entropy'},
    init: {scheme: 'uniform', scale: 0.5, seed},
    data: {inputs: data.inputs, targets: data.targets, validation: {inputs: data.validation.inputs, targets: data.validation.targets}},
    optimizer: {kind: 'sgd', lr},
  };
}

const grid = {x0: -1.5, x1: 1.5, y0: -1.5, y1: 1.5, nx: 100, ny: 100, unit: 1};

// Runs `train`, keeping a summary of what arrived.
async function train(input) {
  const seen = {messages: 0, losses: 0, evaluations: [], norms: 0, grids: 0, gridLength: 0, lastDone: 0, times: []};
  const t0 = performance.now();
  const run = runJob('train', input, {onProgress(p) {
    seen.messages++;
    seen.times.push(performance.now() - t0);
    seen.losses += p.losses.length;
    seen.evaluations.push(...p.evaluations.map(([i]) => i));
    seen.norms += p.norms.length;
    if (p.grid) {
      seen.grids++;
      seen.gridLength = p.grid.length;
      seen.gridType = p.grid.constructor.name;
    }
    seen.lastDone = p.done;
  }});
  const outcome = await run.promise;
  return {status: outcome.status, steps: outcome.result?.steps, evaluation: outcome.result?.evaluation, wallMs: outcome.wallMs, seen};
}

window.labsHarness = {
  ready,
  scenario: (options) => scenario(options),
  trainSmall: async () => {
    await ready();
    return train({scenario: scenario(), steps: 3000, evaluateEvery: 500, normsEvery: 1000, grid, frameMs: 50});
  },
  // A long run cancelled after its first progress message: how long until it says so.
  cancelLong: async () => {
    await ready();
    let firstProgress = null;
    let cancelAt = 0;
    const run = runJob('train', {scenario: scenario(), steps: 5e7, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 50}, {
      onProgress(p) {
        if (firstProgress === null && p.done > 0) {
          firstProgress = p.done;
          cancelAt = performance.now();
          run.cancel();
        }
      },
    });
    const outcome = await run.promise;
    return {status: outcome.status, cancelMs: performance.now() - cancelAt, firstProgress};
  },
  // Three jobs at once on a pool of two: all finish, in any order, each with its own result.
  three: async () => {
    await ready();
    const runs = [0.1, 0.5, 1].map((lr) => runJob('train', {scenario: scenario({lr}), steps: 2000, evaluateEvery: 0, normsEvery: 0, grid: null}));
    const outcomes = await Promise.all(runs.map((r) => r.promise));
    return outcomes.map((o) => ({status: o.status, loss: o.result.evaluation.loss}));
  },
  // The core's refusals and divergence, as the client rejects them.
  failures: async () => {
    await ready();
    const bad = scenario();
    bad.optimizer.lr = 'x';
    const refused = await runJob('train', {scenario: bad, steps: 10}).promise.catch((e) => ({name: e.name, field: e.field, code: e.code}));
    const diverging = {...scenario({lr: 1e6}), model: {kind: 'mlp', layers: [2, 8, 1], activations: ['relu', 'linear'], loss: 'half_sse'}};
    diverging.data = {inputs: diverging.data.inputs, targets: diverging.data.targets.map(([a]) => [a * 1e3])};
    const diverged = await runJob('train', {scenario: diverging, steps: 1000}).promise.catch((e) => ({name: e.name, field: e.field, code: e.code, step: e.step}));
    const unknown = await runJob('nonexistent', {}).promise.catch((e) => ({name: e.name, field: e.field}));
    return {refused, diverged, unknown};
  },
  // The shared pieces on one page: fields, progress, a heat map and a chart with their exports.
  mountPieces: async () => {
    await ready();
    const lr = numberField({label: 'Tasa de aprendizaje', value: 0.5, min: 1e-6, max: 10});
    const steps = numberField({label: 'Iteraciones', value: 3000, min: 1, max: 1e6, integer: true, hint: 'entre 1 y 1 000 000'});
    const shape = selectField({label: 'Forma', value: 'circles', options: [{value: 'xor', label: 'XOR'}, {value: 'circles', label: 'Círculos'}]});
    const progress = createProgress();
    const clicks = [];
    const map = createHeatmap({extent: grid, onClick: (x, y) => clicks.push([x, y])});
    const chart = createLineChart({xTitle: 'Iteración', yTitle: 'Pérdida', log: true});
    const losses = [];
    const data = core.data({kind: 'points', shape: 'circles', count: 200, noise: 0.1, validation: 0.25, seed: 1});
    root.append(el('div', {class: 'lab-main'}, [
      fieldRow([lr, steps, shape]),
      progress.node,
      el('div', {class: 'harness-row'}, [map.node, chart.node]),
      exportBar([
        pngButton(() => map.snapshot(), 'frontera.png'),
        pngButton(chart.canvas, 'perdida.png'),
        csvButton(() => ({header: ['iteración', 'pérdida'], rows: losses}), 'perdida.csv'),
      ]),
    ]));
    map.points(data.inputs.map(([x, y], i) => ({x, y, label: data.labels[i]})));
    const run = runJob('train', {scenario: scenario(), steps: 3000, evaluateEvery: 0, normsEvery: 0, grid, frameMs: 50}, {
      onProgress(p) {
        progress.set(p.done, p.steps);
        if (p.grid) map.draw(p.grid, grid.nx, grid.ny, {min: 0, max: 1});
        losses.push(...p.losses);
        chart.update([{label: 'Entrenamiento', points: losses.filter(([i]) => i % 10 === 0)}]);
      },
    });
    await progress.track(run, {total: 3000});
    await chart.ready;
    window.labsHarness.pieces = {lr, steps, map, chart, clicks, losses};
    return losses.length;
  },
  // A 100 × 100 heat map redraw: the mean of 200 (one is below the timer's resolution) and the
  // slowest batch of 10.
  heatmapTiming: () => {
    const map = createHeatmap({extent: grid});
    root.append(map.node);
    const values = new Float32Array(100 * 100).map((_, k) => (k % 100) / 100);
    const batches = [];
    for (let b = 0; b < 20; b++) {
      const t0 = performance.now();
      for (let r = 0; r < 10; r++) map.draw(values, 100, 100, {min: 0, max: 1});
      batches.push((performance.now() - t0) / 10);
    }
    map.node.remove();
    return {median: batches.reduce((a, b) => a + b) / batches.length, max: Math.max(...batches)};
  },
  // 20 updates of a three-series chart of 5,000 points each: the median time per update.
  chartTiming: async () => {
    const chart = createLineChart({xTitle: 'x', yTitle: 'y'});
    root.append(chart.node);
    await chart.ready;
    const times = [];
    for (let r = 0; r < 20; r++) {
      const series = [0, 1, 2].map((s) => ({label: `s${s}`, points: Array.from({length: 5000}, (_, i) => [i, Math.exp(-i / (1000 + r)) + s])}));
      const t0 = performance.now();
      chart.update(series);
      times.push(performance.now() - t0);
    }
    chart.destroy();
    chart.node.remove();
    times.sort((a, b) => a - b);
    return {median: times[10], max: times.at(-1)};
  },
};
