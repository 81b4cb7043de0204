// Downloaded files' names and the words written as values in CSV files come from the strings, in
// both languages (web/strings/**: `fileNames`, `csvValues` and the older export keys), and every
// one is a safe file-name fragment: lowercase ASCII letters, digits and hyphens, no spaces or
// accents (a sequence length keeps its symbol, `T5`). Spanish names stay those the page always wrote.
import {describe, expect, test} from 'vitest';
import {LANGUAGES, texts} from '../../web/strings/index.js';
import {exportText as exportTextEs} from '../../web/strings/export.js';
import {exportText as exportTextEn} from '../../web/strings/en/export.js';

const EXPORT_TEXT = {es: exportTextEs, en: exportTextEn};
const TEXTS = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => [lang, await texts(lang)])));

// Every leaf of a tree: [path, value].
function leaves(tree, path = []) {
  if (tree !== null && typeof tree === 'object') return Object.entries(tree).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[path.join('.'), tree]];
}

// Groups of names and values, and the keys that held names before the groups existed.
const NAME_PATH = /(^|\.)(fileNames|csvValues|runNames)\.|\.(exportName|exportLoss|exportStrip|gridExport|curveExport|snapshotsExport|gradientsExport|file|forwardFile)$/;
// Names made by a function, with arguments of their own shape.
const CALLS = {
  'labs.gradientes.file': [[{input: 2, hidden: 3, output: 1, T: 5, seed: 7}, 'png'], [{input: 1, hidden: 8, output: 1, T: 12, seed: 0}, 'csv']],
  'labs.derivacion.forwardFile': [[7, 2], [0, 10]],
  'exportText.fileName': [['mlp'], ['rnn']],
};

const WORD = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NAME = /^([a-z0-9]+|T\d+)(-([a-z0-9]+|T\d+))*(\.(png|csv|json|py|ipynb))?$/;

// Every file name and CSV value of a language: [path, text].
function names(lang) {
  const tree = {...TEXTS[lang], exportText: EXPORT_TEXT[lang]};
  return leaves(tree).filter(([path]) => NAME_PATH.test(path) || path in CALLS).flatMap(([path, value]) => {
    if (typeof value !== 'function') return [[path, value]];
    expect(CALLS[path], `${path}: a name made by a function needs arguments in CALLS`).toBeDefined();
    return CALLS[path].map((args) => [`${path}(${JSON.stringify(args)})`, value(...args)]);
  });
}

describe('file names and CSV values', () => {
  test('both languages name the same files', () => {
    const paths = (lang) => names(lang).map(([path]) => path);
    expect(paths('es').length).toBeGreaterThan(60);
    expect(paths('en')).toEqual(paths('es'));
  });

  test('every one is a safe file-name fragment in every language', () => {
    for (const lang of LANGUAGES) {
      const unsafe = names(lang).filter(([, text]) => typeof text !== 'string' || !NAME.test(text)).map(([path, text]) => `${lang}: ${path} = ${text}`);
      expect(unsafe).toEqual([]);
      // A plain word (not a whole name with its extension) is letters, digits and hyphens only.
      const words = names(lang).filter(([path, text]) => !/\(/.test(path) && !/\.[a-z]+$/.test(text));
      expect(words.filter(([, text]) => !WORD.test(text)).map(([path]) => `${lang}: ${path}`)).toEqual([]);
    }
  });

  test('English names its files in English, not in the Spanish words', () => {
    const es = Object.fromEntries(names('es'));
    // The same word in both languages, on purpose: none (ids like "rnn" and "mlp" sit inside names).
    const same = names('en').filter(([path, text]) => es[path] === text).map(([path, text]) => `${path} = ${text}`);
    expect(same).toEqual([]);
  });

  test('Spanish keeps the names the page always wrote', () => {
    const es = Object.fromEntries(names('es'));
    expect(es['labs.clasificacion.fileNames.boundary']).toBe('frontera');
    expect(es['labs.regularizacion.fileNames.boundaryWithout']).toBe('frontera-sin');
    expect(es['labs.lotes.fileNames.lab']).toBe('lotes');
    expect(es['avances.race.fileNames.race']).toBe('carrera');
    expect(es['avances.overfit.early.fileNames.name']).toBe('parada-temprana');
    expect(es['avances.batchnorm.csvValues.with']).toBe('con');
    expect(es['files.fileNames.settings']).toBe('ajustes');
    expect(es['labs.gradientes.file([{"input":2,"hidden":3,"output":1,"T":5,"seed":7},"png"])']).toBe('gradientes-2-3-1-T5-semilla7.png');
  });
});
