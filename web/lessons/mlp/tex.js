// TeX for the stepper's equations: symbols of the lesson and numbers from the trace.
import {texNumber} from '../../format.js';

export const activationTex = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\operatorname{ReLU}',
  leaky_relu: '\\operatorname{LReLU}',
  linear: '\\operatorname{id}',
  softmax: '\\operatorname{softmax}',
};

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
// Σ_k sign_k · Π_j factors_k[j], from which sumTex writes the TeX the student reads (each factor
// through factor(), terms joined by + or −). An activation's expansion carries instead
// `activation: {name, z, i}`: the value is element i of the activation applied to the list z.
export const product = (...factors) => ({sign: 1, factors});
export const minus = (...factors) => ({sign: -1, factors});

export function sumTex(terms) {
  return terms.map((term, k) => {
    const text = term.factors.map(factor).join(' \\cdot ');
    if (k === 0) return term.sign < 0 ? `-${text}` : text;
    return `${term.sign < 0 ? ' - ' : ' + '}${text}`;
  }).join('');
}

// One element's chain rule: its symbolic form, its terms (the TeX numbers are written from them)
// and the value shown.
export const expansion = (symbolic, terms, value) => ({symbolic, numbers: sumTex(terms), terms, value});
