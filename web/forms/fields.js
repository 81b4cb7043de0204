// Labelled inputs for a lab's settings, with inline Spanish messages that name the field. What
// the student typed stays in the box until fixed; `value` is the typed value, or null while the
// text is not valid. The parser is the page's one (web/forms/number.js), the messages are chosen
// by its reason codes (web/forms/refusal.js, S.labs.fields).
//
//   parseField(text, {min, max, integer}) → {ok: true, value} | {ok: false, reason: 'empty' |
//     'notNumber' | 'notInteger' | 'range'}   (web/forms/settings.js parseNumberText)
//   numberField({label, value, min, max, integer = false, hint?, onChange?(value)})
//     → {node, input, value, valid, text, set(value), check() → bool, setError(message | null)}
//     checked as the student types; onChange(value) on a valid 'change' (Enter, leaving the box)
//   selectField({label, value, options: [{value, label}], onChange?(value)})
//     → {node, select, value, valid, set(value), check(), setError(message | null)}
//   rangeField({label, value, min, max, step, format?(value) → text, onChange?(value), onInput?(value)})
//     → {node, input, value, valid, set(value), check(), setError(message | null)}
//   readFields({name: field…}) → {ok, values: {name: value}, invalid: [name…]} (checks every one)
//   fieldRow([field…]) → <div class="lab-fields">
//
// A whole settings form over field specs: web/forms/settings-form.js.
import {el} from '../dom.js';
import {S} from '../strings/index.js';
import {messageSlot, numberInput, showRefusal} from './control.js';
import {labTexts, refusalText} from './refusal.js';
import {selectInput} from './select.js';
import {parseNumberText} from './settings.js';

let ids = 0;
const nextId = (kind) => `lab-${kind}-${++ids}`;

export const parseField = (text, limits) => parseNumberText(text, limits);

// The label, the control, an optional hint and the message slot, wired for screen readers.
function frame(label, control, hint) {
  const hintId = hint ? nextId('hint') : null;
  const message = messageSlot('p', {class: 'lab-field-error', id: nextId('error')});
  control.setAttribute('aria-describedby', [hintId, message.id].filter(Boolean).join(' '));
  const node = el('label', {class: 'lab-field'}, [
    el('span', {}, label),
    control,
    hint ? el('span', {class: 'lab-field-hint', id: hintId}, hint) : null,
    message,
  ]);
  return {node, setError: (text) => showRefusal(control, message, text)};
}

export function numberField({label, value, min = -Infinity, max = Infinity, integer = false, hint, onChange}) {
  const limits = {min, max, integer};
  const input = numberInput({integer});
  input.value = value === null || value === undefined ? '' : String(value);
  const {node, setError} = frame(label, input, hint);
  let current = null;

  function check() {
    const parsed = parseField(input.value, limits);
    current = parsed.ok ? parsed.value : null;
    setError(parsed.ok ? null : refusalText(parsed.reason, input.value, limits, labTexts(S.labs.fields, label)));
    return parsed.ok;
  }
  check();
  if (input.value === '') setError(null);  // an empty start is not an error until typed into
  input.addEventListener('input', check);
  input.addEventListener('change', () => {
    if (check()) onChange?.(current);
  });

  return {
    node,
    input,
    get value() {
      return current;
    },
    get valid() {
      return current !== null;
    },
    get text() {
      return input.value;
    },
    set(next) {
      input.value = String(next);
      check();
    },
    check,
    setError,
  };
}

export function selectField({label, value, options, onChange}) {
  const select = selectInput(options.map((o) => [o.value, o.label]));
  const {node, setError} = frame(label, select);
  const byText = new Map(options.map((o) => [String(o.value), o.value]));
  const read = () => (byText.has(select.value) ? byText.get(select.value) : null);
  function check() {
    const ok = read() !== null;
    setError(ok ? null : S.labs.fields.choice(label));
    return ok;
  }
  select.value = String(value);
  if (!byText.has(String(value))) select.selectedIndex = 0;
  select.addEventListener('change', () => {
    setError(null);
    onChange?.(read());
  });
  return {
    node,
    select,
    get value() {
      return read();
    },
    get valid() {
      return read() !== null;
    },
    set(next) {
      select.value = String(next);
    },
    check,
    setError,
  };
}

export function rangeField({label, value, min, max, step = 1, format = String, onChange, onInput}) {
  const input = el('input', {type: 'range', min: String(min), max: String(max), step: String(step)});
  input.value = String(value);
  const shown = el('output', {class: 'lab-range-value'}, format(Number(input.value)));
  const {node, setError} = frame(label, input);
  node.insertBefore(shown, input.nextSibling);
  input.addEventListener('input', () => {
    shown.textContent = format(Number(input.value));
    onInput?.(Number(input.value));
  });
  input.addEventListener('change', () => onChange?.(Number(input.value)));
  return {
    node,
    input,
    get value() {
      return Number(input.value);
    },
    valid: true,
    set(next) {
      input.value = String(next);
      shown.textContent = format(Number(input.value));
    },
    check: () => true,
    setError,
  };
}

export function readFields(fields) {
  const values = {};
  const invalid = [];
  for (const [name, field] of Object.entries(fields)) {
    if (field.check()) values[name] = field.value;
    else invalid.push(name);
  }
  return {ok: invalid.length === 0, values, invalid};
}

export function fieldRow(fields) {
  return el('div', {class: 'lab-fields'}, fields.map((f) => f.node ?? f));
}
