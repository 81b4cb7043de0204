// Equations as data. A step's substituted equation, and an element's expansion, is a small
// expression tree whose leaves are the numbers shown (from the trace or the scenario) and whose
// inner nodes name the operations written between them. The stepper's TeX is written from the
// tree (texOf, equationsTex), and tests/web/truth.test.js evaluates the same tree, from the leaves
// as rounded on screen, to check that every equation shown is true. Nothing here computes a value.
//
// Leaves:
//   num(x)        a number shown rounded (texNumber): a trace value or a scenario's setting;
//   exact(x, tex) a number the lesson writes exactly (1, 2, the batch size B, the step t);
//   mat(rows)     a matrix as shown (rows of numbers); col(v) a column vector; row(v) a row;
//   zeros(r, c)   the zero matrix, written 0.
// Operations (scalars and matrices; a scalar operand of add/sub/hadamard/mul/div/max applies to
// every element):
//   add(a, b, …), sub(a, b), neg(a), mul(a, b) (a scalar times anything), matmul(a, b),
//   hadamard(a, b), div(a, b), sqrt(a), square(a), pow(a, k) (k exact), abs(a), sign(a),
//   max(a, b), log(a), act(name, a, over) (an activation, element-wise; softmax over the column
//   of a column vector, over: 'rows' over each row of a matrix of samples), actAt(name, zs, i) (element i of an
//   activation applied to the list of leaves zs), sumAll(a) (Σ of every element), ones(a, n)
//   (1·aᵀ: the row a repeated over n rows), paren(a), bracket(a), signed(list) (Σ sign·Π
//   factors: the chain rule's terms, see tex.js).
import {texNumber} from '../format.js';

export const num = (value) => ({op: 'num', value});
export const exact = (value, tex = String(value)) => ({op: 'exact', value, tex});
export const mat = (rows) => ({op: 'mat', rows});
export const col = (values) => ({op: 'mat', rows: values.map((x) => [x])});
export const row = (values) => ({op: 'mat', rows: [values]});
export const zeros = (rows, cols) => ({op: 'zeros', rows, cols});

const node = (op, args, extra = {}) => ({op, args, ...extra});
export const add = (...args) => node('add', args);
export const sub = (a, b) => node('sub', [a, b]);
export const neg = (a) => node('neg', [a]);
export const mul = (a, b) => node('mul', [a, b]);
export const matmul = (a, b) => node('matmul', [a, b]);
export const hadamard = (a, b) => node('hadamard', [a, b]);
export const div = (a, b) => node('div', [a, b]);
export const sqrt = (a) => node('sqrt', [a]);
export const square = (a) => node('square', [a]);
export const pow = (a, k) => node('pow', [a, k]);
export const abs = (a) => node('abs', [a]);
export const sign = (a) => node('sign', [a]);
export const max = (a, b) => node('max', [a, b]);
export const log = (a) => node('log', [a]);
export const act = (name, a, over = 'column') => node('act', [a], {name, over});
export const actAt = (name, zs, i) => node('actAt', zs, {name, i});
export const sumAll = (a) => node('sumAll', [a]);
export const ones = (a, n) => node('ones', [a], {n});
export const paren = (a) => node('paren', [a]);
export const bracket = (a) => node('bracket', [a]);
// Σ_k sign_k · Π_j factors_k[j]; a factor is a number or a node.
export const signed = (terms) => ({
  op: 'signed',
  terms: terms.map(({sign: s, factors}) => ({sign: s, factors: factors.map((f) => (typeof f === 'number' ? num(f) : f))})),
});

// An equation: `lhs` (TeX or null) = sides[0] = sides[1] = …; the last side is what the step
// shows as its result.
export const equation = (lhs, ...sides) => ({lhs, sides});

export const activationTex = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\operatorname{ReLU}',
  leaky_relu: '\\operatorname{LReLU}',
  linear: '\\operatorname{id}',
  softmax: '\\operatorname{softmax}',
};

// Precedence: what may stand unparenthesised where. A sum, a product, an atom; a negative number
// or a negation sits between a sum and a product (first in a sum, in parentheses elsewhere).
const SUM = 1;
const NEG = 1.5;
const PROD = 2;
const ATOM = 3;

