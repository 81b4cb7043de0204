// Lesson 2's printed network (web/components/print-view.js): its settings, the sequence's inputs
// and targets, and every parameter and h₀ as the iteration starts (trace.parameters); and the
// chain rule printed when the student has chosen none: Ū's first element summed over t = 1..T.
import {rnnKeys as K} from '../../core/trace-keys.js';
import {S} from '../../strings/index.js';
import {col, mat, row, texOf} from '../equation.js';
import {trainingFacts} from '../print-facts.js';

export function network(scenario, trace) {
  const E = S.rnnEditor;
  const P = S.print;
  const model = scenario.model;
  const {inputs, targets = []} = scenario.data.sequences[0];
  const p = trace.parameters;
  const transposed = (symbol, values) => `${symbol}^{\\mathsf{T}} = ${texOf(row(values))}`;
  return {
    facts: [
      [P.sizes, [model.input_size, model.hidden_size, model.output_size].join(', ')],
      [E.steps, String(inputs.length)],
      [E.hiddenActivation, E.activations[model.hidden_activation ?? 'sigmoid']],
      [E.outputActivation, E.activations[model.output_activation ?? 'sigmoid']],
      [E.loss, E.losses[model.loss ?? 'half_sse']],
      [E.bias, model.bias ? P.yes : P.no],
      ...trainingFacts(scenario),
    ],
    data: inputs.map((x, k) => {
      const t = k + 1;
      const target = targets[k];
      return `${transposed(`\\mathbf{x}_{${t}}`, x)}, \\quad ${target ? transposed(`\\mathbf{t}_{${t}}`, target) : `\\mathbf{t}_{${t}}\\text{: ${P.noTarget}}`}`;
    }),
    parameters: [
      ...K.parameters(model.bias).map((name) => `${K.biases.includes(name) ? `\\mathbf{${name}}` : name} = ${texOf(K.biases.includes(name) ? col(p[name]) : mat(p[name]))}`),
      transposed('\\mathbf{h}_{0}', p[K.h0]),
    ],
  };
}

export function chainRuleDefault(steps) {
  const step = steps.findLastIndex((s) => s.kind === 'accumulate');
  return step < 0 ? null : {step, block: 0, row: 0, col: 0};
}
