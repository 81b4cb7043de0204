// Lab 1's own points: the CSV parser (web/labs/clasificacion/csv.js), the points in the address
// (points.js), the training and validation sets they make, the settings file's round trip
// (checkSettings, web/labs/settings-files.js) and a scenario file's round trip (the same trace).
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {loadWasmCore, root} from './support.js';
import {parsePointsCsv, splitLine} from '../../web/labs/clasificacion/csv.js';
import {POINTS_IN_FILE, decodePoints, encodePoints, fitsAddress, importedData, roundToGrid} from '../../web/labs/clasificacion/points.js';
import {VIEW, classificationFields, readParams} from '../../web/labs/shared/plane-settings.js';
import {buildScenario} from '../../web/labs/shared/plane-scenario.js';
import {MAX_SHARED_CHARS} from '../../web/share.js';
import {useTexts} from '../../web/strings/index.js';

const core = await loadWasmCore();
await useTexts('labs');  // S.labs, as a lab's page asks for it (web/strings/index.js)
// Modules that read S (the strings) or the spec load after the core.
const {checkSettings} = await import('../../web/labs/clasificacion/settings.js');
const {readSettingsFile, settingsFile} = await import('../../web/labs/settings-files.js');
const {savedScenario, scenarioProblem} = await import('../../web/lessons/scenario-files.js');
const {LABS, loadLab} = await import('../../web/labs/registry.js');

const limits = () => core.spec().data.points.count;
const parse = (text, options = {}) => parsePointsCsv(text, {maxRows: limits().max, minRows: limits().min, bounds: VIEW, round: roundToGrid, ...options});
const four = 'x1,x2,clase\n0.1,0.2,0\n-0.5,0.5,1\n1,1,1\n-1,-1,0\n';

