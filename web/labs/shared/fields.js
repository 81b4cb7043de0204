// Settings fields several labs use (field specs as web/forms/settings.js reads them): those
// whose bounds, options or defaults are the core's own, read from its spec (web/core/spec.js,
// docs/scenario.md "The core's spec"), and the ranges the labs choose for themselves. A field
// reads the spec when it is used, never when its module loads: the labs' modules may load before
// the core (a worker's jobs, a test). Pure: no DOM.
//
//   fromCore(field, {key: (spec) → value}) → the field, each key read from the core's spec when asked
//   coreRange(kind, (spec) → range, default, own?) an 'int' or 'number' field over a range of the
//     spec ({min, max}), narrowed to the lab's own {min?, max?} where it chooses less
//   seedField(default)   a seed the core takes: 0 … limits.max_seed
//   pointShapes(), sequenceTasks()   the core's data sets: data.points.shape, data.sequences.task
//   coreChoice(() → values, default)  a menu over options the core lists
//   lrField(default)     the labs' learning rates, LR
//   pointFields({shape, count, noise, validation?, minValidation?}) a point set's fields (defaults
//     given): shape, count, noise, validation (where the lab lets it be set), seed
//   withDefault(field, value) a copy of a field with another default (what it reads from the core
//     is still read when asked)
import {spec} from '../../core/spec.js';
import {choice, int, num} from '../../forms/settings.js';

// The labs' learning rates: a choice of the labs (the core takes 0 … 10⁶), wide enough for every
// experiment, narrow enough that a typo does not start a run that only overflows.
export const LR = {min: 1e-6, max: 10};

export function fromCore(field, getters) {
  const out = {...field};
  for (const [key, read] of Object.entries(getters)) {
    delete out[key];
    Object.defineProperty(out, key, {get: () => read(spec()), enumerable: true, configurable: true});
  }
  return out;
}

export const coreRange = (kind, read, fallback, own = {}) => fromCore({kind, default: fallback}, {
  min: (s) => Math.max(own.min ?? -Infinity, read(s).min),
  max: (s) => Math.min(own.max ?? Infinity, read(s).max ?? Infinity),
});

export const seedField = (fallback) => fromCore(int(0, undefined, fallback), {max: (s) => s.limits.max_seed});

export const coreChoice = (values, fallback) => fromCore(choice([], fallback), {choices: () => values()});

// The point sets' shapes, in the core's order.
export const pointShapes = () => spec().data.points.shape.values;

// The sequence tasks: the core's, the labs' first pick (echo, then parity) leading the menus.
const TASKS_FIRST = ['echo', 'parity'];
export const sequenceTasks = () => {
  const all = spec().data.sequences.task.values;
  return [...TASKS_FIRST.filter((t) => all.includes(t)), ...all.filter((t) => !TASKS_FIRST.includes(t))];
};

export const lrField = (fallback) => num(LR.min, LR.max, fallback);

// count: the labs' own range (at most 2,000 points, so that a run stays live).
export const pointFields = ({shape, count, noise, validation, minValidation}) => ({
  shape: coreChoice(pointShapes, shape),
  count: int(10, 2000, count),
  noise: coreRange('number', (s) => s.data.points.noise, noise),
  ...(validation === undefined ? {} : {validation: coreRange('number', (s) => s.data.points.validation, validation, {min: minValidation})}),
  seed: seedField(1),
});

export const withDefault = (field, value) => Object.defineProperties({}, {
  ...Object.getOwnPropertyDescriptors(field),
  default: {value, enumerable: true, writable: true, configurable: true},
});
