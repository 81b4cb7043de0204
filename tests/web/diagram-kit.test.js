// The diagrams' shared kit (web/components/diagram-kit/) under Node: sub- and superscripts, short
// numbers, and the popovers' number reading, which must take exactly what the editor tables take.
import {beforeAll, describe, expect, test} from 'vitest';
import {parseNumber} from '../../web/forms/number.js';
import {limits} from '../../web/components/editor/scenario.js';
import {limits as rnnLimits} from '../../web/components/rnn-editor/scenario.js';
import {readNumber, tableRefusal} from '../../web/components/diagram-kit/popover.js';
import {exact, layerSup, short, sub, sup} from '../../web/components/diagram-kit/text.js';
import {S} from '../../web/strings/index.js';
import {loadWasmCore} from './support.js';

beforeAll(async () => {
  await loadWasmCore();  // the editors' ranges are the core's (web/core/spec.js)
});

describe('text', () => {
  test('sub- and superscript digits', () => {
    expect(sub(12)).toBe('₁₂');
    expect(sub('x0')).toBe('x₀');
    expect(sup(3)).toBe('³');
    expect(layerSup(2)).toBe('⁽²⁾');
    expect(sup(1234567890)).toBe('¹²³⁴⁵⁶⁷⁸⁹⁰');
  });

  test('the strings use the same helpers', () => {
    expect(S.editor.weightCell(2, 1, 3)).toBe('w₁₃⁽²⁾');
    expect(S.rnnEditor.vectorCell('b', 12)).toBe('b₁₂');
  });

  test('exact numbers for tooltips and short ones for cells', () => {
    expect(exact(-0.25)).toBe('−0.25');
    expect(exact(undefined)).toBe('—');
    expect(short(0.593269992)).toBe('0.593');
    expect(short(-0.0012345, true)).toBe('−0.0012');
    expect(short(-0.0012345)).toBe('−0.00123');
    expect(short(123456)).toBe('1.2e5');
    expect(short(0)).toBe('0');
    expect(short(null)).toBe('—');
  });
});

describe('reading a number in a popover', () => {
  const texts = [
    '0.25', '0,25', '-1.5', '−1.5', '–1.5', '+2', ' 3 ', '1e-3', '1E3', '2,5e-1', '.5', ',5', '5.', '1 000',
    '', '   ', 'abc', '1,2,3', '1.2.3', '1,5.3', '0x10', 'Infinity', 'NaN', '1e999', '-1e999', '1000', '1000.5', '-2000', '1e3', '1e4',
  ];
  test.each(texts)('%j: the editor tables and the diagrams agree', (text) => {
    for (const range of [limits().value, rnnLimits().value]) {
      const table = parseNumber(text, range);
      const popover = readNumber(text, range);
      expect(popover.ok).toBe(table.ok);
      if (table.ok) expect(popover.value).toBe(table.value);
    }
  });

  test('what a refusal is about, and the table\'s words for a range', () => {
    const range = limits().value;
    expect(range).toMatchObject({min: -1000, max: 1000});
    expect(readNumber('abc', range)).toEqual({ok: false, reason: 'notNumber'});
    expect(readNumber('', range)).toEqual({ok: false, reason: 'notNumber'});
    expect(readNumber('1e999', range)).toEqual({ok: false, reason: 'notFinite'});
    expect(readNumber('1e999')).toEqual({ok: false, reason: 'notFinite'});
    expect(readNumber('2000', range)).toEqual({ok: false, reason: 'range'});
    expect(readNumber('2000')).toEqual({ok: true, value: 2000});
    expect(readNumber('−0,5', range)).toEqual({ok: true, value: -0.5});
    expect(readNumber('2.5', {min: 0, max: 10, integer: true})).toEqual({ok: false, reason: 'notInteger'});
    expect(tableRefusal('range', '2000', range)).toBe('Debe estar entre −1000 y 1000.');
    expect(tableRefusal('notInteger', '2.5', range)).toBe('Debe ser un número entero.');
  });
});
