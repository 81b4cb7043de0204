// CSV text for the labs' "Guardar CSV" (web/labs/shared/ui/export.js) and number fields' parsing
// (web/forms/fields.js), without a browser.
import {describe, expect, test} from 'vitest';
import {csvText} from '../../web/labs/shared/ui/export.js';
import {parseField} from '../../web/forms/fields.js';

describe('csvText', () => {
  test('a header, numbers with a point at full precision, CRLF line ends', () => {
    expect(csvText([[0, 0.6931471805599453], [1, 1e-12], [2, -3.5]], ['iteración', 'pérdida']))
      .toBe('iteración,pérdida\r\n0,0.6931471805599453\r\n1,1e-12\r\n2,-3.5\r\n');
  });

  test('quotes a field with a comma, a quote, a line break or edge spaces; null is empty', () => {
    expect(csvText([['a,b', 'say "hi"', 'two\nlines', ' pad', null, undefined, true]]))
      .toBe('"a,b","say ""hi""","two\nlines"," pad",,,true\r\n');
  });

  test('non-finite numbers and typed-array rows', () => {
    expect(csvText([new Float64Array([NaN, Infinity, -Infinity, 0.1])])).toBe('NaN,Infinity,-Infinity,0.1\r\n');
    expect(csvText([Float32Array.of(0.5)])).toBe('0.5\r\n');
  });
});

describe('parseField', () => {
  test('comma or point decimals, exponents, the typographic minus', () => {
    expect(parseField('0,25')).toEqual({ok: true, value: 0.25});
    expect(parseField('1e-3', {min: 0, max: 1})).toEqual({ok: true, value: 0.001});
    expect(parseField('\u22122', {min: -5, max: 5})).toEqual({ok: true, value: -2});
  });

  test('the reason of a refusal', () => {
    expect(parseField('  ').reason).toBe('empty');
    expect(parseField('abc').reason).toBe('notNumber');
    expect(parseField('1e999').reason).toBe('notNumber');
    expect(parseField('2.5', {integer: true}).reason).toBe('notInteger');
    expect(parseField('11', {min: 0, max: 10}).reason).toBe('range');
    expect(parseField('10', {min: 0, max: 10, integer: true})).toEqual({ok: true, value: 10});
  });
});
