// The page's one number parser (web/forms/number.js), the labs' settings parser built on it
// (web/forms/settings.js) and the Spanish messages chosen by its reason codes
// (web/forms/refusal.js), under Node: no DOM, no core.
import {describe, expect, test} from 'vitest';
import {parseNumber} from '../../web/forms/number.js';
import {labTexts, refusalText, shownText} from '../../web/forms/refusal.js';
import {choice, flag, int, num, parseField, parseNumberText, readParams, writeParams} from '../../web/forms/settings.js';
import {parseField as parseLabField} from '../../web/forms/fields.js';
import {S, useTexts} from '../../web/strings/index.js';

await useTexts('labs');  // S.labs, as a lab's page asks for it (web/strings/index.js)
const VALUE = {min: -1000, max: 1000};

describe('parseNumber', () => {
  test.each([
    ['0.25', 0.25], ['0,25', 0.25], ['.5', 0.5], [',5', 0.5], ['5.', 5], ['5,', 5], ['+2', 2],
    ['-1.5', -1.5], ['\u22121.5', -1.5], ['\u20131,5', -1.5], [' 3 ', 3], ['1 000', 1000],
    ['1e-3', 0.001], ['1E3', 1000], ['2,5e-1', 0.25], ['-2.5E+2', -250], ['\u22121e2', -100],
  ])('%j reads as %d', (text, value) => {
    expect(parseNumber(text, VALUE)).toEqual({ok: true, value});
  });

  test('−0 reads as 0', () => {
    expect(Object.is(parseNumber('-0', VALUE).value, 0)).toBe(true);
    expect(Object.is(parseNumber('\u22120,0', VALUE).value, 0)).toBe(true);
  });

  test.each(['', '   ', '\t'])('%j is empty', (text) => {
    expect(parseNumber(text, VALUE)).toEqual({ok: false, reason: 'empty'});
  });

  test.each(['abc', '1,2,3', '1.2.3', '1,5.3', '0x10', 'Infinity', 'NaN', '1e', 'e3', '--1', '1e2.5', '½'])(
    '%j is not a number',
    (text) => {
      expect(parseNumber(text, VALUE)).toEqual({ok: false, reason: 'notNumber'});
    },
  );

  test('a range refuses outside it, both ends included', () => {
    expect(parseNumber('1000', VALUE)).toEqual({ok: true, value: 1000});
    expect(parseNumber('-1000', VALUE)).toEqual({ok: true, value: -1000});
    expect(parseNumber('1000.5', VALUE)).toEqual({ok: false, reason: 'range'});
    expect(parseNumber('−2000', VALUE)).toEqual({ok: false, reason: 'range'});
    expect(parseNumber('1e4', VALUE)).toEqual({ok: false, reason: 'range'});
  });

  test('an excluded maximum', () => {
    expect(parseNumber('1', {min: 0, max: 1, maxExcluded: true})).toEqual({ok: false, reason: 'range'});
    expect(parseNumber('0,999', {min: 0, max: 1, maxExcluded: true})).toEqual({ok: true, value: 0.999});
  });

  test('no range: any finite number', () => {
    expect(parseNumber('-1e300')).toEqual({ok: true, value: -1e300});
    expect(parseNumber(undefined)).toEqual({ok: false, reason: 'empty'});
  });

  test('beyond a double: out of every range, or not a number where asked', () => {
    expect(parseNumber('1e999', VALUE)).toEqual({ok: false, reason: 'range'});
    expect(parseNumber('-1e999')).toEqual({ok: false, reason: 'range'});
    expect(parseNumber('1e999', {overflow: 'notNumber'})).toEqual({ok: false, reason: 'notNumber'});
  });

  test('integer fields', () => {
    const steps = {min: 1, max: 12, integer: true};
    expect(parseNumber('12', steps)).toEqual({ok: true, value: 12});
    expect(parseNumber('1e1', steps)).toEqual({ok: true, value: 10});
    expect(parseNumber('3,0', steps)).toEqual({ok: true, value: 3});
    expect(parseNumber('2,5', steps)).toEqual({ok: false, reason: 'notInteger'});
    expect(parseNumber('0.5', steps)).toEqual({ok: false, reason: 'notInteger'}); // not whole before not in range
    expect(parseNumber('13', steps)).toEqual({ok: false, reason: 'range'});
    expect(parseNumber('0', steps)).toEqual({ok: false, reason: 'range'});
  });
});

