// The settings form of the activaciones and lotes labs: one labelled box or menu per field,
// checked as the student types, with the Spanish message beside the field that is wrong (what was
// typed stays). Shared by both labs.
//
//   const form = createFields(fields, values, {labels, choices, onChange})
//   form.node(name)         the field's <label> (box and message); place it where it belongs
//   form.read()             {values, errors: {name: message}} from what the boxes hold now
//   form.set(values)        writes values into the boxes (clearing their messages)
//   choices: {name: {value: text}} for the menus; onChange(read()) after every edit.
import {el} from '../../dom.js';
import {S} from '../../strings/index.js';
import {fieldText, parseField} from './settings.js';

let instances = 0;

function message(field, label, text, reason) {
  const F = S.labs.fields;
  if (reason === 'empty') return F.empty(label);
  if (reason === 'notNumber') return F.notNumber(label, text.trim());
  if (reason === 'notInteger') return F.notInteger(label);
  if (reason === 'range') return F.range(label, field.min, field.max);
  return F.choice(label);
}

export function createFields(fields, values, {labels, choices = {}, onChange}) {
  const uid = ++instances;
  const boxes = {};
  const nodes = {};
  for (const [name, field] of Object.entries(fields)) {
    const id = `lab-field-${uid}-${name}`;
    const error = el('p', {class: 'lab-field-error', id: `${id}-error`, role: 'alert', hidden: true});
    const input = field.kind === 'choice' || field.kind === 'flag'
      ? el('select', {id, name, 'aria-describedby': `${id}-error`},
        Object.entries(choices[name] ?? {}).map(([value, text]) => el('option', {value}, text)))
      : el('input', {id, name, type: 'text', inputmode: field.kind === 'int' ? 'numeric' : 'decimal',
        autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-error`});
    input.value = fieldText(field, values[name]);
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', () => {
      check(name);
      onChange?.(read());
    });
    boxes[name] = {input, error, field};
    nodes[name] = el('label', {class: `lab-field lab-field-${name}`, for: id}, [el('span', {}, labels[name]), input, error]);
  }

  // Parses one box and shows or clears its message.
  function check(name) {
    const {input, error, field} = boxes[name];
    const parsed = parseField(field, input.value);
    if (parsed.ok) {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      return parsed;
    }
    error.textContent = message(field, labels[name], input.value, parsed.reason);
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    return parsed;
  }

  function read() {
    const out = {};
    const errors = {};
    for (const name of Object.keys(boxes)) {
      const parsed = check(name);
      if (parsed.ok) out[name] = parsed.value;
      else errors[name] = boxes[name].error.textContent;
    }
    return {values: out, errors};
  }

  function set(next) {
    for (const [name, value] of Object.entries(next)) {
      if (!boxes[name]) continue;
      boxes[name].input.value = fieldText(boxes[name].field, value);
      check(name);
    }
  }

  return {node: (name) => nodes[name], read, set};
}
