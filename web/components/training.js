// The training panel: N iterations of the current scenario in the worker, the loss curve
// (Chart.js), the lesson's table of the loss every record_every iterations, the final and
// validation losses, the prediction on the validation input, and the trained weights back into
// the stepper. Every number comes from the core (worker or ctx.core.trace).
import {CoreError} from '../core/core.js';
import * as client from '../core/train-client.js';
import {mlpKeys} from '../core/trace-keys.js';
import {el} from '../dom.js';
import {translateCoreError} from '../errors.js';
import {formatNumber} from '../format.js';
import {parseNumber} from '../forms/number.js';
import {range, spec} from '../core/spec.js';
import {S} from '../strings/index.js';
import '../styles/training.css';


// The iterations a student may ask for: the lesson's range in the core's spec, read when used.
const stepsRange = () => range(spec().lesson.training_steps);
const DEFAULT_STEPS = 10_000;
const DEFAULT_RECORD_EVERY = 1000;  // the lesson prints every 1000 iterations
const MAX_ROWS = 1000;
const MAX_PREDICTIONS = 10;
let instances = 0;  // unique ids and radio names per mounted panel

// A float as Python's print shows it (shortest round trip; exponent form below 1e-4 and from
// 1e16), so the table reads like the lesson's output.
export function pythonFloat(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  const sign = x < 0 ? '-' : '';
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  return `${sign}${whole}.${digits.slice(e + 1) || '0'}`;
}

const vector = (row) => `[${row.map(formatNumber).join(', ')}]`;

function defaultSteps(scenario) {
  const steps = scenario?.train?.steps;
  const {min, max} = stepsRange();
  return Number.isInteger(steps) && steps >= min && steps <= max ? steps : DEFAULT_STEPS;
}

// The recording interval: the scenario's (the lesson's 1000 when it says nothing), widened to a
// multiple of it when the table would pass MAX_ROWS rows.
function recordInterval(scenario, steps) {
  const asked = scenario?.train?.record_every ?? DEFAULT_RECORD_EVERY;
  const every = asked * Math.max(1, Math.ceil(steps / (asked * MAX_ROWS)));
  return {asked, every};
}

