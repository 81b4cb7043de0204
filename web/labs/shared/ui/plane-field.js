// The settings form of a classification lab: one labelled control per field (a select for a
// choice, a text box for a number so that what the student typed stays), each with its inline
// Spanish message naming the field when the value is refused.
//
// createField(name, field, {label, options?: {value: text}, value, onValue(name, value), hint?})
//   → {node, input, set(value), valid()}
// createFields(specs, settings, {labelOf(name), onValue}) → {fields, field(name, options?) → node}:
//   the form's fields one by one where they belong (field), each kept in fields[name]
import {el} from '../../../dom.js';
import {S} from '../../../strings/index.js';
import {parseField} from '../plane-settings.js';

let nextId = 1;

export function createField(name, field, {label, options, value, onValue, hint, className = ''}) {
  const id = `lab-field-${name}-${nextId++}`;
  const message = el('p', {class: 'clf-field-message', id: `${id}-message`, role: 'alert', hidden: true});
  let input;
  if (field.kind === 'choice') {
    input = el('select', {id, name},
      field.choices.map((choice) => el('option', {value: choice}, options?.[choice] ?? choice)));
    input.value = String(value);
    input.addEventListener('change', () => onValue(name, input.value));
  } else {
    input = el('input', {id, name, type: 'text', inputmode: field.kind === 'int' ? 'numeric' : 'decimal',
      autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-message`});
    input.value = String(value);
    input.addEventListener('change', () => check(true));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') check(true);
    });
  }

  // Shows the message (the text stays as typed) or clears it; on a valid value, reports it.
  function check(report) {
    const parsed = parseField(field, input.value);
    if (!parsed.ok) {
      const F = S.labs.fields;
      message.textContent = parsed.reason === 'range'
        ? F.range(label, field.min, field.max)
        : parsed.reason === 'notNumber' ? F.notNumber(label, input.value.trim()) : F[parsed.reason](label);
      message.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      return false;
    }
    message.hidden = true;
    input.removeAttribute('aria-invalid');
    if (report) onValue(name, parsed.value);
    return true;
  }

  const node = el('div', {class: `clf-field ${className}`.trim()}, [
    el('label', {for: id}, label),
    input,
    hint ? el('p', {class: 'clf-field-hint'}, hint) : null,
    message,
  ]);
  return {
    node,
    input,
    set(next) {
      input.value = String(next);
      if (field.kind !== 'choice') check(false);
    },
    valid: () => field.kind === 'choice' || check(false),
  };
}

export function createFields(specs, settings, {labelOf, onValue}) {
  const fields = {};
  const field = (name, options = {}) => {
    fields[name] = createField(name, specs[name], {label: labelOf(name), value: settings[name], onValue, ...options});
    return fields[name].node;
  };
  return {fields, field};
}
