// The printed worked example (lessons 1 and 2): one iteration of the current scenario on paper.
// First the network with its numbers, then every step of the stepper as the stepper draws it
// (./step-view.js: its equation, the numbers, the result), one phase per page run, then the chain
// rule of the element the student chose (or the lesson's default). Built from the store's steps
// and trace, never recomputed, only when printing: on `beforeprint` (the browser's own print)
// and by print() (the page's button, then window.print()). Hidden on screen; web/styles/print.css
// shows only it on paper. Wide equations and results are fitted to the page's width: a step's
// equations go one to a line, then each breaks at its "=" signs and its sums, then at its
// products, then what is still too wide is drawn smaller.
import '../styles/print.css';
import {el} from '../dom.js';
import {tex} from '../math.js';
import {equationTex, equationsTexBroken} from '../lessons/equation.js';
import {S} from '../strings/index.js';
import {canExpand, chainRuleElement, chainRuleView, plainCell, resultBlock, stepName, substitutedView, symbolicView} from './step-view.js';

// lesson: {title, network(scenario, trace) → {facts: [[label, text]], data: [TeX], parameters:
// [TeX]}, chainRuleDefault(steps) → {step, block, row, col} or null}.
export function mountPrintView(root, ctx, lesson) {
  const {store} = ctx;
  const view = el('div', {class: 'print-view'});
  root.append(view);
  let drawn = null;  // the state drawn: {steps, selected, iteration}
  let fits = [];

  function draw() {
    const state = store.get();
    if (drawn && drawn.steps === state.steps && drawn.selected === state.selected && drawn.iteration === state.iteration) return;
    drawn = {steps: state.steps, selected: state.selected, iteration: state.iteration};
    fits = [];
    view.replaceChildren(
      el('header', {class: 'print-head'}, [
        el('h1', {}, lesson.title),
        el('p', {}, [S.appTitle, ctx.iterationLabel?.() ? ` · ${ctx.iterationLabel()}` : '']),
        el('p', {class: 'print-note'}, S.print.intro),
      ]),
      networkSection(lesson.network(state.scenario, state.trace)),
      ...phaseSections(state),
      chainRuleSection(state),
    );
    measure(() => {
      fits = fit(fits);
    });
  }

  // A box fitted to the page's width; `alternative` () → [{node, alternative?}]: narrower
  // layouts tried first.
  function fitted(node, alternative = null) {
    const box = el('div', {class: 'print-fit'}, node);
    fits.push({box, alternative});
    return box;
  }

  function networkSection({facts, data, parameters}) {
    const P = S.print;
    const group = (title, sources) => [el('h3', {}, title), el('div', {class: 'print-matrices'}, sources.map((source) => fitted(tex(source, {display: true}))))];
    return el('section', {class: 'print-network'}, [
      el('h2', {}, P.network),
      el('h3', {}, P.facts),
      el('table', {class: 'print-facts'}, el('tbody', {}, facts.map(([label, text]) => el('tr', {}, [el('th', {scope: 'row'}, label), el('td', {}, text)])))),
      ...group(P.data, data),
      ...group(P.parameters, parameters),
    ]);
  }

  // The steps in their phases' order, each phase from a new page.
  function phaseSections(state) {
    const runs = [];
    state.steps.forEach((step, i) => {
      if (runs.at(-1)?.phase !== step.phase) runs.push({phase: step.phase, indices: []});
      runs.at(-1).indices.push(i);
    });
    return runs.map(({phase, indices}) => el('section', {class: 'print-phase'}, [
      el('h2', {}, S.phases[phase]),
      ...indices.map((i) => stepSection(state, i)),
    ]));
  }

  function stepSection(state, i) {
    const T = S.stepper;
    const step = state.steps[i];
    const multipleSamples = (state.scenario.data.inputs?.length ?? 1) > 1;
    // Too wide: one line per equation, then each equation broken at "=" and at its sums, then at
    // its products too.
    const brokenAt = (equation, products) => substitutedView(step, equationsTexBroken([equation], {products}));
    const broken = (equation) => () => [{node: brokenAt(equation, false), alternative: () => [{node: brokenAt(equation, true)}]}];
    const perEquation = step.equations && (() => step.equations.length > 1
      ? step.equations.map((equation) => ({node: substitutedView(step, equationTex(equation)), alternative: broken(equation)}))
      : broken(step.equations[0])());
    return el('section', {class: 'print-step'}, [
      el('h3', {}, stepName(state.steps, i)),
      el('p', {class: 'label'}, T.symbolic),
      fitted(symbolicView(step)),
      el('p', {class: 'label'}, T.substituted),
      fitted(substitutedView(step), perEquation),
      el('p', {class: 'label'}, T.result),
      el('div', {class: 'print-result'}, step.result.map((_, b) => fitted(resultBlock(step, b, {multipleSamples, cell: plainCell})))),
    ]);
  }

  // The student's chosen element while it exists, else the lesson's default.
  function chainRuleSection(state) {
    const {steps, selected} = state;
    const chosen = selected && canExpand(steps[selected.step], selected) ? selected : null;
    const element = chosen ?? lesson.chainRuleDefault(steps);
    if (!element || !canExpand(steps[element.step], element)) return null;
    const e = steps[element.step].expand(element.block, element.row, element.col);
    return el('section', {class: 'print-chain-rule'}, [
      el('h2', {}, S.print.chainRule),
      el('p', {class: 'print-element'}, S.print.chainRuleOf(chainRuleElement(e), stepName(steps, element.step))),
      chosen ? null : el('p', {class: 'print-note'}, S.print.chainRuleDefault),
      fitted(chainRuleView(e)),
    ]);
  }

  // Lays the hidden view out at the page's width (class `measuring`, web/styles/print.css) for
  // `work`, which reads and sets sizes.
  function measure(work) {
    view.classList.add('measuring');
    try {
      work();
    } finally {
      view.classList.remove('measuring');
    }
  }

  const beforePrint = () => draw();
  const afterPrint = () => {
    drawn = null;
    fits = [];
    view.replaceChildren();
  };
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);

  return {
    // The button: draw, let the fonts the view needs arrive, fit again with them, print.
    async print() {
      draw();
      await document.fonts.ready;
      measure(() => {
        fits = fit(fits);
      });
      window.print();
    },
    destroy() {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      view.remove();
    },
  };
}

