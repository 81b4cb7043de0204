// Lab 4 (MLP exercise 4): batch size. The same data, network, initial weights and number of
// epochs trained three times, one after another on the labs' worker (so that their times
// compare): one example per update (SGD), a mini-batch, and the whole training set. The batch's
// loss at every update, the training loss at the end of every epoch, and a table with the
// updates per epoch, the epochs to a target loss, the final loss and the time of each run.
import '../../styles/labs/activaciones.css';
import '../../styles/labs/lotes.css';
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {describeJobError} from '../jobs-client.js';
import {createProgress} from '../shared/ui/progress.js';
import {createLineChart} from '../shared/ui/line-chart.js';
import {firstReach} from '../shared/curves.js';
import {createForm} from '../../forms/settings-form.js';
import {batchSize, buildScenario, stepsPerEpoch} from '../shared/compare-scenario.js';
import {beginRun, chartSection, controls, lookSection, tableSection} from '../shared/ui/compare-page.js';
import {readParams, writeParams} from '../../forms/settings.js';
import {RUNS, batchFields as FIELDS, lossEvery, runBatch} from './settings.js';

export const COLORS = {sgd: '#d55e00', mini: '#0072b2', full: '#009e73'};  // Okabe–Ito
const WIDTHS = {sgd: 1, mini: 1.5, full: 2.5};
const CURVE_POINTS = 1500;

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading.
export const checkSettings = (params) => readParams(FIELDS, params, {labels: S.labs.lotes.fields, notice: (labels) => labels}).notice ?? [];

