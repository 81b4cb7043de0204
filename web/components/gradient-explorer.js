// Lesson 2's vanishing/exploding-gradient explorer. From five controls it builds its own RNN
// scenario (independent of the stepper's): a constant input and a target at the last step only.
// The core (core.norms) gives ‖∂L/∂h_t‖ and what each step adds to V̄; explorer-chart.js plots
// them on a log axis. Chart.js is imported once the panel first comes on screen, and every change
// of the controls is coalesced into one recompute per animation frame.
import {CoreError} from '../core/core.js';
import {range, spec} from '../core/spec.js';
import {parseNumber} from '../forms/number.js';
import {hiddenActivations} from './rnn-editor/scenario.js';
import {el} from '../dom.js';
import {translateCoreError} from '../errors.js';
import {richText, tex} from '../math.js';
import {S} from '../strings/index.js';
import '../styles/explorer.css';

// The lesson's example, where the explorer starts: tanh over 50 steps at scale 0.5.
export const LESSON_EXAMPLE = {steps: 50, scale: 0.5, activation: 'tanh', hidden: 16, seed: 1};

// The controls' ranges: the lesson's in the core's spec, and the core's seeds.
export function explorerLimits() {
  const {explorer} = spec().lesson;
  return {steps: range(explorer.steps), hidden: range(explorer.hidden), scale: range(explorer.scale), seed: range(spec().scenario.init.seed)};
}

// f as the lesson's editor offers it (the core's, but softmax), the example's first.
export const explorerActivations = () =>
  [LESSON_EXAMPLE.activation, ...hiddenActivations().filter((f) => f !== LESSON_EXAMPLE.activation)];
export const THRESHOLDS = {vanishes: 1e-3, explodes: 1e3};
const SCALE_STEP = 0.01;               // the slider moves log10 s by this much
const MEASURE = 'explorer-recompute';  // User Timing entry of the last recompute (never shown)
let instances = 0;

export function explorerScenario({steps, scale, activation, hidden, seed}) {
  return {
    model: {
      kind: 'rnn', input_size: 2, hidden_size: hidden, output_size: 2,
      hidden_activation: activation, output_activation: 'linear', loss: 'half_sse', bias: true,
    },
    init: {scheme: 'uniform', scale, seed},
    data: {sequences: [{
      inputs: Array.from({length: steps}, () => [1, 1]),
      targets: Array.from({length: steps}, (_, i) => (i === steps - 1 ? [0, 0] : null)),
    }]},
  };
}

// The slider holds log10 s; s keeps two significant digits (0.05, 0.5 and 3 are all reachable).
const scaleOf = (log) => Number((10 ** log).toPrecision(2));

// The core's JSON writes ∞ and NaN as null.
const allFinite = (values) => values.every((v) => typeof v === 'number' && Number.isFinite(v));

// ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ as its log10 (it may overflow a double), and the verdict.
export function ratioOf(h) {
  const first = h[0];
  const last = h[h.length - 1];
  if (last === 0) return {log10: null, verdict: 'undefined'};
  if (first === 0) return {log10: -Infinity, verdict: 'cut'};
  const log10 = Math.log10(first) - Math.log10(last);
  if (log10 < Math.log10(THRESHOLDS.vanishes)) return {log10, verdict: 'vanishes'};
  if (log10 > Math.log10(THRESHOLDS.explodes)) return {log10, verdict: 'explodes'};
  return {log10, verdict: 'steady'};
}