// Up to this much too wide, a box is drawn smaller rather than laid out again (taller).
const SHRINK = 1.25;

// Fits every box to the page's width; returns the boxes now drawn. A box more than SHRINK times
// too wide is replaced by its narrower layout when it has one (boxes of their own, which may have narrower
// layouts again), then what still overflows is drawn smaller (its font size: KaTeX and the
// result's tables are sized in em). Reads come before writes in each pass.
function fit(boxes) {
  let drawn = boxes;
  for (const f of drawn) f.box.style.fontSize = '';
  for (;;) {
    const wide = new Set(drawn.filter((f) => f.alternative && overflow(f.box) > SHRINK));
    if (!wide.size) break;
    drawn = drawn.flatMap((f) => {
      if (!wide.has(f)) return [f];
      const parts = f.alternative().map(({node, alternative = null}) => ({box: el('div', {class: 'print-fit'}, node), alternative}));
      f.box.replaceChildren(...parts.map((part) => part.box));
      return parts;
    });
  }
  const ratios = drawn.map((f) => overflow(f.box));
  drawn.forEach((f, k) => {
    if (ratios[k] > 1) f.box.style.fontSize = `${Math.floor(98 / ratios[k]) / 100}em`;
  });
  return drawn;
}

// How many times too wide a box's content is (1 when it fits, a pixel of rounding allowed).
const overflow = (box) => (box.scrollWidth > box.clientWidth + 1 ? box.scrollWidth / Math.max(1, box.clientWidth) : 1);
