// Spanish and English side by side (web/strings/index.js): every text in one language exists in
// the other with the same shape (keys, types, list lengths, functions' parameter counts), none is
// empty, every function says something in both, English keeps no Spanish, `S` switches in place,
// numbers follow the language's decimal mark, and index.html's static Spanish is the strings'.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {DEFAULT_LANGUAGE, LANGUAGES, S, language, loadLanguage, localized, setLanguage, texts, useTexts} from '../../web/strings/index.js';
import {formatNumber, formatPercent, texNumber} from '../../web/format.js';
import {translateCoreError} from '../../web/errors.js';
import {parseNumber} from '../../web/forms/number.js';
import {root} from './support.js';

afterEach(() => setLanguage(DEFAULT_LANGUAGE));

// Each language's whole tree, English fetched as the page fetches it (a dynamic import).
const TEXTS = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => [lang, await texts(lang)])));

const kind = (value) => (Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value);

// Every leaf of a language's tree: [path, value].
function leaves(tree, path = []) {
  if (kind(tree) === 'object' || kind(tree) === 'list') return Object.entries(tree).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[path.join('.'), tree]];
}

// Where the two trees differ: missing keys, other types, list lengths, parameter counts.
function differences(a, b, path = '') {
  const out = [];
  if (kind(a) !== kind(b)) return [`${path}: ${kind(a)} in one, ${kind(b)} in the other`];
  if (kind(a) === 'function' && a.length !== b.length) out.push(`${path}: ${a.length} parameters in one, ${b.length} in the other`);
  if (kind(a) === 'list' && a.length !== b.length) out.push(`${path}: ${a.length} items in one, ${b.length} in the other`);
  if (kind(a) === 'object' || kind(a) === 'list') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in a)) out.push(`${at}: only in the second`);
      else if (!(key in b)) out.push(`${at}: only in the first`);
      else out.push(...differences(a[key], b[key], at));
    }
  }
  return out;
}

// A stand-in for any argument a text function takes: a number (3) in arithmetic and comparisons,
// "3" in text, a list of two of itself (map, join, [0], destructuring), and any field of an
// object ({min, max}, the core's arguments) is itself again.
const ANY = new Proxy(function any() {}, {
  get(target, key) {
    if (key === Symbol.toPrimitive) return (hint) => (hint === 'string' ? '3' : 3);
    if (key === Symbol.iterator) return () => [ANY, ANY][Symbol.iterator]();
    if (key === 'length') return 2;
    if (typeof key === 'string' && typeof Array.prototype[key] === 'function') return (...args) => [ANY, ANY][key](...args);
    if (typeof key === 'string' && typeof Number.prototype[key] === 'function') return (...args) => Number.prototype[key].apply(3, args);
    if (typeof key === 'string' && typeof String.prototype[key] === 'function') return (...args) => String.prototype[key].apply('3', args);
    return ANY;
  },
  apply: () => ANY,
});

