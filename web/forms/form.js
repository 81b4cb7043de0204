// A lesson's editor as a form over the store's scenario: <details> sections of controls
// (web/forms/field.js), each rebuilt only when its shape changes and otherwise refreshed in place;
// focus, the caret and texts typed but not yet applied survive both.
//
//   createForm(ctx, {classPrefix, errors, fallback?}) → the controls of createFields, plus
//     section(name, title, shape(state), build(sec, state) → children): a section, in order
//     forget(test(key)): drops the refused texts whose key passes (rows that are going away)
//     mount(container, {hint, note, applies(state), after?(state)}) → {destroy()}
//   fallback(key) → the control to focus when the one with that key is gone for good, or null.
//   Sections show while applies(state) (the scenario is this editor's kind), `note` otherwise;
//   after(state) runs after each render (notes that depend on the whole state).
import {el} from '../dom.js';
import {createFields} from './field.js';

let forms = 0;

export function createForm(ctx, {classPrefix, errors, fallback = () => null}) {
  const controls = createFields(ctx, {prefix: `${classPrefix}${++forms}`, classPrefix, errors});
  const {fields, invalid, paint, show, fit} = controls;
  const sections = [];
  let root = null;

  function section(name, title, shape, build) {
    const body = el('div', {class: 'editor-body'});
    const node = el('details', {class: `editor-section ${classPrefix}-${name}`, open: true, dataset: {section: name}}, [
      el('summary', {}, title),
      body,
    ]);
    const sec = {node, body, shape, build, keys: new Set(), groups: new Set(), current: undefined};
    sections.push(sec);
    return sec;
  }

  function forget(test) {
    for (const key of [...invalid.keys()]) if (test(key)) invalid.delete(key);
  }

  function render(state) {
    const active = document.activeElement;
    const activeKey = root.contains(active) ? active.dataset.key : undefined;
    const caret = active?.type === 'text' ? [active.selectionStart, active.selectionEnd] : null;
    // A list's or a box's refusal concerned the scenario it was shown with.
    for (const [key, field] of fields) {
      if (field.kind !== 'text' && invalid.has(key)) {
        invalid.delete(key);
        paint(field);
      }
    }

    const carried = new Map(); // texts typed but not applied, in boxes about to be rebuilt
    const rebuilt = new Set();
    for (const sec of sections) {
      const shape = sec.shape(state);
      if (shape === sec.current) continue;
      for (const key of sec.keys) {
        const field = fields.get(key);
        if (field?.kind === 'text' && field.rendered !== null && field.node.value !== field.rendered) {
          carried.set(key, field.node.value);
        }
        fields.delete(key);
      }
      sec.keys.clear();
      sec.groups.clear();
      sec.body.replaceChildren(...sec.build(sec, state).filter(Boolean));
      sec.current = shape;
      for (const key of sec.keys) rebuilt.add(key);
    }
    forget((key) => !fields.has(key));

    for (const field of fields.values()) {
      show(field, state);
      if (!rebuilt.has(field.key)) continue;
      if (invalid.has(field.key)) paint(field);
      else if (carried.has(field.key)) field.node.value = carried.get(field.key);
    }
    for (const sec of sections) for (const group of sec.groups) fit(group);

    // Focus stays on the control the student was using, even when it was rebuilt.
    if (activeKey !== undefined && !root.contains(active)) {
      const again = root.querySelector(`[data-key="${CSS.escape(activeKey)}"]`) ?? fallback(activeKey);
      if (again && !again.disabled) {
        again.focus({preventScroll: true});
        if (caret && again.type === 'text') again.setSelectionRange(...caret);
      }
    }
  }

  function mount(container, {hint, note, applies, after}) {
    const notice = el('p', {class: 'editor-note', hidden: true}, note);
    root = el('div', {class: classPrefix === 'editor' ? 'editor' : `editor ${classPrefix}`}, [
      el('p', {class: 'editor-hint'}, hint),
      notice,
      ...sections.map((s) => s.node),
    ]);
    // Keys typed into a control are the editor's, not the page's shortcuts (← → for the stepper).
    root.addEventListener('keydown', (event) => {
      if (event.target.matches('input, select')) event.stopPropagation();
    });
    container.append(root);

    function update(state) {
      const shown = applies(state);
      notice.hidden = shown;
      for (const s of sections) s.node.hidden = !shown;
      if (!shown) return;
      render(state);
      after?.(state);
    }
    let last = ctx.store.get();
    const unsubscribe = ctx.store.subscribe((state) => {
      if (state.scenario === last.scenario && state.trace === last.trace) return;
      last = state;
      update(state);
    });
    update(last);
    return {
      destroy() {
        unsubscribe();
        root.remove();
      },
    };
  }

  return {...controls, section, forget, mount};
}
