// "Comprobar el gradiente": backpropagation's gradient against central finite differences, entry
// by entry, from core.gradcheck (synchronous). Recomputed on every new scenario when the core's
// estimate of the work (core.resolve) is below the lesson's auto_gradcheck_work, on the button
// otherwise.
import {CoreError} from '../core/core.js';
import {spec} from '../core/spec.js';
import {el} from '../dom.js';
import {translateCoreError} from '../errors.js';
import {formatNumber, texNumber} from '../format.js';
import {tex, texWithText} from '../math.js';
import {S} from '../strings/index.js';
import {whenIdle} from '../idle.js';
import '../styles/training.css';

// The check's ε and the bound below which the two gradients agree (the largest relative error):
// the core's.
const {epsilon: EPSILON, agree_below: AGREE_BELOW} = spec().lesson.gradcheck;
const MAX_ENTRIES = 100;      // rows shown per parameter

// 3.2e−9 (0.25 from 10⁻³ up): two significant digits are enough to read an error.
export function shortExp(x) {
  if (x === 0) return '0';
  if (x >= 1e-3 && x < 1e3) return String(Number(x.toPrecision(2)));
  return x.toExponential(1).replace('e+', 'e').replace(/-/g, '−');
}

// The core's estimate of a check's work (parameters² × rows of the first batch, both ways) and the
// number of parameters; null when the core refuses the scenario (the check then says why).
function estimate(core, scenario) {
  try {
    const {work, parameter_count: parameters} = core.resolve(scenario);
    return {work: work.gradcheck, parameters};
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    return null;
  }
}

// "W1" → W⁽¹⁾ (bold for the whole parameter, plain for one entry, as the lesson writes them).
function parameterTex(name, {bold = true} = {}) {
  const [, letter, layer] = /^([A-Za-z]+?)(\d*)$/.exec(name) ?? [null, name, ''];
  const base = bold ? `\\mathbf{${letter}}` : letter;
  return layer ? `${base}^{(${layer})}` : base;
}

const hasKinks = (scenario) =>
  [...(scenario?.model?.activations ?? []), scenario?.model?.hidden_activation, scenario?.model?.output_activation]
    .some((a) => a === 'relu' || a === 'leaky_relu');

