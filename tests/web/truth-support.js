// The truth check (tests/web/truth.test.js): every equation a step shows, and every element's
// expansion, evaluated from the numbers AS SHOWN (web/format.js: 8 significant digits) with
// interval arithmetic, must be able to give the result shown.
//
// Each displayed number d stands for any value that rounds to it: [d − h, d + h] with h half a
// unit of its 8th significant digit (0 shown means exactly 0; numbers the lesson writes exactly,
// `exact` leaves, are points). Every operation of the tree (web/lessons/equation.js) maps
// intervals to an interval holding every result, widened by a bound on float64 rounding (the
// core's and this check's own): FLOAT_SLACK times the magnitude of what the operation adds or
// multiplies (n + 1 times for a sum of n terms). An equation is true when, element by element,
// every side's interval meets the interval of the result shown (its last side). The core
// computed every number; this only verifies what is displayed.
import {formatNumber} from '../../web/format.js';
import {equationsTex, isMatrix} from '../../web/lessons/equation.js';

// 16 ulps of 1: far below the rounding of 8 digits (5e-9), far above float64's own.
const FLOAT_SLACK = 2 ** -48;
const LEAKY_SLOPE = 0.01;  // cpp/core/activation.hpp

// ---- intervals [lo, hi]
const I = (lo, hi = lo) => [lo, hi];
const widen = ([lo, hi], magnitude) => {
  const s = FLOAT_SLACK * magnitude + Number.MIN_VALUE;
  return [lo - s, hi + s];
};
const mag = ([lo, hi]) => Math.max(Math.abs(lo), Math.abs(hi));
const iadd = (a, b) => widen([a[0] + b[0], a[1] + b[1]], mag(a) + mag(b));
const ineg = ([lo, hi]) => [-hi, -lo];
const isub = (a, b) => iadd(a, ineg(b));
function imul(a, b) {
  const p = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]].map((x) => (Number.isNaN(x) ? 0 : x));
  return widen([Math.min(...p), Math.max(...p)], mag(a) * mag(b));
}
function idiv(a, b) {
  if (b[0] <= 0 && b[1] >= 0) return [-Infinity, Infinity];
  const q = [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]];
  return widen([Math.min(...q), Math.max(...q)], Math.max(...q.map(Math.abs)));
}
const monotone = (f) => ([lo, hi]) => widen([f(lo), f(hi)], Math.max(Math.abs(f(lo)), Math.abs(f(hi))));
const isqrt = ([lo, hi]) => (hi < 0 ? [NaN, NaN] : monotone(Math.sqrt)([Math.max(lo, 0), hi]));
function isquare([lo, hi]) {
  const a = lo * lo;
  const b = hi * hi;
  return widen(lo <= 0 && hi >= 0 ? [0, Math.max(a, b)] : [Math.min(a, b), Math.max(a, b)], Math.max(a, b));
}
function ipow(a, k) {
  let out = I(1);
  for (let j = 0; j < k; j++) out = imul(out, a);
  return out;
}
const iabs = ([lo, hi]) => (lo >= 0 ? [lo, hi] : hi <= 0 ? [-hi, -lo] : [0, Math.max(-lo, hi)]);
const isign = ([lo, hi]) => (lo > 0 ? I(1) : hi < 0 ? I(-1) : lo === 0 && hi === 0 ? I(0) : [-1, 1]);
const imax = (a, b) => [Math.max(a[0], b[0]), Math.max(a[1], b[1])];
const ilog = ([lo, hi]) => monotone(Math.log)([Math.max(lo, 0), hi]);
const scalarActivation = {
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  relu: (x) => (x > 0 ? x : 0),
  leaky_relu: (x) => (x > 0 ? x : LEAKY_SLOPE * x),
  linear: (x) => x,
};
// Element i of softmax(z): increasing in z_i, decreasing in every other z_j.
function isoftmax(zs, i) {
  const bound = (zi, other) => 1 / (1 + zs.reduce((s, zj, j) => (j === i ? s : s + Math.exp(other(zj) - zi)), 0));
  const out = [bound(zs[i][0], (z) => z[1]), bound(zs[i][1], (z) => z[0])];
  return widen(out, 1);
}
const iactivate = (name, zs, i) => (name === 'softmax' ? isoftmax(zs, i) : monotone(scalarActivation[name])(zs[i]));

