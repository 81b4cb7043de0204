// What every form control of the page shares, in the lessons' editors and in the labs: the text
// box a number is typed into, and how a refusal shows on a control (its message, aria-invalid).
import {el} from '../dom.js';

// A text box for a number: the page's own parser reads it (web/forms/number.js), so it is not an
// <input type="number">, whose value the browser empties when it does not parse.
export function numberInput({integer = false, ...attributes} = {}) {
  return el('input', {
    type: 'text',
    inputmode: integer ? 'numeric' : 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    ...attributes,
  });
}

// A message slot that stays in place (hidden while there is nothing to say); its id is meant for
// the control's aria-describedby.
export const messageSlot = (tag, attributes) => el(tag, {role: 'alert', hidden: true, ...attributes});

// Shows `text` in `message` (or hides it) and marks `control` invalid while it shows.
export function showRefusal(control, message, text) {
  message.hidden = !text;
  message.textContent = text ?? '';
  if (text) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}
