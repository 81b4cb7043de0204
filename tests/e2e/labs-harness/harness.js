// A page for tests/e2e/labs.e2e.test.js and scripts/budgets/labs-pieces.mjs only (built with the
// site, never linked): the labs' worker pool and the shared UI pieces, driven from page.evaluate
// through window.labsHarness. Nothing here times anything: the budgets script does, through
// window.labsHarness.lib.
import '../../../web/styles.css';
import '../../../web/styles/labs.css';
import {loadCore} from '../../../web/core/core.js';
import {el} from '../../../web/dom.js';
import {runJob, useCore} from '../../../web/labs/jobs-client.js';
import {createProgress} from '../../../web/labs/shared/ui/progress.js';
import {createHeatmap} from '../../../web/labs/shared/ui/heatmap.js';
import {createLineChart} from '../../../web/labs/shared/ui/line-chart.js';
import {Chart} from '../../../web/components/chart-base.js';
import {csvButton, exportBar, pngButton} from '../../../web/labs/shared/ui/export.js';
import {fieldRow, numberField, selectField} from '../../../web/forms/fields.js';
import {useTexts} from '../../../web/strings/index.js';

const root = document.getElementById('harness');
let core;

async function ready() {
  core ??= await loadCore();
  useCore(core);
  await useTexts('labs');  // the pieces' texts (S.labs), as a lab's page asks for them
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
  const seen = {messages: 0, losses: 0, evaluations: [], norms: 0, grids: 0, gridLength: 0, lastDone: 0, dones: []};
  const run = runJob('train', input, {onProgress(p) {
    seen.messages++;
    seen.dones.push(p.done);
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
  return {status: outcome.status, steps: outcome.result?.steps, evaluation: outcome.result?.evaluation, seen};
}

window.labsHarness = {
  ready,
  scenario: (options) => scenario(options),
  trainSmall: async () => {
    await ready();
    return train({scenario: scenario(), steps: 3000, evaluateEvery: 500, normsEvery: 1000, grid, frameMs: 50});
  },
  // A long run cancelled after its first progress message: its outcome (the worker answers
  // 'cancelled' only once the job has returned) and the progress seen after the cancel.
  cancelLong: async () => {
    await ready();
    let firstProgress = null;
    let afterCancel = 0;
    const run = runJob('train', {scenario: scenario(), steps: 5e7, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 50}, {
      onProgress(p) {
        if (firstProgress !== null) afterCancel++;
        else if (p.done > 0) {
          firstProgress = p.done;
          run.cancel();
        }
      },
    });
    const outcome = await run.promise;
    return {status: outcome.status, firstProgress, afterCancel};
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
  // A 100 × 100 heat map of values rising from left to right: the colours of its first, middle and
  // last columns, read back from the snapshot (the left class's pale colour, white, the right's).
  heatmapColors: () => {
    const map = createHeatmap({extent: grid});
    root.append(map.node);
    const values = new Float32Array(100 * 100).map((_, k) => (k % 100) / 99);
    map.draw(values, 100, 100, {min: 0, max: 1});
    const canvas = map.snapshot();
    const context = canvas.getContext('2d');
    const at = (fx) => [...context.getImageData(Math.floor(fx * (canvas.width - 1)), Math.floor(canvas.height / 2), 1, 1).data.slice(0, 3)];
    const colors = {left: at(0), middle: at(0.5), right: at(1)};
    map.node.remove();
    return colors;
  },
  // 20 updates of a three-series chart of 5,000 points each: what Chart.js holds after the last.
  chartSeries: async () => {
    const chart = createLineChart({xTitle: 'x', yTitle: 'y'});
    root.append(chart.node);
    await chart.ready;
    let last;
    for (let r = 0; r < 20; r++) {
      last = [0, 1, 2].map((s) => ({label: `s${s}`, points: Array.from({length: 5000}, (_, i) => [i, Math.exp(-i / (1000 + r)) + s])}));
      chart.update(last);
    }
    const {datasets} = Chart.getChart(chart.canvas).data;
    // (with decimation on, Chart.js keeps the points given in _data)
    const shown = datasets.map((d) => ({label: d.label, length: (d._data ?? d.data).length, last: {...(d._data ?? d.data).at(-1)}}));
    const expected = last.map((s) => ({label: s.label, length: 5000, last: {x: 4999, y: s.points[4999][1]}}));
    chart.destroy();
    chart.node.remove();
    return {shown, expected};
  },
  // The modules themselves, for the budgets script's timings.
  lib: {runJob, createHeatmap, createLineChart, grid, root},
};
