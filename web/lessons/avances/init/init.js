// Part 2's piece: a deep network freshly initialised, one batch through it and back; per layer,
// the distribution of its activations and of its gradients (the core's `init_stats`, in the labs'
// worker), as box plots on shared axes, their spread on a log scale, and a table.
//
//   mountInit(container, part) → {destroy()}
//   part: {values (the page's settings), update() (into the address), form(), runJob} (page.js)
import {el} from '../../../dom.js';
import {formatNumber, formatPercent} from '../../../format.js';
import {S} from '../../../strings/index.js';
import {describeJobError} from '../../../labs/jobs-client.js';
import {createProgress} from '../../../labs/shared/ui/progress.js';
import {createLineChart} from '../../../labs/shared/ui/line-chart.js';
import {csvButton, exportBar, pngButton} from '../../../labs/shared/ui/export.js';
import {INIT_SCHEMES, initFields} from '../settings.js';
import {createBoxPlot} from './boxplot.js';
import {boxes, boxRange, gradientRatio, initSpec, spreadSeries, statsRows} from './stats.js';

const ACTIVATION_COLOUR = '#0072b2';
const GRADIENT_COLOUR = '#d55e00';

export function mountInit(container, part) {
  const T = S.avances.init;
  const values = part.values;
  const form = part.form(initFields, {
    labels: {ini: T.scheme, act: T.activation, capas: T.depth, ancho: T.width},
    options: {ini: T.schemes, act: S.activations},
    then: () => schedule(),
  });

  const activations = createBoxPlot({label: T.boxLabel(T.activations), colour: ACTIVATION_COLOUR, xTitle: T.layer, yTitle: T.value});
  const gradients = createBoxPlot({label: T.boxLabel(T.gradients), colour: GRADIENT_COLOUR, xTitle: T.layer, yTitle: T.value});
  const spread = createLineChart({xTitle: T.layer, yTitle: T.std, log: true, logToggle: false, label: T.spread, xMin: 1});
  const summary = el('p', {class: 'init-summary', role: 'status'});
  const message = el('p', {class: 'race-message', role: 'alert', hidden: true});
  const progress = createProgress();
  progress.hidden = true;
  const tbody = el('tbody');
  const table = el('table', {class: 'race-table'}, [
    el('thead', {}, el('tr', {}, T.head.map((h) => el('th', {scope: 'col'}, h)))),
    tbody,
  ]);
  const stamp = () => `${values.ini}-${values.act}-${values.capas}x${values.ancho}`;
  let result = null;
  const figure = (title, plot, what, name) => el('figure', {class: 'init-figure'}, [
    el('figcaption', {}, title), plot.node ?? plot,
    exportBar([pngButton(plot.canvas, () => `${name}-${stamp()}.png`, {what})]),
  ]);

  container.append(el('div', {class: 'init'}, [
    el('div', {class: 'race-controls'}, Object.keys(initFields).map((name) => form.node(name))),
    progress.node,
    message,
    summary,
    figure(T.activations, activations, T.pngActivations, T.fileNames.activations),
    figure(T.gradients, gradients, T.pngGradients, T.fileNames.gradients),
    figure(T.spread, spread, T.pngSpread, T.fileNames.spread),
    el('h3', {class: 'init-table-title'}, T.tableTitle),
    el('div', {class: 'race-table-box', role: 'group', tabindex: '0', 'aria-label': T.tableTitle}, table),
    exportBar([csvButton(() => ({header: T.csvHeader, rows: result ? statsRows(result) : []}), () => `${T.fileNames.name}-${stamp()}.csv`, {what: T.csvWhat})]),
  ]));

  let run = null;
  let timer = 0;
  function schedule(delay = 200) {
    clearTimeout(timer);
    timer = setTimeout(start, delay);
  }

  function start() {
    part.update();
    message.hidden = true;
    run?.cancel();
    const current = part.runJob('initStats', initSpec(values, INIT_SCHEMES));  // the core's job: input is the spec
    run = current;
    progress.hidden = false;
    progress.track(current);
    current.promise.then((outcome) => {
      if (run === current && outcome.status === 'done') show(outcome.result);
    }, (error) => {
      if (run !== current) return;
      message.textContent = describeJobError(error);
      message.hidden = false;
    });
  }

  function show(next) {
    result = next;
    const a = boxes(result, 'activation');
    const g = boxes(result, 'gradient');
    activations.set(a, boxRange(a));
    gradients.set(g, boxRange(g));
    const series = spreadSeries(result);
    spread.update([
      {label: T.activationSeries, color: ACTIVATION_COLOUR, points: series.activation},
      {label: T.gradientSeries, color: GRADIENT_COLOUR, dash: [6, 3], points: series.gradient},
    ]);
    const first = result.layers[0];
    const last = result.layers.at(-1);
    summary.textContent = T.summary({first: {activation: first.activation.std, gradient: first.gradient.std},
      last: {activation: last.activation.std, gradient: last.gradient.std}, ratio: gradientRatio(result)});
    tbody.replaceChildren(...result.layers.map((l) => el('tr', {}, [
      el('th', {scope: 'row'}, String(l.layer)),
      el('td', {class: 'num'}, formatNumber(l.activation.mean)),
      el('td', {class: 'num'}, formatNumber(l.activation.std)),
      el('td', {class: 'num'}, formatPercent(l.activation.saturated)),
      el('td', {class: 'num'}, formatPercent(l.activation.zero)),
      el('td', {class: 'num'}, formatNumber(l.gradient.std)),
    ])));
  }

  schedule(0);
  return {
    destroy() {
      clearTimeout(timer);
      run?.cancel();
      activations.destroy();
      gradients.destroy();
      spread.destroy();
    },
  };
}
