// What the prediction strip shows at each time step, from a sequence and the core's outputs:
// the input as a symbol or numbers, the target, ŷ_t, and right/wrong as the core's accuracy counts
// it (argmax of ŷ equals argmax of y; one output unit: ŷ ≥ 0.5 equals y ≥ 0.5). Pure.

const argmax = (row) => row.reduce((best, v, i) => (v > row[best] ? i : best), 0);
const isBinary = (row) => row.every((v) => v === 0 || v === 1);
const isOneHot = (row) => row.length > 1 && isBinary(row) && row.filter((v) => v === 1).length === 1;

// An input row: {symbol: index} when one-hot, else {values}.
export function inputView(row) {
  return isOneHot(row) ? {symbol: row.indexOf(1)} : {values: row};
}

// A target row (null: no target at this step): {class: index} (one-hot), else {values}.
export function targetView(row) {
  if (row === null || row === undefined) return null;
  return isOneHot(row) ? {class: row.indexOf(1)} : {values: row};
}

// ŷ_t: {probabilities, class} for several output units, else {values}.
export function outputView(row) {
  return row.length > 1 ? {probabilities: row, class: argmax(row)} : {values: row};
}

// Right (true), wrong (false) or not scored (null: no target, or targets that are not classes).
export function isRight(target, output) {
  if (target === null || target === undefined || !isBinary(target)) return null;
  if (output.length > 1) return argmax(output) === argmax(target);
  return (output[0] >= 0.5) === (target[0] >= 0.5);
}

// sequence: {inputs, targets}; outputs: T × n_y from core.predict.
export function stripSteps(sequence, outputs) {
  return sequence.inputs.map((x, t) => {
    const y = sequence.targets[t];
    return {
      t: t + 1,
      input: inputView(x),
      target: targetView(y),
      output: outputView(outputs[t]),
      right: isRight(y, outputs[t]),
    };
  });
}

// {right, scored}: how many scored steps the strip marks right.
export function tally(steps) {
  let right = 0;
  let scored = 0;
  for (const step of steps) {
    if (step.right === null) continue;
    scored += 1;
    if (step.right) right += 1;
  }
  return {right, scored};
}
