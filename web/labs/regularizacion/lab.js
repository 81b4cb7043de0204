// Lab 3 (MLP exercise 3): the same network on noisy data trained twice side by side, without
// and with L1/L2 regularization; their training and validation losses (the gap is the point),
// their decision boundaries and the histograms of their final weights.
import '../../styles/labs/regularizacion.css';
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {csvButton, exportBar, pngButton} from '../shared/ui/export.js';
import {createFields} from '../shared/ui/plane-field.js';
import {readParams, writeParams} from '../shared/plane-settings.js';
import {createRunPanel} from '../shared/ui/plane-panel.js';
import {createRunBar, loadPoints, onSetting, planeLegend} from '../shared/ui/plane-controls.js';
import {buildScenario} from '../shared/plane-scenario.js';
import {pytorchExportControl} from '../../components/pytorch-export.js';
import {binValues, nearZeroShare, weightValues} from './histogram.js';
import {regularizationFields as FIELDS} from './settings.js';
import {positionOf, strengthAt, STRENGTHS} from './strength.js';
import {createWeightsChart} from './weights-chart.js';

const RUN_COLOURS = ['#7c3aed', '#0f766e'];
const labelOf = (name) => ({validation: S.labs.clasificacion.validationShare, l1: S.labs.regularizacion.l1, l2: S.labs.regularizacion.l2}[name] ?? S.labs.clasificacion[name] ?? name);

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading.
export const checkSettings = (params) => readParams(FIELDS, params).invalid.map(labelOf);

