// How a step is drawn, shared by the stepper (web/components/stepper.js) and the printed worked
// example (web/components/print-view.js): its title, its equation, the same equation with the
// numbers, its result's blocks and an element's chain rule. Only layout: every number is the
// step's (web/lessons/*/steps.js).
import {el} from '../dom.js';
import {formatNumber, texNumber} from '../format.js';
import {tex, texWithText} from '../math.js';
import {S} from '../strings/index.js';
import {texText} from '../tex-text.js';

// The step's name as read out and printed: "Paso 7 de 13: ∂L/∂W⁽²⁾".
export const stepName = (steps, i) => S.a11y.stepName(i + 1, steps.length, texText(steps[i].title));

// Drawn again at every step back and forth: KaTeX's output kept (web/math.js).
export const titleView = (step) => texWithText(step.title, {text: texText(step.title), cached: true});
export const symbolicView = (step) => tex(step.symbolic, {display: true, cached: true});
// The numbers' big matrices as HTML only (KaTeX's hidden MathML copy doubled their layout time),
// read out as text: every operand and the result, as the step writes them. `source`: another
// layout of the same equations (the printed page breaks them at "=").
export const substitutedView = (step, source = step.substituted) => texWithText(source, {display: true, cached: true});

// A number of a result that is not a control (the printed page; a step without chain rules).
export const plainCell = (value) => el('span', {class: 'cell'}, formatNumber(value));

// Block b of the step's result: its label and its numbers, one table row per result row (labelled
// by the block, or by sample when the step has one row per sample). cell(value, row, col) draws
// each number.
export function resultBlock(step, b, {multipleSamples, cell}) {
  const block = step.result[b];
  const rowHeader = (r) => {
    if (block.rowLabel) return el('th', {scope: 'row'}, block.rowLabel(r));
    return multipleSamples && step.samples ? el('th', {scope: 'row'}, S.stepper.sample(r + 1)) : null;
  };
  return el('div', {class: 'result-block'}, [
    texWithText(`${block.label} =`, {cached: true}),
    el('table', {class: 'numbers', 'aria-label': S.a11y.result(texText(block.label))}, [
      el('tbody', {}, block.value.map((row, r) =>
        el('tr', {}, [rowHeader(r), ...row.map((value, c) => el('td', {}, cell(value, r, c)))]))),
    ]),
  ]);
}

// The element {block, row, col} of the step's result, when it exists and opens a chain rule.
export const canExpand = (step, {block, row, col}) => Boolean(step?.expand) && step.result[block]?.value[row]?.[col] !== undefined;

// An element's chain rule (step.expand's {symbolic, numbers, value}), one line each: the symbols,
// the numbers, the result (long products stay readable).
export function chainRuleView(e) {
  const [left, right] = splitAtEquals(e.symbolic);
  const lines = [`${left} &= ${right}`];
  if (e.numbers) lines.push(`&= ${e.numbers}`);
  lines.push(`&= ${texNumber(e.value)}`);
  return tex(`\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`, {display: true, className: 'equation'});
}

// The element a chain rule is about, as text: "∂L/∂W⁽²⁾₁₁".
export const chainRuleElement = (e) => texText(splitAtEquals(e.symbolic)[0]);

// "a = b + c" → ["a", "b + c"] at the first top-level "=".
function splitAtEquals(source) {
  const at = source.indexOf(' = ');
  return at < 0 ? [source, ''] : [source.slice(0, at), source.slice(at + 3)];
}