export function mountGradientExplorer(container, ctx) {
  const E = S.explorer;
  const uid = ++instances;
  const id = (name) => `explorer-${name}-${uid}`;
  const limits = explorerLimits();
  const example = LESSON_EXAMPLE;
  let scale = example.scale;
  let frame = 0;
  let lastKey = null;
  let active = false;     // true once the panel has been on screen
  let destroyed = false;
  let chart = null;
  let chartLoading = null;
  let latest = null;      // the series the chart should show

  // ---- controls
  const message = (name) => el('span', {class: 'explorer-field-message', id: id(`${name}-message`), hidden: true});
  const integer = (name, {min, max}, value, attrs = {}) => el('input', {
    type: 'number', min, max, step: 1, value, inputmode: 'numeric', id: id(name),
    'aria-describedby': id(`${name}-message`), oninput: schedule, ...attrs,
  });

  const stepsRange = el('input', {
    type: 'range', min: limits.steps.min, max: limits.steps.max, step: 1, value: example.steps, id: id('steps'),
    oninput: () => {
      stepsNumber.value = stepsRange.value;
      schedule();
    },
  });
  const stepsNumber = integer('steps-number', limits.steps, example.steps, {
    class: 'explorer-steps-number', 'aria-label': E.stepsNumber, 'aria-describedby': id('steps-message'),
  });
  const stepsMessage = message('steps');

  const scaleRange = el('input', {
    type: 'range', min: Math.log10(limits.scale.min), max: Math.log10(limits.scale.max), step: SCALE_STEP,
    value: Math.log10(example.scale), id: id('scale'), 'aria-describedby': id('scale-hint'),
    oninput: () => {
      scale = scaleOf(Number(scaleRange.value));
      showScale();
      schedule();
    },
  });
  const scaleOutput = el('output', {class: 'explorer-scale-value', for: id('scale')});
  function showScale() {
    scaleOutput.textContent = E.scaleValue(scale);
    scaleRange.setAttribute('aria-valuetext', E.scaleValue(scale));
  }
  showScale();

  const activationSelect = el('select', {id: id('activation'), oninput: schedule},
    explorerActivations().map((a) => el('option', {value: a, selected: a === example.activation}, E.activations[a])));
  const hiddenInput = integer('hidden', limits.hidden, example.hidden, {class: 'explorer-small-number'});
  const hiddenMessage = message('hidden');
  const seedInput = integer('seed', limits.seed, example.seed, {class: 'explorer-seed'});
  const seedMessage = message('seed');

  const label = (name, text) => el('label', {for: id(name)}, richText(text));
  const controls = el('div', {class: 'explorer-controls'}, [
    el('div', {class: 'explorer-field'}, [
      label('steps', E.steps),
      el('div', {class: 'explorer-slider'}, [stepsRange, stepsNumber]),
      stepsMessage,
    ]),
    el('div', {class: 'explorer-field'}, [
      label('scale', E.scale),
      el('div', {class: 'explorer-slider'}, [scaleRange, scaleOutput]),
      el('span', {class: 'explorer-hint', id: id('scale-hint')}, richText(E.scaleHint)),
    ]),
    el('div', {class: 'explorer-options'}, [
      el('div', {class: 'explorer-field'}, [label('activation', E.activation), activationSelect]),
      el('div', {class: 'explorer-field'}, [label('hidden', E.hidden), hiddenInput, hiddenMessage]),
      el('div', {class: 'explorer-field'}, [label('seed', E.seed), seedInput, seedMessage]),
    ]),
  ]);

  // ---- results
  const canvas = el('canvas', {role: 'img', 'aria-label': E.chartLabel});
  const ratioValue = el('span', {class: 'explorer-ratio-value'});
  const verdict = el('span', {class: 'explorer-verdict'});
  const zeros = el('p', {class: 'explorer-zeros', hidden: true});
  const figure = el('figure', {class: 'explorer-chart'}, [
    el('div', {class: 'explorer-chart-box'}, canvas),
    el('figcaption', {}, [
      el('p', {class: 'explorer-ratio'}, [tex(E.ratioTex), el('span', {}, [' = ', ratioValue])]),
      el('p', {}, verdict),
      zeros,
    ]),
  ]);
  const failure = el('p', {class: 'explorer-failure', role: 'alert', hidden: true});

  const root = el('div', {class: 'explorer'}, [
    el('h2', {}, E.title),
    el('p', {class: 'explorer-intro'}, E.intro),
    controls,
    el('p', {class: 'explorer-setup'}, richText(E.setup)),
    figure,
    failure,
  ]);
  container.append(root);

  const style = getComputedStyle(root);
  const colors = {
    h: style.getPropertyValue('--explorer-h').trim() || '#b4441b',
    v: style.getPropertyValue('--explorer-v').trim() || '#1f5fbf',
  };

  function loadChart() {
    chartLoading ??= import('./explorer-chart.js').then(({createExplorerChart}) => {
      if (destroyed) return;
      chart = createExplorerChart(canvas, {colors, E});
      if (latest) chart.update(latest);
    }, () => {
      if (!destroyed) showFailure(E.chartFailed);
    });
  }

  // ---- reading the controls: a field that does not parse keeps the last result on screen
  function readInteger(input, range, messageNode, text) {
    const {ok, value} = parseNumber(input.value, {...range, integer: true});
    input.setAttribute('aria-invalid', ok ? 'false' : 'true');
    messageNode.hidden = ok;
    messageNode.textContent = ok ? '' : text;
    return ok ? value : null;
  }

  function read() {
    const steps = readInteger(stepsNumber, limits.steps, stepsMessage, E.integerInvalid(limits.steps.min, limits.steps.max));
    if (steps !== null) stepsRange.value = steps;
    const hidden = readInteger(hiddenInput, limits.hidden, hiddenMessage, E.integerInvalid(limits.hidden.min, limits.hidden.max));
    const seed = readInteger(seedInput, limits.seed, seedMessage, E.seedInvalid);
    if (steps === null || hidden === null || seed === null) return null;
    return {steps, scale, activation: activationSelect.value, hidden, seed};
  }

  // ---- recomputing, at most once per frame
  function schedule() {
    if (active && !frame && !destroyed) frame = requestAnimationFrame(recompute);
  }

  function recompute() {
    frame = 0;
    const params = read();
    if (!params) return;
    const key = JSON.stringify(params);
    if (key === lastKey) return;
    lastKey = key;
    const start = performance.now();
    let norms;
    try {
      norms = ctx.core.norms(explorerScenario(params));
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      showFailure(E.failed(translateCoreError(error)));
      return;
    }
    const core = performance.now() - start;
    const h = norms.h_grad_norm;
    const v = norms.contribution_norm.dV;
    if (!allFinite([norms.loss, ...h, ...v])) {
      showFailure(E.nonFinite);
      return;
    }
    show(params, h, v);
    performance.clearMeasures(MEASURE);
    performance.measure(MEASURE, {start, detail: {core, chart: chart !== null}});
  }

  function showFailure(text) {
    latest = null;
    figure.hidden = true;
    failure.hidden = false;
    failure.textContent = text;
  }

  function show({activation}, h, v) {
    failure.hidden = true;
    figure.hidden = false;
    latest = {h, v};
    chart?.update(latest);

    const ratio = ratioOf(h);
    ratioValue.textContent = ratio.log10 === null ? '—' : E.ratio(ratio.log10);
    verdict.textContent = E.verdicts[ratio.verdict];
    verdict.className = `explorer-verdict explorer-verdict-${ratio.verdict === 'cut' ? 'vanishes' : ratio.verdict}`;

    const hZeros = h.filter((x) => x === 0).length;
    const vZeros = v.filter((x) => x === 0).length;
    const notes = [];
    if (hZeros) notes.push(E.zeros.h(hZeros));
    if (vZeros) notes.push(E.zeros.v(vZeros));
    if (v[0] === 0) notes.push(E.zeros.first);
    if (hZeros || vZeros > (v[0] === 0 ? 1 : 0)) notes.push(activation === 'relu' ? E.zeros.relu : E.zeros.other);
    zeros.hidden = notes.length === 0;
    zeros.textContent = notes.length ? [E.zeros.intro, ...notes].join(' ') : '';
  }

  // ---- the first computation (and Chart.js) wait until the panel is about to be seen
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      start();
    }, {rootMargin: '200px'})
    : null;
  function start() {
    active = true;
    loadChart();
    schedule();
  }
  if (observer) observer.observe(root);
  else start();

  return {
    destroy() {
      destroyed = true;
      observer?.disconnect();
      if (frame) cancelAnimationFrame(frame);
      chart?.destroy();
      container.replaceChildren();
    },
  };
}
