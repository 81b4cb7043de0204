// The one number parser of the page: the lessons' editors, their diagrams, the labs' fields and
// the labs' settings in the address all read what a student typed through it.
//
//   parseNumber(text, {min = −∞, max = ∞, integer = false, maxExcluded = false, overflow = 'range'})
//     → {ok: true, value} | {ok: false, reason: 'empty' | 'notNumber' | 'notInteger' | 'range'}
//
// A point or a comma as the decimal mark, an optional exponent, the minus sign formatNumber writes
// (U+2212) and the en dash as well as the ASCII one, spaces anywhere. A number too large for a
// double (1e999) is beyond every range: reason `overflow` ('range', or 'notNumber' where the range
// may be unbounded and "between −∞ and ∞" would say nothing). −0 reads as 0. The reasons key the
// Spanish messages (web/forms/refusal.js); nothing matches the words of a message.
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;

export function parseNumber(text, {min = -Infinity, max = Infinity, integer = false, maxExcluded = false, overflow = 'range'} = {}) {
  const clean = String(text ?? '').trim().replace(/[\u2212\u2013]/g, '-').replace(/\s+/g, '');
  if (clean === '') return {ok: false, reason: 'empty'};
  if (!NUMBER.test(clean)) return {ok: false, reason: 'notNumber'};
  const value = Number(clean.replace(',', '.'));
  if (!Number.isFinite(value)) return {ok: false, reason: overflow};
  if (integer && !Number.isInteger(value)) return {ok: false, reason: 'notInteger'};
  if (value < min || value > max || (maxExcluded && value === max)) return {ok: false, reason: 'range'};
  return {ok: true, value: Object.is(value, -0) ? 0 : value};
}