export function mountGradcheck(container, ctx, {agree} = {}) {
  const G = S.gradcheck;
  let scenario = ctx.store.get().scenario;

  const button = el('button', {type: 'button', class: 'gradcheck-run', onclick: () => check()}, G.run);
  const mode = el('span', {class: 'gradcheck-mode'});
  // Scrolls sideways on a phone: a tab stop, named.
  const formula = el('div', {class: 'gradcheck-formula', tabindex: '0', role: 'group', 'aria-label': S.a11y.equationBox});
  const verdict = el('p', {class: 'gradcheck-verdict', role: 'status', hidden: true});
  const explanation = el('p', {class: 'gradcheck-explanation', hidden: true});
  const tables = el('div', {class: 'gradcheck-tables'});

  container.append(el('div', {class: 'gradcheck'}, [
    el('h2', {}, G.title),
    el('p', {class: 'gradcheck-intro'}, G.intro),
    formula,
    el('p', {class: 'gradcheck-actions'}, [button, ' ', mode]),
    verdict,
    explanation,
    tables,
  ]));

  function showFormula(epsilon) {
    const eps = texNumber(epsilon).replace(/^1 \\times /, '');
    formula.replaceChildren(
      tex(String.raw`\frac{\partial L}{\partial w} \approx \frac{L(w+\varepsilon) - L(w-\varepsilon)}{2\varepsilon}, \qquad \varepsilon = ${eps}`, {display: true}),
      tex(String.raw`\text{${G.relativeError}} = \frac{\lvert g_{\text{retro}} - g_{\text{num}} \rvert}{\max\left(\lvert g_{\text{retro}} \rvert,\ \lvert g_{\text{num}} \rvert,\ 10^{-7}\right)}`, {display: true}),
    );
  }

  function entries(analytic, numeric, error) {
    // A matrix is a list of rows, a vector a flat list; both become (indices, three numbers).
    const out = [];
    if (Array.isArray(analytic[0])) {
      analytic.forEach((row, i) => row.forEach((a, j) => out.push({index: [i + 1, j + 1], a, n: numeric[i][j], e: error[i][j]})));
    } else {
      analytic.forEach((a, i) => out.push({index: [i + 1], a, n: numeric[i], e: error[i]}));
    }
    return out;
  }

  function parameterTable(name, result) {
    const all = entries(result.analytic, result.numeric, result.relative_error);
    const shown = all.slice(0, MAX_ENTRIES);
    const rows = shown.map(({index, a, n, e}) => el('tr', {class: e >= AGREE_BELOW ? 'gradcheck-bad' : undefined}, [
      el('th', {scope: 'row'}, texWithText(`${parameterTex(name, {bold: false})}_{${index.join(',')}}`)),
      el('td', {}, formatNumber(a)),
      el('td', {}, formatNumber(n)),
      el('td', {}, shortExp(e)),
    ]));
    const bad = result.max_relative_error >= AGREE_BELOW;
    return el('details', {class: 'gradcheck-parameter', open: all.length <= 24 || bad}, [
      el('summary', {}, [tex(parameterTex(name)), ' — ', G.maxFor, ' ',
        el('span', {class: bad ? 'gradcheck-max gradcheck-bad' : 'gradcheck-max'}, shortExp(result.max_relative_error))]),
      el('table', {}, [
        el('thead', {}, el('tr', {}, [G.entry, G.analytic, G.numeric, G.error].map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, rows),
      ]),
      all.length > shown.length ? el('p', {class: 'gradcheck-more'}, G.more(all.length - shown.length)) : null,
    ]);
  }

  function clear() {
    verdict.hidden = true;
    explanation.hidden = true;
    tables.replaceChildren();
  }

  function check() {
    cancelFirst();
    clear();
    let result;
    try {
      result = ctx.core.gradcheck(scenario);
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      verdict.hidden = false;
      verdict.className = 'gradcheck-verdict gradcheck-warning';
      verdict.textContent = G.failed(translateCoreError(error));
      return;
    }
    showFormula(result.epsilon);
    const max = result.max_relative_error;
    const ok = max < AGREE_BELOW;
    verdict.hidden = false;
    verdict.className = `gradcheck-verdict ${ok ? 'gradcheck-ok' : 'gradcheck-warning'}`;
    verdict.textContent = ok ? (agree ?? G.agree)(shortExp(max)) : G.disagree(shortExp(max), shortExp(AGREE_BELOW));
    verdict.dataset.max = String(max);
    explanation.hidden = ok;
    explanation.textContent = ok ? '' : hasKinks(scenario) ? G.kinks : G.noKinks;
    tables.replaceChildren(...Object.entries(result.parameters).map(([name, r]) => parameterTable(name, r)));
    button.textContent = G.rerun;
  }

  function refresh() {
    button.textContent = G.run;
    // Small checks run on every change; the lesson's threshold is in the core's spec.
    const cost = estimate(ctx.core, scenario);
    if (!cost || cost.work <= spec().lesson.auto_gradcheck_work) {
      mode.textContent = G.auto;
      check();
    } else {
      mode.textContent = G.manual(cost.parameters);
      clear();
    }
  }

  showFormula(EPSILON);
  // The first check when the page has shown the rest (a mount's costliest panel, off screen): at
  // once when the panel is built into a page already shown (web/lessons/deferred-panels.js, which
  // keeps the view in place as it grows), when the page is idle otherwise.
  let cancelFirst = () => {};
  if (container.isConnected) refresh();
  else cancelFirst = whenIdle(refresh);

  const unsubscribe = ctx.store.subscribe((state) => {
    if (state.scenario === scenario) return;
    scenario = state.scenario;
    refresh();
  });

  return {
    destroy() {
      cancelFirst();
      unsubscribe();
      container.replaceChildren();
    },
  };
}
