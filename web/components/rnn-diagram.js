// Lesson 2's RNN unrolled over its time steps as an SVG: one column per step (x_t, h_t, y_t and
// the target), h₀ at the left, the arrows of U, V, W (the same colour at every step), the values
// or gradients of the current phase, what the current step touches highlighted, and an editor
// for U, V, W, b, c and h₀ that hands a new scenario to the page. What it shows is
// rnn-diagram/model.js; where, rnn-diagram/layout.js; the drawing, built once per structure and
// patched in place step by step, rnn-diagram/scene.js; the popover, roving focus and sizing,
// diagram-kit/.
import '../styles/rnn-diagram.css';
import {el} from '../dom.js';
import {formatNumber} from '../format.js';
import {richText} from '../math.js';
import {S} from '../strings/index.js';
import {limits} from './rnn-editor/scenario.js';
import {createFigure, keepDrawn, reveal, sizeFigure} from './diagram-kit/figure.js';
import {createMeasure} from './diagram-kit/measure.js';
import {createPopover, readNumber, tableRefusal} from './diagram-kit/popover.js';
import {createRoving} from './diagram-kit/roving.js';
import {chooseLayout} from './rnn-diagram/layout.js';
import {describeStep, describeValues, nameOf, parameterValues, shapeOf, showsGradients, symbolOf, withParameter} from './rnn-diagram/model.js';
import {legend} from './rnn-diagram/overlays.js';
import {createScene} from './rnn-diagram/scene.js';

const measure = createMeasure({estimate: 0.62, scale: 1.03});

