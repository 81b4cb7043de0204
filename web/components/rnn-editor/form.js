// The editor's controls: number boxes, drop-down lists and check boxes, each edit a new scenario
// asked of ctx.setScenario. A text that does not parse, or that the core refuses, stays in its
// box with a Spanish message and changes nothing else. Sections are rebuilt only when their shape
// changes, otherwise refreshed in place; focus, the caret and texts not yet applied survive both.
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {parseNumber} from '../editor/number.js';

let forms = 0;

export function createForm(ctx, errors) {
  const {store} = ctx;
  const prefix = `rnn-editor${++forms}`;
  let ids = 0;
  const fields = new Map(); // key → the control in the DOM
  const invalid = new Map(); // key → {text, message}: refused, kept until fixed or reverted
  const sections = [];
  let root = null;

  const id = (name) => `${prefix}-${name}`;

  // Messages of one or several controls, in a column that never widens a table.
  function messages() {
    const node = el('div', {class: 'editor-messages', hidden: true});
    return {
      node,
      add(message) {
        node.append(message);
        node.hidden = false;
      },
      remove(message) {
        message.remove();
        node.hidden = node.childElementCount === 0;
      },
    };
  }

  function paint(field) {
    const entry = invalid.get(field.key);
    const {node} = field;
    if (!entry) {
      if (field.message) field.host.remove(field.message);
      field.message = null;
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
      return;
    }
    if (field.kind === 'text' && node.value !== entry.text) node.value = entry.text;
    if (!field.message) {
      field.message = el('p', {class: 'editor-error', id: id(`m${++ids}`), role: 'alert'});
      field.host.add(field.message);
    }
    field.message.textContent = field.cell ? errors.cell(field.cell, entry.message) : entry.message;
    node.setAttribute('aria-invalid', 'true');
    node.setAttribute('aria-describedby', field.message.id);
  }

  function refuse(key, text, message) {
    invalid.set(key, {text, message});
    const field = fields.get(key);
    if (field) paint(field);
  }

  function accept(key) {
    invalid.delete(key);
    const field = fields.get(key);
    if (field) paint(field);
  }

  function why(parsed, text, limits) {
    if (parsed.reason === 'empty') return errors.empty;
    if (parsed.reason === 'notNumber') {
      const shown = text.trim();
      return errors.notNumber(shown.length > 24 ? `${shown.slice(0, 24)}…` : shown);
    }
    return errors.range(formatNumber(limits.min), formatNumber(limits.max));
  }

  function register(sec, field) {
    fields.set(field.key, field);
    sec.keys.add(field.key);
    return field.node;
  }

  // A number box: read(state) → the value shown, build(state, value) → the scenario asked for.
  // Boxes of one group (a table) share a width that fits the longest text.
  function number(sec, {key, label, cell, read, build, limits, host, group}) {
    const node = el('input', {
      type: 'text',
      class: 'editor-number',
      autocomplete: 'off',
      spellcheck: 'false',
      inputmode: 'decimal',
      'aria-label': label,
      dataset: {key},
    });
    const field = {key, node, kind: 'text', cell, read, host, group, rendered: null, message: null};
    group.push(field);
    sec.groups.add(group);

    function commit() {
      const text = node.value;
      if (!invalid.has(key) && text === field.rendered) return;
      const parsed = parseNumber(text, limits);
      if (!parsed.ok) return refuse(key, text, why(parsed, text, limits));
      const state = store.get();
      if (parsed.value !== read(state)) {
        const result = ctx.setScenario(build(state, parsed.value));
        if (!result.ok) return refuse(key, text, result.message);
      }
      accept(key);
      const now = fields.get(key);
      if (now) {
        show(now, store.get(), true);
        fit(now.group);
      }
    }

    node.addEventListener('change', commit);
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        invalid.delete(key);
        paint(field);
        node.value = field.rendered;
        fit(group);
      }
    });
    // While a refused text is corrected, its message follows what is typed.
    node.addEventListener('input', () => {
      fit(group);
      if (!invalid.has(key)) return;
      const parsed = parseNumber(node.value, limits);
      if (parsed.ok) accept(key);
      else refuse(key, node.value, why(parsed, node.value, limits));
    });
    return register(sec, field);
  }

  // A drop-down list of [value, text] options; a refusal puts the current value back.
  function select(sec, {key, label, cell, options, read, build, host}) {
    const node = el(
      'select',
      {class: 'editor-select', 'aria-label': label, dataset: {key}},
      options.map(([value, text]) => el('option', {value: String(value)}, text)),
    );
    const field = {key, node, kind: 'select', cell, read, host, message: null};
    node.addEventListener('change', () => {
      invalid.delete(key);
      paint(field);
      const result = ctx.setScenario(build(store.get(), node.value));
      if (!result.ok) {
        (fields.get(key) ?? field).node.value = String(read(store.get()));
        refuse(key, null, result.message);
      }
    });
    return register(sec, field);
  }

  // A check box for a yes/no field of the scenario.
  function checkbox(sec, {key, label, read, build, host}) {
    const node = el('input', {type: 'checkbox', class: 'rnn-editor-check', 'aria-label': label, dataset: {key}});
    const field = {key, node, kind: 'check', read, host, message: null};
    node.addEventListener('change', () => {
      invalid.delete(key);
      paint(field);
      const result = ctx.setScenario(build(store.get(), node.checked));
      if (!result.ok) {
        (fields.get(key) ?? field).node.checked = read(store.get());
        refuse(key, null, result.message);
      }
    });
    return register(sec, field);
  }

  // A labelled control on its own line, its message under it: [row, messages].
  function labelled(sec, make, spec) {
    const host = messages();
    const control = make(sec, {...spec, host});
    control.id = id(spec.key);
    const label = el('label', {for: control.id}, spec.label);
    const row = el('div', {class: 'editor-row'}, make === checkbox ? [control, label] : [label, control]);
    return [row, host.node];
  }

  // Shows the state's value, unless the student has typed something not applied (or refused).
  function show(field, state, force = false) {
    const value = field.read(state);
    if (field.kind === 'select') field.node.value = String(value);
    else if (field.kind === 'check') field.node.checked = value;
    else {
      const text = formatNumber(value);
      const untouched = !invalid.has(field.key) && field.node.value === (field.rendered ?? '');
      if (force || untouched || field.rendered === null) field.node.value = text;
      field.rendered = text;
    }
  }

  function fit(group) {
    let longest = 0;
    for (const field of group) longest = Math.max(longest, field.node.value.length, field.rendered?.length ?? 0);
    const size = Math.min(Math.max(longest + 1, 5), 16);
    for (const field of group) field.node.size = size;
  }

  // A <details> section: shape(state) says when to rebuild, build(sec, state) gives its children.
  function section(name, title, shape, build) {
    const body = el('div', {class: 'editor-body'});
    const node = el('details', {class: `editor-section rnn-editor-${name}`, open: true, dataset: {section: name}}, [
      el('summary', {}, title),
      body,
    ]);
    const sec = {node, body, shape, build, keys: new Set(), groups: new Set(), current: undefined};
    sections.push(sec);
    return sec;
  }

  function render(state) {
    const active = document.activeElement;
    const activeKey = root?.contains(active) ? active.dataset.key : undefined;
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
    for (const key of [...invalid.keys()]) if (!fields.has(key)) invalid.delete(key);

    for (const field of fields.values()) {
      show(field, state);
      if (!rebuilt.has(field.key)) continue;
      if (invalid.has(field.key)) paint(field);
      else if (carried.has(field.key)) field.node.value = carried.get(field.key);
    }
    for (const sec of sections) for (const group of sec.groups) fit(group);

    // Focus stays on the control the student was using, even when it was rebuilt.
    if (activeKey !== undefined && !root.contains(active)) {
      const again = root.querySelector(`[data-key="${CSS.escape(activeKey)}"]`);
      if (again) {
        again.focus({preventScroll: true});
        if (caret && again.type === 'text') again.setSelectionRange(...caret);
      }
    }
  }

  return {
    sections,
    messages,
    number,
    select,
    checkbox,
    labelled,
    section,
    render,
    attach(node) {
      root = node;
    },
  };
}
