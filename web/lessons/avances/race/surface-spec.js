// From the race's settings to the core's `surface` spec (docs: the `surface` verb): the objective,
// the grid, the start (left out: the core's default start), the steps and one optimizer per racer
// shown, in the race's order. Pure.
import {RACER_IDS, optimizerSpec} from './optimizers.js';

// The grid the contour plot is drawn from: the lesson's choice of detail (the core bounds it).
export const GRID = {nx: 81, ny: 81};

// s: {sup, cond, eta, x, y, pasos, opt}
export function surfaceSpec(s) {
  const objective = {kind: s.sup};
  if (s.sup === 'quadratic') objective.condition = s.cond;
  const ids = RACER_IDS.filter((id) => s.opt.includes(id));
  const out = {
    objective,
    grid: {...GRID},
    steps: s.pasos,
    optimizers: ids.map((id) => optimizerSpec(id, s.eta)),
  };
  if (Number.isFinite(s.x) && Number.isFinite(s.y)) out.start = [s.x, s.y];
  return {spec: out, ids};
}

// A picked start rounded to about a hundredth of the view's span (an address stays short).
export function roundStart(value, span) {
  const digits = Math.max(0, Math.min(12, 2 - Math.floor(Math.log10(span))));
  return Number(value.toFixed(digits));
}
