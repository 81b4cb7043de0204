// The core's limits, option lists, ranges and defaults (`core.spec()`, docs/scenario.md "The core's
// spec"), held once the core has loaded so that pure modules (editors' edits, labs' settings) can
// read them synchronously. The page, each worker and each Node test call installSpec(core) first.
let current = null;

export function installSpec(core) {
  current = core.spec();
  return current;
}

export function spec() {
  if (!current) throw new Error('the core spec is read before the core has loaded (call installSpec(core))');
  return current;
}

// A range from the spec as {min, max, integer}: `max` is Infinity when the core sets none; a
// range whose max is excluded keeps it in `maxExcluded`.
export function range(r) {
  return {min: r.min, max: r.max ?? Infinity, integer: r.integer === true, maxExcluded: r.max_excluded === true};
}

// PyTorch's default learning rate of an optimizer, as the core fills it in.
export const defaultLr = (kind) => spec().scenario.optimizer[kind ?? spec().scenario.optimizer.kind.default].lr.default;

// Whether a whole number lies in a spec range (limits of sizes and counts).
export const within = (n, r) => Number.isInteger(n) && n >= r.min && n <= (r.max ?? Infinity);