// ---- what a displayed number stands for
export function shown(x) {
  if (!Number.isFinite(x)) return null;
  const d = Number(formatNumber(x).replace(/−/g, '-'));
  if (d === 0) return I(0);
  const exponent = Number(d.toExponential().split('e')[1]);
  const h = 0.5 * 10 ** (exponent - 7);
  return [d - h, d + h];
}

// ---- matrices of intervals: {rows, cols, v: [[interval]]}
const M = (v) => ({rows: v.length, cols: v[0]?.length ?? 0, v});
const scalarM = (i) => M([[i]]);
const leaf = (rows) => M(rows.map((r) => r.map((x) => shown(x) ?? [NaN, NaN])));
function zip(a, b, f) {
  if (a.rows === 1 && a.cols === 1 && (b.rows !== 1 || b.cols !== 1)) return M(b.v.map((r) => r.map((y) => f(a.v[0][0], y))));
  if (b.rows === 1 && b.cols === 1 && (a.rows !== 1 || a.cols !== 1)) return M(a.v.map((r) => r.map((x) => f(x, b.v[0][0]))));
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`shapes ${a.rows}×${a.cols} and ${b.rows}×${b.cols}`);
  return M(a.v.map((r, i) => r.map((x, j) => f(x, b.v[i][j]))));
}
const map = (a, f) => M(a.v.map((r) => r.map(f)));
const one = (m) => {
  if (m.rows !== 1 || m.cols !== 1) throw new Error(`a scalar was expected, not ${m.rows}×${m.cols}`);
  return m.v[0][0];
};
function matmul(a, b) {
  if (a.cols !== b.rows) throw new Error(`product of ${a.rows}×${a.cols} and ${b.rows}×${b.cols}`);
  return M(a.v.map((r) => b.v[0].map((_, j) => {
    let lo = 0;
    let hi = 0;
    let size = 0;
    r.forEach((x, k) => {
      const p = imul(x, b.v[k][j]);
      lo += p[0];
      hi += p[1];
      size += mag(p);
    });
    const s = FLOAT_SLACK * (r.length + 1) * size;
    return [lo - s, hi + s];
  })));
}
// Σ of intervals, with the float bound of an n-term sum.
function isum(list) {
  let lo = 0;
  let hi = 0;
  let size = 0;
  for (const x of list) {
    lo += x[0];
    hi += x[1];
    size += mag(x);
  }
  const s = FLOAT_SLACK * (list.length + 1) * size + Number.MIN_VALUE;
  return [lo - s, hi + s];
}

// A tree's value as a matrix of intervals.
export function evaluate(n) {
  const ev = evaluate;
  switch (n.op) {
    case 'num': return scalarM(shown(n.value) ?? [NaN, NaN]);
    case 'exact': return scalarM(I(n.value));
    case 'mat': return leaf(n.rows);
    case 'zeros': return M(Array.from({length: n.rows}, () => Array.from({length: n.cols}, () => I(0))));
    case 'add': return n.args.map(ev).reduce((a, b) => zip(a, b, iadd));
    case 'sub': return zip(ev(n.args[0]), ev(n.args[1]), isub);
    case 'neg': return map(ev(n.args[0]), ineg);
    case 'mul': case 'hadamard': return zip(ev(n.args[0]), ev(n.args[1]), imul);
    case 'matmul': return matmul(ev(n.args[0]), ev(n.args[1]));
    case 'div': return zip(ev(n.args[0]), ev(n.args[1]), idiv);
    case 'sqrt': return map(ev(n.args[0]), isqrt);
    case 'square': return map(ev(n.args[0]), isquare);
    case 'pow': return map(ev(n.args[0]), (x) => ipow(x, one(ev(n.args[1]))[0]));
    case 'abs': return map(ev(n.args[0]), iabs);
    case 'sign': return map(ev(n.args[0]), isign);
    case 'max': return zip(ev(n.args[0]), ev(n.args[1]), imax);
    case 'log': return map(ev(n.args[0]), ilog);
    case 'act': {
      const z = ev(n.args[0]);
      if (n.name !== 'softmax') return map(z, (x) => iactivate(n.name, [x], 0));
      if (n.over === 'rows') return M(z.v.map((r) => r.map((_, i) => isoftmax(r, i))));
      if (z.cols !== 1) throw new Error('softmax of a column: one column expected');
      const list = z.v.map((r) => r[0]);
      return M(list.map((_, i) => [isoftmax(list, i)]));
    }
    case 'actAt': return scalarM(iactivate(n.name, n.args.map((z) => one(ev(z))), n.i));
    case 'sumAll': return scalarM(isum(ev(n.args[0]).v.flat()));
    case 'ones': {
      const a = ev(n.args[0]);
      if (a.rows !== 1) throw new Error('1·bᵀ: a row expected');
      return M(Array.from({length: n.n}, () => a.v[0]));
    }
    case 'paren': case 'bracket': return ev(n.args[0]);
    case 'signed': return scalarM(isum(n.terms.map(({sign, factors}) => {
      const p = factors.map((f) => one(ev(f))).reduce(imul, I(1));
      return sign < 0 ? ineg(p) : p;
    })));
    default: throw new Error(`unknown operation ${n.op}`);
  }
}