// What a text function gives: a text, or a list of texts; never "undefined" or "[object …]".
function said(value) {
  if (Array.isArray(value)) return value.length > 0 && value.every(said);
  return typeof value === 'string' && value.trim() !== '' && !/undefined|\[object /.test(value);
}

// Functions that need arguments of their own shape: path → lists of arguments.
const SPECIFIC = {
  'labs.derivacion.fieldText': [[{kind: 'h', t: 2}], [{kind: 'dW', t: 0}]],
  'files.wrongKind': [['mlp', 'rnn'], ['rnn', 'mlp'], ['cnn', 'mlp']],
  'labs.derivacion.hints.formula': ['s', 'h', 'r', 'dU', 'dV', 'dW'].map((kind) => [{kind, t: 2, T: 3}]),
};

const TEXT_LEAVES = (lang) => leaves(TEXTS[lang]);
// Empty on purpose: the running sum's outputs are numbers, not classes (lab 7).
const EMPTY = ['labs.secuencias.classNames.running_sum.0'];
// Named in their own language on purpose: the switch's labels.
const OWN_TONGUE = /^languageSwitch\./;

describe('every text in both languages', () => {
  test('the languages: Spanish first (the default), then English', () => {
    expect(LANGUAGES).toEqual(['es', 'en']);
    expect(DEFAULT_LANGUAGE).toBe('es');
    expect(language()).toBe('es');
  });

  test('the same keys, types, list lengths and parameter counts (labs included)', () => {
    expect(Object.keys(TEXTS.es.labs).length).toBeGreaterThan(10);
    expect(differences(TEXTS.es, TEXTS.en)).toEqual([]);
  });

  test('no empty text in either language', () => {
    for (const lang of LANGUAGES) {
      const empty = TEXT_LEAVES(lang).filter(([p, v]) => typeof v === 'string' && v.trim() === '' && !EMPTY.includes(p)).map(([p]) => `${lang}: ${p}`);
      expect(empty).toEqual([]);
    }
  });

  test('every function says something in both languages, with the stand-in or arguments of their own shape', () => {
    for (const lang of LANGUAGES) {
      const functions = TEXT_LEAVES(lang).filter(([, v]) => typeof v === 'function');
      expect(functions.length).toBeGreaterThan(200);
      const silent = [];
      for (const [path, fn] of functions) {
        const tries = SPECIFIC[path] ?? [Array(Math.max(fn.length, 1)).fill(ANY)];
        let spoke = 0;
        for (const args of tries) {
          let value;
          try { value = fn(...args); } catch { continue; }  // counted below: nothing spoke
          if (said(value)) spoke += 1;
          else silent.push(`${lang}: ${path}(${args === tries[0] ? '…' : JSON.stringify(args)})`);
        }
        if (!spoke) silent.push(`${lang}: ${path}: no argument made it speak`);
      }
      expect(silent).toEqual([]);
    }
  });

  test('English keeps no Spanish', () => {
    const spanish = /[ñ¿¡áéíóú]|\b(de|la|el|los|las|del|que|con|una|por|para|paso|pasos|muestra|pérdida|capa)\b/i;
    const texts = TEXT_LEAVES('en').filter(([p]) => !OWN_TONGUE.test(p)).flatMap(([path, v]) => {
      if (typeof v === 'string') return [[path, v]];
      if (typeof v !== 'function') return [];
      const tries = SPECIFIC[path] ?? [Array(Math.max(v.length, 1)).fill(ANY)];
      return tries.flatMap((args) => {
        try { return [].concat(v(...args)).map((text) => [`${path}()`, text]); } catch { return []; }
      });
    });
    expect(texts.length).toBeGreaterThan(800);
    // TeX commands and code-like names are not words.
    const leftovers = texts.filter(([, text]) => spanish.test(String(text).replace(/\\[a-zA-Z]+|`[^`]*`/g, ' ')));
    expect(leftovers.map(([path, text]) => `${path}: ${text}`)).toEqual([]);
  });
});

describe('switching', () => {
  test('S keeps its identity and its nested objects while its contents change language', async () => {
    await useTexts('labs');  // the labs' texts too, loaded with their pages (tests/web/strings-parts.test.js)
    const labs = S.labs;
    const errors = S.editor.errors;
    await setLanguage('en');
    expect(language()).toBe('en');
    expect(S.labs).toBe(labs);
    expect(S.editor.errors).toBe(errors);
    expect(S.appTitle).toBe(TEXTS.en.appTitle);
    expect(S.editor.errors.notInteger).toBe(TEXTS.en.editor.errors.notInteger);
    expect(differences(S, TEXTS.en)).toEqual([]);
    await setLanguage('es');
    expect(S.editor.errors.notInteger).toBe(TEXTS.es.editor.errors.notInteger);
    expect(differences(S, TEXTS.es)).toEqual([]);
  });

  test('an unknown language is the default', async () => {
    expect(await setLanguage('fr')).toBe('es');
    expect(await setLanguage(undefined)).toBe('es');
  });

  test('the core\'s refusals follow the language, by code', async () => {
    const refusal = {code: 2, field: 'optimizer.lr', reason: 'between', args: {low: '0', high: '10', got: '99'}};
    expect(translateCoreError(refusal)).toBe('Valor no válido en optimizer.lr: debe estar entre 0 y 10 (se recibió 99).');
    await setLanguage('en');
    expect(translateCoreError(refusal)).toBe('Invalid value in optimizer.lr: it must be between 0 and 10 (got 99).');
    expect(translateCoreError({code: 2, field: 'model', reason: 'no_such_reason'})).toBe('Invalid value in model: the core cannot use this value.');
    expect(translateCoreError({code: 3, reason: 'diverged', args: {step: '12', loss: 'infinite', lr: '50'}}))
      .toBe('Training diverges at iteration 12: the loss becomes infinite. Try a learning rate smaller than η = 50.');
  });
});

describe('loading a language', () => {
  test('English is not in the first load: S holds Spanish, and English arrives only through setLanguage', async () => {
    const source = readFileSync(join(root, 'web/strings/index.js'), 'utf8');
    expect(source).not.toMatch(/^import[^;]*'\.\/en\//m);  // no static import of web/strings/en/
    expect(source).toMatch(/import\('\.\/en\/index\.js'\)/);
    expect(S.appTitle).toBe(TEXTS.es.appTitle);
  });

  test('overlapping switches: the last one asked wins, whatever finishes first', async () => {
    vi.resetModules();  // a page's first load: English not fetched yet
    const fresh = await import('../../web/strings/index.js');
    const slow = fresh.setLanguage('en');  // fetches English
    const fast = fresh.setLanguage('es');  // loaded: set at once
    expect(await fast).toBe('es');
    expect(await slow).toBe('es');  // finished last, asked first: changes nothing
    expect(fresh.S.appTitle).toBe(TEXTS.es.appTitle);
    const [, last] = await Promise.all([fresh.setLanguage('es'), fresh.setLanguage('en')]);
    expect(last).toBe('en');
    expect(fresh.language()).toBe('en');
    expect(fresh.S.appTitle).toBe(TEXTS.en.appTitle);
  });

  test('content outside the strings (a lesson\'s text) loads with its language, and is never read before it', async () => {
    let fetched = 0;
    const text = localized({es: 'texto', en: async () => { fetched += 1; return 'text'; }});
    expect(text()).toBe('texto');
    expect(fetched).toBe(0);
    await setLanguage('en');
    expect(text()).toBe('text');
    await setLanguage('es');
    await setLanguage('en');
    expect(fetched).toBe(1);
    // Registered while English is set, before it is loaded: an error, not a Spanish text in an English page.
    const later = localized({es: 'después', en: async () => 'later'});
    expect(() => later()).toThrow(/before its language/);
    await loadLanguage('en');
    expect(later()).toBe('later');
    // A page module imported after its language loaded (web/main.js mounts right after setLanguage):
    // setLanguage alone fetches its content, also for the language already set.
    const page = localized({es: 'página', en: async () => 'page'});
    expect(await setLanguage('en')).toBe('en');
    expect(page()).toBe('page');
  });
});

describe('numbers follow the language', () => {
  test('both languages write the decimal point; Spanish shows what it always showed', async () => {
    for (const lang of LANGUAGES) {
      await setLanguage(lang);
      expect(S.numberFormat.decimal).toBe('.');
      expect(formatNumber(0.18681560)).toBe('0.1868156');
      expect(formatNumber(-1.23456789e-5)).toBe('−1.2345679e−5');
      expect(texNumber(-1.23456789e-5)).toBe('-1.2345679 \\times 10^{-5}');
      expect(formatPercent(0.9861)).toBe('98.6 %');
    }
  });

  test('a language with a decimal comma would write it everywhere, TeX included', () => {
    S.numberFormat.decimal = ',';  // restored by afterEach's setLanguage? not for the same language: put back below
    try {
      expect(formatNumber(0.5)).toBe('0,5');
      expect(formatNumber(1.5e-7)).toBe('1,5e−7');
      expect(texNumber(1.5e-7)).toBe('1{,}5 \\times 10^{-7}');
      expect(formatPercent(0.9861)).toBe('98,6 %');
    } finally {
      S.numberFormat.decimal = TEXTS.es.numberFormat.decimal;
    }
  });

  test('inputs read either mark in either language', async () => {
    for (const lang of LANGUAGES) {
      await setLanguage(lang);
      expect(parseNumber('0,25')).toEqual({ok: true, value: 0.25});
      expect(parseNumber('0.25')).toEqual({ok: true, value: 0.25});
    }
  });
});

describe('index.html', () => {
  test('its static Spanish is the strings\' (title, description, no-script)', () => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(`<title>${TEXTS.es.appTitle}</title>`);
    expect(html).toContain(`<meta name="description" content="${TEXTS.es.description}" />`);
    expect(html).toContain(`<noscript>${TEXTS.es.noScript}</noscript>`);
  });
});
