// One network trained on the plane, as both classification labs (1 and 3) show it: the decision boundary
// with the points, training/validation curves of loss (and accuracy), the current numbers, and
// the run's control (start, pause and resume in the worker, cancel, back to the initial weights).
// Drawing is kept small per frame: the plane's points stay on their own layer, and the two charts
// are redrawn in turn, each at most every CHART_MS.
//
// createRunPanel({runJob, title?, accuracy = true, className}) → panel
//   panel.load({data, extra, scenario})  the data and the network to train (back to its start)
//   panel.play(epochsPerFrame)  start, or resume after a pause; panel.pause(); panel.cancel()
//   panel.state: 'ready' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed'
//   panel.onChange(fn)  after every state change; panel.result: the job's result when done
//   panel.rows()  the curves as CSV rows; panel.snapshot(): the plane as a canvas (PNG)
// createBoundary({label?, onClick?}) → {plane (heatmap.js), drawGrid(values)}: the plane alone
import '../../../styles/labs/clasificacion.css';  // the plane labs' look (clf-*), lab 3's too
import {el} from '../../../dom.js';
import {formatNumber} from '../../../format.js';
import {S} from '../../../strings/index.js';
import {describeJobError} from '../../jobs-client.js';
import {createHeatmap} from './heatmap.js';
import {createProgress} from './progress.js';
import {createLineChart} from './line-chart.js';
import {VIEW} from '../plane-settings.js';
import {GRID_SIZE, stepsPerEpoch, trainInput} from '../plane-scenario.js';
import {startTraining} from './plane-training.js';

export const TRAIN_COLOUR = '#2b6cb0';
export const VALIDATION_COLOUR = '#c2410c';
// The classes on the plane: a colour-blind-safe pair (orange / blue) and two shapes, as the
// legend names them; the heat map from pale orange (p = 0) through white to pale blue (p = 1).
export const CLASS_COLOURS = ['#d95f02', '#2b6cb0'];
const CLASS_SHAPES = ['circle', 'square'];
const HEAT_STOPS = ['#f8c496', '#ffffff', '#aac6f0'];
const FRAME_MS = 33;   // the pace of a watched run: one progress message per frame at most
const FAST_MS = 30;    // as fast as possible: still no more than one message per FAST_MS
const CHART_MS = 250;  // each chart redrawn at most this often while a run goes

// The points to draw from a data set (core.data) and the added ones.
export function planePoints(data, extra) {
  const list = [];
  data.inputs.forEach(([x, y], k) => list.push({x, y, label: data.labels[k]}));
  (data.validation?.inputs ?? []).forEach(([x, y], k) => list.push({x, y, label: data.validation.labels[k], hollow: true}));
  for (const [x, y, c] of extra) list.push({x, y, label: c, ring: true});
  return list;
}

// The plane as the run panels draw it (and lesson 3's early stopping): the classes' colours and
// shapes, p(clase 1) over the view with its p = 0.5 line. drawGrid(values): a GRID_SIZE² grid.
export function createBoundary({label = S.labs.clasificacion.planeLabel, onClick} = {}) {
  const plane = createHeatmap({extent: VIEW, label, onClick,
    classColors: CLASS_COLOURS, classShapes: CLASS_SHAPES, pointOutline: '#1d2433', className: 'clf-plane'});
  return {plane, drawGrid: (values) => plane.draw(values, GRID_SIZE, GRID_SIZE, {min: 0, max: 1, colors: HEAT_STOPS, contour: 0.5})};
}

