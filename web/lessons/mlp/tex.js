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
