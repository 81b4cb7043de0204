// The lessons' English texts (web/lessons/*/text.en.js) against their Spanish originals
// (text.js): the same structure (keys, array lengths, types, section ids, step tags, code
// languages), the same maths (display and inline TeX; only \text{…} words may differ; each display
// formula is one of the lesson's maths module, web/lessons/*/maths.js, written once), the same
// code once its comments, docstrings and printed words are set aside, the same numbers; no empty
// text and no Spanish left in the English. Then both languages rendered by the page's own renderer
// (web/lessons/text-view.js over a minimal DOM, tests/web/fake-dom.js): no KaTeX error, and as
// many formulas in English as in Spanish.
import {beforeAll, describe, expect, test} from 'vitest';
import {createElement, elements, installFakeDom} from './fake-dom.js';
import {mountLessonText, renderBlock} from '../../web/lessons/text-view.js';
import {lesson as mlpEs} from '../../web/lessons/mlp/text.js';
import {lesson as mlpEn} from '../../web/lessons/mlp/text.en.js';
import {lesson as bpttEs} from '../../web/lessons/bptt/text.js';
import {lesson as bpttEn} from '../../web/lessons/bptt/text.en.js';
import {lesson as avancesEs} from '../../web/lessons/avances/text.js';
import {lesson as avancesEn} from '../../web/lessons/avances/text.en.js';
import * as mlpMaths from '../../web/lessons/mlp/maths.js';
import * as bpttMaths from '../../web/lessons/bptt/maths.js';
import * as avancesMaths from '../../web/lessons/avances/maths.js';

const LESSONS = [['mlp', mlpEs, mlpEn], ['bptt', bpttEs, bpttEn], ['avances', avancesEs, avancesEn]];
const MATHS = {mlp: mlpMaths, bptt: bpttMaths, avances: avancesMaths};

