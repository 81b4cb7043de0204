// TeX for the stepper's equations: symbols of the lesson and numbers from the trace.
import {texNumber} from '../../format.js';
import {activationTex, actAt, num, signed, texOf} from '../equation.js';

export {activationTex};

export const sup = (l) => `^{(${l})}`;
// a⁽⁰⁾ is the input x.
export const activationSymbol = (l) => (l === 0 ? '\\mathbf{x}' : `\\mathbf{a}${sup(l)}`);
export const scalarActivation = (l, i) => (l === 0 ? `x_{${i}}` : `a${sup(l)}_{${i}}`);

const n = texNumber;

export function matrix(rows) {
  return `\\begin{bmatrix}${rows.map((row) => row.map(n).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

// A vector as the lesson writes it: a column.
export function column(values) {
  return `\\begin{bmatrix}${values.map(n).join(' \\\\ ')}\\end{bmatrix}`;
}

export function transpose(rows) {
  return rows[0].map((_, j) => rows.map((row) => row[j]));
}

// A number inside a product or a sum, in parentheses when negative.
export function factor(x) {
  const text = n(x);
  return text.startsWith('-') ? `(${text})` : text;
}

// An expansion's numbers as data: `terms`, a sum of products whose value is
// Σ_k sign_k · Π_j factors_k[j] (a factor is a number, or a node of ../equation.js such as
// sign(W)), from which sumTex writes the TeX the student reads (each factor through factor(),
// terms joined by + or −). An activation's expansion carries instead
// `activation: {name, z, i}`: the value is element i of the activation applied to the list z.
// Every expansion with numbers also carries them as an equation tree, `expr` (../equation.js),
// which tests/web/truth.test.js evaluates.
export const product = (...factors) => ({sign: 1, factors});
export const minus = (...factors) => ({sign: -1, factors});

export const sumTex = (terms) => texOf(signed(terms));

// One element's chain rule: its symbolic form, its terms (the TeX numbers are written from them)
// and the value shown.
export function expansion(symbolic, terms, value) {
  const expr = signed(terms);
  return {symbolic, numbers: texOf(expr), terms, expr, value};
}

// One element's expansion from an equation tree (an optimizer's scalar update, …).
export const expansionOf = (symbolic, expr, value) => ({symbolic, numbers: texOf(expr), expr, value});

// Element i of an activation applied to the list z (a softmax needs the whole list).
export function activationExpansion(symbolic, name, z, i, value) {
  const expr = name === 'softmax' ? actAt(name, z.map(num), i) : actAt(name, [num(z[i])], 0);
  return {symbolic, numbers: texOf(expr), activation: {name, z: name === 'softmax' ? z : [z[i]], i: name === 'softmax' ? i : 0}, expr, value};
}
