// The network as an SVG diagram: neurons with their values for sample 1, edges drawn by weight
// (forward phase) or by gradient (backward and update phases), what the current step touches
// highlighted, and a small editor for any weight or bias that hands a new scenario to the page.
// What it shows is mlp-diagram/model.js; where, mlp-diagram/layout.js; the drawing, patched in
// place step by step, mlp-diagram/scene.js; the popover, roving focus and sizing, diagram-kit/.
import '../styles/diagram.css';
import {el, svg} from '../dom.js';
import {formatNumber} from '../format.js';
import {S} from '../strings/index.js';
import {limits} from './editor/scenario.js';
import {createFigure, keepDrawn, reveal, sizeFigure} from './diagram-kit/figure.js';
import {createMeasure} from './diagram-kit/measure.js';
import {createPopover, readNumber, tableRefusal} from './diagram-kit/popover.js';
import {createRoving} from './diagram-kit/roving.js';
import {exact} from './diagram-kit/text.js';
import {layout} from './mlp-diagram/layout.js';
import {mlpDiagramModel, parameterLabel, readParameter, withParameter} from './mlp-diagram/model.js';
import {createMlpScene, sceneSign} from './mlp-diagram/scene.js';

const measure = createMeasure({estimate: 0.64, scale: 1.08});

function swatch(className, shape = 'line') {
  return svg('svg', {width: 30, height: 12, viewBox: '0 0 30 12', class: 'dg-swatch', 'aria-hidden': 'true'}, [
    shape === 'line'
      ? svg('line', {x1: 1, y1: 6, x2: 29, y2: 6, 'stroke-width': 3, class: `dg-line ${className}`})
      : svg('circle', {cx: 15, cy: 6, r: 5, class: className}),
  ]);
}

const legend = (items) => el('ul', {class: 'dg-legend', 'aria-label': S.diagram.legend.label},
  items.map((item) => el('li', {}, [item.swatch ? swatch(item.swatch, item.shape) : null, item.text])));

export function mountDiagram(container, ctx) {
  const parts = createFigure({prefix: 'dg', className: 'diagram', hint: S.diagram.hint});
  const {root, figure, canvas, caption, legendSlot} = parts;
  container.replaceChildren(root);

  let scene = null; // what is drawn (createMlpScene), patched step by step
  let anchors = new Map();
  const shown = {}; // what the caption and legend last showed
  const itemOf = (key) => scene?.items.get(key) ?? null;
  const roving = createRoving(figure, {itemOf, open});

  // ---- the editor of one weight or bias, a popover over the drawing
  const E = S.diagram.editor;
  const inputId = `dg-input-${Math.random().toString(36).slice(2, 8)}`;
  const editorTitle = el('label', {class: 'dg-editor-title', for: inputId});
  const editorCurrent = el('span', {class: 'dg-editor-current'});
  const input = el('input', {id: inputId, type: 'text', autocomplete: 'off', spellcheck: 'false', class: 'dg-editor-input', 'aria-describedby': `${inputId}-error`});
  const popover = createPopover({
    prefix: 'dg', figure, canvas, root, ctx, labels: E, errorId: `${inputId}-error`, gap: 14,
    head: [editorTitle, editorCurrent], lead: [input],
    itemOf, anchorOf: (key) => anchors.get(key), onApply: apply,
  });

  function open(key) {
    const value = readParameter(ctx.store.get().trace.parameters, key);
    const title = E.title(parameterLabel(key));
    editorTitle.textContent = title;
    editorCurrent.textContent = E.current(formatNumber(value));
    input.value = exact(value).replace(/−/g, '-');
    popover.node.setAttribute('aria-label', title);
    popover.show(key);
  }

  function apply() {
    const key = popover.key;
    if (!key) return;
    // Any value the editor table takes, and only those.
    const range = limits().value;
    const parsed = readNumber(input.value, range);
    if (!parsed.ok) {
      const own = {notNumber: E.notANumber, notFinite: E.notFinite}[parsed.reason];
      return popover.fail(own ?? tableRefusal(parsed.reason, input.value, range), [input]);
    }
    const {scenario, trace} = ctx.store.get();
    if (Object.is(readParameter(trace.parameters, key), parsed.value)) return popover.close(true);
    popover.submit(withParameter(scenario, trace, key, parsed.value), E.refused, [input]);
  }

  function render(available) {
    const state = ctx.store.get();
    measure.readFont(figure);
    const d = mlpDiagramModel(state);
    const geometry = layout(d, available, measure);
    const sign = sceneSign(d, geometry);
    const rebuild = scene?.sign !== sign;
    const focused = rebuild ? roving.focused() : null;
    if (rebuild) {
      scene = createMlpScene(d, geometry.m.compact, measure);
      scene.sign = sign;
    }
    anchors = scene.update(d, geometry);
    sizeFigure(figure, geometry);
    figure.setAttribute('role', 'group');
    figure.setAttribute('aria-label', d.label);
    figure.classList.toggle('dg-compact', geometry.m.compact);
    figure.classList.toggle('dg-gradients', d.gradients);
    if (rebuild) {
      figure.replaceChildren(...scene.nodes);
      roving.setKeys(d.keys);
      if (focused) itemOf(focused)?.focus({preventScroll: true});
    }

    const captionText = [...d.notes, geometry.scrolls && S.diagram.scroll].filter(Boolean).join(' ');
    if (shown.caption !== captionText) caption.textContent = shown.caption = captionText;
    if (shown.gradients !== d.gradients) {
      shown.gradients = d.gradients;
      legendSlot.replaceChildren(legend(d.legend));
    }

    if (popover.key && !d.keys.includes(popover.key)) popover.close(false);
    popover.mark();
    popover.place();
    if (geometry.scrolls) revealStep(state, d, geometry);
  }

  // When the drawing scrolls sideways, a new step or pick brings its part of the network into view.
  let revealed = '';
  function revealStep(state, d, geometry) {
    const sign = `${state.step}|${d.emphasis}`;
    if (sign === revealed || !d.reveal) return;
    revealed = sign;
    const {xs} = geometry;
    const {key, column, between} = d.reveal;
    const x = key ? anchors.get(key)?.x : column !== undefined ? xs[column] : (xs[between - 1] + xs[between]) / 2;
    if (x !== undefined) reveal(parts, x, geometry.width, 40);
  }

  return keepDrawn(container, parts, ctx, render, popover.destroy);
}
