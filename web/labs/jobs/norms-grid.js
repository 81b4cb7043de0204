// Job `normsGrid` (lab 9): ‖∂L/∂h_t‖ for t = 1..T of a random RNN at every initialisation scale ×
// sequence length, from core.norms. One sequence per length from the task's data (the same
// inputs at every scale), scored at its last step only, so that ‖h̄_t‖ measures how far back the
// error of step T reaches.
//
// input: {task, activation, hidden, scales: [s…], lengths: [T…], seed}
// progress: {row, length, norms: [[‖h̄_1‖…] | null per scale]} after each length (null: refused)
// result: {scales, lengths, norms: lengths × scales of the same}
import {outputOf} from '../shared/sequence-scenario.js';

// The task's sequence of length T (echo with delay 1, so that every length ≥ 2 has a target at T).
function sequenceOf(core, {task, seed}, length) {
  const data = core.data({
    kind: 'sequences', task, count: 1, min_length: length, max_length: length, ...(task === 'echo' ? {delay: 1} : {}), validation: 0, seed,
  });
  const [sequence] = data.sequences;
  const last = sequence.targets.length - 1;
  return {
    inputSize: data.input_size,
    outputSize: data.output_size,
    sequence: {inputs: sequence.inputs, targets: sequence.targets.map((row, t) => (t === last ? row : null))},
  };
}

export function normsScenario({task, activation, hidden, seed}, scale, {inputSize, outputSize, sequence}) {
  return {
    model: {
      kind: 'rnn', input_size: inputSize, hidden_size: hidden, output_size: outputSize,
      hidden_activation: activation, ...outputOf(task, 'linear'), bias: true,
    },
    init: {scheme: 'uniform', scale, seed},
    data: {sequences: [sequence]},
  };
}

export async function normsGrid(input, api) {
  const {core} = api;
  const rows = [];
  for (let row = 0; row < input.lengths.length; row++) {
    if (api.cancelled()) return null;
    const length = input.lengths[row];
    const data = sequenceOf(core, input, length);
    const norms = input.scales.map((scale) => {
      try {
        return core.norms(normsScenario(input, scale, data)).h_grad_norm;
      } catch (error) {
        if (error?.name !== 'CoreError') throw error;
        return null;  // a non-finite loss: the cell shows it as an overflow
      }
    });
    rows.push(norms);
    api.progress({row, length, norms});
    await api.pause();
  }
  return {scales: input.scales, lengths: input.lengths, norms: rows};
}