describe('the CSV parser', () => {
  test('comma separated with a header: every point, classes 0/1', () => {
    const result = parse(four);
    expect(result).toEqual({ok: true, points: [[0.1, 0.2, 0], [-0.5, 0.5, 1], [1, 1, 1], [-1, -1, 0]], labels: ['0', '1'], duplicates: 0});
  });

  test('no header, semicolons with decimal commas, CRLF, a BOM, blank lines and trailing separators', () => {
    const text = '\uFEFF1,5;0,25;1\r\n\r\n-0,5;−0,75;0\r\n;;\r\n0;0;1;\r\n1e-1;1.2;0\r\n';
    const result = parse(text);
    expect(result.ok).toBe(true);
    expect(result.points).toEqual([[1.5, 0.25, 1], [-0.5, -0.75, 0], [0, 0, 1], [0.1, 1.2, 0]]);
  });

  test('tabs separate too; CR alone ends a line', () => {
    expect(parse('0.1\t0.2\t0\r0.3\t0.4\t1\r0.5\t0.6\t1\r0.7\t0.8\t0').points).toHaveLength(4);
  });

  test('quoted fields: a decimal comma inside quotes, "" for a quote, an open quote refused', () => {
    expect(splitLine('"1,5", "2" ,"a ""b""",', ',')).toEqual(['1,5', '2', 'a "b"']);
    expect(splitLine('"1,5,2,0', ',')).toBeNull();
    const result = parse('"1,5","0,5",sí\n0,0,no\n0.5,0.5,sí\n-1,1,no\n');
    expect(result.points).toEqual([[1.5, 0.5, 1], [0, 0, 0], [0.5, 0.5, 1], [-1, 1, 0]]);
    expect(result.labels).toEqual(['no', 'sí']);
    const open = parse('0,0,0\n"1,5,0\n1,1,1\n0.5,0.5,1\n');
    expect(open).toEqual({ok: false, reason: 'rows', rows: [{line: 2, reason: 'quote', args: {}}]});
  });

  test('two-valued labels: numbers in numeric order (−1/1, 1/2, "1.0" is "1"), texts in code-point order', () => {
    expect(parse('0,0,-1\n1,1,1\n0.5,0,1.0\n0,0.5,-1\n').points.map((p) => p[2])).toEqual([0, 1, 1, 0]);
    expect(parse('0,0,2\n1,1,1\n0.5,0,2\n0,0.5,1\n').labels).toEqual(['1', '2']);
    expect(parse('0,0,rojo\n1,1,azul\n0.5,0,rojo\n0,0.5,azul\n').labels).toEqual(['azul', 'rojo']);
    expect(parse('0,0,0\n1,1,1\n0.5,0,2\n0,0.5,1\n')).toEqual({ok: false, reason: 'manyClasses', args: {labels: ['0', '1', '2']}});
    expect(parse('0,0,1\n1,1,1\n0.5,0,1\n0,0.5,1\n')).toEqual({ok: false, reason: 'oneClass', args: {label: '1'}});
  });

  test('every bad row is refused with its line number and why', () => {
    const text = [
      'x1,x2,clase',    // 1 header
      '0.1,0.2,0',      // 2
      '0.1,0.2',        // 3 too few columns
      '0.1,0.2,1,9',    // 4 too many
      'abc,0.2,1',      // 5 not a number
      'NaN,0.2,1',      // 6
      '0.1,Infinity,1', // 7
      '1e400,0.2,1',    // 8 overflows a double
      '2,0.2,1',        // 9 outside the plane
      '0.1,-1.7,1',     // 10
      '0.1,0.2,',       // 11 trailing empty fields are ignored: two columns
      '0.1,0.2, ',      // 12 the same
      '"0.1",0.2,""',   // 13 an empty class
      '',               // 14 blank
      '1.6,-1.6,1',     // 15 the plane's corner: fine
    ].join('\n');
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('rows');
    expect(result.rows).toEqual([
      {line: 3, reason: 'columns', args: {count: 2}},
      {line: 4, reason: 'columns', args: {count: 4}},
      {line: 5, reason: 'notNumber', args: {column: 'x1', text: 'abc'}},
      {line: 6, reason: 'notNumber', args: {column: 'x1', text: 'NaN'}},
      {line: 7, reason: 'notNumber', args: {column: 'x2', text: 'Infinity'}},
      {line: 8, reason: 'nonFinite', args: {column: 'x1', text: '1e400'}},
      {line: 9, reason: 'outside', args: {column: 'x1', value: 2, min: VIEW.x0, max: VIEW.x1}},
      {line: 10, reason: 'outside', args: {column: 'x2', value: -1.7, min: VIEW.y0, max: VIEW.y1}},
      {line: 11, reason: 'columns', args: {count: 2}},
      {line: 12, reason: 'columns', args: {count: 2}},
      {line: 13, reason: 'emptyClass', args: {}},
    ]);
  });

  test('a first line of NaN or of overflowing numbers is a row, not a header', () => {
    expect(parse('NaN,0,1\n0,0,0\n1,1,1\n0.5,0.5,0\n').rows).toEqual([{line: 1, reason: 'notNumber', args: {column: 'x1', text: 'NaN'}}]);
    expect(parse('abc,0,1\n0,0,0\n1,1,1\n0.5,0.5,0\n').rows).toEqual([{line: 1, reason: 'notNumber', args: {column: 'x1', text: 'abc'}}]);
  });

  test('empty files, too few points, too many rows (the core\'s points count)', () => {
    expect(parse('')).toEqual({ok: false, reason: 'empty', args: {}});
    expect(parse('x1;x2;clase\r\n\r\n')).toEqual({ok: false, reason: 'empty', args: {}});
    expect(parse('0,0,0\n1,1,1\n')).toEqual({ok: false, reason: 'tooFew', args: {count: 2, min: limits().min}});
    const rows = (n) => Array.from({length: n}, (_, k) => `${(k % 300) / 100 - 1.5},${Math.floor(k / 300) / 100 - 0.5},${k % 2}`).join('\n');
    expect(parse(rows(limits().max)).points).toHaveLength(limits().max);
    expect(parse(`x1,x2,c\n${rows(limits().max + 1)}`)).toEqual({ok: false, reason: 'tooMany', args: {max: limits().max}});
  });

  test('duplicates are kept and counted, after rounding to the lab\'s grid', () => {
    const result = parse('0.1,0.2,0\n0.1,0.2,1\n0.104,0.2,0\n1,1,1\n');
    expect(result.points).toEqual([[0.1, 0.2, 0], [0.1, 0.2, 1], [0.1, 0.2, 0], [1, 1, 1]]);
    expect(result.duplicates).toBe(2);
  });
});

