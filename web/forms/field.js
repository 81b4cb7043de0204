// The lessons' editors' controls, bound to the scenario: number boxes, drop-down lists and check
// boxes whose every edit is a new scenario asked of ctx.setScenario. A text that does not parse
// (web/forms/number.js), or that the core refuses, stays in its box with a Spanish message beside
// it (web/forms/refusal.js) and changes nothing else; the message follows the text while it is
// corrected, Esc puts the shown value back.
//
//   createFields(ctx, {prefix, classPrefix, errors}) → {fields, invalid, id, messages, number, select,
//     checkbox, labelled, paint, show, fit}
//   prefix: unique to the form (element ids); classPrefix: its classes ('editor', 'rnn-editor')
//   errors: {empty, notNumber(shown), notInteger, range(min, max), cell(name, message)} (Spanish,
//     web/strings/editor.js); a field with a `cell` name gets its message as cell(name, message).
//   A field spec: {key, label, cell?, read(state) → value, build(state, value) → scenario, host}
//     (host: messages() or labelled's own), and for a number box {limits, group}: its range
//     ({min, max, integer?}) and the boxes that share its width (a table's). `sec` is the section
//     the control belongs to ({keys, groups}: web/forms/form.js).
import {el} from '../dom.js';
import {formatNumber} from '../format.js';
import {numberInput} from './control.js';
import {parseNumber} from './number.js';
import {refusalText} from './refusal.js';
import {selectInput} from './select.js';

export function createFields(ctx, {prefix, classPrefix, errors}) {
  const {store} = ctx;
  let ids = 0;
  const fields = new Map(); // key → the control in the DOM
  const invalid = new Map(); // key → {text, message}: refused, kept until fixed or reverted
  const texts = {
    ...errors,
    range: (min, max) => errors.range(formatNumber(min), formatNumber(max)),
    ...(errors.rangeBelow ? {rangeBelow: (min, max) => errors.rangeBelow(formatNumber(min), formatNumber(max))} : {}),
    ...(errors.atLeast ? {atLeast: (min) => errors.atLeast(formatNumber(min))} : {}),
  };

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

  // A field's message and marks, from `invalid`: the message exists only while there is one.
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

  function register(sec, field) {
    fields.set(field.key, field);
    sec.keys.add(field.key);
    return field.node;
  }

  // A number box. Boxes of one group (a table) share a width that fits the longest text.
  function number(sec, {key, label, cell, read, build, limits, host, group}) {
    const node = numberInput({integer: limits.integer, class: 'editor-number', 'aria-label': label, dataset: {key}});
    const field = {key, node, kind: 'text', cell, read, host, group, rendered: null, message: null};
    group.push(field);
    sec.groups.add(group);
    const check = (text) => {
      const parsed = parseNumber(text, limits);
      if (!parsed.ok) refuse(key, text, refusalText(parsed.reason, text, limits, texts));
      return parsed;
    };

    function commit() {
      const text = node.value;
      if (!invalid.has(key) && text === field.rendered) return;
      const parsed = check(text);
      if (!parsed.ok) return;
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
      if (invalid.has(key) && check(node.value).ok) accept(key);
    });
    return register(sec, field);
  }

  // A control whose change is applied at once (a list, a check box); a refusal puts the state's
  // value back and shows the core's message.
  function immediate(sec, field, {read, build}, value, restore) {
    field.node.addEventListener('change', () => {
      invalid.delete(field.key);
      paint(field);
      const result = ctx.setScenario(build(store.get(), value(field.node)));
      if (!result.ok) {
        restore((fields.get(field.key) ?? field).node, read(store.get()));
        refuse(field.key, null, result.message);
      }
    });
    return register(sec, field);
  }

  // A drop-down list of [value, text] options.
  function select(sec, spec) {
    const {key, label, cell, options, read, host} = spec;
    const node = selectInput(options, {class: 'editor-select', 'aria-label': label, dataset: {key}});
    const field = {key, node, kind: 'select', cell, read, host, message: null};
    return immediate(sec, field, spec, (n) => n.value, (n, value) => {
      n.value = String(value);
    });
  }

  // A check box for a yes/no field of the scenario.
  function checkbox(sec, spec) {
    const {key, label, read, host} = spec;
    const node = el('input', {type: 'checkbox', class: `${classPrefix}-check`, 'aria-label': label, dataset: {key}});
    const field = {key, node, kind: 'check', read, host, message: null};
    return immediate(sec, field, spec, (n) => n.checked, (n, value) => {
      n.checked = value;
    });
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

  return {fields, invalid, id, messages, number, select, checkbox, labelled, paint, show, fit};
}
