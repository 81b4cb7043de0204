// The stepper: one backprop iteration, step by step. The list of steps, previous/next (and the
// ← → keys), a progress indicator, and the current step's equation, the same equation with the
// numbers, and its result, whose elements open their chain-rule expansion. Wide equations and
// results scroll sideways in their own boxes, with a cue. `nav`: where the previous/next bar
// goes (the lesson page's sticky step bar); without it, on top of the stepper.
import {el} from '../dom.js';
import {formatNumber} from '../format.js';
import {tex} from '../math.js';
import {S} from '../strings/index.js';
import {texText} from '../tex-text.js';
import {watchOverflow} from './scroll-cue.js';
import {whenIdle} from '../idle.js';
import {canExpand, chainRuleView, plainCell, resultBlock, stepName, substitutedView, symbolicView, titleView} from './step-view.js';

export function mountStepper(container, ctx, {nav: navSlot = null} = {}) {
  const T = S.stepper;
  const A = S.a11y;
  const {store} = ctx;

  const list = el('ol', {class: 'step-list', 'aria-label': T.listLabel});
  const progressText = el('span', {class: 'progress-text'});
  const progressBar = el('progress', {class: 'progress-bar', max: 1, value: 0});
  const previous = el('button', {type: 'button', class: 'previous', onclick: () => ctx.setStep(store.get().step - 1)}, `← ${T.previous}`);
  const next = el('button', {type: 'button', class: 'next', onclick: () => ctx.setStep(store.get().step + 1)}, `${T.next} →`);
  const phase = el('p', {class: 'phase'});
  const iteration = el('p', {class: 'label iteration'});  // "Iteración k" (ctx.iterationLabel)
  const heading = el('h3', {class: 'step-title'});
  const symbolic = el('div', {class: 'equation symbolic'});
  // Read out as text (the KaTeX is HTML only, see render()); a tab stop while it scrolls.
  const substituted = el('div', {class: 'equation substituted scroll-x', role: 'group', 'aria-label': T.substituted});
  const substitutedHint = el('p', {class: 'scroll-hint', hidden: true}, T.scrollEquation);
  const result = el('div', {class: 'result scroll-x'});
  const resultHint = el('p', {class: 'scroll-hint', hidden: true}, T.scrollResult);
  const expansion = el('div', {class: 'expansion'});
  // The one live region: a step change says which step it is (nothing else is announced).
  const summary = el('p', {class: 'sr-only step-summary', 'aria-live': 'polite', 'aria-atomic': 'true'});
  const hint = el('p', {class: 'hint'}, T.clickHint);

  // The list of steps, closed at first: its buttons (a KaTeX title each) are built when it is
  // opened (a click on its summary, before it opens) or when the browser is idle, whichever first.
  const listBox = el('details', {class: 'step-list-box', onclick: () => showList(), ontoggle: () => showList()}, [el('summary', {}, T.listLabel), list]);
  const nav = el('div', {class: 'step-nav'}, [previous, el('div', {class: 'progress'}, [progressText, progressBar]), next]);
  if (navSlot) navSlot.append(nav);
  container.append(
    el('div', {class: 'stepper'}, [
      navSlot ? null : nav,
      listBox,
      el('div', {class: 'step-body'}, [
        iteration,
        phase,
        heading,
        el('p', {class: 'label'}, T.symbolic),
        symbolic,
        el('p', {class: 'label'}, T.substituted),
        substituted,
        substitutedHint,
        el('p', {class: 'label'}, T.result),
        result,
        resultHint,
        hint,
        expansion,
      ]),
      summary,
      el('p', {class: 'keys'}, T.keys),
    ]),
  );

  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]')) return;
    if (event.key === 'ArrowRight') ctx.setStep(store.get().step + 1);
    else if (event.key === 'ArrowLeft') ctx.setStep(store.get().step - 1);
    else return;
    event.preventDefault();
  }
  document.addEventListener('keydown', onKey);

  // Each button named "Paso 7 de 13: ∂L/∂W⁽²⁾" (its KaTeX and phase are for the eyes).
  function renderList(state) {
    list.replaceChildren(
      ...state.steps.map((step, i) =>
        el('li', {class: `phase-${step.phase}`}, [
          el('button', {
            type: 'button',
            'aria-current': i === state.step ? 'step' : undefined,
            onclick: () => ctx.setStep(i),
          }, [
            el('span', {class: 'sr-only'}, stepName(state.steps, i)),
            tex(step.title, {output: 'html'}),
            el('span', {class: 'step-phase', 'aria-hidden': 'true'}, S.phases[step.phase]),
          ]),
        ]),
      ),
    );
  }

  function select(block, row, col) {
    const state = store.get();
    store.set({selected: {step: state.step, block, row, col}});
  }

  function renderResult(step, state) {
    const chosen = state.selected?.step === state.step ? state.selected : null;
    // A selection survives an edit while the element still exists.
    const selected = chosen && canExpand(step, chosen) ? chosen : null;
    const multipleSamples = (state.scenario.data.inputs?.length ?? 1) > 1;
    result.replaceChildren(...step.result.map((_, b) => resultBlock(step, b, {
      multipleSamples,
      cell: (value, r, c) => {
        if (!step.expand) return plainCell(value);
        const active = selected && selected.block === b && selected.row === r && selected.col === c;
        return el('button', {
          type: 'button',
          class: active ? 'cell selected' : 'cell',
          'aria-pressed': active ? 'true' : 'false',
          onclick: () => select(b, r, c),
        }, formatNumber(value));
      },
    })));
    expansion.replaceChildren();
    if (selected) {
      const e = step.expand(selected.block, selected.row, selected.col);
      expansion.append(el('p', {class: 'label'}, T.expansion), chainRuleView(e));
    }
  }

  let listed = false;  // the list is built (showList)
  let lastSteps = null;
  let lastStep = -1;
  function updateList(state) {
    if (!listed) return;
    if (state.steps !== lastSteps) renderList(state);
    else if (state.step !== lastStep) {
      // Only the two buttons that change (a lesson has up to a hundred steps).
      list.children[lastStep]?.firstElementChild.removeAttribute('aria-current');
      list.children[state.step]?.firstElementChild.setAttribute('aria-current', 'step');
    }
    lastSteps = state.steps;
    lastStep = state.step;
  }
  function showList() {
    if (listed) return;
    listed = true;
    cancelIdle();
    updateList(store.get());
  }

  let drawn = null;  // the step whose title and equations are shown
  function render(state) {
    const step = state.steps[state.step];
    updateList(state);
    const n = state.steps.length;
    progressText.textContent = T.progress(state.step + 1, n);
    progressBar.max = n;
    progressBar.value = state.step + 1;
    // At either end, the neighbouring iteration when there is one (web/lessons/iterations.js).
    previous.disabled = state.step === 0 && !ctx.canStepPast?.(-1);
    next.disabled = state.step === n - 1 && !ctx.canStepPast?.(1);
    iteration.textContent = ctx.iterationLabel?.() ?? '';
    iteration.hidden = !iteration.textContent;
    phase.textContent = S.phases[step.phase];
    phase.className = `phase phase-${step.phase}`;
    const title = texText(step.title);
    // Drawn again only for another step (a selection changes the result alone).
    if (step !== drawn) {
      drawn = step;
      heading.replaceChildren(titleView(step));
      symbolic.replaceChildren(symbolicView(step));
      substituted.replaceChildren(substitutedView(step));
    }
    const said = A.stepSummary(state.step + 1, n, title, S.phases[step.phase]);
    if (summary.textContent !== said) summary.textContent = said;
    hint.hidden = !step.expand;
    renderResult(step, state);
    for (const cue of cues) cue.check();
  }

  const cues = [watchOverflow(substituted, {hint: substitutedHint, focusable: true}), watchOverflow(result, {hint: resultHint})];
  render(store.get());
  const cancelIdle = whenIdle(showList);
  const unsubscribe = store.subscribe(render);
  return {
    destroy() {
      cancelIdle();
      unsubscribe();
      for (const cue of cues) cue.destroy();
      nav.remove();
      document.removeEventListener('keydown', onKey);
    },
  };
}
