// What a student types into a number box: a point or a comma as the decimal mark, an optional
// exponent, the minus sign formatNumber writes (U+2212) as well as the ASCII one.
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;

// {ok: true, value} or {ok: false, reason: 'empty' | 'notNumber' | 'range'}.
export function parseNumber(text, {min, max}) {
  const clean = text.trim().replace(/[\u2212\u2013]/g, '-').replace(/\s+/g, '');
  if (clean === '') return {ok: false, reason: 'empty'};
  if (!NUMBER.test(clean)) return {ok: false, reason: 'notNumber'};
  const value = Number(clean.replace(',', '.'));
  if (!Number.isFinite(value) || value < min || value > max) return {ok: false, reason: 'range'};
  return {ok: true, value: Object.is(value, -0) ? 0 : value};
}
