// Lab 7's training: the "Entrenar" button, the progress bar with "Cancelar", the loss and
// accuracy curves (training and validation, from the `train` job's evaluations) and the result.
//
//   const run = createRunPanel({L, runJob, prepare() → scenario | null, onStart(), onDone(scenario, result)})
//   run.button, run.node; run.start(); run.destroy()
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {createProgress} from '../shared/ui/progress.js';
import {csvButton, pngButton} from '../shared/ui/export.js';
import {createLineChart} from '../shared/ui/line-chart.js';
import {trainInput} from '../shared/sequence-scenario.js';
import {COLORS} from '../shared/sequence-colors.js';
import {createRunButton} from '../shared/ui/run-button.js';

export function createRunPanel({L, runJob, prepare, onStart, onDone}) {
  let job = null;
  let evaluations = [];  // [[step, {loss, accuracy, validationLoss, validationAccuracy}]…]
  let pendingDraw = 0;
  let destroyed = false;
  let lastResult = null;

  const runner = createRunButton({idle: L.run, busy: L.running});
  const status = el('p', {class: 'seq-status', role: 'status'});
  const progress = createProgress({onCancel: () => job?.cancel()});
  const lossChart = createLineChart({xTitle: L.axisStep, yTitle: L.axisLoss, log: true, label: L.lossTitle});
  const accuracyChart = createLineChart({xTitle: L.axisStep, yTitle: L.axisAccuracy, logToggle: false, yMin: 0, yMax: 1, label: L.accuracyTitle});
  const summary = el('dl', {class: 'seq-summary'});
  const rows = () => evaluations.map(([i, e]) => [i, e.loss, e.accuracy, e.validationLoss, e.validationAccuracy]);

  const node = el('section', {class: 'seq-run-panel', 'aria-label': L.lossTitle}, [
    progress.node,
    status,
    el('div', {class: 'seq-charts'}, [
      el('figure', {class: 'seq-figure'}, [
        el('figcaption', {}, [L.lossTitle, ' ', pngButton(lossChart.canvas, `${L.exportLoss}.png`, {what: L.lossTitle})]),
        lossChart.node,
      ]),
      el('figure', {class: 'seq-figure'}, [
        el('figcaption', {}, [L.accuracyTitle, ' ', pngButton(accuracyChart.canvas, `${L.exportLoss}-${L.fileNames.accuracy}.png`, {what: L.accuracyTitle})]),
        accuracyChart.node,
      ]),
    ]),
    el('div', {class: 'seq-result'}, [
      el('h3', {}, L.summaryTitle),
      summary,
      csvButton(() => ({header: L.csvCurves, rows: rows()}), `${L.exportLoss}.csv`, {what: L.summaryTitle}),
    ]),
  ]);

  function draw() {
    pendingDraw = 0;
    const series = (key) => evaluations.filter(([, e]) => typeof e[key] === 'number').map(([x, e]) => ({x, y: e[key]}));
    const pair = (a, b) => [
      {label: L.seriesLoss, color: COLORS.train, points: series(a)},
      {label: L.seriesValidation, color: COLORS.validation, dash: [6, 3], points: series(b)},
    ];
    lossChart.update(pair('loss', 'validationLoss'));
    accuracyChart.update(pair('accuracy', 'validationAccuracy'));
    showSummary();
  }
  const schedule = () => {
    if (!pendingDraw && !destroyed) pendingDraw = requestAnimationFrame(draw);
  };

  function showSummary() {
    const last = evaluations.at(-1);
    if (!last) {
      summary.replaceChildren();
      return;
    }
    const [step, e] = last;
    const pct = (x) => (x === null || x === undefined ? L.noAccuracy : L.percent(x));
    const item = (key, value, name) => [el('dt', {}, L.resultLabels[key]), el('dd', {dataset: {value: name ?? key}}, value)];
    summary.replaceChildren(...[
      item('steps', formatNumber(step)),
      item('loss', formatNumber(e.loss)),
      item('validationLoss', formatNumber(e.validationLoss)),
      item('accuracy', pct(e.accuracy)),
      item('validationAccuracy', pct(e.validationAccuracy)),
      lastResult ? item('time', L.milliseconds(lastResult.wallMs)) : [],
    ].flat());
  }

  const start = () => runner.run(async () => {
    const scenario = prepare();
    if (!scenario) {
      status.textContent = L.fixFields;
      return;
    }
    evaluations = [];
    lastResult = null;
    status.textContent = '';
    onStart?.();
    const steps = scenario.train.steps;
    const input = {...trainInput(scenario, {evaluations: 100}), lossEvery: Math.max(1, Math.ceil(steps / 50))};
    job = runJob('train', input, {onProgress: (p) => {
      evaluations.push(...p.evaluations);
      progress.set(p.done, steps);
      schedule();
    }});
    progress.track(job, {total: steps});
    try {
      const outcome = await job.promise;
      if (destroyed) return;
      if (outcome.status === 'cancelled') progress.status(L.cancelled(evaluations.at(-1)?.[0] ?? 0));
      else {
        lastResult = {wallMs: outcome.wallMs};
        onDone?.(scenario, outcome.result);
      }
    } catch {
      // the progress bar shows the core's refusal or the divergence, in Spanish
    } finally {
      job = null;
      schedule();
    }
  });

  return {
    button: runner.button,
    node,
    start,
    destroy() {
      destroyed = true;
      job?.cancel();
      if (pendingDraw) cancelAnimationFrame(pendingDraw);
      lossChart.destroy();
      accuracyChart.destroy();
    },
  };
}
