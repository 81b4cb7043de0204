// Lab 9, part 2: an RNN trained from U(−s, s) on sequences of one length T (job `train` with
// normsEvery): ‖h̄_t‖ against t at several moments of training (coloured from early to late), the
// norm of each parameter's gradient and the batch loss against the step.
//
//   const panel = createTrainPanel({E, Q, values, core, runJob, onChange(values)}); panel.node
import {el} from '../../dom.js';
import {richText} from '../../math.js';
import {createProgress} from '../ui/progress.js';
import {csvButton, exportBar, pngButton} from '../ui/export.js';
import {describeJobError} from '../jobs-client.js';
import {createForm} from '../secuencias/form.js';
import {dataFields, int, num, trainFields, MAX_STEPS_IN_DATA} from '../secuencias/settings.js';
import {buildScenario, trainInput} from '../secuencias/scenario.js';
import {timeColors} from '../secuencias/colors.js';

export const trainNormsFields = {
  task: dataFields.task,
  delay: {...dataFields.delay, default: 5},
  count: dataFields.count,
  length: int(2, 200, 30),
  hidden: trainFields.hidden,
  f: trainFields.f,
  g: trainFields.g,
  scale: num(0.001, 100, 2),
  optimizer: trainFields.optimizer,
  lr: trainFields.lr,
  batch: trainFields.batch,
  steps: trainFields.steps,
  seed: trainFields.seed,
};
export const SNAPSHOTS = 6;  // curves of ‖h̄_t‖ drawn over training
const PARAMETERS = ['U', 'V', 'W', 'b', 'c'];  // gradientNorms() order for an RNN with bias (docs/labs.md)
const PARAMETER_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00'];
const VALIDATION = 0.2;

// The recorded ‖h̄_t‖ to draw: SNAPSHOTS of them evenly spread over the run, first and last included.
export function pickSnapshots(list, n = SNAPSHOTS) {
  if (list.length <= n) return list;
  return Array.from({length: n}, (_, k) => list[Math.round((k * (list.length - 1)) / (n - 1))]);
}

