// A lab's settings as they live in the address: each field's kind, range and default; parsing
// what a student types or a link holds; reading a whole link with fallbacks (and the names of the
// refused values, for a Spanish notice); writing values back as address text. Pure: no DOM.
//
//   int(min, max, default), num(min, max, default), choice([values], default), flag(default)
//     field specs; any spec may carry parse(text, field) → {ok, value} | {ok: false, reason}
//   parseNumberText(text, {min, max, integer}) → {ok: true, value} | {ok: false, reason: 'empty' |
//     'notNumber' | 'notInteger' | 'range'}: the page's one parser (web/forms/number.js); a number
//     too large for a double is 'notNumber' here (a setting's range may be unbounded)
//   parseField(field, text) → the same, plus reason 'choice' for a menu or a flag
//   readParams(fields, params, {rules?, labels?, notice?}) → {values, invalid: [names], notice}
//     params: URLSearchParams or a plain object. A missing key takes its default silently; a
//     refused value takes its default and is named in `invalid`. rules(values, fields) → [names]:
//     the rules between fields, which put back defaults where a combination is refused and name
//     the fields. notice: (labels of the invalid fields) → text, or null when none is invalid;
//     labels: {name: label} (the name itself where none is given)
//   writeParams(fields, values) → {name: text}
//   fieldText(value): a value as text: numbers without float noise (0.3, not
//     0.30000000000000004), flags as 1/0, lists as "1,2,4"
import {parseNumber} from './number.js';

export const int = (min, max, fallback) => ({kind: 'int', min, max, default: fallback});
export const num = (min, max, fallback) => ({kind: 'number', min, max, default: fallback});
export const choice = (choices, fallback) => ({kind: 'choice', choices, default: fallback});
export const flag = (fallback) => ({kind: 'flag', default: fallback});

export const parseNumberText = (text, {min, max, integer} = {}) =>
  parseNumber(text, {min, max, integer, overflow: 'notNumber'});

export function parseField(field, text) {
  if (field.parse) return field.parse(text, field);
  const raw = String(text ?? '');
  if (field.kind === 'choice') {
    return field.choices.includes(raw) ? {ok: true, value: raw} : {ok: false, reason: 'choice'};
  }
  if (field.kind === 'flag') {
    return raw === '1' || raw === '0' ? {ok: true, value: raw === '1'} : {ok: false, reason: 'choice'};
  }
  return parseNumberText(raw, {min: field.min, max: field.max, integer: field.kind === 'int'});
}

export function readParams(fields, params, {rules, labels = {}, notice} = {}) {
  const get = typeof params?.get === 'function' ? (name) => params.get(name) : (name) => params?.[name];
  const values = {};
  const invalid = [];
  for (const [name, field] of Object.entries(fields)) {
    const text = get(name);
    if (text === null || text === undefined) {
      values[name] = field.default;
      continue;
    }
    const parsed = parseField(field, text);
    if (parsed.ok) values[name] = parsed.value;
    else {
      values[name] = field.default;
      invalid.push(name);
    }
  }
  for (const name of rules?.(values, fields) ?? []) if (!invalid.includes(name)) invalid.push(name);
  return {values, invalid, notice: notice && invalid.length ? notice(invalid.map((n) => labels[n] ?? n)) : null};
}

export const fieldText = (value) => (typeof value === 'boolean' ? (value ? '1' : '0')
  : Array.isArray(value) ? value.join(',')
    : typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value));

export function writeParams(fields, values) {
  const out = {};
  for (const name of Object.keys(fields)) out[name] = fieldText(values[name]);
  return out;
}