// Whether a node's value is a matrix (a leaf matrix somewhere below, not summed away).
export function isMatrix(n) {
  if (n.op === 'mat' || n.op === 'zeros') return true;
  if (n.op === 'sumAll' || n.op === 'actAt' || n.op === 'num' || n.op === 'exact') return false;
  if (n.op === 'signed') return n.terms.some((t) => t.factors.some(isMatrix));
  return n.args.some(isMatrix);
}

const matrixTex = (rows) => `\\begin{bmatrix}${rows.map((r) => r.map(texNumber).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;

// A scalar before a matrix or a bracket is written next to it, as η ∂L/∂W; numbers get a dot.
const mulJoint = (b) => (['mat', 'sumAll', 'paren', 'bracket'].includes(b.op) ? ' ' : ' \\cdot ');

// A node's TeX and its precedence.
function write(n) {
  switch (n.op) {
    case 'num': {
      const text = texNumber(n.value);
      return [text, text.startsWith('-') ? NEG : ATOM];
    }
    case 'exact': return [n.tex, n.tex.startsWith('-') ? NEG : ATOM];
    case 'mat': return [matrixTex(n.rows), ATOM];
    case 'zeros': return ['\\mathbf{0}', ATOM];
    case 'add': return [n.args.map((a, k) => at(a, k === 0 ? SUM : PROD)).join(' + '), SUM];
    case 'sub': return [`${at(n.args[0], SUM)} - ${at(n.args[1], PROD)}`, SUM];
    case 'neg': return [`-${at(n.args[0], PROD)}`, NEG];
    case 'mul': return [`${at(n.args[0], PROD)}${mulJoint(n.args[1])}${at(n.args[1], PROD)}`, PROD];
    case 'matmul': return [`${at(n.args[0], PROD)} ${at(n.args[1], PROD)}`, PROD];
    case 'hadamard': return [`${at(n.args[0], PROD)} \\circ ${at(n.args[1], PROD)}`, PROD];
    case 'div': return [`\\frac{${tex0(n.args[0])}}{${tex0(n.args[1])}}`, ATOM];
    case 'sqrt': return [`\\sqrt{${tex0(n.args[0])}}`, ATOM];
    case 'square': return [`${at(n.args[0], ATOM, true)}^{${isMatrix(n.args[0]) ? '\\circ 2' : '2'}}`, ATOM];
    case 'pow': return [`${at(n.args[0], ATOM, true)}^{${tex0(n.args[1])}}`, ATOM];
    case 'abs': return [`\\left|${tex0(n.args[0])}\\right|`, ATOM];
    case 'sign': return [`\\operatorname{sign}\\left(${tex0(n.args[0])}\\right)`, ATOM];
    case 'max': return [`\\max\\left(${tex0(n.args[0])}, ${tex0(n.args[1])}\\right)`, ATOM];
    case 'log': return [`\\log ${at(n.args[0], ATOM)}`, PROD];
    case 'act': return [`${activationTex[n.name]}\\left(${tex0(n.args[0])}\\right)`, ATOM];
    case 'actAt': return n.name === 'softmax'
      ? [`\\frac{e^{${tex0(n.args[n.i])}}}{${n.args.map((z) => `e^{${tex0(z)}}`).join(' + ')}}`, ATOM]
      : [`${activationTex[n.name]}(${tex0(n.args[n.i])})`, ATOM];
    case 'sumAll': return [`\\textstyle\\sum ${at(n.args[0], ATOM)}`, PROD];
    case 'ones': return [`\\mathbf{1}${at(n.args[0], ATOM)}`, PROD];
    case 'paren': return [`\\left(${tex0(n.args[0])}\\right)`, ATOM];
    case 'bracket': return [`\\left[${tex0(n.args[0])}\\right]`, ATOM];
    case 'signed': return [n.terms.map((term, k) => {
      const text = term.factors.map((f) => at(f, PROD)).join(' \\cdot ');
      if (k === 0) return term.sign < 0 ? `-${text}` : text;
      return `${term.sign < 0 ? ' - ' : ' + '}${text}`;
    }).join(''), n.terms.length > 1 || n.terms[0]?.sign < 0 ? SUM : PROD];
    default: throw new Error(`unknown operation ${n.op}`);
  }
}

// A node's TeX where precedence `need` is required: in parentheses when it binds less tightly.
// `strict`: a base of a power, where a negative number needs them too.
function at(n, need, strict = false) {
  const [text, level] = write(n);
  if (!(level < need || (strict && level < ATOM))) return text;
  // A number in plain parentheses, as (−0.3); anything larger in growing ones.
  return n.op === 'num' || n.op === 'exact' ? `(${text})` : `\\left(${text}\\right)`;
}
const tex0 = (n) => write(n)[0];

export const texOf = tex0;

// One equation's TeX: lhs = side = side …
export function equationTex({lhs, sides}) {
  return [lhs, ...sides.map(tex0)].filter((part) => part !== null).join(' = ');
}

// A step's equations, one per line aligned at their first "=" (a single one on its own).
export function equationsTex(equations) {
  if (equations.length === 1) return equationTex(equations[0]);
  const lines = equations.map(({lhs, sides}) => {
    const parts = [lhs, ...sides.map(tex0)].filter((part) => part !== null);
    return `${parts[0]} &= ${parts.slice(1).join(' = ')}`;
  });
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

// The same equations with every "=" at the start of a line of its own, and a side that is a sum
// cut before each of its terms, for a page too narrow for them (web/components/print-view.js);
// with `products`, a product's factors too, each continuing on a line further in.
export function equationsTexBroken(equations, {products = false} = {}) {
  const lines = equations.flatMap(({lhs, sides}) => sides.flatMap((side, k) => {
    const [first, ...rest] = termsOf(side, products);
    const head = k > 0 ? `&= ${first.tex}` : lhs === null ? `& ${first.tex}` : `${lhs} &= ${first.tex}`;
    return [head, ...rest.map(({tex, factor}) => `& ${factor ? '\\qquad' : '\\quad'} {} ${tex}`)];
  }));
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

// A side's lines {tex, factor}: a sum's terms, each after the first with its sign, and with
// `products` each unparenthesised term's factors (`factor`: after the first).
function termsOf(n, products) {
  const split = (term, need, sign) => {
    const [first, ...rest] = products && at(term, need) === write(term)[0] ? factorsOf(term) : [at(term, need)];
    return [{tex: `${sign}${first}`}, ...rest.map((tex) => ({tex, factor: true}))];
  };
  if (n.op === 'add') return n.args.flatMap((a, k) => split(a, k === 0 ? SUM : PROD, k === 0 ? '' : '+ '));
  if (n.op === 'sub') return [...split(n.args[0], SUM, ''), ...split(n.args[1], PROD, '- ')];
  return split(n, SUM, '');
}

// A product's factors as written, each after the first with its operator (∘, ·, or none).
function factorsOf(n) {
  const joined = (operator) => {
    const [first, ...rest] = factorsOf(n.args[1]);
    return [...factorsOf(n.args[0]), `${operator}${first}`, ...rest];
  };
  if (n.op === 'matmul') return joined('');
  if (n.op === 'hadamard') return joined('\\circ ');
  if (n.op === 'mul') return joined(mulJoint(n.args[1]).trim() ? '\\cdot ' : '');
  return [at(n, PROD)];
}

// Whether targets add up to 1 (a distribution): softmax with cross-entropy gives δ = ŷ − y only
// then (in general δ = ŷ·Σy − y). A decision about which equation is true, not a number shown.
export const isDistribution = (values) => Math.abs(values.reduce((a, b) => a + b, 0) - 1) <= 1e-12;

// Every leaf of a tree, in the order it is written (for tests that compare the TeX with them).
export function leaves(n) {
  if (n.op === 'num' || n.op === 'exact' || n.op === 'mat' || n.op === 'zeros') return [n];
  if (n.op === 'signed') return n.terms.flatMap((t) => t.factors.flatMap(leaves));
  if (n.op === 'actAt') return n.name === 'softmax' ? [n.args[n.i], ...n.args].flatMap(leaves) : leaves(n.args[n.i]);
  return n.args.flatMap(leaves);
}
