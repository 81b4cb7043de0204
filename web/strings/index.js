// Every text the student reads, in Spanish (web/strings/*.js, the default) and in English
// (web/strings/en/<same path>, the same export names and keys). Each area of the page keeps its
// texts in its own file; import them from this index only, as `S`.
//
// `S` is one object for the life of the page whose contents are the current language's texts:
// setLanguage(lang) rewrites it in place, nested objects included, so a module that keeps
// `S.labs` or `S.editor.errors` reads the new language too. Read a text when rendering, never
// into a module-level constant. The language comes from the address (`lang`, web/router.js).
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
import {labs} from './labs/index.js';
import {embed} from './embed.js';
import {equations} from './equations.js';
import {avances} from './avances.js';
import {pytorchExport} from './export.js';
import {print} from './print.js';
import {files} from './files.js';
import {en} from './en/index.js';

const es = {...common, a11y, coreErrors, mlp, share, editor, diagram, training, gradcheck, bptt, rnnEditor, rnnDiagram, explorer, labs, embed, equations, avances, pytorchExport, print, files};

// Every language's texts, the default first.
export const TEXTS = {es, en};
export const LANGUAGES = Object.keys(TEXTS);
export const DEFAULT_LANGUAGE = LANGUAGES[0];

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
// The current language's version of content kept outside the strings (a lesson's text):
// inLanguage({es: lesson, en: lessonEn}).
export const inLanguage = (versions) => versions[current];
export const isLanguage = (lang) => LANGUAGES.includes(lang);

// Switches every text to `lang` ('es' | 'en'; anything else is the default). Returns the language set.
export function setLanguage(lang) {
  const next = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  if (next !== current) {
    fill(S, TEXTS[next]);
    current = next;
  }
  return current;
}
