// Lab 1's points from a CSV file of x1, x2, clase: pure, no DOM (tests/web/labs-csv.test.js).
//
//   parsePointsCsv(text, {maxRows, minRows, bounds: {x0, x1, y0, y1}, round?}) →
//     {ok: true, points: [[x1, x2, c]…], labels: [label of class 0, label of class 1], duplicates}
//     | {ok: false, reason: 'rows', rows: [{line, reason, args}…]}   every refused row, in order
//     | {ok: false, reason: 'empty' | 'tooMany' | 'tooFew' | 'oneClass' | 'manyClasses', args}
//
// What it reads (docs/labs.md, "Your own points"):
// - UTF-8, with or without a byte-order mark; lines end in LF, CRLF or CR; blank lines (or lines of
//   separators only) are skipped, and line numbers count every line of the file from 1.
// - The separator is the first data line's: ';' if it has one, else a tab, else ','. With ';' or a
//   tab a number may use a decimal comma (1,5;2,3;0); with ',' only inside quotes ("1,5",2,0).
// - A field may be quoted ("…", "" for a quote inside); fields are trimmed; empty fields at the
//   end of a line are ignored (spreadsheets add them) unless quoted; a line needs exactly 3 fields.
// - The first line is a header, and skipped, when neither its x1 nor its x2 is a number (nor
//   NaN, Infinity or one too large).
// - x1 and x2: the page's number parser (web/forms/number.js: point or comma, exponent, U+2212);
//   NaN, Infinity and numbers too large for a double are refused; `round` (lab 1: to 0.01, as
//   clicked points) applies before they are checked against `bounds` (the plane the lab draws).
// - The class: any two labels. Numbers are compared as numbers ("1.0" is "1"), the smaller one
//   is class 0 (0/1, −1/1, 1/2); two texts in code-point order ("no" 0, "si" 1). One label only,
//   or more than two, refuses the file.
// - Duplicate points are kept (each one trains, as a data set with repeats does) and counted.
// - Any refused row refuses the whole file, with every refused line listed: a teacher's data set
//   comes in whole or not at all, so that a run never trains silently on part of it.
import {parseNumber} from '../../forms/number.js';

const COLUMNS = ['x1', 'x2'];

// The fields of one line, or null when a quote is left open.
export function splitLine(line, separator) {
  const fields = [];
  const quotes = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (ch === separator) {
      fields.push(field.trim());
      quotes.push(wasQuoted);
      field = '';
      wasQuoted = false;
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field.trim());
  quotes.push(wasQuoted);
  // Empty fields at the end, unless quoted ("" is an empty value given on purpose).
  while (fields.length && fields.at(-1) === '' && !quotes.at(-1)) {
    fields.pop();
    quotes.pop();
  }
  return fields;
}

const separatorOf = (line) => (line.includes(';') ? ';' : line.includes('\t') ? '\t' : ',');
// A header's x1 and x2: neither a number nor a word for one (a first row "NaN,1,0" is a row).
const headerWord = (field) => !number(field).ok && number(field).reason !== 'nonFinite' && !/^[+-]?(nan|inf(inity)?)$/i.test(field);
const blank = (line) => /^[\s,;]*$/.test(line);
const number = (text) => parseNumber(text, {overflow: 'nonFinite'});

// A class label as compared: a number in its shortest form, a text as it is.
function labelKey(text) {
  const parsed = number(text);
  return parsed.ok ? {key: String(parsed.value), value: parsed.value} : {key: text, value: null};
}

function orderLabels(labels) {
  const numeric = labels.every((l) => l.value !== null);
  return [...labels].sort((a, b) => (numeric ? a.value - b.value : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function parsePointsCsv(text, {maxRows, minRows = 1, bounds, round = (v) => v}) {
  const lines = String(text ?? '').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows = [];
  const refused = [];
  let separator = null;
  let seenData = false;
  let count = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (blank(line)) continue;
    separator ??= separatorOf(line);
    const fields = splitLine(line, separator);
    const number1 = k + 1;
    if (!seenData) {
      seenData = true;
      if (fields && fields.length >= 2 && fields.slice(0, 2).every(headerWord)) continue;
    }
    count += 1;
    if (count > maxRows) return {ok: false, reason: 'tooMany', args: {max: maxRows}};
    if (!fields) {
      refused.push({line: number1, reason: 'quote', args: {}});
      continue;
    }
    if (fields.length !== 3) {
      refused.push({line: number1, reason: 'columns', args: {count: fields.length}});
      continue;
    }
    const values = [];
    let problem = null;
    for (const [i, column] of COLUMNS.entries()) {
      const parsed = number(fields[i]);
      if (!parsed.ok) {
        problem = {reason: parsed.reason === 'nonFinite' ? 'nonFinite' : 'notNumber', args: {column, text: fields[i]}};
        break;
      }
      const value = round(parsed.value);
      const [min, max] = i === 0 ? [bounds.x0, bounds.x1] : [bounds.y0, bounds.y1];
      if (value < min || value > max) {
        problem = {reason: 'outside', args: {column, value, min, max}};
        break;
      }
      values.push(value);
    }
    if (!problem && fields[2] === '') problem = {reason: 'emptyClass', args: {}};
    if (problem) refused.push({line: number1, ...problem});
    else rows.push({x: values[0], y: values[1], label: labelKey(fields[2])});
  }
  if (refused.length) return {ok: false, reason: 'rows', rows: refused};
  if (rows.length === 0) return {ok: false, reason: 'empty', args: {}};
  const distinct = new Map();
  for (const row of rows) if (!distinct.has(row.label.key)) distinct.set(row.label.key, row.label);
  if (distinct.size > 2) return {ok: false, reason: 'manyClasses', args: {labels: [...distinct.keys()]}};
  if (distinct.size < 2) return {ok: false, reason: 'oneClass', args: {label: rows[0].label.key}};
  if (rows.length < minRows) return {ok: false, reason: 'tooFew', args: {count: rows.length, min: minRows}};
  const labels = orderLabels([...distinct.values()]).map((l) => l.key);
  const seen = new Set();
  let duplicates = 0;
  const points = rows.map(({x, y, label}) => {
    const key = `${x},${y}`;
    if (seen.has(key)) duplicates += 1;
    seen.add(key);
    return [x, y, labels.indexOf(label.key)];
  });
  return {ok: true, points, labels, duplicates};
}
