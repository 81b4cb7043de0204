// Stepping across training iterations, for both lessons' pages (web/lessons/lesson-page.js):
// the store keeps `iteration` (k, from 1) beside the step; the trace shown is core.trace of the
// scenario with `iteration: k` (update k, after k − 1 updates, the parameters and the optimizer's
// state carried: docs/scenario.md, "Trace"). → at the last step of iteration k goes on to the
// first step of k + 1, ← at the first step back to the last step of k − 1. The address holds k
// as `it` (absent for 1), bounded by the core's range (spec().scenario.iteration). A new scenario
// (an edit) starts again at iteration 1.
import {range, spec} from '../core/spec.js';
import {S} from '../strings/index.js';

export const ITERATION_PARAM = 'it';

const limits = () => range(spec().scenario.iteration);

// The iteration an address asks for: a whole number clamped to the core's range; 1 otherwise.
export function parseIteration(text) {
  const {min, max} = limits();
  const n = Number(text ?? '');
  if (text === null || text === undefined || String(text).trim() === '' || !Number.isFinite(n)) return min;
  return Math.min(Math.max(min, Math.floor(n)), max);
}

// The scenario the core traces for iteration k (the scenario itself for the first).
export const atIteration = (scenario, k) => (k > 1 ? {...scenario, iteration: k} : scenario);

// Writes k into an address's query (nothing for the first iteration).
export function writeIteration(query, k) {
  if (k > 1) query.set(ITERATION_PARAM, String(k));
  else query.delete(ITERATION_PARAM);
}

// Whether a step past the ends of this iteration (direction +1 or −1) leads to another one.
export function canCross(state, direction) {
  const k = state.iteration ?? 1;
  return direction > 0 ? k < limits().max : k > limits().min;
}

// A step asked for outside 0…last: the state of the neighbouring iteration it leads to (its
// first step going forward, its last going back), or null when there is none or it stays inside.
// evaluate(scenario, k) → {scenario, trace, steps} | {error} (the page's).
export function crossIteration(state, step, evaluate) {
  const last = state.steps.length - 1;
  const direction = step > last ? 1 : step < 0 ? -1 : 0;
  if (!direction || !canCross(state, direction)) return null;
  const k = (state.iteration ?? 1) + direction;
  const next = evaluate(state.scenario, k);
  if (next.error) return {notice: next.error};
  return {...next, iteration: k, step: direction > 0 ? 0 : next.steps.length - 1, selected: null};
}

// The stepper's label of the iteration shown.
export const iterationLabel = (state) => S.equations.iteration(state.iteration ?? 1);