// Prose as web/math.js richText reads it: inline $…$, **bold**, `code`.
const INLINE = /\$([^$]+)\$|\*\*([^*]+)\*\*|`([^`]+)`/g;
function inline(text) {
  const math = [];
  const code = [];
  const plain = text.replace(INLINE, (_, m, bold, c) => {
    if (m !== undefined) math.push(m);
    else if (c !== undefined) code.push(c);
    else {
      const inner = inline(bold);
      math.push(...inner.math);
      code.push(...inner.code);
      return ` ${inner.plain} `;
    }
    return ' ';
  });
  return {math, code, plain};
}

// TeX with its \text{…} words blanked: the only part of a formula a translation may change.
const TEXT_WORDS = /\\text\{([^{}]*)\}/g;
const blankWords = (tex) => tex.replace(TEXT_WORDS, '\\text{}');
const textWords = (tex) => [...tex.matchAll(TEXT_WORDS)].map((m) => m[1]).join(' ');

// Python code without its comments, docstrings and words in strings (their {…} fields stay).
function codeSkeleton(code) {
  return code
    .replace(/"""[\s\S]*?"""/g, '""""""')
    .replace(/#[^\n]*/g, '')
    .replace(/(['"])([^'"\n]*)\1/g, (_, q, body) => `${q}${(body.match(/\{[^}]*\}/g) ?? []).join('')}${q}`)
    .split('\n').map((line) => line.trimEnd()).filter(Boolean).join('\n');
}

const sorted = (list) => [...list].sort();
const words = (text) => text.match(/\p{L}+/gu) ?? [];

// Strings that must be the same in both languages, by the key that holds them.
const VERBATIM = new Set(['id', 'lang', 'steps']);

// Differences between the Spanish value `es` and the English `en` at `path`.
function compare(es, en, path = 'lesson', key = '', out = []) {
  const kind = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(es) !== kind(en)) {
    out.push(`${path}: ${kind(es)} in Spanish, ${kind(en)} in English`);
    return out;
  }
  if (kind(es) === 'array') {
    if (es.length !== en.length) out.push(`${path}: ${es.length} items in Spanish, ${en.length} in English`);
    else es.forEach((item, i) => compare(item, en[i], `${path}[${i}]`, VERBATIM.has(key) ? key : '', out));
  } else if (kind(es) === 'object') {
    const keys = Object.keys(es).sort();
    if (keys.join() !== Object.keys(en).sort().join()) out.push(`${path}: keys ${keys} in Spanish, ${Object.keys(en).sort()} in English`);
    else for (const k of keys) compare(es[k], en[k], `${path}.${k}`, k, out);
  } else if (kind(es) === 'string') {
    if (!en.trim()) out.push(`${path}: empty`);
    else if (VERBATIM.has(key)) {
      if (en !== es) out.push(`${path}: "${en}" should be "${es}"`);
    } else if (key === 'math') {
      if (blankWords(en) !== blankWords(es)) out.push(`${path}: the formula differs beyond its \\text words`);
    } else if (key === 'code') {
      if (codeSkeleton(en) !== codeSkeleton(es)) out.push(`${path}: the code differs beyond its comments and words`);
    } else {
      const a = inline(es);
      const b = inline(en);
      if (sorted(a.math.map(blankWords)).join('\n') !== sorted(b.math.map(blankWords)).join('\n'))
        out.push(`${path}: inline maths ${JSON.stringify(a.math)} in Spanish, ${JSON.stringify(b.math)} in English`);
      if (sorted(a.code).join('\n') !== sorted(b.code).join('\n'))
        out.push(`${path}: inline code ${JSON.stringify(a.code)} in Spanish, ${JSON.stringify(b.code)} in English`);
      // Without words (a number, a formula, a table's header), nothing to translate.
      const bare = a.plain.replace(/\d+(\.\d+)?(e[-+]?\d+)?/gi, '');
      if (!/\p{L}/u.test(bare) && en !== es) out.push(`${path}: "${en}" should be "${es}" (no words to translate)`);
      // A long paragraph keeps about its length (nothing left out).
      const n = words(a.plain).length;
      const m = words(b.plain).length;
      if (n >= 12 && (m < 0.5 * n || m > 1.6 * n)) out.push(`${path}: ${m} English words for ${n} Spanish ones`);
    }
  } else if (es !== en) out.push(`${path}: ${es} in Spanish, ${en} in English`);
  return out;
}

// Every string of a lesson with the key that holds it.
function* strings(value, key = '') {
  if (typeof value === 'string') yield [key, value];
  else if (Array.isArray(value)) for (const item of value) yield* strings(item, VERBATIM.has(key) ? key : '');
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, k);
}

// What a reader sees as words in the English: prose outside maths and inline code, the \text
// words of formulas, and the comments, docstrings and strings of code blocks.
function readable(lesson) {
  const out = [];
  for (const [key, text] of strings(lesson)) {
    if (VERBATIM.has(key)) continue;
    if (key === 'math') out.push(textWords(text));
    else if (key === 'code') out.push(...(text.match(/"""[\s\S]*?"""|#[^\n]*|(['"])[^'"\n]*\1/g) ?? []));
    else {
      const parts = inline(text);
      out.push(parts.plain, ...parts.math.map(textWords));
    }
  }
  return out;
}

// Spanish marks and common Spanish words that English prose never has.
const SPANISH_MARKS = /[ñÑ¿¡áéíóúÁÉÍÓÚüÜ«»]/u;
const SPANISH_WORDS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'que', 'en', 'es', 'un', 'una', 'con', 'por',
  'para', 'se', 'su', 'sus', 'si', 'como', 'pero', 'cada', 'entre', 'sobre', 'hacia', 'lo', 'al', 'paso', 'pasos',
  'capa', 'capas', 'pesos', 'salida', 'entrada', 'gradiente', 'gradientes', 'ejemplo', 'desde', 'hasta', 'sin',
  'tiempo', 'redes', 'neurona', 'neuronas', 'sesgo', 'sesgos', 'derivada', 'tasa', 'aprendizaje', 'nos', 'este',
  'esta', 'esto', 'estos', 'son', 'muy', 'donde', 'cuando', 'porque', 'tiene', 'hay', 'ser', 'puede', 'pueden']);

function spanishLeft(lesson) {
  const found = [];
  for (const text of readable(lesson)) {
    const mark = SPANISH_MARKS.exec(text);
    if (mark) found.push(`"${mark[0]}" in "${text.slice(Math.max(0, mark.index - 30), mark.index + 30)}"`);
    for (const word of words(text)) if (SPANISH_WORDS.has(word.toLowerCase())) found.push(`"${word}" in "${text.slice(0, 80)}"`);
  }
  return found;
}

describe.each(LESSONS)('%s: the English text', (name, es, en) => {
  test('has the Spanish structure, ids, step tags, maths, code and numbers', () => {
    expect(compare(es, en)).toEqual([]);
  });

  test('shows every display formula from the lesson\'s maths module, and each of them', () => {
    // A formula with words is a function of them: its TeX with the words blanked is what it shows.
    const formulas = new Map(Object.entries(MATHS[name])
      .map(([key, f]) => [blankWords(typeof f === 'function' ? f('') : f), key]));
    for (const lesson of [es, en]) {
      const shown = [...strings(lesson)].filter(([key]) => key === 'math').map(([, tex]) => blankWords(tex));
      expect(shown.filter((tex) => !formulas.has(tex))).toEqual([]);
      expect([...formulas.keys()].filter((tex) => !shown.includes(tex)).map((tex) => formulas.get(tex))).toEqual([]);
    }
  });

  test('has no empty text and no Spanish left', () => {
    expect(spanishLeft(en)).toEqual([]);
  });

  test('the checks above catch what they are for', () => {
    // The Spanish is caught as Spanish, and a changed formula, tag or code line as a difference.
    expect(spanishLeft(es).length).toBeGreaterThan(20);
    const twisted = structuredClone(en);
    const blocks = twisted.sections?.flatMap((s) => s.blocks) ?? Object.values(twisted.parts).flatMap((p) => p.blocks);
    const math = blocks.find((b) => b.math);
    math.math = math.math.replace('=', '+');
    const prose = blocks.find((b) => b.p?.includes('$'));
    prose.p = prose.p.replace('$', '$x + ');
    const before = compare(es, en).length;
    expect(compare(es, twisted).length).toBe(before + 2);
    const tagged = blocks.find((b) => b.steps);
    if (tagged) {
      tagged.steps = [...tagged.steps.slice(1), 'update'];
      expect(compare(es, twisted).length).toBeGreaterThan(before + 2);
    }
  });
});

describe('the texts rendered as the page renders them', () => {
  beforeAll(installFakeDom);

  // The rendered text: lessons 1 and 2 through mountLessonText (sections beside the stepper),
  // lesson 3 block by block through renderBlock (each part beside its experiment).
  function render(lesson) {
    const root = createElement('div');
    if (lesson.sections) {
      const store = {get: () => ({steps: [], step: 0}), subscribe: () => () => {}};
      const text = mountLessonText(root, {store}, lesson);
      text.renderAll();  // the sections below the current step's otherwise fill when idle
      text.destroy();
    } else {
      const cues = [];
      root.append(...lesson.intro.map((block) => renderBlock(block, cues)));
      for (const part of Object.values(lesson.parts)) root.append(...part.blocks.map((block) => renderBlock(block, cues)));
    }
    return [...elements(root)];
  }
  const classed = (nodes, name) => nodes.filter((node) => node.classList.contains(name));

  test.each(LESSONS)('%s: every formula parses in both languages, as many in each', (name, es, en) => {
    const [esNodes, enNodes] = [es, en].map(render);
    for (const nodes of [esNodes, enNodes]) {
      expect(classed(nodes, 'katex-error').map((node) => node.getAttribute('title'))).toEqual([]);
    }
    const count = classed(esNodes, 'katex').length;
    expect(count).toBeGreaterThan(10);
    expect(classed(enNodes, 'katex').length).toBe(count);
    // The same sections, under the same ids, for the stepper and the page's links.
    const ids = (nodes) => nodes.map((node) => node.getAttribute('id')).filter(Boolean);
    expect(ids(enNodes)).toEqual(ids(esNodes));
  });
});
