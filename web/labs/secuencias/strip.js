// The prediction strip: one card per time step of a sequence with x_t, the target y_t and ŷ_t
// (a bar per class for echo and parity, target and ŷ side by side for the running sum), marked
// right or wrong as the core's accuracy counts it. Numbers from core.predict, formatted only.
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {stripSteps, tally} from './steps.js';

// A bar whose height is a share of its box (clamped to [0, 1] for drawing; the number is exact).
function bar(share, className) {
  const fill = el('span', {class: `seq-bar-fill ${className}`});
  fill.style.height = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return el('span', {class: 'seq-bar'}, fill);
}

const values = (row) => row.map(formatNumber).join(', ');

// L: the lab's strings; classNames: labels of the output units (['0', '1'] or ['par', 'impar']).
function card(step, {L, classNames}) {
  const input = step.input.symbol !== undefined ? String(step.input.symbol) : values(step.input.values);
  let target;
  if (step.target === null) target = el('span', {class: 'seq-none'}, L.strip.noTarget);
  else if (step.target.class !== undefined) target = el('span', {class: 'seq-class'}, classNames[step.target.class]);
  else target = el('span', {class: 'seq-number'}, values(step.target.values));

  let prediction;
  if (step.output.probabilities) {
    prediction = el('div', {class: 'seq-probs'}, step.output.probabilities.map((p, k) => el('div', {
      class: `seq-prob${k === step.output.class ? ' seq-prob-top' : ''}`,
      title: L.strip.probability(classNames[k], formatNumber(p)),
    }, [bar(p, `seq-class-${k}`), el('span', {class: 'seq-prob-label'}, classNames[k])])));
  } else {
    const y = step.target?.values?.[0];
    prediction = el('div', {class: 'seq-probs'}, [
      y === undefined ? null : el('div', {class: 'seq-prob', title: L.strip.targetValue(formatNumber(y))}, [bar(y, 'seq-target-bar'), el('span', {class: 'seq-prob-label'}, 'y')]),
      el('div', {class: 'seq-prob', title: L.strip.outputValue(formatNumber(step.output.values[0]))}, [bar(step.output.values[0], 'seq-output-bar'), el('span', {class: 'seq-prob-label'}, 'ŷ')]),
    ]);
  }
  const shown = step.output.probabilities
    ? formatNumber(step.output.probabilities[step.output.class])
    : formatNumber(step.output.values[0]);
  const mark = step.right === null ? '' : step.right ? '✓' : '✗';
  const state = step.right === null ? 'none' : step.right ? 'right' : 'wrong';
  return el('li', {class: `seq-step seq-step-${state}`, dataset: {t: step.t, state}}, [
    el('span', {class: 'seq-t'}, `t = ${step.t}`),
    el('span', {class: 'seq-row-label'}, 'x'),
    el('span', {class: 'seq-input'}, input),
    el('span', {class: 'seq-row-label'}, L.strip.target),
    target,
    el('span', {class: 'seq-row-label'}, 'ŷ'),
    prediction,
    el('span', {class: 'seq-output-number', title: step.output.probabilities ? L.strip.topProbability : ''},
      shown),
    el('span', {class: `seq-mark seq-mark-${state}`, role: 'img', 'aria-label': L.strip.marks[state]}, mark),
  ]);
}

// Renders into `container` (replacing what was there); returns {right, scored}.
export function renderStrip(container, sequence, outputs, options) {
  const steps = stripSteps(sequence, outputs);
  container.replaceChildren(el('ol', {class: 'seq-strip'}, steps.map((step) => card(step, options))));
  return tally(steps);
}