describe('imported points in the address', () => {
  test('encode and decode give the very points back, corners and classes included', () => {
    const points = [[VIEW.x0, VIEW.y1, 1], [VIEW.x1, VIEW.y0, 0], [0, 0, 1], [0.01, -0.01, 0], [1.23, -0.45, 1]];
    const text = encodePoints(points);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePoints(text)).toEqual({ok: true, points});
  });

  test('random points on the grid survive; about 3.2 characters a point', () => {
    const draw = (k) => roundToGrid(((k * 7919) % 321) / 100 - 1.6);
    const points = Array.from({length: 2000}, (_, k) => [draw(k), draw(k * 31 + 5), k % 3 === 0 ? 1 : 0]);
    const text = encodePoints(points);
    expect(decodePoints(text).points).toEqual(points);
    expect(text.length).toBe(Math.ceil((2000 * 19) / 6));
    expect(fitsAddress(text)).toBe(true);
    const many = Array.from({length: limits().max}, (_, k) => points[k % points.length]);
    expect(fitsAddress(encodePoints(many))).toBe(encodePoints(many).length <= MAX_SHARED_CHARS);
    expect(fitsAddress(encodePoints(many))).toBe(false);
  });

  test('a bad encoding is refused, never half read', () => {
    const good = encodePoints([[0, 0, 1], [1, 1, 0]]);
    for (const bad of ['', 'A', `${good}A`, good.slice(0, -1), `${good.slice(0, -1)}/`, '////', POINTS_IN_FILE]) {
      expect(decodePoints(bad), bad).toEqual({ok: false, points: []});
    }
  });

  test('the validation share and the seed split the points deterministically, in the file\'s order', () => {
    const points = Array.from({length: 20}, (_, k) => [k / 100, -k / 100, k % 2]);
    const a = importedData(points, 0.3, 7);
    expect(importedData(points, 0.3, 7)).toEqual(a);
    expect(a.validation.inputs).toHaveLength(6);
    expect(a.inputs).toHaveLength(14);
    expect([...a.inputs, ...a.validation.inputs].map(([x]) => x).sort((p, q) => p - q)).toEqual(points.map(([x]) => x));
    const order = a.inputs.map(([x]) => x);
    expect(order).toEqual([...order].sort((p, q) => p - q));
    expect(a.targets.every((t, k) => t[a.labels[k]] === 1)).toBe(true);
    expect(importedData(points, 0.3, 8).validation.inputs).not.toEqual(a.validation.inputs);
    expect(importedData(points, 0, 7).validation.inputs).toEqual([]);
    expect(importedData(points.slice(0, 4), 0.9, 1).inputs).toHaveLength(1);  // one row trains
  });

  test('the core trains on them as on generated data', () => {
    const points = Array.from({length: 40}, (_, k) => [roundToGrid(Math.cos(k) * 0.8), roundToGrid(Math.sin(k * 1.3) * 0.8), k % 2]);
    const {values} = readParams(classificationFields, new URLSearchParams('epochs=3'));
    const scenario = buildScenario(importedData(points, 0.25, values.seed), [], values);
    const result = core.train(scenario);
    expect(result.losses.length).toBeGreaterThan(0);
    expect(scenario.data.validation.inputs).toHaveLength(10);
    expect(core.predict({...scenario, parameters: result.parameters}).validation.accuracy).not.toBeNull();
  });
});

