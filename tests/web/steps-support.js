// Shared by tests/web/steps-mlp.test.js and steps-bptt.test.js: the checks of a stepper's steps
// that do not depend on the lesson (its expansions, its text's tags).
import {texNumber} from '../../web/format.js';
import {leaves, texOf} from '../../web/lessons/equation.js';
import {evaluate} from './truth-support.js';

const TOL = 1e-12;

// Element i of an activation applied to the list z, as the core defines it (cpp/core/activation.cpp).
export function activate(name, z, i) {
  switch (name) {
    case 'sigmoid': return 1 / (1 + Math.exp(-z[i]));
    case 'tanh': return Math.tanh(z[i]);
    case 'relu': return z[i] > 0 ? z[i] : 0;
    case 'leaky_relu': return z[i] > 0 ? z[i] : 0.01 * z[i];
    case 'linear': return z[i];
    case 'softmax': {
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      return e[i] / e.reduce((a, b) => a + b, 0);
    }
    default: throw new Error(`unknown activation ${name}`);
  }
}

// Σ_k sign_k · Π_j factors_k[j], and Σ_k |Π_j factors_k[j]| (the scale a rounding error is
// relative to when the terms cancel).
// A factor is a number or a tree of web/lessons/equation.js (sign(W)): its value, the middle of
// its interval (exact for a sign away from 0).
const factorValue = (f) => {
  if (typeof f === 'number') return f;
  const [lo, hi] = evaluate(f).v[0][0];
  return (lo + hi) / 2;
};
// A factor's numbers, as shown in order.
const factorNumbers = (f) => (typeof f === 'number' ? [f] : leaves(f).map((leaf) => leaf.value));

export function evaluateTerms(terms) {
  let value = 0;
  let scale = 0;
  for (const {sign, factors} of terms) {
    const p = factors.map(factorValue).reduce((a, b) => a * b, 1);
    value += sign * p;
    scale += Math.abs(p);
  }
  return {value, scale};
}

// The numbers a TeX string shows, in order, with their signs: 0.5, (-0.25), 1.2 \times 10^{-5}.
// A minus between two terms (" - ") is an operator, not a sign.
export function shownNumbers(tex) {
  const out = [];
  const pattern = /(-?)(\d+(?:\.\d+)?)(?: \\times 10\^\{(-?\d+)\})?/g;
  for (const m of tex.matchAll(pattern)) out.push(Number(`${m[1]}${m[2]}${m[3] ? `e${m[3]}` : ''}`));
  return out;
}

const close = (a, b, scale = 0) => Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b), scale);
// Shown with 8 significant digits (web/format.js).
const sameShown = (shown, x) => shown === Number(texNumber(x).replace(' \\times 10^{', 'e').replace('}', ''));

// Every element of every result block of every step that has an expansion: its expansion's value
// is the element shown, and the numbers it shows give that value:
//  - `terms` (a sum of products): Σ sign·Π factors equals the value to 1e-12 relative (relative to
//    the larger of |value| and Σ|products| when the terms cancel), and the TeX `numbers` shows
//    exactly those factors, in order;
//  - `activation`: the activation applied to z gives the value to 1e-12, and `numbers` shows z;
//  - `expr` alone (a tree of web/lessons/equation.js): `numbers` is written from it (its truth is
//    tests/web/truth.test.js's);
//  - none: `numbers` is null (an expansion with symbols only).
// Returns the mismatches, as text; `counts` says how many expansions of each sort were checked.
export function expansionMismatches(steps) {
  const out = [];
  const counts = {terms: 0, activation: 0, expr: 0, symbolic: 0};
  for (const step of steps) {
    if (!step.expand) continue;
    step.result.forEach((block, b) => block.value.forEach((row, r) => row.forEach((shown, c) => {
      const where = `${step.id}[${b}][${r}][${c}]`;
      const e = step.expand(b, r, c);
      if (!Object.is(e.value, shown)) out.push(`${where}: expansion value ${e.value}, shown ${shown}`);
      if (typeof e.symbolic !== 'string' || e.symbolic === '') out.push(`${where}: no symbolic form`);
      if (e.terms) {
        counts.terms++;
        const {value, scale} = evaluateTerms(e.terms);
        if (!close(value, e.value, scale)) out.push(`${where}: the terms give ${value}, the value is ${e.value}`);
        const factors = e.terms.flatMap((t) => t.factors.flatMap(factorNumbers));
        const shownFactors = e.numbers === null ? [] : shownNumbers(e.numbers);
        // An empty sum (h̄'s part from t + 1 at t = T) shows no numbers.
        if (e.terms.length > 0 && e.numbers === null) out.push(`${where}: terms but no numbers shown`);
        if (shownFactors.length !== factors.length || !factors.every((x, k) => sameShown(shownFactors[k], x)))
          out.push(`${where}: shows ${e.numbers}, its factors are ${factors.join(', ')}`);
      } else if (e.activation) {
        counts.activation++;
        const {name, z, i} = e.activation;
        const value = activate(name, z, i);
        if (!close(value, e.value)) out.push(`${where}: ${name}(${z})[${i}] is ${value}, the value is ${e.value}`);
        const shownZ = shownNumbers(e.numbers);
        const expected = name === 'softmax' ? [z[i], ...z] : z;
        if (shownZ.length !== expected.length || !expected.every((x, k) => sameShown(shownZ[k], x)))
          out.push(`${where}: shows ${e.numbers}, its arguments are ${expected.join(', ')}`);
      } else if (e.expr) {
        // A tree (an optimizer's scalar update): its TeX is written from it; tests/web/truth.test.js
        // checks its value from the numbers shown.
        counts.expr++;
        if (e.numbers !== texOf(e.expr)) out.push(`${where}: numbers ${e.numbers} are not written from its tree`);
      } else {
        counts.symbolic++;
        if (e.numbers !== null) out.push(`${where}: numbers ${e.numbers} without terms`);
      }
    })));
  }
  return {mismatches: out, counts};
}

// Every tag a lesson's text gives its blocks (`steps: [...]`, web/lessons/*/text.js).
export function textTags(lesson) {
  const tags = new Set();
  for (const section of lesson.sections)
    for (const block of section.blocks) for (const tag of block.steps ?? []) tags.add(tag);
  return tags;
}
