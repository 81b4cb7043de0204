// Every text the student reads, in Spanish (web/strings/*.js, the default) and in English
// (web/strings/en/<same path>, the same export names and keys). Each area of the page keeps its
// texts in its own file; import them from this index only, as `S`.
//
// `S` is one object for the life of the page whose contents are the current language's texts:
// setLanguage(lang) rewrites it in place, nested objects included, so a module that keeps
// `S.labs` or `S.editor.errors` reads the new language too. Read a text when rendering, never
// into a module-level constant. The language comes from the address (`lang`, web/router.js).
//
// Only Spanish is in the first load: another language's texts, and the content kept outside the
// strings in it (a lesson's text, localized()), are fetched when that language is chosen, so
// setLanguage is async: it loads, then switches everything at once. The labs' texts (S.labs) are
// not in the first load in any language: a page that reads them asks for them (wantTexts), and
// they load with it, then switch with the rest.
import {common} from './common.js';
import {a11y} from './a11y.js';
import {coreErrors} from './core-errors.js';
import {mlp} from './mlp.js';
import {share} from './share.js';
import {editor} from './editor.js';
import {diagram} from './diagram.js';
import {gradcheck, training} from './training.js';
import {bptt} from './bptt.js';
import {rnnEditor} from './rnn-editor.js';
import {rnnDiagram} from './rnn-diagram.js';
import {explorer} from './explorer.js';
import {embed} from './embed.js';
import {equations} from './equations.js';
import {avances} from './avances.js';
import {pytorchExport} from './export.js';
import {print} from './print.js';
import {files} from './files.js';

const es = {...common, a11y, coreErrors, mlp, share, editor, diagram, training, gradcheck, bptt, rnnEditor, rnnDiagram, explorer, embed, equations, avances, pytorchExport, print, files};

// Every language's texts, the default first: a language other than the default loads with it.
const LOADERS = {es: async () => es, en: async () => (await import('./en/index.js')).en};
export const LANGUAGES = Object.keys(LOADERS);
export const DEFAULT_LANGUAGE = LANGUAGES[0];
const loadedTexts = {es};
// Texts that only some pages read, each a key of S with a loader per language: loaded, in the
// current language and the next, once a module asked for them (wantTexts).
const PARTS = {
  labs: {es: async () => (await import('./labs/index.js')).labs, en: async () => (await import('./en/labs/index.js')).labs},
};
const parts = Object.fromEntries(Object.keys(PARTS).map((key) => [key, {}]));  // key → {lang: texts}
const wanted = new Set();  // the parts asked for: S holds them
const loadPart = async (key, lang) => { parts[key][lang] ??= await PARTS[key][lang](); };
const missingParts = (lang) => [...wanted].filter((key) => !(lang in parts[key]));
// `lang`'s first-load texts with the parts `keys` (all loaded).
const tree = (lang, keys) => ({...loadedTexts[lang], ...Object.fromEntries(keys.map((key) => [key, parts[key][lang]]))});

// A language's whole tree, every part included (what S holds once every part is asked for).
export async function texts(lang) {
  loadedTexts[lang] ??= await LOADERS[lang]();
  await Promise.all(Object.keys(PARTS).map((key) => loadPart(key, lang)));
  return tree(lang, Object.keys(PARTS));
}

const plain = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const copy = (value) => (Array.isArray(value) ? value.map(copy) : plain(value) ? fill({}, value) : value);
// Makes `target` hold `source`'s texts, keeping the identity of every nested object and list.
function fill(target, source) {
  for (const key of Object.keys(target)) if (!(key in source)) delete target[key];
  for (const [key, value] of Object.entries(source)) {
    if (plain(value) && plain(target[key])) fill(target[key], value);
    else if (Array.isArray(value) && Array.isArray(target[key])) target[key].splice(0, Infinity, ...value.map(copy));
    else target[key] = copy(value);
  }
  return target;
}

export const S = copy(es);
let current = DEFAULT_LANGUAGE;

export const language = () => current;
export const isLanguage = (lang) => LANGUAGES.includes(lang);

// Content kept outside the strings (a lesson's text) in every language: the default's given, the
// others' as loaders (`() => import('./text.en.js')`, the module's `lesson`), fetched with their
// language. Returns a function that gives the current language's version:
//   const lesson = localized({es: lessonEs, en: async () => (await import('./text.en.js')).lesson});
const contents = new Set();
export function localized({[DEFAULT_LANGUAGE]: fallback, ...loaders}) {
  const versions = {[DEFAULT_LANGUAGE]: fallback};
  const content = {versions, load: async (lang) => { versions[lang] ??= await loaders[lang](); }};
  contents.add(content);
  return () => {
    if (!(current in versions)) throw new Error(`localized content read before its language (${current}) loaded`);
    return versions[current];
  };
}

// Whether `lang`'s strings, the parts asked for and every localized content registered so far are
// here; one round of fetching what is not (a module imported meanwhile may register more).
const loaded = (lang) => lang in loadedTexts && !missingParts(lang).length && [...contents].every((content) => lang in content.versions);
async function fetchMissing(lang) {
  loadedTexts[lang] ??= await LOADERS[lang]();
  await Promise.all([...missingParts(lang).map((key) => loadPart(key, lang)), ...[...contents].map((content) => content.load(lang))]);
}

// Fetches everything `lang` needs without switching to it; true once loaded. setLanguage loads
// too: this only lets a page start fetching a language before it switches (web/main.js).
export async function loadLanguage(lang) {
  const next = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  while (!loaded(next)) await fetchMissing(next);
  return true;
}

// Starts downloading the part `key` in `lang` (the default if not a language) without asking for
// it: a route's page that will ask (web/main.js) so fetches its texts along with its module.
export function prefetchTexts(key, lang) {
  loadPart(key, isLanguage(lang) ? lang : DEFAULT_LANGUAGE).catch(() => {});
}

// Asks for the part `key` ('labs') in S: a page module that reads S.labs calls it when imported;
// web/main.js then puts it in S (setLanguage, which loads it) before mounting the page.
export function wantTexts(key) {
  if (!(key in PARTS)) throw new Error(`no such texts: ${key}`);
  wanted.add(key);
}
// The same, then waits until S[key] holds it in the current language (outside a page: tests).
export async function useTexts(key) {
  wantTexts(key);
  while (!(current in parts[key])) await loadPart(key, current);  // the language may change meanwhile
  if (!(key in S)) S[key] = copy(parts[key][current]);
  return S;
}

// Switches every text to `lang` ('es' | 'en'; anything else is the default) once it is loaded, all
// at once, with the parts asked for. Resolves to the language set; when calls overlap, the last
// one asked wins.
let asked = 0;
export async function setLanguage(lang) {
  const next = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  const call = ++asked;
  while (!loaded(next)) await fetchMissing(next);  // checked right before the switch, in its task
  if (call === asked && (next !== current || [...wanted].some((key) => !(key in S)))) {
    fill(S, tree(next, [...wanted]));  // what S holds: the first load's texts and the parts asked for
    current = next;
  }
  return current;
}