export function mountRnnDiagram(container, ctx) {
  const ids = `rd${Math.random().toString(36).slice(2, 8)}`;
  const note = el('p', {class: 'rd-note', hidden: true});
  const parts = createFigure({prefix: 'rd', className: 'rnn-diagram', notes: [note]});
  const {root, figure, canvas, caption, legendSlot, hint} = parts;
  container.replaceChildren(root);

  let scene = null; // what is drawn (createScene), patched step by step
  let values = {trace: null, forward: null, gradients: null}; // describeValues per value set
  const shown = {}; // caption, note, legend and hint as last set
  const notes = new Map(); // a step note's nodes (KaTeX) by its text
  const itemOf = (key) => scene?.items.get(key) ?? null;
  const roving = createRoving(figure, {itemOf, open});
  // A key's item, else the first of the same parameter (the drawing may have fewer time steps now).
  const sameParameter = (key) => roving.keys.find((k) => nameOf(k) === nameOf(key));

  // ---- the editor of one parameter, a popover over the drawing with one input per entry
  const E = S.rnnDiagram.editor;
  let editing = null; // {name, rows, cols, inputs, initial}
  const editorId = `${ids}-editor`;
  const editorTitle = el('span', {class: 'rd-editor-title', id: `${editorId}-title`});
  const editorShape = el('span', {class: 'rd-editor-shape'});
  const grid = el('div', {class: 'rd-editor-grid'});
  const popover = createPopover({
    prefix: 'rd', figure, canvas, root, ctx, labels: E, errorId: `${editorId}-error`, gap: 6, roomToViewport: true,
    attributes: {'aria-labelledby': `${editorId}-title`}, head: [editorTitle, editorShape], body: grid,
    itemOf: (key) => itemOf(key) ?? itemOf(sameParameter(key) ?? ''),
    anchorOf: (key) => scene?.anchors.get(key) ?? scene?.anchors.get(sameParameter(key)),
    onApply: apply,
    onClose: () => {
      editing = null;
      grid.replaceChildren();
    },
  });
  const current = (name) => {
    const {scenario, trace} = ctx.store.get();
    return parameterValues(scenario, trace, name);
  };

  function open(key) {
    const name = nameOf(key);
    const entries = current(name);
    if (!entries) return;
    const {rows, cols} = shapeOf(entries);
    const symbol = symbolOf(name);
    const inputs = [];
    const initial = [];
    const head = cols ? el('tr', {}, [el('th', {}), ...Array.from({length: cols}, (_, j) => el('th', {scope: 'col'}, String(j + 1)))]) : null;
    const body = entries.map((row, i) => el('tr', {}, [
      el('th', {scope: 'row'}, String(i + 1)),
      ...(cols ? row : [row]).map((value, j) => {
        const text = formatNumber(value).replace(/−/g, '-');
        const cell = E.cell(symbol, i + 1, cols ? j + 1 : 0);
        const input = el('input', {
          type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', class: 'rd-editor-input',
          'aria-label': cell, 'aria-describedby': `${editorId}-error`, value: text,
        });
        inputs.push({input, i, j, cell});
        initial.push(text);
        return el('td', {}, input);
      }),
    ]));
    grid.replaceChildren(el('table', {}, [head && el('thead', {}, head), el('tbody', {}, body)]));
    grid.classList.toggle('rd-editor-vector', !cols);
    editing = {name, rows, cols, inputs, initial};
    editorTitle.textContent = E.title(symbol);
    editorShape.textContent = E.shape(rows, cols);
    popover.show(key);
  }

  function apply() {
    if (!editing) return;
    const {name, inputs, initial} = editing;
    const entries = current(name);
    const shape = shapeOf(entries);
    if (shape.rows !== editing.rows || shape.cols !== editing.cols) return popover.close(false);
    // Untouched entries keep every digit of the current value; typed ones are parsed.
    const next = structuredClone(entries);
    const range = limits().value; // any value the editor table takes, and only those
    let changed = false;
    for (let k = 0; k < inputs.length; k++) {
      const {input, i, j, cell} = inputs[k];
      if (input.value === initial[k]) continue;
      const parsed = readNumber(input.value, range);
      if (!parsed.ok) {
        const own = {notNumber: E.notANumber, notFinite: E.notFinite}[parsed.reason]?.(cell);
        return popover.fail(own ?? S.editor.errors.cell(cell, tableRefusal(parsed.reason, input.value, range)), [input]);
      }
      if (editing.cols) next[i][j] = parsed.value;
      else next[i] = parsed.value;
      changed = true;
    }
    if (!changed) return popover.close(true);
    const {scenario, trace} = ctx.store.get();
    popover.submit(withParameter(scenario, trace, name, next), E.refused);
  }

  // Builds the drawing when its structure changes (trace, value set, tier); otherwise patches the
  // last one. Reads no layout: the width comes from the ResizeObserver.
  function render(available) {
    const state = ctx.store.get();
    // The page's font, for the text widths: read once (a style read, not per step).
    measure.readFont(figure, {once: true});
    if (values.trace !== state.trace) values = {trace: state.trace, forward: null, gradients: null};
    const valueSet = showsGradients(state) ? 'gradients' : 'forward';
    const d = (values[valueSet] ??= describeValues(state.scenario, state.trace, valueSet === 'gradients'));
    const st = describeStep(state, d);
    const geometry = chooseLayout(d, st.single, available, measure);

    const rebuild = !scene || scene.d !== d || scene.dense !== geometry.dense || scene.compact !== geometry.m.compact;
    const focused = rebuild ? roving.focused() : null;
    if (rebuild) {
      scene = createScene(d, ids, measure);
      scene.dense = geometry.dense;
      scene.compact = geometry.m.compact;
    }
    const moved = scene.update(st, geometry);
    if (moved) sizeFigure(figure, geometry);
    if (rebuild) {
      figure.setAttribute('role', 'group');
      figure.setAttribute('aria-label', d.label);
      figure.classList.toggle('rd-compact', geometry.m.compact);
      figure.classList.toggle('rd-gradients', d.gradients);
      figure.replaceChildren(...scene.nodes);
      roving.setKeys(d.keys);
      if (focused) itemOf(focused)?.focus({preventScroll: true});
    }

    const captionText = [st.caption[geometry.dense ? 'dense' : 'single'], geometry.scrolls && S.rnnDiagram.scroll].filter(Boolean).join(' ');
    if (shown.caption !== captionText) caption.textContent = shown.caption = captionText;
    if (shown.note !== st.note) {
      shown.note = st.note;
      if (st.note && !notes.has(st.note)) notes.set(st.note, richText(st.note).map((part) => (typeof part === 'string' ? document.createTextNode(part) : part)));
      note.replaceChildren(...(st.note ? notes.get(st.note) : []));
      note.hidden = !st.note;
    }
    const legendSign = JSON.stringify(st.legend);
    if (shown.legend !== legendSign) {
      shown.legend = legendSign;
      legendSlot.replaceChildren(legend(st.legend));
    }
    if (shown.hint !== st.hint) hint.textContent = shown.hint = st.hint;

    if (editing && rebuild) {
      const entries = current(editing.name);
      const shape = entries && shapeOf(entries);
      if (!shape || shape.rows !== editing.rows || shape.cols !== editing.cols) popover.close(false);
    }
    popover.mark();
    // The popover follows its label: now when the drawing moved, else after layout (reading sizes
    // during a step would force a synchronous layout).
    if (popover.key && moved) popover.place();
    else if (popover.key) {
      cancelAnimationFrame(placeFrame);
      placeFrame = requestAnimationFrame(popover.place);
    }
    if (geometry.scrolls) {
      cancelAnimationFrame(revealFrame);
      revealFrame = requestAnimationFrame(() => revealStep(state, st, geometry));
    }
  }

  // When the drawing scrolls sideways, a new step brings its time step into view.
  let revealed = '';
  let revealFrame = 0;
  let placeFrame = 0;
  function revealStep(state, st, geometry) {
    const sign = `${state.step}|${geometry.width}`;
    if (sign === revealed) return;
    revealed = sign;
    const t = st.kind === 'naive' ? geometry.xs.length - 1 : st.t;
    if (t) reveal(parts, geometry.xs[t], geometry.width, 60);
  }

  return keepDrawn(container, parts, ctx, render, () => {
    cancelAnimationFrame(revealFrame);
    cancelAnimationFrame(placeFrame);
    popover.destroy();
  });
}