export function createTrainPanel({E, Q, values, core, runJob, onChange}) {
  let job = null;
  let hNorms = [];       // [[step, Float64Array]]
  let norms = [];        // [[step, Float64Array]] gradient norms per parameter
  let losses = [];       // [[step, loss]]
  let charts = null;
  let frame = 0;
  let destroyed = false;

  const labels = {...Q.form.labels, length: E.trainFields.length, scale: E.trainFields.scale, count: Q.form.labels.count};
  const form = createForm(trainNormsFields, values, {
    labels, reasons: Q.form.reasons, prefix: 'exp-train',
    options: {task: Q.tasks, f: Q.form.activations, g: Q.form.activations, optimizer: Q.form.optimizers},
    check: (v) => ({
      ...(v.task === 'echo' && v.length <= v.delay ? {length: Q.form.reasons.echo(labels.length)} : {}),
      ...(v.count * v.length > MAX_STEPS_IN_DATA ? {count: Q.form.reasons.size(labels.count)} : {}),
    }),
    onChange: (v) => {
      showFields(v);
      onChange(v);
    },
  });
  const showFields = (v) => {
    form.show('delay', v.task === 'echo');
    form.show('g', v.task === 'running_sum');
  };
  showFields(values);

  const button = el('button', {type: 'submit', class: 'seq-run'}, E.train);
  const status = el('p', {class: 'seq-status', role: 'status'});
  const progress = createProgress({onCancel: () => job?.cancel()});
  const canvases = {
    snapshots: el('canvas', {role: 'img', 'aria-label': E.snapshotsTitle}),
    gradients: el('canvas', {role: 'img', 'aria-label': E.gradientsTitle}),
    loss: el('canvas', {role: 'img', 'aria-label': E.lossTitle}),
  };
  const figure = (key, title, exportName, table) => el('figure', {class: `seq-figure exp-${key}`}, [
    el('figcaption', {}, [title, ' ', exportBar([
      pngButton(canvases[key], `${exportName}.png`, {what: title}),
      csvButton(table, `${exportName}.csv`, {what: title}),
    ])]),
    el('div', {class: 'seq-chart-box'}, canvases[key]),
  ]);

  const controls = el('form', {class: 'exp-train-controls', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    start();
  }}, [
    el('div', {class: 'exp-fields'}, Object.keys(trainNormsFields).map((n) => form.node(n))),
    el('div', {class: 'exp-actions'}, [button, progress.node]),
    status,
  ]);
  const node = el('section', {class: 'seq-panel exp-part'}, [
    el('h2', {}, E.trainTitle),
    el('p', {}, richText(E.trainIntro)),
    el('p', {class: 'seq-observe'}, richText(E.trainObserve)),
    controls,
    el('div', {class: 'seq-charts'}, [
      figure('snapshots', E.snapshotsTitle, E.snapshotsExport, () => ({
        header: E.snapshotsCsv,
        rows: hNorms.flatMap(([step, h]) => Array.from(h, (v, t) => [step, t + 1, v])),
      })),
      figure('gradients', E.gradientsTitle, E.gradientsExport, () => ({
        header: E.gradientsCsv, rows: norms.map(([step, g]) => [step, ...g]),
      })),
    ]),
    figure('loss', E.lossTitle, `${E.gradientsExport}-perdida`, () => ({header: E.lossCsv, rows: losses})),
  ]);

  async function loadCharts() {
    if (charts) return;
    const {createCurves} = await import('../secuencias/chart.js');
    if (destroyed || charts) return;
    charts = {
      snapshots: createCurves(canvases.snapshots, {x: E.axisT, y: E.axisNorm, log: true, series: [], xTitle: (t) => `t = ${t}`}),
      gradients: createCurves(canvases.gradients, {x: E.axisStep, y: E.axisGradient, log: true, series: []}),
      loss: createCurves(canvases.loss, {x: E.axisStep, y: E.axisLoss, log: true, legend: false, series: [{label: Q.seriesLoss, color: '#1d2433', width: 1.5}]}),
    };
  }

  function draw() {
    frame = 0;
    if (!charts) return;
    const shown = pickSnapshots(hNorms);
    const colors = timeColors(shown.length);
    charts.snapshots.series(shown.map(([step, h], k) => ({
      label: E.snapshot(step), color: colors[k], width: 2, data: Array.from(h, (y, t) => ({x: t + 1, y})),
    })));
    charts.snapshots.draw();
    const count = norms[0]?.[1].length ?? 0;
    charts.gradients.series(PARAMETERS.slice(0, count).map((name, p) => ({
      label: E.gradientSeries(name), color: PARAMETER_COLORS[p], width: p < 3 ? 1.8 : 1.2, dash: p < 3 ? [] : [5, 3],
      data: norms.map(([step, g]) => ({x: step, y: g[p]})),
    })));
    charts.gradients.draw();
    charts.loss.set(0, losses.map(([x, y]) => ({x, y})));
    charts.loss.draw();
  }
  const schedule = () => {
    if (!frame && !destroyed) frame = requestAnimationFrame(draw);
  };

  async function start() {
    if (job) return;
    const v = form.read();
    if (!v) {
      status.textContent = E.fixFields;
      return;
    }
    let data;
    try {
      data = core.data({
        kind: 'sequences', task: v.task, count: v.count, min_length: v.length, max_length: v.length,
        ...(v.task === 'echo' ? {delay: v.delay} : {}), validation: VALIDATION, seed: v.seed,
      });
    } catch (error) {
      status.textContent = E.failed(describeJobError(error));
      return;
    }
    status.textContent = '';
    await loadCharts();
    hNorms = [];
    norms = [];
    losses = [];
    button.disabled = true;
    button.textContent = E.training;
    const scenario = buildScenario(data, v, {init: {scheme: 'uniform', scale: v.scale, seed: v.seed}});
    const input = {
      ...trainInput(scenario, {evaluations: 0, normsEvery: Math.max(1, Math.ceil(v.steps / 150)), frameMs: 150}),
      evaluateEvery: 0, lossEvery: Math.max(1, Math.ceil(v.steps / 300)),
    };
    job = runJob('train', input, {onProgress: (p) => {
      hNorms.push(...p.hNorms);
      norms.push(...p.norms);
      losses.push(...p.losses);
      progress.set(p.done, v.steps);
      schedule();
    }});
    progress.track(job, {total: v.steps});
    try {
      await job.promise;
    } catch (error) {
      if (!destroyed && error?.code === 3 && Number.isInteger(error.step)) status.textContent = E.divergedAt(error.step);
    } finally {
      job = null;
      if (!destroyed) {
        button.disabled = false;
        button.textContent = E.train;
        schedule();
      }
    }
  }

  return {
    node,
    destroy() {
      destroyed = true;
      job?.cancel();
      if (frame) cancelAnimationFrame(frame);
      if (charts) Object.values(charts).forEach((c) => c.destroy());
    },
  };
}
