// Lab 2 (MLP exercise 2): the same network, data and initial weights trained with ReLU, sigmoid
// and tanh in the hidden layers (three `train` jobs on the labs' worker pool, full-batch gradient
// descent: one update per epoch). Loss curves, epochs to a target loss, accuracies and time, and
// the gradient's norm per layer over training, where a vanishing gradient shows.
import '../../styles/labs/activaciones.css';
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {describeJobError} from '../jobs-client.js';
import {createProgress} from '../shared/ui/progress.js';
import {createLineChart} from '../shared/ui/line-chart.js';
import {firstReach} from '../shared/curves.js';
import {createForm} from '../../forms/settings-form.js';
import {ACTIVATIONS, buildScenario} from '../shared/compare-scenario.js';
import {beginRun, chartSection, controls, lookSection, tableSection} from '../shared/ui/compare-page.js';
import {readParams, writeParams} from '../../forms/settings.js';
import {DEEP, activationFields as FIELDS} from './settings.js';
import {summarize} from './summary.js';

export const COLORS = {relu: '#0072b2', sigmoid: '#d55e00', tanh: '#009e73'};  // Okabe–Ito
const CURVE_POINTS = 1200;
const NORM_POINTS = 200;

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading.
export const checkSettings = (params) => readParams(FIELDS, params, {labels: S.labs.activaciones.fields, notice: (labels) => labels}).notice ?? [];

// Norms come in parameterNames() order, W1, b1, W2, b2, …: W⁽ˡ⁾ is at 2(l − 1).
const weightNorm = (norms, l) => norms[2 * (l - 1)];