export function mountTraining(container, ctx) {
  const T = S.training;
  const {count} = T;
  const uid = ++instances;
  // The worker (its own file) is fetched and instantiates the core when the student comes to this
  // panel (its button in view, a pointer over it, a touch, the focus in it), not on a first visit
  // that only reads; a run that comes first makes it at once (some 100 ms more for that run).
  const warm = () => {
    cancelWarm();
    client.warm(ctx.core.wasmModule);
  };
  const WARM_ON = ['pointerenter', 'touchstart', 'focusin'];
  const seen = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && warm())
    : null;
  const cancelWarm = () => {
    WARM_ON.forEach((type) => container.removeEventListener(type, warm));
    seen?.disconnect();
  };
  WARM_ON.forEach((type) => container.addEventListener(type, warm, {passive: true}));

  let scenario = ctx.store.get().scenario;
  let token = 0;        // bumped by every run and every reset: late answers are dropped
  let running = false;
  let trained = null;   // {steps, parameters} of the last finished run
  let applying = null;  // the steps of the weights just handed to the stepper

  // ---- controls
  const stepsInput = el('input', {
    type: 'number', min: stepsRange().min, max: stepsRange().max, step: 1, inputmode: 'numeric', required: true,
    class: 'training-steps', value: defaultSteps(scenario), 'aria-describedby': `training-steps-message-${uid}`,
  });
  const stepsMessage = el('span', {class: 'training-field-message', id: `training-steps-message-${uid}`}, T.stepsHint(stepsRange()));
  const trainButton = el('button', {type: 'submit', class: 'training-train'}, T.train);
  seen?.observe(trainButton);
  const cancelButton = el('button', {type: 'button', class: 'training-cancel', hidden: true, onclick: () => client.cancel()}, T.cancel);
  const form = el('form', {class: 'training-controls', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    run();
  }}, [
    el('label', {class: 'training-steps-label'}, [T.steps, ' ', stepsInput]),
    trainButton,
    cancelButton,
    stepsMessage,
  ]);

  const bar = el('progress', {class: 'training-bar', max: 1, value: 0});
  const barText = el('span', {class: 'training-bar-text'});
  const progress = el('div', {class: 'training-progress', hidden: true}, [bar, barText]);
  const status = el('p', {class: 'training-status', role: 'status', hidden: true});

  // ---- chart
  const canvas = el('canvas', {role: 'img', 'aria-label': T.chartLabel});
  const caption = el('figcaption', {});
  const scaleName = `training-scale-${uid}`;
  const scaleChoice = (value, label, checked) =>
    el('label', {}, [el('input', {type: 'radio', name: scaleName, value, checked, onchange: () => setScale(value)}), ' ', label]);
  const linearChoice = scaleChoice('linear', T.linear, true);
  const logChoice = scaleChoice('logarithmic', T.log, false);
  const figure = el('figure', {class: 'training-chart', hidden: true}, [
    el('div', {class: 'training-chart-box'}, canvas),
    el('div', {class: 'training-chart-footer'}, [
      caption,
      el('fieldset', {class: 'training-scale'}, [el('legend', {}, T.scale), linearChoice, logChoice]),
    ]),
  ]);

  const root = el('div', {class: 'training'}, [
    el('h2', {}, T.title),
    el('p', {class: 'training-intro'}, T.intro),
    form, progress, status, figure,
  ]);
  container.append(root);
  const lineColor = getComputedStyle(root).getPropertyValue('--training-line').trim() || '#1d4ed8';
  // Chart.js loads with the first run, not with the page: a first visit does not need it.
  let chart = null;
  let chartLoading = null;
  let scale = 'linear';
  function withChart(use) {
    if (chart) return use(chart);
    chartLoading ??= import('./loss-chart.js').then(({createLossChart}) => {
      chart = createLossChart(canvas, {lineColor, T, count});
      chart.options.scales.y.type = scale;
      return chart;
    });
    chartLoading.then(use);
  }

  function setScale(type) {
    scale = type;
    withChart((c) => {
      c.options.scales.y.type = type;
      c.update('none');
    });
  }

  // ---- results
  const tableBody = el('tbody');
  const tableCaption = el('p', {class: 'training-table-caption', id: `training-table-caption-${uid}`});
  const stepHeader = el('th', {scope: 'col'}, T.epoch);
  const table = el('div', {class: 'training-table-block', hidden: true}, [
    tableCaption,
    el('div', {class: 'training-table', tabindex: 0, role: 'region', 'aria-labelledby': tableCaption.id}, el('table', {}, [
      el('thead', {}, el('tr', {}, [stepHeader, el('th', {scope: 'col'}, T.loss)])),
      tableBody,
    ])),
  ]);
  const summary = el('dl', {class: 'training-summary', hidden: true});
  const useButton = el('button', {type: 'button', class: 'training-use', onclick: useWeights}, T.useWeights);
  const useMessage = el('span', {class: 'training-field-message'}, T.useWeightsHint);
  const useRow = el('p', {class: 'training-use-row', hidden: true}, [useButton, ' ', useMessage]);
  root.append(summary, useRow, table);

  function showStatus(text, kind = 'info') {
    status.hidden = !text;
    status.textContent = text ?? '';
    status.className = `training-status training-status-${kind}`;
  }

  function appendRows(rows) {
    const nodes = rows.map(([step, loss]) => el('tr', {}, [el('td', {}, String(step)), el('td', {}, pythonFloat(loss))]));
    tableBody.append(...nodes);
    table.hidden = tableBody.childElementCount === 0;
  }

  function setCurve(points, total) {
    withChart((c) => {
      c.data.datasets[0].data = points.map(([x, y]) => ({x, y}));
      c.options.scales.x.max = total;
      c.update('none');
    });
  }

  function appendCurve(points) {
    withChart((c) => {
      const data = c.data.datasets[0].data;
      for (const [x, y] of points) data.push({x, y});
      c.update('none');
    });
  }

  function setRunning(on) {
    running = on;
    stepsInput.disabled = on;
    trainButton.hidden = on;
    cancelButton.hidden = !on;
    progress.hidden = !on;
  }

  function clearResults() {
    trained = null;
    tableBody.replaceChildren();
    table.hidden = true;
    summary.replaceChildren();
    summary.hidden = true;
    useRow.hidden = true;
    figure.hidden = true;
    setCurve([], 1);
    showStatus(null);
  }

  function readSteps() {
    const {ok, value} = parseNumber(stepsInput.value, stepsRange());
    stepsInput.setAttribute('aria-invalid', ok ? 'false' : 'true');
    stepsMessage.textContent = ok ? T.stepsHint(stepsRange()) : T.stepsInvalid(stepsRange());
    stepsMessage.classList.toggle('training-field-error', !ok);
    return ok ? value : null;
  }

  function setProgress(done, total) {
    bar.max = total;
    bar.value = done;
    barText.textContent = T.progress(done, total);
  }

  async function run() {
    const steps = readSteps();
    if (steps === null) {
      stepsInput.focus();
      return;
    }
    const my = ++token;
    const {asked, every} = recordInterval(scenario, steps);
    const samples = scenario.data?.inputs?.length ?? 1;
    const batch = scenario.train?.batch_size;
    const onePerEpoch = batch === undefined || batch === null || batch >= samples;
    clearResults();
    stepHeader.textContent = onePerEpoch ? T.epoch : T.iteration;
    tableCaption.textContent = every === asked ? T.tableCaption(every) : T.tableCaptionCoarse(every, asked);
    caption.textContent = T.chartCaption(Math.ceil(steps / 1000));
    figure.hidden = false;
    setCurve([], steps);
    setProgress(0, steps);
    barText.textContent = T.starting;
    setRunning(true);

    const trainScenario = {...scenario, train: {...scenario.train, steps, record_every: every}};
    client.warm(ctx.core.wasmModule);  // a no-op once warmed
    try {
      const result = await client.start(trainScenario, {
        steps,
        recordEvery: every,
        onProgress: ({done, losses, curve}) => {
          if (my !== token) return;
          setProgress(done, steps);
          appendCurve(curve);
          appendRows(losses);
        },
      });
      if (my !== token) return;
      if (result.status === 'cancelled') {
        showStatus(T.cancelled(result.done));
        return;
      }
      setCurve(result.curve, steps);
      tableBody.replaceChildren();
      appendRows(result.losses);
      if (result.validationLoss !== null) appendValidationRow(result.validationLoss);
      showSummary(result, trainScenario);
      trained = {steps, parameters: result.parameters};
      useRow.hidden = false;
    } catch (error) {
      if (my !== token) return;
      if (error instanceof CoreError && (error.code === 2 || error.code === 3)) {
        // A divergence: the axis ends where the loss stopped being finite.
        setCurve(error.curve ?? [], error.code === 3 && error.step ? Math.min(error.step, steps) : steps);
        tableBody.replaceChildren();
        appendRows(error.losses ?? []);
        if (!error.curve?.length) figure.hidden = true;
        showStatus(translateCoreError(error), 'error');
      } else {
        // The worker failed (it could not load the core) or hit a bug: not the student's doing.
        figure.hidden = true;
        showStatus(T.failed(error instanceof CoreError ? error.message : T.workerFailed), 'error');
      }
    } finally {
      if (my === token) setRunning(false);
    }
  }

  function appendValidationRow(loss) {
    tableBody.append(el('tr', {class: 'training-validation-row'}, [el('td', {}, T.validationRow), el('td', {}, pythonFloat(loss))]));
  }

  // The network's output on the validation inputs, from the core with the trained weights.
  function predict(trainScenario, parameters) {
    const validation = scenario.data?.validation;
    if (!validation) return null;
    const inputs = validation.inputs.slice(0, MAX_PREDICTIONS);
    const targets = validation.targets.slice(0, MAX_PREDICTIONS);
    try {
      const trace = ctx.core.trace({...trainScenario, parameters, data: {inputs, targets}, train: {steps: 1}});
      const L = scenario.model.layers.length - 1;
      return {inputs, targets, outputs: trace.forward[mlpKeys.a(L)]};
    } catch (error) {
      if (error instanceof CoreError) return null;
      throw error;
    }
  }

  function showSummary(result, trainScenario) {
    const items = [[T.finalLoss, formatNumber(result.finalLoss)]];
    if (result.validationLoss !== null) items.push([T.validationLoss, formatNumber(result.validationLoss)]);
    const prediction = predict(trainScenario, result.parameters);
    if (prediction) {
      prediction.outputs.forEach((output, s) => {
        items.push([T.prediction(vector(prediction.inputs[s])),
          [el('span', {class: 'training-yhat'}, `ŷ = ${vector(output)}`), ' ', el('span', {class: 'training-target'}, `(${T.target(vector(prediction.targets[s]))})`)]]);
      });
    }
    summary.replaceChildren(...items.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
    summary.append(el('p', {class: 'training-timing'}, [
      el('strong', {}, T.timing(result.steps, result.wallMs)), ' ',
      el('span', {}, T.timingDetail(result.elapsedMs)),
    ]));
    summary.dataset.wallMs = result.wallMs.toFixed(2);
    summary.dataset.coreMs = result.elapsedMs.toFixed(2);
    summary.hidden = false;
  }

  function useWeights() {
    if (!trained) return;
    applying = trained.steps;
    const outcome = ctx.setScenario({...scenario, parameters: trained.parameters});
    if (!outcome.ok) {
      applying = null;
      useMessage.textContent = outcome.message;
      useMessage.classList.add('training-field-error');
    }
  }

  // A new scenario from the store: the run and its results belong to the old one.
  const unsubscribe = ctx.store.subscribe((state) => {
    if (state.scenario === scenario) return;
    const previous = scenario;
    scenario = state.scenario;
    token++;
    if (running) client.cancel();
    setRunning(false);
    clearResults();
    useMessage.textContent = T.useWeightsHint;
    useMessage.classList.remove('training-field-error');
    if (scenario?.train?.steps !== previous?.train?.steps) {
      stepsInput.value = defaultSteps(scenario);
      readSteps();
    }
    if (applying !== null) showStatus(T.usedWeights(applying));
    applying = null;
  });

  return {
    destroy() {
      cancelWarm();
      unsubscribe();
      token++;
      if (running) client.cancel();
      chart?.destroy();
      container.replaceChildren();
    },
  };
}
