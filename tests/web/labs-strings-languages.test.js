// The labs' texts in both languages (web/strings/labs/ in Spanish, web/strings/en/labs/ in
// English): the same keys, types and function parameters; every function, called with arguments
// like its call sites', gives a non-empty text in both; the same TeX maths and the same numbers;
// and nothing left in Spanish in the English.
import {describe, expect, test} from 'vitest';
import {labs as es} from '../../web/strings/labs/index.js';
import {labs as en} from '../../web/strings/en/labs/index.js';

// Every leaf of a text tree: [path, value].
function leaves(tree, path = []) {
  if (typeof tree === 'function' || typeof tree !== 'object' || tree === null) return [[path.join('.'), tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, [...path, k]));
}
// The tree with each leaf replaced by its type (arrays stay arrays).
const shape = (tree) => (typeof tree === 'object' && tree !== null
  ? (Array.isArray(tree) ? tree.map(shape) : Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, shape(v)])))
  : typeof tree);
const at = (tree, path) => path.split('.').reduce((v, k) => v?.[k], tree);
const params = (fn) => /^\s*(?:\(([^)]*)\)|(\w+))\s*=>/.exec(fn.toString()).slice(1).find((p) => p !== undefined).replace(/\s+/g, ' ').trim();

// Arguments as the call sites pass them (web/labs/, web/forms/): numbers already formatted as text
// where the page formats them, counts as numbers where the text picks a plural. Several cases
// where the text branches.
const hint = (id, extra) => ({id, kind: 'h', t: 2, T: 3, ...extra});
const ARGS = {
  'index.preparingLabel': [['Lab title']],
  'shell.unknown': [['no-such-lab']],
  'progress.running': [[0, 400], [12500, 40000]],
  'progress.percent': [[37.4]],
  'progress.done': [[3.21], [843], [12500]],
  'progress.failed': [['the worker stopped']],
  'export.what': [['the decision boundary']],
  'fields.empty': [['η']],
  'fields.notNumber': [['η', '0.5x']],
  'fields.notInteger': [['Epochs']],
  'fields.range': [['η', 1e-6, 10], ['Noise', 0, 2]],
  'fields.choice': [['Shape']],
  'fields.invalidCount': [[1], [3]],
  'jobs.unknownJob': [['no-such-lab']],
  count: [[7], [10000], [1234567]],
  ms: [[4.2], [250], [15300]],
  'clasificacion.batchWhole': [[140]],
  'clasificacion.clearAdded': [[0], [4]],
  'clasificacion.tooManyAdded': [[200]],
  'clasificacion.epochOf': [['12.5', 100]],
  'clasificacion.percent': [[0.9861], [1]],
  'clasificacion.trainRows': [[140, 60]],
  'clasificacion.badLink': [[['η', 'Noise']]],
  'clasificacion.failedRun': [['the worker stopped']],
  'clasificacion.pausedAt': [['3.25']],
  'clasificacion.diverged': [['the loss became NaN at step 12.']],
  'activaciones.setup': [[140, 60]],
  'activaciones.badLink': [[['η']]],
  'activaciones.layerTick': [[1, 3], [3, 3]],
  'activaciones.seriesFirst': [['ReLU']],
  'activaciones.seriesLast': [['tanh', 5]],
  'activaciones.columns.reach': [['0.1']],
  'activaciones.percent': [[0.5]],
  'activaciones.findings.fastest': [['ReLU', '1\u202f250']],
  'activaciones.findings.slower': [['sigmoid', '3\u202f400', '2.7']],
  'activaciones.findings.none': [['0.1']],
  'activaciones.findings.notReached': [['sigmoid', '0.1', '500']],
  'activaciones.findings.vanishing': [['sigmoid', '38']],
  'activaciones.findings.stuck': [['sigmoid']],
  'activaciones.failed': [['ReLU', 'the loss became NaN at step 4.']],
  'regularizacion.with': [[0, 0.01], [0.001, 0], [0.001, 0.01], [0, 0]],
  'lotes.runs.mini': [[16]],
  'lotes.runsShort.mini': [[16]],
  'lotes.setup': [[140, 60]],
  'lotes.miniClamped': [[200, 140]],
  'lotes.badLink': [[['η']]],
  'lotes.updateTitle': [['1\u202f024']],
  'lotes.columns.reach': [['0.1']],
  'lotes.percent': [[0.93]],
  'lotes.failed': [['Full batch', 'the loss became NaN at step 4.']],
  'hiperparametros.form.hints.batch': [[1, 140], [9, 140]],
  'hiperparametros.form.hints.checkpoints': [['10, 50, 100']],
  'hiperparametros.form.reasons.tooMany': [['Hidden units']],
  'hiperparametros.form.reasons.hiddenRange': [['Hidden units']],
  'hiperparametros.form.reasons.lrOrder': [['Maximum η']],
  'hiperparametros.form.badLink': [['η, Noise']],
  'hiperparametros.plan': [[1, 1, 900], [24, 72, 216000]],
  'hiperparametros.progress': [[3, 72]],
  'hiperparametros.failed': [['the worker stopped']],
  'hiperparametros.cancelled': [[3, 72]],
  'hiperparametros.best.line': [['0.1', 1, 1], ['0.1', 8, 200]],
  'hiperparametros.best.measures': [['0.21', '93 %', '0.18']],
  'hiperparametros.map.label': [[200], ['—']],
  'hiperparametros.map.epochsValue': [[1], [1500]],
  'hiperparametros.map.hover': [['0.1', 8, 200, '0.21', '93 %'], ['0.1', 8, 1, '0.21', '93 %']],
  'hiperparametros.map.hoverDiverged': [['10', 8, 200]],
  'hiperparametros.table.openLabel': [['0.1', 8, 200]],
  'hiperparametros.table.page': [[1, 50, 1200]],
  'hiperparametros.percent': [[0.93]],
  'derivacion.badLink': [[['Seed']], [['Seed', 'g']]],
  'derivacion.forwardFile': [[7, 'sigmoid']],
  'derivacion.timeStep': [[3]],
  'derivacion.score': [[5, 5, 9], [4, 6, 9]],
  'derivacion.fieldTex': [[{kind: 'h', t: 2}], [{kind: 'dV'}]],
  'derivacion.fieldText': [[{kind: 'h', t: 2}], [{kind: 'dV'}]],
  'derivacion.hints.close': [[hint('close', {error: 0.004})]],
  'derivacion.hints.sign': [[hint('sign', {kind: 's'})], [hint('sign')]],
  'derivacion.hints.missing-gprime': [[hint('missing-gprime', {kind: 's'})]],
  'derivacion.hints.only-gprime': [[hint('only-gprime', {kind: 's'})]],
  'derivacion.hints.missing-next': [[hint('missing-next')]],
  'derivacion.hints.missing-output': [[hint('missing-output')]],
  'derivacion.hints.missing-w': [[hint('missing-w')], [hint('missing-w', {t: 3})]],
  'derivacion.hints.h-is-r': [[hint('h-is-r')]],
  'derivacion.hints.missing-fprime': [[hint('missing-fprime', {kind: 'r'})]],
  'derivacion.hints.only-fprime': [[hint('only-fprime', {kind: 'r'})]],
  'derivacion.hints.naive': [[hint('naive', {kind: 'dW', t: undefined})]],
  'derivacion.hints.partial-sum': [[hint('partial-sum', {kind: 'dU', t: undefined, from: 2})]],
  'derivacion.hints.one-step': [[hint('one-step', {kind: 'dV', t: undefined, step: 2})]],
  'derivacion.hints.other-gradient': [[hint('other-gradient', {kind: 'dV', t: undefined, other: 'dW'})]],
  'derivacion.hints.upstream': [
    [hint('upstream', {kind: 'r', from: [{kind: 'h', t: 2}]})],
    [hint('upstream', {kind: 'dU', t: undefined, from: [{kind: 'r', t: 3}, {kind: 'r', t: 2}, {kind: 'r', t: 1}]})],
  ],
  'derivacion.hints.other-step': [[hint('other-step', {step: 3})]],
  'derivacion.hints.formula': [
    [hint('formula', {kind: 's'})], [hint('formula')], [hint('formula', {t: 3})], [hint('formula', {kind: 'r'})],
    [hint('formula', {kind: 'dU', t: undefined})], [hint('formula', {kind: 'dV', t: undefined})], [hint('formula', {kind: 'dW', t: undefined})],
  ],
  'secuencias.form.reasons.empty': [['Task']],
  'secuencias.form.reasons.notNumber': [['Hidden units', 1, 64]],
  'secuencias.form.reasons.notInteger': [['Hidden units', 1, 64]],
  'secuencias.form.reasons.range': [['Learning rate η', 1e-6, 10]],
  'secuencias.form.reasons.choice': [['Task']],
  'secuencias.form.reasons.lengths': [['Minimum length']],
  'secuencias.form.reasons.echo': [['Minimum length']],
  'secuencias.form.reasons.batch': [['Sequences per batch', 48]],
  'secuencias.form.reasons.size': [['Number of sequences']],
  'secuencias.form.badLink': [['Task, Echo delay d']],
  'secuencias.form.epochs': [[2000, 1], [2000, 6]],
  'secuencias.dataFailed': [['the worker stopped']],
  'secuencias.cancelled': [[340]],
  'secuencias.percent': [[0.5]],
  'secuencias.milliseconds': [[420], [2345]],
  'secuencias.stripAfter': [[2000]],
  'secuencias.sequenceOf': [[3, 16, 9]],
  'secuencias.stripTally': [[7, 9]],
  'secuencias.strip.probability': [['1', '0.83']],
  'secuencias.strip.targetValue': [['0.42']],
  'secuencias.strip.outputValue': [['0.40']],
  'secuencias.stripFailed': [['the worker stopped']],
  'gradientes.badLink': [[['Seed']], [['Seed', 'Steps T']]],
  'gradientes.summaryLine': [[23, 1], [83, 5]],
  'gradientes.equal': [['3.1e−10']],
  'gradientes.differ': [[1, 83, '2.4e−5'], [3, 83, '2.4e−5']],
  'gradientes.elapsed': [['12 ms']],
  'gradientes.chartLabel': [[83]],
  'gradientes.groupMax': [['3.1e−10']],
  'gradientes.file': [[{input: 2, hidden: 3, output: 2, T: 5, seed: 7}, 'csv']],
  'explosion.scaleOrder': [['Minimum scale s']],
  'explosion.legendDecades': [[-24], [0], [24]],
  'explosion.cellTitle': [['0.5', 50]],
  'explosion.cellVerdict.vanishes': [['7']],
  'explosion.cellVerdict.explodes': [['12']],
  'explosion.curveSeries': [['0.5', 50]],
  'explosion.snapshot': [[400]],
  'explosion.gradientSeries': [['V']],
  'explosion.divergedAt': [[87]],
  'explosion.failed': [['the worker stopped']],
  'activacionesRnn.dataFailed': [['the worker stopped']],
  'activacionesRnn.progressLabel': [['ReLU']],
  'activacionesRnn.columns.reached': [['0.3']],
  'activacionesRnn.states.diverged': [[87]],
  'activacionesRnn.states.failed': [['the worker stopped']],
  'activacionesRnn.divergedNote': [['ReLU', 87]],
  'activacionesRnn.fastest': [['ReLU']],
  'activacionesRnn.percent': [[0.5]],
  'activacionesRnn.milliseconds': [[420], [2345]],
};

