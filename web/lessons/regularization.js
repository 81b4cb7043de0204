// Regularization as its own terms, in both lessons: the loss as L = L_datos + ½λ₂ΣW² + λ₁Σ|W|
// with each part's number (trace.loss_parts), and a weight's gradient as its data part, its
// penalty part λ₂W + λ₁ sign(W) and their sum (trace.gradient_parts), as equation trees
// (./equation.js). The core computes every part; nothing here adds anything up.
import {spec} from '../core/spec.js';
import {S} from '../strings/index.js';
import {abs, add, equation, exact, mat, mul, num, paren, sign, square, sumAll} from './equation.js';
import {product} from './mlp/tex.js';

// The scenario's λ₁ and λ₂, the core's defaults filled in; `on` when either is set.
export function penalties(scenario) {
  const r = spec().scenario.regularization;
  const l1 = scenario.regularization?.l1 ?? r.l1.default;
  const l2 = scenario.regularization?.l2 ?? r.l2.default;
  return {l1, l2, on: l1 !== 0 || l2 !== 0};
}

// L_datos (L_data in English): the loss without the penalty, in the language shown.
export const dataLoss = () => `L_{\\text{${S.equations.data}}}`;
const half = () => exact(0.5, '\\frac{1}{2}');

// The loss step's symbolic tail: " + ½λ₂ΣW² + λ₁Σ|W|" (the terms that are set).
export function penaltySymbolic({l1, l2}) {
  return `${l2 ? ' + \\tfrac{1}{2}\\lambda_2 \\sum W^{2}' : ''}${l1 ? ' + \\lambda_1 \\sum |W|' : ''}`;
}

// The loss step's equations and result. data: the data term's tree (its sides before the
// number); weights: [{value (rows)}] every penalised matrix as the step starts.
export function lossEquations({data, trace, weights, reg}) {
  if (!reg.on) {
    return {equations: [equation('L', ...data, num(trace.loss))], result: [{label: 'L', value: [[trace.loss]]}]};
  }
  const parts = trace.loss_parts;
  const equations = [equation(dataLoss(), ...data, num(parts.data))];
  const result = [{label: dataLoss(), value: [[parts.data]]}];
  const sides = [num(parts.data)];
  if (reg.l2) {
    const lhs = '\\tfrac{1}{2}\\lambda_2 \\sum W^{2}';
    equations.push(equation(lhs, mul(half(), mul(num(reg.l2), paren(add(...weights.map((w) => sumAll(square(mat(w.value)))))))), num(parts.l2)));
    result.push({label: lhs, value: [[parts.l2]]});
    sides.push(num(parts.l2));
  }
  if (reg.l1) {
    const lhs = '\\lambda_1 \\sum |W|';
    equations.push(equation(lhs, mul(num(reg.l1), paren(add(...weights.map((w) => sumAll(abs(mat(w.value))))))), num(parts.l1)));
    result.push({label: lhs, value: [[parts.l1]]});
    sides.push(num(parts.l1));
  }
  equations.push(equation('L', add(...sides), num(trace.loss)));
  result.push({label: 'L', value: [[trace.loss]]});
  return {equations, result};
}

// λ₂W + λ₁ sign(W), symbolically, for a weight's symbol.
export function penaltyTex({l1, l2}, symbol) {
  return [l2 ? `\\lambda_2 ${symbol}` : null, l1 ? `\\lambda_1 \\operatorname{sign}(${symbol})` : null].filter(Boolean).join(' + ');
}

// One element's penalty gradient, symbolically: ∂/∂W_ij (½λ₂ΣW² + λ₁Σ|W|) = λ₂W_ij + λ₁ sign(W_ij).
export const penaltyElementTex = (reg, element) =>
  `\\frac{\\partial}{\\partial ${element}}\\left(${penaltySymbolic(reg).slice(3)}\\right) = ${penaltyTex(reg, element)}`;

// A weight's penalty as a tree of its leaf (a matrix, or one element).
const penaltyTree = ({l1, l2}, w) => add(...[l2 ? mul(num(l2), w) : null, l1 ? mul(num(l1), sign(w)) : null].filter(Boolean));

// The equations of a weight's gradient with regularization: the data part (its tree `data`, the
// sides before the number), the penalty and the total; and the three result blocks.
// key: the gradient's name (dW1, dU); weight: the weight's values; symbol: its bold TeX;
// grad: TeX of ∂L/∂W (a function of the loss's symbol).
export function gradientEquations({key, data, weight, trace, reg, grad, total}) {
  const parts = trace.gradient_parts;
  const dataPart = parts.data[key];
  const penalty = parts.penalty[key];
  const penaltyLhs = penaltyTex(reg, grad.symbol);
  return {
    equations: [
      equation(grad.of(dataLoss()), ...data, mat(dataPart)),
      equation(penaltyLhs, penaltyTree(reg, mat(weight)), mat(penalty)),
      equation(grad.of('L'), add(mat(dataPart), mat(penalty)), mat(total)),
    ],
    result: [
      {label: grad.of(dataLoss()), value: dataPart},
      {label: penaltyLhs, value: penalty},
      {label: grad.of('L'), value: total},
    ],
    dataPart,
    penalty,
  };
}

// One element's penalty as chain-rule terms: λ₂·W_ij, λ₁·sign(W_ij).
export function penaltyTerms({l1, l2}, w) {
  return [l2 ? product(l2, w) : null, l1 ? product(l1, sign(num(w))) : null].filter(Boolean);
}
