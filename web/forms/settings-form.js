// A lab's whole settings form over field specs (web/forms/settings.js): a box per number field, a
// menu per choice or flag, each checked as the student types with the page's one parser and its
// Spanish messages (web/forms/refusal.js, S.labs.fields).
//
//   createForm(specs, values, {labels, options?, reasons?, rules?, onChange?, prefix = 'lab'})
//     → {node(name), read() → {ok, values, errors: {name: message}}, set(values), show(name, visible)}
//     options: {name: {value: text}} the texts of a menu's options; node(name) is
//     <label class="<prefix>-field <prefix>-field-<name>"> with the message in
//     .<prefix>-field-error ('seq': .seq-field-message); place it where it belongs.
//     reasons: {reason: (label, min, max) → text} instead of the common messages.
//     rules(values) → {name: message}: the rules between fields, checked once every field parses.
//     A hidden field (show(name, false)) gives its value or its default, never a message.
//     onChange(read()) after every edit.
import {el} from '../dom.js';
import {S} from '../strings/index.js';
import {messageSlot, numberInput, showRefusal} from './control.js';
import {labTexts, refusalText} from './refusal.js';
import {selectInput} from './select.js';
import {fieldText, parseField} from './settings.js';

let forms = 0;

export function createForm(specs, values, {labels, options = {}, reasons, rules, onChange, prefix = 'lab'}) {
  const uid = ++forms;
  const messageClass = prefix === 'seq' ? 'seq-field-message' : `${prefix}-field-error`;
  const boxes = {};
  for (const [name, spec] of Object.entries(specs)) {
    const id = `${prefix}-field-${uid}-${name}`;
    const message = messageSlot('span', {class: messageClass, id: `${id}-error`});
    const menu = spec.kind === 'choice' || spec.kind === 'flag';
    const texts = options[name] ?? {};
    const attributes = {id, name, 'aria-describedby': message.id};
    const input = menu
      ? selectInput(spec.kind === 'choice' ? spec.choices.map((c) => [c, texts[c] ?? c]) : Object.entries(texts), attributes)
      : numberInput({integer: spec.kind === 'int', ...attributes});
    input.value = fieldText(values[name]);
    input.addEventListener(menu ? 'change' : 'input', () => {
      check(name);
      onChange?.(read());
    });
    const node = el('label', {class: `${prefix}-field ${prefix}-field-${name}`, for: id}, [el('span', {}, labels[name]), input, message]);
    boxes[name] = {input, message, spec, node};
  }

  const mark = (name, text) => showRefusal(boxes[name].input, boxes[name].message, text);

  // Parses one box and shows or clears its message.
  function check(name) {
    const {input, spec, node} = boxes[name];
    const parsed = parseField(spec, input.value);
    if (node.hidden || parsed.ok) mark(name, null);
    else if (reasons) mark(name, reasons[parsed.reason](labels[name], spec.min, spec.max));
    else mark(name, refusalText(parsed.reason, input.value, spec, labTexts(S.labs.fields, labels[name])));
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