describe('the labs read settings with the same parser', () => {
  test('parseNumberText: a number too large is not a number', () => {
    expect(parseNumberText('1e999')).toEqual({ok: false, reason: 'notNumber'});
    expect(parseNumberText('0,25', {min: 0, max: 1})).toEqual({ok: true, value: 0.25});
    expect(parseNumberText('2.5', {integer: true})).toEqual({ok: false, reason: 'notInteger'});
    expect(parseLabField('\u22122', {min: -5, max: 5})).toEqual({ok: true, value: -2});
  });

  test('the same texts parse alike in the lessons and the labs', () => {
    for (const text of ['0,5', '−0.5', '1e-3', '7', 'abc', '', '2000', '3.5']) {
      expect(parseNumberText(text, VALUE)).toEqual(parseNumber(text, VALUE));
    }
  });

  test('field specs, a link and back', () => {
    const fields = {n: int(1, 8, 2), lr: num(0, 10, 0.5), shape: choice(['xor', 'spiral'], 'xor'), on: flag(true)};
    expect(parseField(fields.n, '4,0')).toEqual({ok: true, value: 4});
    expect(parseField(fields.n, '4.5')).toEqual({ok: false, reason: 'notInteger'});
    expect(parseField(fields.lr, '11')).toEqual({ok: false, reason: 'range'});
    expect(parseField(fields.shape, 'circle')).toEqual({ok: false, reason: 'choice'});
    expect(parseField(fields.on, '0')).toEqual({ok: true, value: false});
    const {values, invalid} = readParams(fields, new URLSearchParams('n=9&lr=0,25&shape=spiral'));
    expect(values).toEqual({n: 2, lr: 0.25, shape: 'spiral', on: true});
    expect(invalid).toEqual(['n']);
    expect(writeParams(fields, {...values, lr: 0.1 + 0.2})).toEqual({n: '2', lr: '0.3', shape: 'spiral', on: '1'});
  });
});

describe('messages by reason code', () => {
  const E = S.editor.errors;

  test('what was typed is shown, cut to 24 characters', () => {
    expect(shownText('  abc ')).toBe('abc');
    expect(shownText('x'.repeat(30))).toBe(`${'x'.repeat(24)}…`);
  });

  test('the lessons: S.editor.errors', () => {
    expect(refusalText('empty', '', VALUE, E)).toBe(E.empty);
    expect(refusalText('notNumber', ' abc ', VALUE, E)).toBe(E.notNumber('abc'));
    expect(refusalText('notInteger', '2,5', VALUE, E)).toBe(E.notInteger);
    expect(refusalText('range', '2000', VALUE, {...E, range: (min, max) => E.range(String(min), String(max))}))
      .toBe(E.range('-1000', '1000'));
    for (const reason of ['empty', 'notNumber', 'notInteger', 'range']) {
      expect(refusalText(reason, 'x', VALUE, E)).toMatch(/\S/);
    }
  });

  test('the labs: S.labs.fields, naming the field', () => {
    const F = S.labs.fields;
    const texts = labTexts(F, 'Semilla');
    expect(refusalText('empty', '', {}, texts)).toBe(F.empty('Semilla'));
    expect(refusalText('notNumber', 'uno', {}, texts)).toBe(F.notNumber('Semilla', 'uno'));
    expect(refusalText('notInteger', '1,5', {}, texts)).toBe(F.notInteger('Semilla'));
    expect(refusalText('choice', 'x', {}, texts)).toBe(F.choice('Semilla'));
    expect(refusalText('range', '-1', {min: 0, max: 10}, texts)).toBe(F.range('Semilla', 0, 10));
    expect(F.range('Semilla', 0, 10)).toMatch(/Semilla/);
  });
});
