// The parameter editor of a diagram: an HTML popover over the SVG, just below the item it edits
// (above when below does not fit), with a head, the inputs, Apply and Cancel and an inline error.
// Enter in an input applies, Escape cancels, a press outside closes it; keys typed in it stay in
// it (they are not the stepper's ← →). Numbers are read as the editor table reads them.
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {parseNumber} from '../../forms/number.js';
import {refusalText} from '../../forms/refusal.js';
import {S} from '../../strings/index.js';

// A number typed by a student, with the project's one parser (point or comma decimal, exponent,
// − or -) and the editor table's range ({min, max, integer, maxExcluded}): {ok: true, value} or
// {ok: false, reason: 'notNumber' (nothing typed, or not a number) | 'notFinite' (too large for
// a double) | 'notInteger' | 'range'}.
export function readNumber(text, range = {}) {
  const parsed = parseNumber(text, {...range, overflow: 'notFinite'});
  if (parsed.ok || parsed.reason !== 'empty') return parsed;
  return {ok: false, reason: 'notNumber'};
}

// The editor table's message for a refusal the popover has no words of its own for.
export function tableRefusal(reason, text, range) {
  const E = S.editor.errors;
  return refusalText(reason, text, range, {...E, range: (min, max) => E.range(formatNumber(min), formatNumber(max))});
}

// prefix: 'dg' or 'rd' (classes `${prefix}-editor…`, items `.${prefix}-param`); head: the head's
// nodes; body: a node under it; lead: nodes before the buttons; onApply(); onClose() after it
// hides; itemOf(key) the item a key edits (marked while editing, focused back on close);
// anchorOf(key) → {x, top, bottom} in SVG units; gap: pixels between the item and the popover;
// roomToViewport: the popover may reach below the diagram down to the viewport's bottom.
export function createPopover(options) {
  const {prefix, figure, canvas, root, ctx, labels, errorId, gap, roomToViewport = false} = options;
  const error = el('p', {class: `${prefix}-editor-error`, id: errorId, role: 'alert', hidden: true});
  const node = el('div', {class: `${prefix}-editor`, role: 'dialog', hidden: true, ...options.attributes}, [
    el('div', {class: `${prefix}-editor-head`}, options.head),
    options.body,
    el('div', {class: `${prefix}-editor-row`}, [
      ...(options.lead ?? []),
      el('button', {type: 'button', class: `${prefix}-editor-apply`, onclick: () => options.onApply()}, labels.apply),
      el('button', {type: 'button', class: `${prefix}-editor-cancel`, onclick: () => popover.close(true)}, labels.cancel),
    ]),
    error,
  ]);
  canvas.append(node);
  const inputs = () => [...node.querySelectorAll('input')];
  let editing = null; // the key being edited
  let marked = null; // the item marked as being edited

  const popover = {
    node,
    get key() {
      return editing;
    },
    // Shows the popover for `key`, its inputs already filled, the first one focused.
    show(key) {
      if (ctx.readOnly) return;  // edit=0 (docs/embed.md): the drawing is only looked at
      editing = key;
      for (const input of inputs()) input.removeAttribute('aria-invalid');
      error.hidden = true;
      error.textContent = '';
      node.hidden = false;
      popover.mark();
      popover.place();
      const [first] = inputs();
      first?.focus();
      first?.select();
    },
    close(refocus) {
      if (!editing) return;
      const key = editing;
      editing = null;
      node.hidden = true;
      options.onClose?.();
      popover.mark();
      if (refocus) options.itemOf(key)?.focus({preventScroll: true});
    },
    // An inline message; `bad` inputs are marked invalid and the first one (or the first input)
    // focused.
    fail(message, bad = []) {
      for (const input of inputs()) input.removeAttribute('aria-invalid');
      for (const input of bad) input.setAttribute('aria-invalid', 'true');
      error.textContent = message;
      error.hidden = false;
      (bad[0] ?? inputs()[0])?.focus();
      popover.place();
    },
    // Hands a new scenario to the page: closes on success, else shows the page's message.
    submit(scenario, refused, bad = []) {
      const outcome = ctx.setScenario(scenario);
      if (!outcome?.ok) return popover.fail(outcome?.message ?? refused, bad);
      popover.close(true);
    },
    // Marks the item being edited (the drawing may have replaced its class since).
    mark() {
      const item = editing ? options.itemOf(editing) : null;
      if (marked && marked !== item) marked.classList.remove(`${prefix}-editing`);
      item?.classList.add(`${prefix}-editing`);
      marked = item;
    },
    // Puts the popover just below its item (above when below does not fit), inside the canvas.
    place() {
      if (!editing) return;
      const anchor = options.anchorOf(editing);
      const box = figure.getBoundingClientRect();
      const outer = canvas.getBoundingClientRect();
      if (!anchor || !box.width) return;
      const scale = box.width / Number(figure.getAttribute('width'));
      const x = box.left - outer.left + anchor.x * scale;
      const top = box.top - outer.top + anchor.top * scale;
      const bottom = box.top - outer.top + anchor.bottom * scale;
      const w = node.offsetWidth;
      const h = node.offsetHeight;
      const end = root.getBoundingClientRect().bottom;
      const room = (roomToViewport ? Math.max(end, window.innerHeight) : end) - outer.top;
      const left = Math.min(Math.max(0, x - w / 2), Math.max(0, outer.width - w));
      const below = bottom + gap;
      const above = top - gap - h;
      node.style.top = `${below + h > room && above >= 0 ? above : below}px`;
      node.style.left = `${left}px`;
    },
    destroy() {
      document.removeEventListener('pointerdown', outside);
    },
  };

  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches?.('input')) {
      event.preventDefault();
      options.onApply();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      popover.close(true);
    }
    event.stopPropagation(); // typing here is not the stepper's ← →
  });
  const outside = (event) => {
    if (editing && !node.contains(event.target) && !event.target.closest?.(`.${prefix}-param`)) popover.close(false);
  };
  document.addEventListener('pointerdown', outside);
  return popover;
}