const meets = (a, b) => a[0] <= b[1] && b[0] <= a[1];
const show = ([lo, hi]) => `[${lo}, ${hi}]`;

// Whether side a and side b can be equal: same shape, every element's intervals meet.
function compare(a, b, where, out) {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    out.push(`${where}: shapes ${a.rows}×${a.cols} and ${b.rows}×${b.cols}`);
    return 0;
  }
  let count = 0;
  a.v.forEach((r, i) => r.forEach((x, j) => {
    count++;
    const y = b.v[i][j];
    if (![...x, ...y].every((e) => !Number.isNaN(e)) || !meets(x, y))
      out.push(`${where}[${i}][${j}]: ${show(x)} cannot equal ${show(y)}`);
  }));
  return count;
}

// Checks one equation ({lhs, sides}): each side against the next and against the last.
export function checkEquation(eq, where, out) {
  const values = [];
  for (const [k, side] of eq.sides.entries()) {
    try {
      values.push(evaluate(side));
    } catch (error) {
      out.push(`${where} side ${k}: ${error.message}`);
      return 0;
    }
  }
  let elements = 0;
  const last = values.length - 1;
  for (let k = 0; k < last; k++) {
    elements += compare(values[k], values[last], `${where} side ${k} = result`, out);
    if (k + 1 < last) compare(values[k], values[k + 1], `${where} side ${k} = side ${k + 1}`, out);
  }
  return elements;
}

// Every step: its substituted TeX is written from its equations, each equation is true, and
// every element's expansion (numbers shown) gives the element shown. Returns the failures and
// what was checked.
export function checkSteps(steps, label = '') {
  const failures = [];
  const counts = {steps: 0, equations: 0, elements: 0, expansions: 0};
  for (const step of steps) {
    counts.steps++;
    const where = `${label}${step.id}`;
    if (!Array.isArray(step.equations) || step.equations.length === 0) {
      failures.push(`${where}: no equations as data`);
      continue;
    }
    if (step.substituted !== equationsTex(step.equations)) failures.push(`${where}: the TeX shown is not written from its equations`);
    step.equations.forEach((eq, k) => {
      counts.equations++;
      counts.elements += checkEquation(eq, `${where} eq ${k}`, failures);
    });
    if (!step.expand) continue;
    step.result.forEach((block, b) => block.value.forEach((r, i) => r.forEach((value, j) => {
      const e = step.expand(b, i, j);
      const at = `${where} expand(${b}, ${i}, ${j})`;
      if (!Object.is(e.value, value)) failures.push(`${at}: its value ${e.value} is not the element shown ${value}`);
      if (!e.expr) {
        if (e.numbers) failures.push(`${at}: numbers shown without a tree`);
        return;
      }
      if (e.numbers !== null && e.numbers !== undefined && isMatrix(e.expr)) failures.push(`${at}: a matrix where a number is expected`);
      counts.expansions++;
      checkEquation({lhs: null, sides: [e.expr, {op: 'num', value: e.value}]}, at, failures);
    })));
  }
  return {failures, counts};
}