export function mountLab(root, ctx) {
  const T = S.labs.lotes;
  const TA = S.labs.activaciones;
  const {values: initial, notice} = readParams(FIELDS, ctx.params, {labels: T.fields, notice: T.badLink});
  let settings = {...initial};
  let current = null;   // the job in flight
  let state = null;     // {settings, rows, spe: {run: updates per epoch}, batch: {run: size}, n}
  let token = 0;
  let destroyed = false;

  // ---- controls
  const form = createForm(FIELDS, settings, {
    labels: T.fields,
    options: {
      shape: TA.shapes,
      activation: S.activations,
      shuffle: {1: T.shuffleOn, 0: T.shuffleOff},
    },
    onChange: ({values, errors}) => {
      formMessage.hidden = true;
      if (Object.keys(errors).length === 0) {
        settings = values;
        ctx.setParams(writeParams(FIELDS, settings));
      }
      if (state && errors.target === undefined) render();
    },
  });
  const formMessage = el('p', {class: 'lab-field-error act-form-message', role: 'alert', hidden: true}, T.invalidForm);
  const controlsForm = controls({
    form, button: el('button', {type: 'submit', class: 'lotes-run primary'}, T.run), message: formMessage, onSubmit: run, groups: [
      [T.groups.data, ['shape', 'count', 'noise', 'seed']],
      [T.groups.network, ['activation', 'hidden']],
      [T.groups.training, ['lr', 'epochs', 'batch', 'shuffle', 'target']],
    ],
  });

  // ---- results
  const progress = createProgress({onCancel: () => current?.cancel()});
  progress.hidden = true;
  const setup = el('p', {class: 'act-setup note'});
  const notes = el('div', {class: 'act-failures', role: 'alert'});
  const table = el('table', {class: 'act-table lotes-table'});
  const lossChart = (options) => createLineChart({yTitle: T.axisLoss, log: true, logToggle: false, maxPoints: CURVE_POINTS, ...options});
  const updatesChart = lossChart({xLog: true, xTitle: T.axisUpdates, label: T.updatesChart, tooltipTitle: (x) => T.updateTitle(S.labs.count(x))});
  const epochsChart = lossChart({xTitle: T.axisEpoch, label: T.epochsChart, tooltipTitle: (x) => `${T.axisEpoch} ${S.labs.count(x)}`});
  const charts = [updatesChart, epochsChart];
  const name = (what, ext) => () => `${T.fileNames.lab}-${T.fileNames[what]}-seed${state?.settings.seed ?? settings.seed}.${ext}`;
  const chartBox = (title, caption, chart, what, whatLabel) => chartSection({title, caption, chart, filename: name(what, 'png'), what: whatLabel});

  const results = el('div', {class: 'act-results'}, [
    lookSection(T.lookTitle, T.look),
    progress.node,
    setup,
    notes,
    tableSection({title: T.tableTitle, table, csv: tableCsv, filename: name('results', 'csv'), what: T.tableWhat, note: T.timeNote}),
    chartBox(T.updatesChart, T.updatesCaption, updatesChart, 'updates', T.updatesChartWhat),
    chartBox(T.epochsChart, T.epochsCaption, epochsChart, 'epochs', T.epochsChartWhat),
  ]);

  if (notice) root.append(el('p', {class: 'notice'}, notice));
  root.append(el('div', {class: 'act-lab lotes-lab'}, [controlsForm, results]));

  // ---- running: the three runs one after another
  async function run() {
    let id;
    const begun = beginRun({form, message: formMessage, fields: FIELDS, ctx, progress, stop: () => {
      current?.cancel();
      id = ++token;
      notes.replaceChildren();
    }});
    if (!begun) return;
    settings = begun.settings;
    const {data} = begun;
    const s = {...settings};
    const n = data.inputs.length;
    setup.textContent = T.setup(n, data.validation?.inputs?.length ?? 0);
    if (batchSize(s.batch, n) === null) notes.append(el('p', {class: 'note'}, T.miniClamped(s.batch, n)));
    const batch = Object.fromEntries(RUNS.map((r) => [r, runBatch(r, s.batch)]));
    const spe = Object.fromEntries(RUNS.map((r) => [r, stepsPerEpoch(batchSize(batch[r], n), n)]));
    const steps = Object.fromEntries(RUNS.map((r) => [r, s.epochs * spe[r]]));
    const total = RUNS.reduce((sum, r) => sum + steps[r], 0);
    state = {settings: s, n, batch, spe, rows: Object.fromEntries(RUNS.map((r) => [r, {losses: [], evaluations: [], result: null, stopped: false, done: 0}]))};
    progress.hidden = false;
    progress.start(total);
    const started = performance.now();
    render();
    let before = 0;
    for (const r of RUNS) {
      const row = state.rows[r];
      const scenario = buildScenario(data, {...s, layers: 1, batch: batch[r]});
      current = ctx.runJob('train', {
        scenario, steps: steps[r], evaluateEvery: spe[r], normsEvery: 0, grid: null, frameMs: 50, lossEvery: lossEvery(steps[r]),
      }, {onProgress: (p) => {
        if (id !== token) return;
        for (const point of p.losses) row.losses.push(point);
        for (const [i, ev] of p.evaluations) row.evaluations.push([i / spe[r], ev.loss]);
        row.done = p.done;
        progress.set(before + p.done, total);
        render();
      }});
      let outcome;
      try {
        outcome = await current.promise;
      } catch (error) {
        if (id !== token) return;
        row.stopped = true;
        notes.append(el('p', {class: 'message error'}, T.failed(label(r), describeJobError(error))));
        before += steps[r];
        render();
        continue;  // a divergence of one run does not stop the others
      }
      if (id !== token || destroyed) return;
      if (outcome.status === 'cancelled') {
        RUNS.forEach((q) => { if (!state.rows[q].result) state.rows[q].stopped = true; });
        cancelAnimationFrame(frame);
        draw();  // the table final before the status says so
        progress.cancelled();
        current = null;
        return;
      }
      row.result = outcome.result;
      before += steps[r];
      render();
    }
    current = null;
    if (RUNS.every((r) => !state.rows[r].result)) progress.fail(notes.textContent);
    else progress.finish(S.labs.progress.done(performance.now() - started));
  }

  // ---- drawing
  let frame = 0;
  function render() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  const label = (r) => (r === 'mini' ? T.runs.mini(state.batch.mini) : T.runs[r]);

  function draw() {
    frame = 0;
    if (!state) return;
    const target = form.read().values.target ?? state.settings.target;
    const order = {sgd: 3, mini: 2, full: 1};  // the smooth curves drawn over the noisy one
    updatesChart.update(RUNS.map((r) => ({label: label(r), color: COLORS[r], width: WIDTHS[r], order: order[r], points: state.rows[r].losses})));
    epochsChart.update(RUNS.map((r) => ({label: label(r), color: COLORS[r], width: 2, order: order[r], points: state.rows[r].evaluations})));
    drawTable(tableRows(target), target);
  }

  function tableRows(target) {
    const {settings: s, n, batch, spe, rows} = state;
    return RUNS.map((r) => ({
      run: r,
      label: label(r),
      batch: batch[r] === null || batch[r] >= n ? n : batch[r],
      perEpoch: spe[r],
      updates: s.epochs * spe[r],
      reach: rows[r].result ? firstReach(rows[r].evaluations, target) : null,
      result: rows[r].result,
      stopped: rows[r].stopped,
    }));
  }

  function drawTable(rows, target) {
    const C = T.columns;
    const count = S.labs.count;
    table.replaceChildren(
      el('thead', {}, el('tr', {}, [C.run, C.batch, C.perEpoch, C.updates, C.reach(formatNumber(target)), C.loss, C.validationAccuracy, C.time]
        .map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows.map((r) => {
        const ev = r.result?.evaluation;
        const waiting = r.stopped ? '—' : T.pending;
        const cells = [count(r.batch), count(r.perEpoch), count(r.updates),
          r.result ? (r.reach === null ? T.notReached : count(r.reach)) : waiting,
          ev ? formatNumber(ev.loss) : waiting,
          ev ? (ev.validationAccuracy === null ? '—' : T.percent(ev.validationAccuracy)) : waiting,
          r.result ? S.labs.ms(r.result.elapsedMs) : waiting];
        return el('tr', {dataset: {run: r.run}}, [
          el('th', {scope: 'row'}, [el('span', {class: `act-swatch lotes-swatch-${r.run}`, 'aria-hidden': 'true'}), r.label]),
          ...cells.map((c, i) => el('td', {class: i === 3 && r.result && r.reach === null ? 'act-not-reached' : null}, c)),
        ]);
      })),
    );
  }

  function tableCsv() {
    const target = form.read().values.target ?? state?.settings.target;
    const rows = state ? tableRows(target).filter((r) => r.result) : [];
    return {
      header: T.csvColumns,
      rows: rows.map((r) => [r.run, r.batch, r.perEpoch, r.updates, r.reach, target, r.result.evaluation.loss,
        r.result.evaluation.validationAccuracy, r.result.elapsedMs]),
    };
  }

  run();

  return {
    destroy() {
      destroyed = true;
      token++;
      current?.cancel();
      cancelAnimationFrame(frame);
      charts.forEach((c) => c.destroy());
    },
  };
}