// Every text of a tree, the functions' with each case of arguments: [where, text].
function texts(tree) {
  return leaves(tree).flatMap(([path, value]) => {
    if (typeof value !== 'function') return [[path, value]];
    return (ARGS[path] ?? []).map((args, k) => [`${path}(#${k})`, value(...args)]);
  });
}

// $…$ segments with \text{…}'s words set aside; the rest is prose.
const TEXT = /\\text\{[^}]*\}/g;
const maths = (s) => (s.match(/\$[^$]*\$/g) ?? []).map((m) => m.replace(TEXT, '\\text{}')).sort();
const prose = (s) => s.replace(/\$[^$]*\$/g, ' ');
// Numbers as written, thousands groupings (a comma in English, a thin space in Spanish) taken out.
const numbers = (s) => (prose(s).replace(/(\d)[,\u202f\u00a0 ](?=\d{3}\b)/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []).sort();

const SPANISH_LETTERS = /[ñÑ¿¡áéíóúÁÉÍÓÚ«»]/;
const SPANISH_WORDS = /(?<![\w-])(de la|de los|los|las|que|con|del|para|una|por|pero|como|más|sin|el|es|en|al|se|muy|cada|entre|desde|hasta)(?![\w-])/i;

describe('the labs\' texts in English and in Spanish', () => {
  test('the same keys and types; functions with the same parameters', () => {
    const esLeaves = leaves(es);
    const enLeaves = leaves(en);
    expect(enLeaves.map(([p]) => p)).toEqual(esLeaves.map(([p]) => p));
    expect(JSON.stringify(shape(en))).toBe(JSON.stringify(shape(es)));  // lists stay lists
    for (const [path, value] of esLeaves) {
      const other = at(en, path);
      expect(typeof other, path).toBe(typeof value);
      if (typeof value === 'function') {
        expect(other.length, path).toBe(value.length);
        expect(params(other), path).toBe(params(value));
      }
    }
  });

  test('every function has its cases of arguments here (none forgotten, none stale)', () => {
    const functions = leaves(es).filter(([, v]) => typeof v === 'function').map(([p]) => p).sort();
    expect(Object.keys(ARGS).sort()).toEqual(functions);
    expect(functions.length).toBeGreaterThan(100);
  });

  test('every text and every call gives a non-empty string in both languages', () => {
    const esTexts = texts(es);
    const enTexts = texts(en);
    expect(enTexts.map(([w]) => w)).toEqual(esTexts.map(([w]) => w));
    expect(esTexts.length).toBeGreaterThan(700);
    esTexts.forEach(([where, text], i) => {
      const other = enTexts[i][1];
      expect(typeof text, where).toBe('string');
      expect(typeof other, where).toBe('string');
      // Only where the Spanish is empty on purpose (the running sum's one unnamed output unit).
      if (text === '') expect(other, where).toBe('');
      else expect(other.trim().length, where).toBeGreaterThan(0);
    });
  });

  test('the same TeX maths and the same numbers in both', () => {
    const esTexts = texts(es);
    const enTexts = texts(en);
    let withMaths = 0;
    esTexts.forEach(([where, text], i) => {
      const other = enTexts[i][1];
      expect(maths(other), where).toEqual(maths(text));
      expect(numbers(other), where).toEqual(numbers(text));
      if (maths(text).length) withMaths++;
    });
    expect(withMaths).toBeGreaterThan(30);
  });

  test('nothing left in Spanish in the English', () => {
    for (const [where, text] of texts(en)) {
      const words = prose(text);
      expect(words, where).not.toMatch(SPANISH_LETTERS);
      expect(words, where).not.toMatch(SPANISH_WORDS);
      // One decimal mark on every page (tests/e2e/a11y.e2e.test.js): no comma between digits.
      expect(words, where).not.toMatch(/\d,\d/);
    }
  });

  test('the heuristics would catch Spanish (they are not vacuous)', () => {
    const caught = texts(es).filter(([, text]) => SPANISH_LETTERS.test(prose(text)) || SPANISH_WORDS.test(prose(text)));
    expect(caught.length / texts(es).length).toBeGreaterThan(0.5);
    expect(maths('con $\\overline{h}_{\\text{ingenuo}}$ y $x$')).toEqual(maths('with $x$ and $\\overline{h}_{\\text{naive}}$'));
    expect(numbers('10\u202f000 puntos, 2.5 %')).toEqual(numbers('10,000 points, 2.5 %'));
  });
});
