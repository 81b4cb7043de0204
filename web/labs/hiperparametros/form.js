// The lab's controls: one labelled input or select per setting, its Spanish message beside it
// when what was typed is refused (the text stays as typed), and the rules between fields.
//
//   const form = createForm(values, {onChange(values | null)})
//   form.node(name)       the field's <label> (append it where it belongs)
//   form.read() → values  every field parsed, or null (each bad field then shows its message)
//   form.show(name, bool) shows or hides a field (a hidden field is still read)
//   form.hint(name, text) the line under a field
import {el} from '../../dom.js';
import {S} from '../../strings/index.js';
import {crossCheck, fields, formatHidden, parseField, textOf} from './settings.js';

const plain = (x) => String(x).replace(/-/g, '−');

function message(name, reason, text) {
  const F = S.labs.hiperparametros.form;
  const C = S.labs.fields;
  const label = F.labels[name];
  const field = fields[name];
  switch (reason) {
    case 'empty': return C.empty(label);
    case 'notNumber': return C.notNumber(label, text.trim());
    case 'notInteger': return field.kind === 'list' ? F.reasons.hiddenRange(label) : C.notInteger(label);
    case 'range': return field.kind === 'list' ? F.reasons.hiddenRange(label) : C.range(label, plain(field.min), plain(field.max));
    case 'choice': return C.choice(label);
    case 'tooMany': return F.reasons.tooMany(label);
    default: return F.reasons[reason]?.(label) ?? C.choice(label);
  }
}

export function createForm(initial, {onChange}) {
  const F = S.labs.hiperparametros.form;
  const parts = {};

  for (const [name, field] of Object.entries(fields)) {
    const id = `hp-${name}`;
    const error = el('p', {class: 'lab-field-error', id: `${id}-error`, role: 'alert', hidden: true});
    const hint = el('span', {class: 'lab-field-hint', id: `${id}-hint`, hidden: true});
    const input = field.kind === 'choice'
      ? el('select', {id, name, 'aria-describedby': `${id}-hint ${id}-error`, onchange: () => changed(name)},
        field.choices.map((c) => el('option', {value: c, selected: c === initial[name]}, F.options[name]?.[c] ?? c)))
      : el('input', {
        id, name, type: 'text', inputmode: field.kind === 'list' ? 'text' : 'decimal', autocomplete: 'off', spellcheck: 'false',
        value: field.kind === 'list' ? formatHidden(initial[name]) : textOf(initial[name]),
        'aria-describedby': `${id}-hint ${id}-error`,
        oninput: () => changed(name),
      });
    const node = el('label', {class: `lab-field hp-field hp-field-${name}`, for: id}, [el('span', {}, F.labels[name]), input, hint, error]);
    parts[name] = {node, input, error, hint};
  }

  // Shows or clears the message of one field; returns its value or undefined.
  function check(name) {
    const {input} = parts[name];
    const parsed = parseField(fields[name], input.value);
    setError(name, parsed.ok ? '' : message(name, parsed.reason, input.value));
    return parsed.ok ? parsed.value : undefined;
  }

  function setError(name, text) {
    const {input, error} = parts[name];
    error.textContent = text;
    error.hidden = !text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function read() {
    const values = {};
    let ok = true;
    for (const name of Object.keys(fields)) {
      const value = check(name);
      if (value === undefined) ok = false;
      else values[name] = value;
    }
    for (const [name, reason] of Object.entries(crossCheck(values))) {
      setError(name, message(name, reason, parts[name].input.value));
      ok = false;
    }
    return ok ? values : null;
  }

  function changed() {
    onChange?.(read());
  }

  return {
    node: (name) => parts[name].node,
    read,
    show(name, visible) {
      parts[name].node.hidden = !visible;
    },
    hint(name, text) {
      parts[name].hint.textContent = text ?? '';
      parts[name].hint.hidden = !text;
    },
    // Number of fields showing a message.
    invalidCount: () => Object.values(parts).filter((p) => !p.error.hidden).length,
  };
}