export function mountLab(root, ctx) {
  const C = S.labs.clasificacion;
  const T = S.labs.regularizacion;
  const {values: settings, invalid} = readParams(FIELDS, ctx.params);
  let data = null;

  const panels = [
    createRunPanel({runJob: ctx.runJob, title: T.without, accuracy: false, className: 'reg-plain'}),
    createRunPanel({runJob: ctx.runJob, title: T.with(settings.l1, settings.l2), accuracy: false, className: 'reg-regularized'}),
  ];
  const dataError = el('p', {class: 'clf-run-message', role: 'alert', hidden: true});
  const summaryCells = panels.map(() => ({gap: el('td', {class: 'clf-number'}, '—'), zero: el('td', {class: 'clf-number'}, '—')}));

  const writeAddress = () => ctx.setParams(writeParams(FIELDS, settings));

  function regenerate() {
    data = loadPoints(ctx.core, settings, dataError);
    reload();
  }

  function reload() {
    panels[1].node.querySelector('.clf-panel-title').textContent = T.with(settings.l1, settings.l2);
    weights.clear();
    histogramNote.hidden = false;
    for (const cells of summaryCells) cells.gap.textContent = cells.zero.textContent = '—';
    if (!data) return;
    panels[0].load({data, extra: [], scenario: buildScenario(data, [], settings)});
    panels[1].load({data, extra: [], scenario: buildScenario(data, [], settings, {l1: settings.l1, l2: settings.l2})});
    counts.textContent = C.trainRows(data.inputs.length, data.validation?.inputs?.length ?? 0);
  }

  const changed = onSetting({settings, write: writeAddress, regenerate, reload});
  const onValue = (name, value) => {
    if (name === 'l1' || name === 'l2') sliders[name].value = String(positionOf(value));
    changed(name, value);
  };
  const {fields, field} = createFields(FIELDS, settings, {labelOf, onValue});
  const counts = el('p', {class: 'clf-field-hint clf-counts'});

  // A strength: the log slider (0 at the left) and its text box, kept in step.
  const sliders = {};
  const strength = (name) => {
    const node = field(name);
    const slider = el('input', {type: 'range', class: `reg-slider reg-slider-${name}`, min: '0', max: String(STRENGTHS.length - 1),
      step: '1', value: String(positionOf(settings[name])), 'aria-label': labelOf(name)});
    slider.addEventListener('input', () => {
      const value = strengthAt(Number(slider.value));
      fields[name].set(value);
      onValue(name, value);
    });
    sliders[name] = slider;
    return el('div', {class: 'reg-strength'}, [node, slider]);
  };

  // Both runs together.
  const runBar = createRunBar({
    id: 'reg-speed', speed: 20, play: (speed) => panels.forEach((p) => p.play(speed)), pause: () => panels.forEach((p) => p.pause()), reset: reload,
  });

  // The histogram and the summary once both runs are done.
  const histogramCanvas = el('canvas', {role: 'img', 'aria-label': T.histogramTitle});
  const weights = createWeightsChart(histogramCanvas, {
    series: [{label: T.without, colour: RUN_COLOURS[0]}, {label: T.withShort, colour: RUN_COLOURS[1]}],
    xTitle: T.axisWeight, yTitle: T.axisCount,
  });
  const histogramNote = el('p', {class: 'clf-field-hint'}, T.histogramEmpty);
  let bins = null;
  function onState() {
    const states = panels.map((p) => p.state);
    runBar.show(states);
    if (states.every((s) => s === 'done')) {
      const values = panels.map((p) => weightValues(p.result.parameters));
      bins = binValues(values, 24);
      weights.set(bins);
      histogramNote.hidden = true;
      panels.forEach((p, k) => {
        const last = p.result.evaluation;
        summaryCells[k].gap.textContent = formatNumber(last.validationLoss - last.loss);
        summaryCells[k].zero.textContent = C.percent(nearZeroShare(values[k]));
      });
    }
  }
  panels.forEach((p) => p.onChange(onState));

  const stamp = () => `${settings.shape}-l1_${settings.l1}-l2_${settings.l2}-s${settings.seed}`;
  const X = T.exports;
  const N = T.fileNames;
  const exports = exportBar([
    pngButton(() => panels[0].snapshot(), () => `${N.boundaryWithout}-${stamp()}.png`, {text: X.boundaryWithout}),
    pngButton(() => panels[1].snapshot(), () => `${N.boundaryWith}-${stamp()}.png`, {text: X.boundaryWith}),
    pngButton(() => panels[0].charts().loss, () => `${N.lossWithout}-${stamp()}.png`, {text: X.lossWithout}),
    pngButton(() => panels[1].charts().loss, () => `${N.lossWith}-${stamp()}.png`, {text: X.lossWith}),
    pngButton(histogramCanvas, () => `${N.weights}-${stamp()}.png`, {text: X.histogram}),
    csvButton(() => ({rows: panels.flatMap((p, k) => p.rows().map((r) => [T.runNames[k], ...r])), header: T.curvesHeader}),
      () => `${N.curves}-${stamp()}.csv`, {text: X.curves}),
    csvButton(() => ({rows: bins ? bins.counts[0].map((n, k) => [bins.edges[k], bins.edges[k + 1], n, bins.counts[1][k]]) : [],
      header: T.histogramHeader}), () => `${N.weights}-${stamp()}.csv`, {text: X.histogramCsv}),
  ]);

  const notice = invalid.length ? el('div', {class: 'notice clf-notice', role: 'status'}, C.badLink(invalid.map(labelOf))) : null;
  const controls = el('aside', {class: 'clf-controls'}, [
    el('fieldset', {class: 'reg-strengths'}, [
      el('legend', {}, T.regularization),
      strength('l1'),
      strength('l2'),
      el('p', {class: 'clf-field-hint'}, T.penalty),
    ]),
    el('fieldset', {}, [
      el('legend', {}, C.data),
      field('shape', {options: C.shapes}), field('count'), field('noise'), field('validation'), field('seed'), counts,
    ]),
    el('fieldset', {}, [
      el('legend', {}, C.network),
      field('hidden'), field('activation', {options: S.activations}), el('p', {class: 'clf-field-hint'}, C.output),
    ]),
    el('fieldset', {}, [
      el('legend', {}, C.training),
      field('optimizer', {options: C.optimizers}), field('lr'), field('epochs'), field('batch'),
    ]),
  ]);

  const summary = el('table', {class: 'clf-metrics reg-summary'}, [
    el('thead', {}, el('tr', {}, [el('th', {scope: 'col'}, el('span', {class: 'sr-only'}, T.runColumn)), el('th', {scope: 'col'}, T.gap), el('th', {scope: 'col'}, T.nearZero)])),
    el('tbody', {}, panels.map((p, k) => el('tr', {}, [el('th', {scope: 'row'}, k ? T.withShort : T.without), summaryCells[k].gap, summaryCells[k].zero]))),
  ]);

  root.append(el('div', {class: 'lab-regularizacion'}, [
    notice,
    el('div', {class: 'clf-layout'}, [
      controls,
      el('div', {class: 'clf-results'}, [
        runBar.node,
        dataError,
        el('div', {class: 'reg-pair'}, panels.map((p) => p.node)),
        planeLegend(),
        el('section', {class: 'reg-weights clf-run-panel'}, [
          el('h3', {class: 'clf-panel-title'}, T.histogramTitle),
          summary,
          histogramNote,
          el('div', {class: 'clf-chart'}, histogramCanvas),
        ]),
        exports,
        ...[false, true].map((regularized) => pytorchExportControl({core: ctx.core, what: regularized ? T.withShort : T.without,
          scenario: () => data && buildScenario(data, [], settings, regularized ? {l1: settings.l1, l2: settings.l2} : undefined)})),
        el('section', {class: 'clf-look'}, [el('h3', {}, T.lookTitle), el('ul', {}, T.look.map((line) => el('li', {}, line)))]),
      ]),
    ]),
  ]));
  regenerate();
  if (invalid.length) writeAddress();

  return {
    destroy() {
      panels.forEach((p) => p.destroy());
      weights.destroy();
    },
  };
}
