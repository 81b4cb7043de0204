// Lesson 3's view of the core's spec (`backprop spec`, web/core/spec.js): the `surface` and
// `init_stats` verbs' limits, option lists and defaults, read when asked (never when a module
// loads), in one place.
import {spec} from '../../core/spec.js';

export const surfaceSpec = () => spec().surface;
export const initSpec = () => spec().init_stats;

// A number field's bounds from a spec range {min, max}.
export const bounds = (range) => ({min: range.min, max: range.max ?? Infinity});
