// Lab 10 (RNN exercise 5): the same RNN, data and initial seed trained three times with f = tanh,
// sigmoid and ReLU (three `train` jobs in the labs' worker); the loss and accuracy curves overlaid
// and a summary table. A divergence ends its curve and shows in the table, never as a crash.
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {richText} from '../../math.js';
import {S} from '../../strings/index.js';
import {createProgress} from '../shared/ui/progress.js';
import {csvButton, exportBar, pngButton} from '../shared/ui/export.js';
import {createLineChart} from '../shared/ui/line-chart.js';
import {describeJobError} from '../jobs-client.js';
import {FIELDS, formGroups, formOptions} from '../shared/ui/sequence-form.js';
import {createForm} from '../../forms/settings-form.js';
import {num, writeParams} from '../../forms/settings.js';
import {withDefault} from '../shared/fields.js';
import {lastData} from '../shared/data.js';
import {readParams, HIDDEN_ACTIVATIONS} from '../shared/sequence-settings.js';
import {buildScenario, dataSpec, trainInput, trainingCounter} from '../shared/sequence-scenario.js';
import {COLORS} from '../shared/sequence-colors.js';
import {createRunButton} from '../shared/ui/run-button.js';
import {fastest, summarize} from './summary.js';
import '../../styles/labs/secuencias.css';
import '../../styles/labs/activaciones-rnn.css';

// Lab 7's fields without f (all three are trained), defaults where the three differ visibly.
const {f: _f, ...shared} = FIELDS;
export const COMPARE_FIELDS = {
  ...shared,
  task: withDefault(shared.task, 'parity'),
  minLength: withDefault(shared.minLength, 10),
  maxLength: withDefault(shared.maxLength, 20),
  steps: withDefault(shared.steps, 2000),
  target: num(1e-6, 1000, 0.1),
};

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading, with the core's split of the data set for the batch rule.
export function checkSettings(params, core) {
  const trainingCount = trainingCounter(core, lastData(core, dataSpec));
  const labels = {...S.labs.secuencias.form.labels, target: S.labs.activacionesRnn.targetLabel};
  return readParams(COMPARE_FIELDS, params, {labels, notice: (names) => names, trainingCount}).notice ?? [];
}

