// The labs' texts (S.labs) are not in the first load (web/strings/index.js, wantTexts/useTexts):
// a page that reads them asks for them and they load with it, in the current language, then
// switch with the rest. Each case runs on a fresh copy of the strings module (its state is the
// page's: what was asked for, the language set). Also, by the modules' static imports: nothing
// the first load runs reads S.labs, and every page whose modules read it asks for it.
import {readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {beforeEach, describe, expect, test, vi} from 'vitest';
import {labs as labsEs} from '../../web/strings/labs/index.js';
import {labs as labsEn} from '../../web/strings/en/labs/index.js';
import {root} from './support.js';

// A text tree as comparable values: each function by its source (the fresh module's functions are
// other objects than the ones imported above).
const plain = (tree) => (typeof tree === 'function' ? `function ${tree}`
  : tree && typeof tree === 'object' ? (Array.isArray(tree) ? tree.map(plain) : Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, plain(v)])))
    : tree);
const ES = plain(labsEs);
const EN = plain(labsEn);

let strings;
beforeEach(async () => {
  vi.resetModules();
  strings = await import('../../web/strings/index.js');
});

describe('the labs\' texts load when asked for', () => {
  test('not in S at first; asked for, they arrive with the next setLanguage, in the language set', async () => {
    const {S, setLanguage, wantTexts} = strings;
    expect('labs' in S).toBe(false);
    expect(S.appTitle).toBeTruthy();
    wantTexts('labs');
    expect('labs' in S).toBe(false);  // asked for, not loaded yet: web/main.js loads, then sets
    await setLanguage('es');
    expect(plain(S.labs)).toEqual(ES);
  });

  test('useTexts puts them in S in the current language, and they switch with it in place', async () => {
    const {S, setLanguage, useTexts} = strings;
    await setLanguage('en');
    await useTexts('labs');
    expect(plain(S.labs)).toEqual(EN);
    const labs = S.labs;
    const clasificacion = S.labs.clasificacion;
    await setLanguage('es');
    expect(S.labs).toBe(labs);
    expect(S.labs.clasificacion).toBe(clasificacion);
    expect(plain(S.labs)).toEqual(ES);
    expect(S.appTitle).toBe((await strings.texts('es')).appTitle);
  });

  test('asked for while another language is being set: S ends with both in that language, never mixed', async () => {
    const {S, language, setLanguage, useTexts} = strings;
    const switching = setLanguage('en');
    const asking = useTexts('labs');
    await Promise.all([switching, asking]);
    expect(language()).toBe('en');
    expect(plain(S.labs)).toEqual(EN);
    const en = await strings.texts('en');
    expect(S.appTitle).toBe(en.appTitle);
  });

  test('a language\'s whole tree (texts) holds them, without putting them in S', async () => {
    const {S, texts} = strings;
    const es = await texts('es');
    expect(plain(es.labs)).toEqual(ES);
    expect(plain((await texts('en')).labs)).toEqual(EN);
    expect('labs' in S).toBe(false);
  });

  test('an unknown part is refused', () => {
    expect(() => strings.wantTexts('nothing')).toThrow(/no such texts/);
  });
});

// Every module reached from `file` by static imports (dynamic import() is a later load).
function staticGraph(file, seen = new Set()) {
  if (seen.has(file) || !file.endsWith('.js')) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/^\s*(?:import|export)\b[^'"]*?(?:from\s*)?['"]([^'"]+)['"]/gm)) {
    if (spec.startsWith('.')) staticGraph(resolve(dirname(file), spec), seen);
  }
  return seen;
}
const web = (path) => join(root, 'web', path);
const readsLabs = (file) => /\bS\.labs\b/.test(readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
const names = (files) => [...files].map((file) => relative(root, file)).sort();

describe('who reads them', () => {
  test('the first load (web/main.js and the home), the MLP and BPTT lessons never read S.labs', () => {
    for (const start of ['main.js', 'lessons/mlp/page.js', 'lessons/bptt/page.js']) {
      const graph = staticGraph(web(start));
      expect(graph.size).toBeGreaterThan(5);
      expect(names([...graph].filter(readsLabs))).toEqual([]);
    }
  });

  test('neither language\'s index imports the labs\' texts statically; web/strings/index.js loads them on demand', () => {
    expect(readFileSync(web('strings/en/index.js'), 'utf8')).not.toMatch(/^import[^;]*'\.\/labs\//m);
    const source = readFileSync(web('strings/index.js'), 'utf8');
    expect(source).not.toMatch(/^import[^;]*'\.\/(en\/)?labs\//m);
    expect(source).toMatch(/import\('\.\/labs\/index\.js'\)/);
    expect(source).toMatch(/import\('\.\/en\/labs\/index\.js'\)/);
  });

  test('the pages whose modules read S.labs (the labs, lesson 3) ask for them when imported', () => {
    const lab = (name) => web(`labs/${name}/lab.js`);
    const pages = {
      'labs/page.js': ['clasificacion', 'derivacion', 'hiperparametros', 'secuencias'].map(lab),
      'lessons/avances/page.js': [],
    };
    for (const [page, dynamic] of Object.entries(pages)) {
      const graph = new Set();
      for (const file of [web(page), ...dynamic]) staticGraph(file, graph);
      expect(names([...graph].filter(readsLabs)).length).toBeGreaterThan(0);
      expect(readFileSync(web(page), 'utf8')).toMatch(/^wantTexts\('labs'\);/m);
    }
  });
});