export function mountLab(root, ctx) {
  const T = S.labs.activaciones;
  const A = S.activations;
  const {values: initial, notice} = readParams(FIELDS, ctx.params, {labels: T.fields, notice: T.badLink});
  let settings = {...initial};
  let runs = [];        // the jobs in flight
  let state = null;     // {settings, rows: {act: {losses, norms, result, error, done}}}
  let token = 0;
  let destroyed = false;

  // ---- controls
  const form = createForm(FIELDS, settings, {
    labels: T.fields,
    options: {shape: T.shapes},
    onChange: ({values, errors}) => {
      formMessage.hidden = true;
      if (Object.keys(errors).length === 0) {
        settings = values;
        ctx.setParams(writeParams(FIELDS, settings));
        variantButton.textContent = isDeep() ? T.shallow : T.deep;
      }
      if (state && errors.target === undefined) render();  // the target only re-reads the curves
    },
  });
  const isDeep = () => settings.layers > 1;
  const variantButton = el('button', {type: 'button', class: 'act-variant', onclick: () => {
    const next = isDeep() ? {layers: 1, hidden: 8} : DEEP;
    form.set(next);
    const {values, errors} = form.read();
    if (Object.keys(errors).length) return;
    settings = values;
    ctx.setParams(writeParams(FIELDS, settings));
    variantButton.textContent = isDeep() ? T.shallow : T.deep;
    run();
  }}, isDeep() ? T.shallow : T.deep);
  const runButton = el('button', {type: 'submit', class: 'act-run primary'}, T.run);
  const formMessage = el('p', {class: 'lab-field-error act-form-message', role: 'alert', hidden: true}, T.invalidForm);
  const controlsForm = controls({form, button: runButton, message: formMessage, onSubmit: run, groups: [
    [T.groups.data, ['shape', 'count', 'noise', 'seed']],
    [T.groups.network, ['layers', 'hidden'], [variantButton, el('p', {class: 'lab-field-hint'}, T.deepHint)]],
    [T.groups.training, ['lr', 'epochs', 'target']],
  ]});

  // ---- results
  const progress = createProgress({onCancel: () => runs.forEach((r) => r.cancel())});
  progress.hidden = true;
  const setup = el('p', {class: 'act-setup note'});
  const failures = el('div', {class: 'act-failures', role: 'alert'});
  const table = el('table', {class: 'act-table'});
  const summaryList = el('ul', {class: 'act-summary-list'});
  const summaryBox = el('section', {class: 'act-summary', hidden: true}, [el('h3', {}, T.summaryTitle), summaryList]);

  const epochTitle = (x) => `${T.axisEpoch} ${S.labs.count(x)}`;
  const logChart = (options) => createLineChart({yTitle: T.axisNorm, log: true, logToggle: false, tooltipTitle: epochTitle, ...options});
  const lossChart = logChart({xTitle: T.axisEpoch, yTitle: T.axisLoss, label: T.lossChart, maxPoints: CURVE_POINTS});
  const normsChart = logChart({xTitle: T.axisEpoch, label: T.normsChart});
  const profileChart = logChart({
    xTitle: T.axisLayer, label: T.profileChart, tooltipTitle: (x) => `${T.axisLayer} ${x}`,
    xTick: (value) => (Number.isInteger(value) ? String(value) : ''),
  });
  const charts = [lossChart, normsChart, profileChart];
  const fileName = (what, ext) => () => `${T.fileNames.lab}-${what ? `${T.fileNames[what]}-` : ''}seed${state?.settings.seed ?? settings.seed}.${ext}`;
  const chartBox = (title, caption, chart, name, what) => chartSection({title, caption, chart, filename: fileName(name, 'png'), what});

  const results = el('div', {class: 'act-results'}, [
    lookSection(T.lookTitle, T.look),
    progress.node,
    setup,
    failures,
    summaryBox,
    chartBox(T.lossChart, null, lossChart, 'loss', T.lossChartWhat),
    tableSection({title: T.tableTitle, table, csv: tableCsv, filename: fileName(null, 'csv'), what: T.tableWhat}),
    chartBox(T.normsChart, null, normsChart, 'gradients', T.normsChartWhat),
    chartBox(T.profileChart, T.profileCaption, profileChart, 'layers', T.profileChartWhat),
  ]);

  if (notice) root.append(el('p', {class: 'notice'}, notice));
  root.append(el('div', {class: 'act-lab'}, [controlsForm, results]));

  // ---- running
  function run() {
    let id;
    const begun = beginRun({form, message: formMessage, fields: FIELDS, ctx, progress, stop: () => {
      runs.forEach((r) => r.cancel());
      id = ++token;
      failures.replaceChildren();
    }});
    if (!begun) return;
    settings = begun.settings;
    const {data} = begun;
    setup.textContent = T.setup(data.inputs.length, data.validation?.inputs?.length ?? 0);
    const s = {...settings};
    const steps = s.epochs;
    state = {settings: s, rows: {}};
    progress.hidden = false;
    progress.start(3 * steps);
    const started = performance.now();
    runs = ACTIVATIONS.map((activation) => {
      const row = {losses: [], norms: [], result: null, error: null, done: 0};
      state.rows[activation] = row;
      const scenario = buildScenario(data, {...s, activation, batch: null});
      const job = ctx.runJob('train', {
        scenario, steps, evaluateEvery: 0, normsEvery: Math.max(1, Math.ceil(steps / NORM_POINTS)), grid: null, frameMs: 50,
      }, {onProgress: (p) => {
        if (id !== token) return;
        for (const point of p.losses) row.losses.push(point);
        for (const point of p.norms) row.norms.push(point);
        row.done = p.done;
        progress.set(total(), 3 * steps);
        render();
      }});
      job.promise.then((outcome) => {
        if (id !== token) return;
        if (outcome.status !== 'done') {
          row.cancelled = true;
          return;
        }
        row.result = outcome.result;
        row.done = steps;
      }, (error) => {
        if (id !== token) return;
        row.error = error;
        failures.append(el('p', {class: 'message error'}, T.failed(A[activation], describeJobError(error))));
      });
      return job;
    });
    const total = () => ACTIVATIONS.reduce((sum, a) => sum + state.rows[a].done, 0);
    Promise.allSettled(runs.map((r) => r.promise)).then((outcomes) => {
      if (id !== token || destroyed) return;
      runs = [];
      cancelAnimationFrame(frame);
      draw();  // the table final before the status says so
      if (outcomes.some((o) => o.status === 'fulfilled' && o.value.status === 'cancelled')) progress.cancelled();
      else if (outcomes.every((o) => o.status === 'rejected')) progress.fail(describeJobError(outcomes[0].reason));
      else progress.finish(S.labs.progress.done(performance.now() - started));
    });
    render();
  }

  // ---- drawing (at most once a frame)
  let frame = 0;
  function render() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  // The curve with the final loss (from the core's evaluation) appended at x = steps.
  function curve(row, steps) {
    const points = row.losses.slice();
    if (row.result && points.at(-1)?.[0] !== steps) points.push([steps, row.result.evaluation.loss]);
    return points;
  }

  function draw() {
    frame = 0;
    if (!state) return;
    const {settings: s, rows} = state;
    const target = form.read().values.target ?? s.target;
    const last = s.layers + 1;
    lossChart.update(ACTIVATIONS.map((a) => ({label: A[a], color: COLORS[a], width: 2, points: curve(rows[a], s.epochs)})));
    normsChart.update(ACTIVATIONS.flatMap((a) => [
      {label: T.seriesFirst(A[a]), color: COLORS[a], width: 2, points: rows[a].norms.map(([i, n]) => [i, weightNorm(n, 1)])},
      {label: T.seriesLast(A[a], last), color: COLORS[a], dash: [6, 4], width: 1.5, points: rows[a].norms.map(([i, n]) => [i, weightNorm(n, last)])},
    ]));
    profileChart.update(ACTIVATIONS.map((a) => {
      const first = rows[a].norms[0]?.[1];
      return {label: A[a], color: COLORS[a], width: 2, points: first ? Array.from({length: last}, (_, k) => [k + 1, weightNorm(first, k + 1)]) : []};
    }));
    const table = tableRows(target);
    drawTable(table, target);
    const finished = table.filter((r) => r.result);
    const findings = summarize(finished.map((r) => ({activation: r.activation, reach: r.reach, finalLoss: r.result.evaluation.loss, ratio: r.ratio})), target);
    summaryBox.hidden = findings.length === 0 || finished.length < ACTIVATIONS.length;
    summaryList.replaceChildren(...findings.map((f) => el('li', {}, finding(f, s))));
  }

  function finding(f, s) {
    const M = T.findings;
    const name = A[f.activation];
    if (f.key === 'fastest') return M.fastest(name, S.labs.count(f.epochs));
    if (f.key === 'slower') return M.slower(name, S.labs.count(f.epochs), formatNumber(Number(f.times.toPrecision(2))));
    if (f.key === 'none') return M.none(formatNumber(f.target));
    if (f.key === 'notReached') return M.notReached(name, formatNumber(f.target), S.labs.count(s.epochs));
    if (f.key === 'vanishing') return M.vanishing(name, formatNumber(Number((1 / f.ratio).toPrecision(2))));
    return M.stuck(name);
  }

  // One row per activation: what the table and the CSV show.
  function tableRows(target) {
    const {settings: s, rows} = state;
    const last = s.layers + 1;
    return ACTIVATIONS.map((activation) => {
      const row = rows[activation];
      const first = row.norms[0]?.[1];
      const reach = row.result ? firstReach(curve(row, s.epochs), target) : null;
      return {
        activation, result: row.result, stopped: Boolean(row.error || row.cancelled), reach, target,
        ratio: first && weightNorm(first, last) > 0 ? weightNorm(first, 1) / weightNorm(first, last) : null,
      };
    });
  }

  function drawTable(rows, target) {
    const C = T.columns;
    const pct = (x) => (x === null || x === undefined ? '—' : T.percent(x));
    table.replaceChildren(
      el('thead', {}, el('tr', {}, [C.activation, C.reach(formatNumber(target)), C.loss, C.accuracy, C.validationAccuracy, C.ratio, C.time].map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows.map((r) => {
        const ev = r.result?.evaluation;
        const cells = r.result
          ? [r.reach === null ? T.notReached : S.labs.count(r.reach), formatNumber(ev.loss), pct(ev.accuracy), pct(ev.validationAccuracy),
            r.ratio === null ? '—' : formatNumber(r.ratio), S.labs.ms(r.result.elapsedMs)]
          : Array(6).fill(r.stopped ? '—' : T.pending);
        return el('tr', {dataset: {activation: r.activation}}, [
          el('th', {scope: 'row'}, [el('span', {class: `act-swatch act-swatch-${r.activation}`, 'aria-hidden': 'true'}), S.activations[r.activation]]),
          ...cells.map((c, i) => el('td', {class: i === 0 && r.reach === null && r.result ? 'act-not-reached' : null}, c)),
        ]);
      })),
    );
  }

  function tableCsv() {
    const target = form.read().values.target ?? state?.settings.target;
    const rows = state ? tableRows(target).filter((r) => r.result) : [];
    return {
      header: T.csvColumns,
      rows: rows.map((r) => [r.activation, r.reach, target, r.result.evaluation.loss, r.result.evaluation.accuracy,
        r.result.evaluation.validationAccuracy, r.ratio, r.result.elapsedMs]),
    };
  }

  run();  // the defaults show the phenomenon at once

  return {
    destroy() {
      destroyed = true;
      token++;
      runs.forEach((r) => r.cancel());
      cancelAnimationFrame(frame);
      charts.forEach((c) => c.destroy());
    },
  };
}