describe('settings files', () => {
  test('lab 1\'s settings and points: saved, read back, the same address', () => {
    const points = [[0, 0, 1], [1, 1, 0], [-1, 0.5, 1], [0.5, -1, 0]];
    const query = {shape: 'xor', count: '100', noise: '0.2', validation: '0.25', seed: '9', hidden: '4', activation: 'relu', lr: '0.01', epochs: '20', batch: '8', optimizer: 'sgd', points: POINTS_IN_FILE};
    const file = JSON.parse(JSON.stringify(settingsFile('clasificacion', query, {points: encodePoints(points)})));
    const read = readSettingsFile(file, 'clasificacion', checkSettings);
    expect(read.message).toBeUndefined();
    expect(decodePoints(read.params.get('points')).points).toEqual(points);
    expect(readParams(classificationFields, read.params).values).toMatchObject({shape: 'xor', count: 100, hidden: 4, optimizer: 'sgd'});
  });

  test('a bad field is named in Spanish; another lab\'s file, a scenario, a wrong shape are refused', () => {
    const base = {lab: 'clasificacion', settings: {hidden: '4'}};
    expect(readSettingsFile({...base, settings: {hidden: '999', lr: 'abc'}}, 'clasificacion', checkSettings).message)
      .toBe('tiene valores no válidos para: Neuronas ocultas, Tasa de aprendizaje η.');
    expect(readSettingsFile({...base, settings: {points: 'zz!'}}, 'clasificacion', checkSettings).message).toMatch(/Tus puntos \(CSV\)/);
    expect(readSettingsFile({...base, settings: {points: POINTS_IN_FILE}}, 'clasificacion', checkSettings).message).toMatch(/Tus puntos/);
    expect(readSettingsFile({...base, settings: {hidden: [4]}}, 'clasificacion', checkSettings).message).toMatch(/«hidden»/);
    expect(readSettingsFile({...base, lab: 'lotes'}, 'clasificacion', checkSettings).message).toMatch(/otro laboratorio/);
    expect(readSettingsFile({...base, lab: 'nada'}, 'clasificacion', checkSettings).message).toMatch(/no existe/);
    expect(readSettingsFile({model: {kind: 'mlp'}}, 'clasificacion', checkSettings).message).toMatch(/escenario/);
    expect(readSettingsFile([1, 2], 'clasificacion', checkSettings).message).toMatch(/settings/);
    expect(readSettingsFile({lab: 'clasificacion'}, 'clasificacion', checkSettings).message).toMatch(/settings/);
  });
});

describe('scenario files', () => {
  test('a saved scenario traces exactly as the scenario shown, at its iteration', () => {
    const classic = JSON.parse(readFileSync(`${root}examples/classic.json`, 'utf8'));
    for (const iteration of [1, 3]) {
      const saved = JSON.parse(JSON.stringify(savedScenario(core, {scenario: classic, iteration})));
      expect(saved.iteration).toBe(iteration);
      expect(core.trace(saved)).toEqual(core.trace({...classic, iteration}));
    }
  });

  test('what is not a scenario for the lesson is named before the core sees it', () => {
    expect(scenarioProblem(null, 'mlp')).toMatch(/no es un escenario/);
    expect(scenarioProblem([], 'mlp')).toMatch(/no es un escenario/);
    expect(scenarioProblem({lab: 'clasificacion', settings: {}}, 'mlp')).toMatch(/ajustes de un laboratorio/);
    expect(scenarioProblem({model: {kind: 'rnn'}}, 'mlp')).toMatch(/red recurrente/);
    expect(scenarioProblem({model: {kind: 'mlp'}}, 'rnn')).toMatch(/perceptrón multicapa/);
    expect(scenarioProblem({model: {kind: 'mlp'}}, 'mlp')).toBeNull();
  });
});

describe('every lab reads its settings file as its address', () => {
  // A refused value per lab: the address's key and the Spanish label the refusal names.
  const bad = {
    clasificacion: ['hidden', '999', 'Neuronas ocultas'],
    activaciones: ['epochs', 'x', null],
    regularizacion: ['l2', '-1', null],
    lotes: ['epochs', 'x', null],
    hiperparametros: ['lrMin', 'x', null],
    derivacion: ['seed', '-3', 'Semilla'],
    secuencias: ['count', 'x', null],
    gradientes: ['sort', 'azar', null],
    explosion: ['seed', 'x', null],
    'activaciones-rnn': ['seed', 'x', null],
  };
  for (const lab of LABS) {
    test(lab.name, async () => {
      const {checkSettings} = await loadLab(lab.name);
      expect(checkSettings(new URLSearchParams(), core)).toEqual([]);
      const [key, text, label] = bad[lab.name];
      const refused = readSettingsFile({lab: lab.name, settings: {[key]: text}}, lab.name, (p) => checkSettings(p, core));
      expect(refused.message).toMatch(/^tiene valores no válidos para: /);
      expect(refused.message).not.toMatch(new RegExp(`: ${key}\\.$`));  // a label, not the address's key
      if (label) expect(refused.message).toContain(label);
      expect(readSettingsFile({lab: lab.name, settings: {}}, lab.name, (p) => checkSettings(p, core)).params.toString()).toBe('');
    });
  }
});
