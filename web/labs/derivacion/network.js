// Lab 6: the exercise's network (its equations and numbers) and the forward pass from the
// core's trace, as a table the student derives from.
import {el} from '../../dom.js';
import {formatNumber, texNumber} from '../../format.js';
import {tex, texWithText} from '../../math.js';
import {S} from '../../strings/index.js';
import {csvButton, exportBar} from '../shared/ui/export.js';
import {scalar} from './hints.js';

const OUTPUT_TEX = {sigmoid: '\\sigma(s_t)', linear: 's_t'};

// The forward pass as CSV rows: t, x_t, target, r_t, h_t, s_t, y_t (the core's numbers).
export function forwardRows({scenario, trace}) {
  const fw = trace.forward;
  const sequence = scenario.data.sequences[0];
  return fw.h.map((_, k) => [k + 1, ...[sequence.inputs[k], sequence.targets[k], fw.r[k], fw.h[k], fw.s[k], fw.y[k]].map(scalar)]);
}

// filename: the CSV's name.
export function renderNetwork({scenario, trace}, filename) {
  const D = S.labs.derivacion;
  const p = trace.parameters;
  const fw = trace.forward;
  const sequence = scenario.data.sequences[0];
  const T = fw.h.length;
  const g = scenario.model.output_activation;

  const equations = tex(
    String.raw`\begin{aligned} r_t &= U x_t + V h_{t-1}, & h_t &= \sigma(r_t), \\ s_t &= W h_t, & y_t &= ${OUTPUT_TEX[g]}, \end{aligned}` +
    String.raw`\qquad L = \tfrac12 \sum_{t=1}^{${T}} (y_t - t_t)^2`,
    {display: true, className: 'deriv-equations'},
  );
  // A box that may scroll sideways: a tab stop, named.
  Object.entries({tabindex: '0', role: 'group', 'aria-label': S.a11y.equationBox}).forEach(([k, v]) => equations.setAttribute(k, v));
  const parameters = el('p', {class: 'deriv-parameters'}, [el('span', {class: 'sr-only'}, `${D.parametersLabel}: `),
    tex(['U', 'V', 'W'].map((name) => `${name} = ${texNumber(scalar(p[name]))}`).concat(`h_0 = ${texNumber(scalar(p.h0))}`).join(',\\quad '))]);

  // One row per quantity, one column per time step: narrow enough for the side panel.
  const rows = [
    ['x_t', sequence.inputs, 'deriv-given'],
    ['t_t', sequence.targets, 'deriv-given'],
    ['r_t', fw.r], ['h_t', fw.h], ['s_t', fw.s], ['y_t', fw.y],
  ].map(([symbol, values, className]) => el('tr', {class: className}, [
    el('th', {scope: 'row'}, symbol === 't_t' ? [texWithText(symbol), ` (${D.target})`] : texWithText(symbol)),
    ...values.map((v) => el('td', {}, formatNumber(scalar(v)))),
  ]));
  const table = el('table', {class: 'deriv-forward', 'aria-label': D.forwardCaption}, [
    el('thead', {}, el('tr', {}, [
      el('th', {scope: 'col'}, D.step),
      ...Array.from({length: T}, (_, k) => el('th', {scope: 'col'}, texWithText(`t = ${k + 1}`))),
    ])),
    el('tbody', {}, rows),
  ]);
  const loss = el('div', {class: 'deriv-loss'}, [
    tex(`L = ${texNumber(trace.loss)}`),
    exportBar([csvButton(() => ({rows: forwardRows({scenario, trace}), header: D.forwardHeader}), filename, {what: D.forwardWhat})]),
  ]);

  return el('div', {class: 'deriv-network'}, [
    el('h3', {}, D.networkTitle),
    equations,
    parameters,
    el('h3', {}, D.forwardTitle),
    el('div', {class: 'deriv-table-scroll', tabindex: '0', role: 'region', 'aria-label': D.forwardTitle}, table),
    loss,
  ]);
}
