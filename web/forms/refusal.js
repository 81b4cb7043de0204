// A refused text's Spanish message, chosen by the parser's reason code (web/forms/number.js,
// web/forms/settings.js), never by the words of another message. The texts come from
// web/strings/: the lessons' editors use S.editor.errors, the labs S.labs.fields (through
// labTexts, which names the field in each message).
//
//   refusalText(reason, text, {min, max}, texts) → the message
//     texts: {empty, notNumber(shown), notInteger, range(min, max), choice, and optionally
//     atLeast(min) (a range without a maximum), rangeBelow(min, max) (a maximum excluded)}, each
//     a string or a function; `shown` is what the student typed, cut to 24 characters.
//   labTexts(F, label) → the labs' texts for one field, F = S.labs.fields
const SHOWN = 24;

export function shownText(text) {
  const trimmed = String(text ?? '').trim();
  return trimmed.length > SHOWN ? `${trimmed.slice(0, SHOWN)}…` : trimmed;
}

export function refusalText(reason, text, {min, max, maxExcluded = false} = {}, texts) {
  const say = (entry, ...args) => (typeof entry === 'function' ? entry(...args) : entry);
  if (reason === 'empty') return say(texts.empty);
  if (reason === 'notNumber') return say(texts.notNumber, shownText(text));
  if (reason === 'notInteger') return say(texts.notInteger);
  if (reason === 'choice') return say(texts.choice);
  // A range without a top (λ ≥ 0) or whose top is excluded (β < 1), when the texts say so.
  if (max === Infinity && texts.atLeast) return say(texts.atLeast, min);
  if (maxExcluded && texts.rangeBelow) return say(texts.rangeBelow, min, max);
  return say(texts.range, min, max);
}

export const labTexts = (F, label) => ({
  empty: F.empty(label),
  notNumber: (shown) => F.notNumber(label, shown),
  notInteger: F.notInteger(label),
  choice: F.choice(label),
  range: (min, max) => F.range(label, min, max),
});
