// Lab 8 (#/labs/gradientes, RNN exercise 3): a random RNN's BPTT gradient against central finite
// differences, entry by entry (core.gradcheck). Measured in Chromium at the largest sizes allowed
// here (8-8-8, T = 20, biases: 208 parameters) it takes well under 30 ms, so it runs on the main
// thread, again on every change (tests/e2e/labs-rnn-check.e2e.test.js asserts the time).
import '../../styles/labs/gradientes.css';
import {CoreError} from '../../core/core.js';
import {el} from '../../dom.js';
import {translateCoreError} from '../../errors.js';
import {texNumber} from '../../format.js';
import {richText, tex} from '../../math.js';
import {S} from '../../strings/index.js';
import {csvButton, exportBar, pngButton} from '../shared/ui/export.js';
import {fieldRow, numberField, readFields, selectField} from '../../forms/fields.js';
import {csvRows, groupsOf, verdictOf} from './results.js';
import {LIMITS, OUTPUT, hiddenActivations, lossFor, parameterCount, randomScenario, readParams, toParams} from './scenario.js';
import {createStrip} from './strip.js';
import {createTable, shortError} from './table.js';

const SORTS = ['position', 'error'];

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading (the sort order too).
export function checkSettings(params) {
  const G = S.labs.gradientes;
  const names = readParams(params).invalid;
  const sort = params.get('sort');
  if (sort !== null && !SORTS.includes(sort)) names.push('sort');
  const labels = {input: G.inputSize, hidden: G.hiddenSize, output: G.outputSize, T: G.steps, f: G.hidden, g: G.output, bias: G.bias, scale: G.scale, seed: G.seed, sort: G.sort};
  return names.map((n) => labels[n] ?? n);
}