export function mountLab(root, ctx) {
  const L = S.labs.activacionesRnn;
  const Q = S.labs.secuencias;
  const names = S.labs.secuencias.form.activations;
  const labels = {...Q.form.labels, target: L.targetLabel};
  const drawn = lastData(ctx.core, dataSpec);  // the data set of the settings, kept while they stay
  const trainingCount = trainingCounter(ctx.core, drawn);
  const {values, notice} = readParams(COMPARE_FIELDS, ctx.params, {labels, notice: (names) => Q.form.badLink(names.join(', ')), trainingCount});
  const options = formOptions(Q, trainingCount);
  const form = createForm(COMPARE_FIELDS, values, {
    ...options, labels,
    onChange: ({ok, values: next}) => {
      if (!ok) return;
      ctx.setParams(writeParams(COMPARE_FIELDS, next));
      form.show('delay', next.task === 'echo');
      form.show('g', next.task === 'running_sum');
    },
  });
  form.show('delay', values.task === 'echo');
  form.show('g', values.task === 'running_sum');

  let runs = {};          // f → {evaluations, status, diverged, wallMs, job}
  let frame = 0;
  let destroyed = false;
  let target = values.target;

  const runner = createRunButton({idle: L.run, busy: L.running});
  const status = el('p', {class: 'seq-status', role: 'status'});
  const bars = Object.fromEntries(HIDDEN_ACTIVATIONS.map((f) => [f, createProgress({label: L.progressLabel(names[f])})]));
  const lossChart = createLineChart({xTitle: L.axisStep, yTitle: L.axisLoss, log: true, label: L.lossTitle});
  const accuracyChart = createLineChart({xTitle: L.axisStep, yTitle: L.axisAccuracy, logToggle: false, yMin: 0, yMax: 1, label: L.accuracyTitle});
  const table = el('table', {class: 'cmp-table'});
  const verdict = el('p', {class: 'cmp-verdict'});
  const notes = el('div', {class: 'cmp-notes'});

  const controls = el('form', {class: 'seq-controls', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    start();
  }}, [
    ...formGroups(form, Q, Object.keys(COMPARE_FIELDS)),
    el('fieldset', {class: 'seq-group'}, [el('legend', {}, L.targetGroup), form.node('target')]),
    runner.button,
    status,
  ]);
  const figure = (title, chart, name) => el('figure', {class: 'seq-figure'}, [
    el('figcaption', {}, [title, ' ', pngButton(chart.canvas, `${L.exportName}-${name}.png`, {what: title})]),
    chart.node,
  ]);
  root.append(el('div', {class: 'seq-lab cmp-lab'}, [
    el('div', {class: 'seq-intro'}, [el('p', {}, richText(L.intro)), el('p', {class: 'seq-observe'}, richText(L.observe))]),
    notice ? el('p', {class: 'seq-notice', role: 'status'}, notice) : null,
    el('div', {class: 'seq-layout'}, [
      el('div', {class: 'seq-side'}, controls),
      el('div', {class: 'seq-results'}, [
        el('section', {class: 'seq-panel cmp-progress'}, HIDDEN_ACTIVATIONS.map((f) => el('div', {class: `cmp-bar cmp-bar-${f}`}, [
          el('span', {class: 'cmp-name'}, names[f]), bars[f].node,
        ]))),
        el('section', {class: 'seq-panel'}, [
          el('div', {class: 'seq-charts'}, [figure(L.lossTitle, lossChart, L.fileNames.loss), figure(L.accuracyTitle, accuracyChart, L.fileNames.accuracy)]),
        ]),
        el('section', {class: 'seq-panel'}, [
          el('h3', {}, L.tableTitle),
          el('div', {class: 'cmp-table-box', tabindex: '0', role: 'region', 'aria-label': L.tableTitle}, table),
          el('p', {class: 'seq-hint'}, L.tableNote),
          verdict,
          notes,
          exportBar([csvButton(() => ({header: L.csvHeader, rows: csvRows()}), `${L.exportName}.csv`, {what: L.tableTitle})]),
        ]),
      ]),
    ]),
  ]));

  const summaries = () => Object.fromEntries(HIDDEN_ACTIVATIONS.filter((f) => runs[f]).map((f) => [f, summarize(runs[f], target)]));

  function draw() {
    frame = 0;
    const curve = (f, key) => (runs[f]?.evaluations ?? []).filter(([, v]) => typeof v[key] === 'number').map(([x, v]) => ({x, y: v[key]}));
    const series = (key) => HIDDEN_ACTIVATIONS.map((f) => ({label: names[f], color: COLORS[f], points: curve(f, key)}));
    lossChart.update(series('loss'));
    accuracyChart.update(series('validationAccuracy'));
    showTable();
  }
  const schedule = () => {
    if (!frame && !destroyed) frame = requestAnimationFrame(draw);
  };

  function showTable() {
    const C = L.columns;
    const all = summaries();
    const pct = (x) => (x === null || x === undefined ? L.noAccuracy : L.percent(x));
    const head = el('tr', {}, [C.activation, C.loss, C.validationLoss, C.accuracy, C.validationAccuracy, C.reached(target), C.time, C.state]
      .map((text) => el('th', {scope: 'col'}, text)));
    const rows = Object.entries(all).map(([f, s]) => {
      const state = runs[f].status === 'failed' && s.diverged !== null ? 'diverged' : runs[f].status;
      const stateText = state === 'diverged' ? L.states.diverged(s.diverged) : state === 'failed' ? L.states.failed(runs[f].error) : L.states[state];
      return el('tr', {class: `cmp-row cmp-row-${f} cmp-state-${state}`, dataset: {f, state}}, [
        el('th', {scope: 'row'}, [el('span', {class: `cmp-swatch cmp-swatch-${f}`}), names[f]]),
        el('td', {dataset: {key: 'loss'}}, formatNumberOrDash(s.finalLoss)),
        el('td', {dataset: {key: 'validationLoss'}}, formatNumberOrDash(s.validationLoss)),
        el('td', {dataset: {key: 'accuracy'}}, pct(s.accuracy)),
        el('td', {dataset: {key: 'validationAccuracy'}}, pct(s.validationAccuracy)),
        el('td', {dataset: {key: 'reached', value: s.reached ?? ''}}, s.reached === null ? L.notReached : formatNumber(s.reached)),
        el('td', {dataset: {key: 'time'}}, s.wallMs === null ? '—' : L.milliseconds(s.wallMs)),
        el('td', {dataset: {key: 'status'}}, stateText),
      ]);
    });
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
    const finished = Object.values(runs).length === 3 && Object.values(runs).every((r) => !['waiting', 'running'].includes(r.status));
    const best = fastest(all);
    verdict.replaceChildren(...(finished ? richText(best ? L.fastest(names[best]) : L.noneReached) : []));
    notes.replaceChildren(...Object.entries(all).filter(([, s]) => s.diverged !== null)
      .map(([f, s]) => el('p', {class: 'cmp-diverged', role: 'alert'}, richText(L.divergedNote(names[f], s.diverged)))));
  }

  function csvRows() {
    return Object.entries(summaries()).map(([f, s]) => [f, s.finalLoss, s.validationLoss, s.accuracy, s.validationAccuracy, s.reached, s.wallMs, s.diverged]);
  }

  const start = () => runner.run(async () => {
    const {ok, values: s} = form.read();
    if (!ok) {
      status.textContent = L.fixFields;
      return;
    }
    let data;
    try {
      data = drawn(s);
    } catch (error) {
      status.textContent = L.dataFailed(describeJobError(error));
      return;
    }
    status.textContent = '';
    target = s.target;
    runs = {};
    const jobs = HIDDEN_ACTIVATIONS.map((f) => {
      const scenario = buildScenario(data, {...s, f});
      const input = {...trainInput(scenario, {evaluations: 100}), lossEvery: Math.max(1, Math.ceil(s.steps / 50))};
      const run = {evaluations: [], status: 'waiting', diverged: null, wallMs: null, error: null};
      runs[f] = run;
      run.job = ctx.runJob('train', input, {onProgress: (p) => {
        run.status = 'running';
        run.evaluations.push(...p.evaluations);
        bars[f].set(p.done, s.steps);
        schedule();
      }});
      bars[f].track(run.job, {total: s.steps});
      return run.job.promise.then((outcome) => {
        run.status = outcome.status;
        if (outcome.status === 'done') run.wallMs = outcome.wallMs;
      }, (error) => {
        run.status = 'failed';
        if (error?.code === 3 && Number.isInteger(error.step)) run.diverged = error.step;
        run.error = describeJobError(error);
      }).finally(schedule);
    });
    schedule();
    await Promise.all(jobs);
  });

  showTable();
  return {
    destroy() {
      destroyed = true;
      for (const run of Object.values(runs)) run.job?.cancel();
      if (frame) cancelAnimationFrame(frame);
      lossChart.destroy();
      accuracyChart.destroy();
      root.replaceChildren();
    },
  };
}

const formatNumberOrDash = (x) => (x === null || x === undefined ? '—' : formatNumber(x));
