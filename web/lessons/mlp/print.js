// Lesson 1's printed network (web/components/print-view.js): its settings, the batch's inputs and
// targets, and every parameter as the iteration starts (trace.parameters); and the chain rule
// printed when the student has chosen none: ∂L/∂W's first element, the first gradient computed.
import {mlpKeys as K} from '../../core/trace-keys.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {col, mat, texOf} from '../equation.js';
import {trainingFacts} from '../print-facts.js';
import {batchNormOn, dropoutOf} from './normalization.js';
import {sup} from './tex.js';

export function network(scenario, trace) {
  const E = S.editor;
  const P = S.print;
  const {layers, activations, loss = 'half_sse'} = scenario.model;
  const L = layers.length - 1;
  const B = scenario.data.inputs.length;
  const hidden = Array.from({length: L - 1}, (_, k) => k + 1);
  const normalized = hidden.filter((l) => batchNormOn(scenario, l));
  const dropped = hidden.filter((l) => dropoutOf(scenario, l) > 0);
  const values = (rows) => texOf(B === 1 ? col(rows[0]) : mat(rows));
  const p = trace.parameters;
  const symbols = (l) => [
    [K.W(l), `\\mathbf{W}${sup(l)}`, mat],
    [K.b(l), `\\mathbf{b}${sup(l)}`, col],
    [K.gamma(l), `\\boldsymbol{\\gamma}${sup(l)}`, col],
    [K.beta(l), `\\boldsymbol{\\beta}${sup(l)}`, col],
  ];
  return {
    facts: [
      [P.layers, layers.join(' → ')],
      [P.activations, activations.map((name) => E.activations[name] ?? name).join(', ')],
      [E.loss, E.losses[loss] ?? loss],
      ...(normalized.length ? [[E.batchNorm, P.batchNormLayers(normalized)]] : []),
      ...(dropped.length ? [[E.dropout, dropped.map((l) => P.dropoutAt(l, formatNumber(dropoutOf(scenario, l)))).join('; ')]] : []),
      ...trainingFacts(scenario),
    ],
    data: [
      `${B === 1 ? '\\mathbf{x}' : '\\mathbf{X}'} = ${values(scenario.data.inputs)}`,
      `${B === 1 ? '\\mathbf{y}' : '\\mathbf{Y}'} = ${values(scenario.data.targets)}`,
    ],
    parameters: Array.from({length: L}, (_, k) => symbols(k + 1)).flat()
      .filter(([key]) => p[key])
      .map(([key, symbol, shape]) => `${symbol} = ${texOf(shape(p[key]))}`),
  };
}

export function chainRuleDefault(steps) {
  const step = steps.findIndex((s) => s.kind === 'dW');
  return step < 0 ? null : {step, block: 0, row: 0, col: 0};
}