export function mountLab(root, ctx) {
  const G = S.labs.gradientes;
  const A = S.activations;
  const {settings, invalid} = readParams(ctx.params);
  const sortParam = ctx.params?.get?.('sort');
  let order = SORTS.includes(sortParam) ? sortParam : 'position';
  if (sortParam !== null && sortParam !== undefined && !SORTS.includes(sortParam)) invalid.push('sort');
  let groups = [];

  // ---- settings
  const sizeField = (label, name, limits) => numberField({label, value: settings[name], ...limits});
  const fields = {
    input: sizeField(G.inputSize, 'input', LIMITS.size),
    hidden: sizeField(G.hiddenSize, 'hidden', LIMITS.size),
    output: sizeField(G.outputSize, 'output', LIMITS.size),
    T: sizeField(G.steps, 'T', LIMITS.steps),
    f: selectField({label: G.hidden, value: settings.f, options: hiddenActivations().map((v) => ({value: v, label: A[v]})), onChange: () => run()}),
    g: selectField({label: G.output, value: settings.g, options: OUTPUT.map((v) => ({value: v, label: A[v]})), onChange: () => run()}),
    scale: numberField({label: G.scale, value: settings.scale, ...LIMITS.scale, hint: G.scaleHint}),
    seed: numberField({label: G.seed, value: settings.seed, ...LIMITS.seed, hint: G.seedHint}),
  };
  // Every change, valid or not, runs the check again (or dims the last result until fixed).
  for (const field of Object.values(fields)) field.input?.addEventListener('change', () => run());
  const biasBox = el('input', {type: 'checkbox', id: 'grad-bias', checked: settings.bias, onchange: () => run()});
  const loss = el('span', {class: 'grad-loss-value'});
  const another = el('button', {type: 'button', class: 'grad-another', onclick: () => {
    const current = fields.seed.value;
    let next;
    do next = 1 + Math.floor(Math.random() * 999_999); while (next === current);
    fields.seed.set(next);
    run();
  }}, G.another);

  const notice = invalid.length ? el('p', {class: 'lab-notice grad-notice', role: 'status'}, G.badLink(invalid)) : null;
  const status = el('p', {class: 'grad-status', role: 'alert'});

  // ---- results
  const verdict = el('p', {class: 'grad-verdict', role: 'status', 'aria-live': 'polite'});
  const explanation = el('p', {class: 'grad-explanation', hidden: true});
  const summary = el('p', {class: 'grad-summary'});
  const strip = createStrip({label: G.chartLabel, thresholdLabel: G.threshold});
  const sortField = selectField({label: G.sort, value: order, options: SORTS.map((v) => ({value: v, label: G.sorts[v]})),
    onChange: (value) => {
      order = value;
      writeParams();
      showTable();
    }});
  const table = createTable();
  const tableBox = el('div', {class: 'grad-table-box', tabindex: '0', role: 'region', 'aria-label': G.tableTitle}, table.node);
  let shown = null;  // the settings of the result on screen
  const filename = (ext) => G.file(shown, ext);

  const results = el('div', {class: 'grad-result-body'});
  const formula = el('div', {class: 'grad-formula'});
  // ε as the core reports it.
  const showFormula = (epsilon) => formula.replaceChildren(
    tex(String.raw`\frac{\partial L}{\partial w} \approx \frac{L(w+\varepsilon) - L(w-\varepsilon)}{2\varepsilon}, \quad \varepsilon = ${texNumber(epsilon).replace(/^1 \\times /, '')}`, {display: true}),
    tex(String.raw`\text{${G.relativeError}} = \frac{\lvert g_{\text{BPTT}} - g_{\text{num}} \rvert}{\max\left(\lvert g_{\text{BPTT}} \rvert,\ \lvert g_{\text{num}} \rvert,\ 10^{-7}\right)}`, {display: true}),
  );
  root.append(el('div', {class: 'lab-gradientes'}, [
    notice,
    el('section', {class: 'panel grad-setup', 'aria-labelledby': 'grad-setup-title'}, [
      el('h2', {id: 'grad-setup-title'}, G.setupTitle),
      el('p', {class: 'grad-intro'}, richText(G.intro)),
      el('fieldset', {class: 'grad-fieldset'}, [
        el('legend', {}, G.sizesLegend),
        fieldRow([fields.input, fields.hidden, fields.output, fields.T]),
      ]),
      fieldRow([fields.f, fields.g]),
      el('p', {class: 'grad-loss'}, [`${G.lossLabel}: `, loss]),
      el('label', {class: 'grad-bias', for: 'grad-bias'}, [biasBox, ' ', G.bias]),
      fieldRow([fields.scale, fields.seed]),
      el('p', {class: 'grad-actions'}, another),
      el('details', {class: 'grad-look', open: true}, [
        el('summary', {}, G.lookTitle),
        el('ul', {}, G.look.map((line) => el('li', {}, richText(line)))),
      ]),
    ]),
    el('section', {class: 'panel grad-results', 'aria-labelledby': 'grad-results-title'}, [
      el('h2', {id: 'grad-results-title'}, G.resultTitle),
      status,
      formula,
      results,
    ]),
  ]));
  results.append(
    verdict,
    explanation,
    el('p', {class: 'grad-tolerance'}, richText(G.tolerance)),
    summary,
    el('div', {class: 'grad-chart-head'}, [
      el('h3', {}, G.chartTitle),
      exportBar([pngButton(() => strip.canvas, () => filename('png'), {what: G.chartWhat})]),
    ]),
    strip.node,
    el('div', {class: 'grad-table-head'}, [
      el('h3', {}, G.tableTitle),
      fieldRow([sortField]),
      exportBar([csvButton(() => ({rows: csvRows(groups), header: G.csvHeader}), () => filename('csv'), {what: G.tableWhat})]),
    ]),
    tableBox,
  );

  function current() {
    const read = readFields(fields);
    if (!read.ok) return null;
    return {...read.values, bias: biasBox.checked};
  }

  function writeParams() {
    const s = current();
    if (s) ctx.setParams({...toParams(s), sort: order === 'position' ? null : order});
  }

  // The table (up to 208 rows) is filled in its own frame, after the verdict has been painted:
  // no single task does the check, the table and the chart together.
  let tableFrame = 0;
  function showTable() {
    cancelAnimationFrame(tableFrame);
    tableFrame = requestAnimationFrame(() => {
      tableFrame = 0;
      table.show(groups, order);
    });
  }

  function run() {
    const s = current();
    // Invalid settings: the last result stays, dimmed, until they are fixed.
    results.classList.toggle('grad-stale', !s);
    if (!s) {
      status.textContent = G.invalid;
      return;
    }
    status.textContent = '';
    loss.textContent = G.losses[lossFor(s.g)];
    writeParams();
    const scenario = randomScenario(s);
    let result;
    const start = performance.now();
    try {
      result = ctx.core.gradcheck(scenario);
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      status.textContent = translateCoreError(error);
      results.classList.add('grad-stale');
      return;
    }
    const elapsed = performance.now() - start;
    groups = groupsOf(result);
    shown = s;
    showFormula(result.epsilon);
    const v = verdictOf(result, groups);
    verdict.className = `grad-verdict ${v.equal ? 'grad-equal' : 'grad-differ'}`;
    verdict.textContent = v.equal ? G.equal(shortError(v.max)) : G.differ(v.over, v.total, shortError(v.max));
    verdict.dataset.max = String(v.max);
    verdict.dataset.over = String(v.over);
    explanation.hidden = v.equal;
    explanation.replaceChildren(...(v.equal ? [] : richText(s.f === 'relu' ? `${G.kinks} ${G.tiny}` : G.tiny)));
    summary.textContent = `${G.summaryLine(parameterCount(s), s.T)} ${G.elapsed(S.labs.ms(elapsed))}`;
    summary.dataset.ms = String(elapsed);
    strip.draw(groups);
    showTable();
  }

  run();

  return {
    destroy() {
      cancelAnimationFrame(tableFrame);
      strip.destroy();
      root.replaceChildren();
    },
  };
}