export function createRunPanel({runJob, title, accuracy = true, className = ''}) {
  const T = S.labs.clasificacion;
  const {plane, drawGrid} = createBoundary({label: T.planeLabel, onClick: (x, y) => clickHandler?.(x, y)});
  // Training and validation over epochs, points appended as a run goes and drawn in turn (below).
  const curves = (options) => {
    const chart = createLineChart({xTitle: T.axisEpoch, logToggle: false, integerX: false, xMin: 0, yMin: 0, marked: 0, ...options});
    const clear = () => chart.update([
      {label: T.trainSeries, color: TRAIN_COLOUR, width: 2, points: []},
      {label: T.validationSeries, color: VALIDATION_COLOUR, width: 2, dash: [6, 4], points: []},
    ]);
    clear();
    return {
      chart,
      clear,
      add: (index, x, y) => y !== null && y !== undefined && chart.append(index, [[x, y]], {draw: false}),
      update: () => chart.draw(),
    };
  };
  const lossChart = curves({yTitle: T.lossTitle});
  const accuracyChart = accuracy
    ? curves({yTitle: T.axisAccuracy, label: T.accuracyTitle, yMax: 1, yFormat: (y) => `${formatNumber(Math.round(y * 1000) / 10)} %`})
    : null;
  const epochText = el('p', {class: 'clf-epoch', 'aria-live': 'off'});
  const cell = () => el('td', {class: 'clf-number'}, '—');
  const cells = {loss: cell(), accuracy: cell(), validationLoss: cell(), validationAccuracy: cell()};
  const metrics = el('table', {class: 'clf-metrics'}, [
    el('thead', {}, el('tr', {}, [el('th', {scope: 'col'}, el('span', {class: 'sr-only'}, T.metricSet)), el('th', {scope: 'col'}, T.metricLoss), el('th', {scope: 'col'}, T.metricAccuracy)])),
    el('tbody', {}, [
      el('tr', {}, [el('th', {scope: 'row'}, T.metricTrain), cells.loss, cells.accuracy]),
      el('tr', {}, [el('th', {scope: 'row'}, T.metricValidation), cells.validationLoss, cells.validationAccuracy]),
    ]),
  ]);
  const progress = createProgress({onCancel: () => panel.cancel()});
  const message = el('p', {class: 'clf-run-message', role: 'alert', hidden: true});

  const node = el('section', {class: `clf-run-panel ${className}`.trim()}, [
    title ? el('h3', {class: 'clf-panel-title'}, title) : null,
    el('div', {class: 'clf-plane-box'}, plane.node),
    epochText,
    metrics,
    progress.node,
    message,
    el('div', {class: 'clf-chart clf-chart-loss'}, lossChart.chart.node),
    accuracy ? el('div', {class: 'clf-chart clf-chart-accuracy'}, accuracyChart.chart.node) : null,
  ]);

  let clickHandler = null;
  let setup = null;        // {data, extra, scenario, perEpoch, epochs}
  let job = null;          // the run in progress
  let shownStep = 0;       // the step the display shows
  let shownEvaluation = -1;
  let evaluations = [];    // [[step, {loss, accuracy, validationLoss, validationAccuracy}]…]
  const listeners = new Set();
  // The charts with points not drawn yet, redrawn one per frame in turn, each every CHART_MS
  // while a run goes; settle() draws the rest at once (all) or one per frame (the end of a run).
  const charts = [lossChart, accuracyChart].filter(Boolean);
  const stale = new Set();
  let nextChart = 0;
  let lastChartAt = -Infinity;
  let settling = 0;
  function updateOne() {
    let chart = charts[nextChart % charts.length];
    if (!stale.has(chart)) chart = [...stale][0];
    nextChart = charts.indexOf(chart) + 1;
    stale.delete(chart);
    chart.update();
    lastChartAt = performance.now();
  }
  function refreshCharts() {
    if (stale.size && performance.now() - lastChartAt >= CHART_MS / charts.length) updateOne();
  }
  function settle(all = false) {
    cancelAnimationFrame(settling);
    settling = 0;
    if (all) {
      for (const chart of stale) chart.update();
      stale.clear();
    } else if (stale.size) {
      updateOne();
      if (stale.size) settling = requestAnimationFrame(() => settle());
    }
  }

  const percent = (x) => (x === null || x === undefined ? '—' : T.percent(x));
  function showNumbers(evaluation) {
    cells.loss.textContent = formatNumber(evaluation?.loss);
    cells.accuracy.textContent = percent(evaluation?.accuracy);
    const validation = Boolean(setup?.scenario.data.validation);
    cells.validationLoss.textContent = validation ? formatNumber(evaluation?.validationLoss) : T.noValidation;
    cells.validationAccuracy.textContent = validation ? percent(evaluation?.validationAccuracy) : '—';
  }

  function showEpoch(step) {
    const epoch = setup ? step / setup.perEpoch : 0;
    epochText.textContent = step === 0 ? T.initial : T.epochOf(formatNumber(Math.round(epoch * 100) / 100), setup.epochs);
  }

  function addEvaluations(list) {
    for (const [step, evaluation] of list) {
      if (step <= shownEvaluation) continue;
      shownEvaluation = step;
      evaluations.push([step, evaluation]);
      const epoch = step / setup.perEpoch;
      lossChart.add(0, epoch, evaluation.loss);
      lossChart.add(1, epoch, evaluation.validationLoss);
      accuracyChart?.add(0, epoch, evaluation.accuracy);
      accuracyChart?.add(1, epoch, evaluation.validationAccuracy);
    }
    if (list.length) {
      showNumbers(evaluations.at(-1)[1]);
      for (const chart of charts) stale.add(chart);
    }
  }

  function setState(state) {
    panel.state = state;
    for (const listener of listeners) listener(state);
  }

  // Back to the initial weights the seed gives: their boundary and numbers, from the core in the
  // worker (a run of 0 steps), so that a change of setting never blocks the page. A run started
  // meanwhile sends the same initial state itself.
  let initial = null;
  function showInitial() {
    initial?.cancel();
    evaluations = [];
    shownEvaluation = -1;
    lossChart.clear();
    accuracyChart?.clear();
    showNumbers(null);
    stale.add(lossChart);
    if (accuracyChart) stale.add(accuracyChart);
    settle();
    let grid = null;
    const run = runJob('train', {...trainInput(setup.scenario), steps: 0, frameMs: 0}, {onProgress: (p) => {
      grid = p.grid ?? grid;
    }});
    initial = run;
    run.promise.then((outcome) => {
      if (initial !== run || outcome.status !== 'done') return;
      initial = null;
      if (grid) drawGrid(grid);
      addEvaluations([[0, outcome.result.evaluation]]);
      settle();
    }, (error) => {
      if (initial !== run) return;
      initial = null;
      plane.clear();
      fail(error);
      setState('failed');
    });
  }

  function fail(error) {
    message.textContent = T.failedRun(describeJobError(error));
    message.hidden = false;
  }

  function showPaused() {
    progress.status(T.pausedAt(formatNumber(Math.round((shownStep / setup.perEpoch) * 100) / 100)));
  }

  function start(epochsPerFrame) {
    initial?.cancel();
    initial = null;
    const fast = !(epochsPerFrame > 0);
    const total = setup.scenario.train.steps;
    const input = fast
      ? {...trainInput(setup.scenario), frameMs: FAST_MS, minFrameMs: FAST_MS}
      : {...trainInput(setup.scenario), frameMs: FRAME_MS, minFrameMs: FRAME_MS,
        maxStepsPerFrame: Math.max(1, Math.round(epochsPerFrame * setup.perEpoch))};
    message.hidden = true;
    progress.hidden = false;
    progress.start(total);
    const current = startTraining(runJob, input, {
      onFrame({done, grid, evaluations: list}) {
        if (job !== current) return;
        if (grid) drawGrid(grid);
        shownStep = Math.max(shownStep, done);
        addEvaluations(list);
        refreshCharts();
        showEpoch(shownStep);
        progress.set(shownStep, total);
      },
      onEnd(outcome) {
        if (job !== current) return;
        job = null;
        if (outcome.status === 'done') {
          panel.result = outcome.result;
          addEvaluations([[outcome.result.steps, outcome.result.evaluation]]);
          shownStep = outcome.result.steps;
          showEpoch(shownStep);
          progress.finish(S.labs.progress.done(outcome.wallMs));
          setState('done');
        } else if (outcome.status === 'cancelled') {
          progress.cancelled();
          setState('cancelled');
        } else {
          progress.fail(describeJobError(outcome.error));
          setState('failed');
        }
        settle();
      },
    });
    job = current;
  }

  const panel = {
    node,
    state: 'ready',
    result: null,
    get evaluations() {
      return evaluations;
    },
    onClick(handler) {
      clickHandler = handler;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load({data, extra, scenario}) {
      job?.cancel();
      job = null;
      const rows = scenario.data.inputs.length;
      setup = {data, extra, scenario, perEpoch: stepsPerEpoch(scenario.train.batch_size, rows),
        epochs: Math.round(scenario.train.steps / stepsPerEpoch(scenario.train.batch_size, rows))};
      panel.result = null;
      shownStep = 0;
      message.hidden = true;
      progress.hidden = true;
      plane.points(planePoints(data, extra));
      lossChart.chart.setXRange(0, setup.epochs);
      accuracyChart?.chart.setXRange(0, setup.epochs);
      showEpoch(0);
      setState('ready');
      showInitial();
    },
    // Start (from the initial weights; again after an end), or resume a paused run where it is.
    play(epochsPerFrame) {
      if (!setup || panel.state === 'running' || panel.state === 'failed') return;
      if (panel.state === 'paused' && job) {
        job.resume();
        progress.set(shownStep, setup.scenario.train.steps);
      } else {
        if (panel.state === 'done' || panel.state === 'cancelled') panel.load(setup);
        start(epochsPerFrame);
      }
      setState('running');
    },
    // The job waits in its worker; the display stays at what it shows.
    pause() {
      if (panel.state !== 'running' || !job) return;
      job.pause();
      setState('paused');
      settle();
      showPaused();
    },
    cancel() {
      if (panel.state !== 'running' && panel.state !== 'paused') return;
      setState('cancelled');
      job?.cancel();
    },
    // The curves as a table: epoch, step, then loss and accuracy of training and validation.
    rows() {
      return evaluations.map(([step, e]) => [step / setup.perEpoch, step, e.loss, e.accuracy, e.validationLoss, e.validationAccuracy]);
    },
    snapshot: () => plane.snapshot(),
    charts: () => ({loss: lossChart.chart.canvas, accuracy: accuracyChart?.chart.canvas ?? null}),
    destroy() {
      job?.cancel();
      job = null;
      initial?.cancel();
      initial = null;  // an initial state already on its way is not drawn
      cancelAnimationFrame(settling);
      plane.destroy();
      lossChart.chart.destroy();
      accuracyChart?.chart.destroy();
    },
  };
  return panel;
}
