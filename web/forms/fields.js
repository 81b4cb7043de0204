// Labelled inputs for a lab's settings, with inline Spanish messages that name the field. What
// the student typed stays in the box until fixed; `value` is the typed value, or null while the
// text is not valid.
//
//   parseField(text, {min, max, integer}) → {ok: true, value} | {ok: false, reason: 'empty' |
//     'notNumber' | 'notInteger' | 'range'}   (',' or '.' decimals, exponent, U+2212 minus)
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
// A whole settings form over field specs (web/labs/ui/settings.js):
//   createForm(specs, values, {labels, options?, reasons?, rules?, onChange?, prefix = 'lab'})
//     → {node(name), read() → {ok, values, errors: {name: message}}, set(values), show(name, visible)}
//     a box per number field, a menu per choice or flag ({name: {value: text}} in options), each
//     checked as the student types; node(name) is <label class="<prefix>-field <prefix>-field-<name>">
//     with the message in .<prefix>-field-error ('seq': .seq-field-message); place it where it
//     belongs. reasons: {reason: (label, min, max) → text} instead of the common messages.
//     rules(values) → {name: message}: the rules between fields, checked once every field parses.
//     A hidden field (show(name, false)) gives its value or its default, never a message.
//     onChange(read()) after every edit.
import {el} from '../../dom.js';
import {S} from '../../strings/index.js';
import {fieldText, parseField as parseSetting, parseNumberText} from './settings.js';

let ids = 0;
const nextId = (kind) => `lab-${kind}-${++ids}`;

export const parseField = (text, limits) => parseNumberText(text, limits);

function messageFor(reason, label, text, {min, max}) {
  const F = S.labs.fields;
  const shown = text.trim().length > 24 ? `${text.trim().slice(0, 24)}…` : text.trim();
  if (reason === 'empty') return F.empty(label);
  if (reason === 'notNumber') return F.notNumber(label, shown);
  if (reason === 'notInteger') return F.notInteger(label);
  if (reason === 'choice') return F.choice(label);
  return F.range(label, min, max);
}

// The label, the control, an optional hint and the message slot, wired for screen readers.
function frame(label, control, hint) {
  const errorId = nextId('error');
  const hintId = hint ? nextId('hint') : null;
  const message = el('p', {class: 'lab-field-error', id: errorId, role: 'alert', hidden: true});
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const node = el('label', {class: 'lab-field'}, [
    el('span', {}, label),
    control,
    hint ? el('span', {class: 'lab-field-hint', id: hintId}, hint) : null,
    message,
  ]);
  function setError(text) {
    message.hidden = !text;
    message.textContent = text ?? '';
    if (text) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  return {node, setError};
}

export function numberField({label, value, min = -Infinity, max = Infinity, integer = false, hint, onChange}) {
  const limits = {min, max, integer};
  const input = el('input', {type: 'text', inputmode: integer ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false'});
  input.value = value === null || value === undefined ? '' : String(value);
  const {node, setError} = frame(label, input, hint);
  let current = null;

  function check() {
    const parsed = parseField(input.value, limits);
    current = parsed.ok ? parsed.value : null;
    setError(parsed.ok ? null : messageFor(parsed.reason, label, input.value, limits));
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
  const select = el('select', {}, options.map((o) => el('option', {value: String(o.value)}, o.label)));
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

let forms = 0;

export function createForm(specs, values, {labels, options = {}, reasons, rules, onChange, prefix = 'lab'}) {
  const uid = ++forms;
  const messageClass = prefix === 'seq' ? 'seq-field-message' : `${prefix}-field-error`;
  const boxes = {};
  for (const [name, spec] of Object.entries(specs)) {
    const id = `${prefix}-field-${uid}-${name}`;
    const message = el('span', {class: messageClass, id: `${id}-error`, role: 'alert', hidden: true});
    const menu = spec.kind === 'choice' || spec.kind === 'flag';
    const texts = options[name] ?? {};
    const input = menu
      ? el('select', {id, name, 'aria-describedby': message.id},
        (spec.kind === 'choice' ? spec.choices.map((c) => [c, texts[c] ?? c]) : Object.entries(texts)).map(([value, text]) => el('option', {value}, text)))
      : el('input', {id, name, type: 'text', inputmode: spec.kind === 'int' ? 'numeric' : 'decimal',
        autocomplete: 'off', spellcheck: 'false', 'aria-describedby': message.id});
    input.value = fieldText(values[name]);
    input.addEventListener(menu ? 'change' : 'input', () => {
      check(name);
      onChange?.(read());
    });
    const node = el('label', {class: `${prefix}-field ${prefix}-field-${name}`, for: id}, [el('span', {}, labels[name]), input, message]);
    boxes[name] = {input, message, spec, node};
  }

  function mark(name, text) {
    const {input, message} = boxes[name];
    message.hidden = !text;
    message.textContent = text ?? '';
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  // Parses one box and shows or clears its message.
  function check(name) {
    const {input, spec, node} = boxes[name];
    const parsed = parseSetting(spec, input.value);
    if (node.hidden) mark(name, null);
    else if (parsed.ok) mark(name, null);
    else mark(name, reasons ? reasons[parsed.reason](labels[name], spec.min, spec.max) : messageFor(parsed.reason, labels[name], input.value, spec));
    return parsed;
  }

  function read() {
    const out = {};
    const errors = {};
    for (const [name, {spec, node}] of Object.entries(boxes)) {
      const parsed = check(name);
      if (parsed.ok) out[name] = parsed.value;
      else if (node.hidden) out[name] = spec.default;
      else errors[name] = boxes[name].message.textContent;
    }
    if (Object.keys(errors).length === 0 && rules) {
      for (const [name, text] of Object.entries(rules(out))) {
        if (!boxes[name] || boxes[name].node.hidden) continue;
        mark(name, text);
        errors[name] = text;
      }
    }
    return {ok: Object.keys(errors).length === 0, values: out, errors};
  }

  function set(next) {
    for (const [name, value] of Object.entries(next)) {
      if (!boxes[name] || value === undefined) continue;
      boxes[name].input.value = fieldText(value);
      check(name);
    }
  }

  return {
    node: (name) => boxes[name].node,
    read,
    set,
    show(name, visible) {
      boxes[name].node.hidden = !visible;
    },
  };
}
