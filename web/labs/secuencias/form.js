// A form over settings fields (settings.js): a labelled text box or select per field, a Spanish
// message under a field that does not parse (naming it), and what the student typed kept as typed.
//
//   const form = createForm(fields, values, {labels, options, reasons, prefix, onChange});
//   form.node(name) → the field's wrapper, to place in a group; form.read() → values | null
//   (null: some field is wrong, its message shown); form.show(name, visible); form.set(values).
// options: {name: {value: text}} for the choice fields; onChange(values) after every valid edit;
// check(values) → {name: message}: a lab's own rules between fields.
import {el} from '../../dom.js';
import {crossCheck, parseField, trainingCount} from './settings.js';

let forms = 0;

export function createForm(fields, values, {labels, options = {}, reasons, onChange, prefix = 'seq', check}) {
  const uid = ++forms;
  const id = (name) => `${prefix}-${name}-${uid}`;
  const inputs = {};
  const messages = {};
  const nodes = {};

  for (const [name, field] of Object.entries(fields)) {
    const common = {id: id(name), name, 'aria-describedby': id(`${name}-message`), oninput: changed, onchange: changed};
    inputs[name] = field.kind === 'choice'
      ? el('select', common, field.choices.map((c) => el('option', {value: c}, options[name]?.[c] ?? c)))
      : el('input', {...common, type: 'text', inputmode: field.kind === 'int' ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false'});
    messages[name] = el('span', {class: 'seq-field-message', id: id(`${name}-message`), role: 'alert', hidden: true});
    nodes[name] = el('div', {class: `seq-field seq-field-${name}`}, [
      el('label', {for: id(name)}, labels[name]), inputs[name], messages[name],
    ]);
  }

  function set(next) {
    for (const [name, input] of Object.entries(inputs)) {
      if (next[name] === undefined) continue;
      input.value = String(next[name]);
      mark(name, null);
    }
  }

  function mark(name, text) {
    inputs[name].setAttribute('aria-invalid', text ? 'true' : 'false');
    messages[name].hidden = !text;
    messages[name].textContent = text ?? '';
  }

  // Every field's value, or null with the messages shown.
  function read() {
    const out = {};
    let ok = true;
    for (const [name, field] of Object.entries(fields)) {
      if (nodes[name].hidden) {
        out[name] = parseField(field, inputs[name].value).ok ? parseField(field, inputs[name].value).value : field.default;
        continue;
      }
      const parsed = parseField(field, inputs[name].value);
      if (parsed.ok) {
        out[name] = parsed.value;
        mark(name, null);
      } else {
        ok = false;
        mark(name, reasons[parsed.reason](labels[name], field.min, field.max));
      }
    }
    if (!ok) return null;
    const wrong = crossCheck(out);
    for (const [name, reason] of Object.entries(wrong)) {
      if (!inputs[name] || nodes[name].hidden) continue;
      ok = false;
      mark(name, reasons[reason](labels[name], trainingCount(out)));
    }
    for (const [name, text] of Object.entries(check?.(out) ?? {})) {
      ok = false;
      mark(name, text);
    }
    return ok ? out : null;
  }

  function changed() {
    const next = read();
    if (next) onChange?.(next);
  }

  set(values);
  return {
    node: (name) => nodes[name],
    input: (name) => inputs[name],
    read,
    set,
    show(name, visible) {
      nodes[name].hidden = !visible;
    },
  };
}
