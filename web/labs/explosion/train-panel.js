// Lab 9, part 2: an RNN trained from U(−s, s) on sequences of one length T (job `train` with
// normsEvery): ‖h̄_t‖ against t at several moments of training (coloured from early to late), the
// norm of each parameter's gradient and the batch loss against the step.
//
//   const panel = createTrainPanel({E, Q, values, core, runJob, onChange(values)}); panel.node
import {el} from '../../dom.js';
import {csvButton, exportBar, pngButton} from '../shared/ui/export.js';
import {createLineChart} from '../shared/ui/line-chart.js';
import {describeJobError} from '../jobs-client.js';
import {createForm} from '../../forms/settings-form.js';
import {num} from '../../forms/settings.js';
import {coreRange, withDefault} from '../shared/fields.js';
import {dataFields, trainFields, MAX_STEPS_IN_DATA} from '../shared/sequence-settings.js';
import {buildScenario, trainInput} from '../shared/sequence-scenario.js';
import {timeColors} from '../shared/sequence-colors.js';
import {createPart} from './part.js';

export const trainNormsFields = {
  task: dataFields.task,
  delay: withDefault(dataFields.delay, 5),
  count: dataFields.count,
  length: coreRange('int', (s) => s.data.sequences.max_length, 30, {min: 2}),
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
const VALIDATION = 0.2;  // the share of the sequences held out (the lab's choice)

// The recorded ‖h̄_t‖ to draw: SNAPSHOTS of them evenly spread over the run, first and last included.
export function pickSnapshots(list, n = SNAPSHOTS) {
  if (list.length <= n) return list;
  return Array.from({length: n}, (_, k) => list[Math.round((k * (list.length - 1)) / (n - 1))]);
}

export function createTrainPanel({E, Q, values, core, runJob, onChange}) {
  let hNorms = [];       // [[step, Float64Array]]
  let norms = [];        // [[step, Float64Array]] gradient norms per parameter
  let losses = [];       // [[step, loss]]

  const labels = {...Q.form.labels, length: E.trainFields.length, scale: E.trainFields.scale, count: Q.form.labels.count};
  const form = createForm(trainNormsFields, values, {
    labels, reasons: Q.form.reasons, prefix: 'seq',
    options: {task: Q.tasks, f: Q.form.activations, g: Q.form.activations, optimizer: Q.form.optimizers},
    rules: (v) => ({
      ...(v.task === 'echo' && v.length <= v.delay ? {length: Q.form.reasons.echo(labels.length)} : {}),
      ...(v.count * v.length > MAX_STEPS_IN_DATA ? {count: Q.form.reasons.size(labels.count)} : {}),
    }),
    onChange: ({ok, values: v}) => {
      if (!ok) return;
      showFields(v);
      onChange(v);
    },
  });
  const showFields = (v) => {
    form.show('delay', v.task === 'echo');
    form.show('g', v.task === 'running_sum');
  };
  showFields(values);

  const logChart = (options) => createLineChart({log: true, logToggle: false, yTitle: E.axisNorm, ...options});
  const charts = {
    snapshots: logChart({xTitle: E.axisT, label: E.snapshotsTitle, tooltipTitle: (t) => `t = ${t}`, marked: 25}),
    gradients: logChart({xTitle: E.axisStep, yTitle: E.axisGradient, label: E.gradientsTitle}),
    loss: logChart({xTitle: E.axisStep, yTitle: E.axisLoss, label: E.lossTitle, legend: false}),
  };
  const figure = (key, title, exportName, table) => el('figure', {class: `seq-figure exp-${key}`}, [
    el('figcaption', {}, [title, ' ', exportBar([
      pngButton(charts[key].canvas, `${exportName}.png`, {what: title}),
      csvButton(table, `${exportName}.csv`, {what: title}),
    ])]),
    charts[key].node,
  ]);

  const part = createPart({
    E, form, names: Object.keys(trainNormsFields), className: 'exp-train-controls', title: E.trainTitle,
    intro: E.trainIntro, observe: E.trainObserve, idle: E.train, busy: E.training, run: start, draw, owned: Object.values(charts), results: [
      el('div', {class: 'seq-charts'}, [
        figure('snapshots', E.snapshotsTitle, E.snapshotsExport, () => ({
          header: E.snapshotsCsv,
          rows: hNorms.flatMap(([step, h]) => Array.from(h, (v, t) => [step, t + 1, v])),
        })),
        figure('gradients', E.gradientsTitle, E.gradientsExport, () => ({
          header: E.gradientsCsv, rows: norms.map(([step, g]) => [step, ...g]),
        })),
      ]),
      figure('loss', E.lossTitle, `${E.gradientsExport}-${E.fileNames.loss}`, () => ({header: E.lossCsv, rows: losses})),
    ],
  });

  function draw() {
    const shown = pickSnapshots(hNorms);
    const colors = timeColors(shown.length);
    charts.snapshots.update(shown.map(([step, h], k) => ({
      label: E.snapshot(step), color: colors[k], width: 2, dash: [], points: Array.from(h, (y, t) => [t + 1, y]),
    })));
    const count = norms[0]?.[1].length ?? 0;
    charts.gradients.update(PARAMETERS.slice(0, count).map((name, p) => ({
      label: E.gradientSeries(name), color: PARAMETER_COLORS[p], width: p < 3 ? 1.8 : 1.2, dash: p < 3 ? [] : [5, 3],
      points: norms.map(([step, g]) => [step, g[p]]),
    })));
    charts.loss.update([{label: Q.seriesLoss, color: '#1d2433', width: 1.5, points: losses}]);
  }
  const schedule = () => part.schedule();

  async function start(v) {
    let data;
    try {
      data = core.data({
        kind: 'sequences', task: v.task, count: v.count, min_length: v.length, max_length: v.length,
        ...(v.task === 'echo' ? {delay: v.delay} : {}), validation: VALIDATION, seed: v.seed,
      });
    } catch (error) {
      part.status.textContent = E.failed(describeJobError(error));
      return;
    }
    hNorms = [];
    norms = [];
    losses = [];
    const scenario = buildScenario(data, v, {init: {scheme: 'uniform', scale: v.scale, seed: v.seed}});
    const input = {
      ...trainInput(scenario, {evaluations: 0, normsEvery: Math.max(1, Math.ceil(v.steps / 150)), frameMs: 150}),
      evaluateEvery: 0, lossEvery: Math.max(1, Math.ceil(v.steps / 300)),
    };
    const job = part.track(runJob('train', input, {onProgress: (p) => {
      hNorms.push(...p.hNorms);
      norms.push(...p.norms);
      losses.push(...p.losses);
      part.set(p.done, v.steps);
      schedule();
    }}), v.steps);
    try {
      await job.promise;
    } catch (error) {
      if (!part.destroyed && error?.code === 3 && Number.isInteger(error.step)) part.status.textContent = E.divergedAt(error.step);
    } finally {
      schedule();
    }
  }

  return {
    node: part.node,
    destroy: () => part.destroy(),
  };
}
