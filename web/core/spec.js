// The core's limits, option lists, ranges and defaults (`backprop spec`, docs/scenario.md "The
// core's spec"): the one source the page, its workers and the Node tool read them from. The wasm
// build writes them from the core's tables into spec-text.js (cpp/wasm/spec_gen.cpp), so they are
// here before the core loads, and the page's module does not carry the code that builds them.
import specText from './spec-text.js';

const deepFreeze = (value) => {
  if (value && typeof value === 'object') Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
};
const current = deepFreeze(JSON.parse(specText));

// The spec's text exactly as the native tool prints it (`backprop spec` on Node, bin/backprop.mjs).
export {specText};

export const spec = () => current;

// A range from the spec as {min, max, integer}: `max` is Infinity when the core sets none; a
// range whose max is excluded keeps it in `maxExcluded`.
export function range(r) {
  return {min: r.min, max: r.max ?? Infinity, integer: r.integer === true, maxExcluded: r.max_excluded === true};
}

// PyTorch's default learning rate of an optimizer, as the core fills it in.
export const defaultLr = (kind) => spec().scenario.optimizer[kind ?? spec().scenario.optimizer.kind.default].lr.default;

// Whether a whole number lies in a spec range (limits of sizes and counts).
export const within = (n, r) => Number.isInteger(n) && n >= r.min && n <= (r.max ?? Infinity);
