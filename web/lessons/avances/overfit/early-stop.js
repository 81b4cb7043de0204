// Part 3's early stopping: the plain network trained by the core with train.early_stopping (job
// `fit`): its training and validation losses, where the validation loss was best and where the
// training stopped, and the boundary of the weights it keeps (the best step's).
//
//   mountEarlyStop(container, {part, scenario: () → the plain network's scenario | null, points: () → the
//     plane's points (plane-panel.js planePoints)})
//     → {node, reset(), destroy()}
//   earlyStopScenario(scenario, patience) → the scenario with early stopping, evaluated every epoch (pure)
//   markerSeries(step, low, high) → a vertical line as two points (pure)
import {el} from '../../../dom.js';
import {formatNumber} from '../../../format.js';
import {S} from '../../../strings/index.js';
import {createProgress} from '../../../labs/shared/ui/progress.js';
import {stepsPerEpoch, trainInput} from '../../../labs/shared/plane-scenario.js';
import {createBoundary} from '../../../labs/shared/ui/plane-panel.js';
import {createLineChart} from '../../../labs/shared/ui/line-chart.js';
import {csvButton, exportBar, pngButton} from '../../../labs/shared/ui/export.js';

// The validation loss is evaluated at every recorded step: once an epoch here, so that the
// patience counts epochs.
export function earlyStopScenario(scenario, patience) {
  const perEpoch = stepsPerEpoch(scenario.train.batch_size, scenario.data.inputs.length);
  return {...scenario, train: {...scenario.train, record_every: perEpoch, early_stopping: {patience}}};
}

export const markerSeries = (step, low, high) => [[step, low], [step, high]];

const pairs = (list) => (list ?? []).map((entry, i) => (Array.isArray(entry) ? entry : [i, entry]));

export function mountEarlyStop(container, {part, scenario, points}) {
  const T = S.avances.overfit.early;
  const {plane, drawGrid} = createBoundary({label: T.boundaryLabel});
  const chart = createLineChart({xTitle: T.step, yTitle: T.loss, label: T.chartLabel, xMin: 0, maxPoints: 600});
  const progress = createProgress();
  progress.hidden = true;
  const summary = el('p', {class: 'init-summary', role: 'status'});
  const button = el('button', {type: 'button', class: 'early-run', onclick: () => start()}, T.run);
  let result = null;
  let run = null;

  function start() {
    const base = scenario();
    if (!base) return;
    run?.cancel();
    const current = part.runJob('fit', {scenario: earlyStopScenario(base, part.values.paciencia), grid: trainInput(base).grid});
    run = current;
    progress.hidden = false;
    progress.track(current);
    current.promise.then((outcome) => {
      if (run === current && outcome.status === 'done') show(outcome.result);
    }, () => {});
  }

  function show(next) {
    result = next;
    plane.points(points());
    drawGrid(result.grid);
    const losses = pairs(result.losses);
    const validation = pairs(result.validation_losses);
    const all = [...losses, ...validation].map(([, y]) => y).filter(Number.isFinite);
    const low = Math.min(...all);
    const high = Math.max(...all);
    const stop = result.early_stopping;
    chart.update([
      {label: T.training, color: '#2b6cb0', points: losses},
      {label: T.validation, color: '#c2410c', dash: [6, 4], width: 2, points: validation},
      ...(Number.isInteger(stop?.best_step) ? [{label: T.best, color: '#1d2433', dash: [2, 3], points: markerSeries(stop.best_step, low, high)}] : []),
    ]);
    summary.textContent = stop?.stopped_at !== null && stop?.stopped_at !== undefined
      ? T.summary(stop.stopped_at, stop.best_step, formatNumber(stop.best_validation_loss))
      : T.notStopped(stop?.best_step ?? null, formatNumber(stop?.best_validation_loss));
  }

  const node = el('section', {class: 'early-stop'}, [
    el('h3', {}, T.title),
    el('p', {class: 'race-hint'}, T.setup),
    button,
    progress.node,
    summary,
    el('figure', {class: 'init-figure'}, [el('figcaption', {}, T.chartLabel), chart.node]),
    el('figure', {class: 'init-figure early-boundary'}, [el('figcaption', {}, T.boundaryLabel), el('div', {class: 'clf-plane-box'}, plane.node)]),
    exportBar([
      pngButton(() => plane.snapshot(), () => `${T.fileNames.name}-${T.fileNames.boundary}-p${part.values.paciencia}.png`, {what: T.boundaryLabel, text: T.pngBoundary}),
      pngButton(chart.canvas, () => `${T.fileNames.name}-p${part.values.paciencia}.png`, {what: T.chartLabel, text: T.pngCurves}),
      csvButton(() => ({header: T.csvHeader, rows: result ? [
        ...pairs(result.losses).map(([i, y]) => [T.csvValues.training, i, y]),
        ...pairs(result.validation_losses).map(([i, y]) => [T.csvValues.validation, i, y]),
      ] : []}), () => `${T.fileNames.name}-p${part.values.paciencia}.csv`, {what: T.chartLabel, text: T.csvCurves}),
    ]),
  ]);
  container.append(node);
  return {
    node,
    reset() {
      run?.cancel();
      result = null;
      summary.textContent = '';
      chart.update([]);
      plane.clear();
      progress.hidden = true;
    },
    destroy() {
      run?.cancel();
      chart.destroy();
      plane.destroy();
    },
  };
}
