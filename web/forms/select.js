// Drop-down lists: the element and its options, for the lessons' editors and the labs.
import {el} from '../dom.js';

// options: [[value, text]]; the value is written as the option's text value.
export const selectInput = (options, attributes = {}) =>
  el('select', attributes, options.map(([value, text]) => el('option', {value: String(value)}, text)));

// The offered values as options, plus the current one if a link brought another.
export const choices = (values, current, text = String) => [...new Set([...values, current])].map((v) => [v, text(v)]);

// The whole numbers of a range ({min, max}, e.g. a range of the core's spec), in order.
export const counts = ({min, max}) => Array.from({length: max - min + 1}, (_, k) => min + k);

// Sizes offered in a list: the range's whole numbers, plus the current one, in increasing order.
export const sizeChoices = (range, current) => choices(counts(range), current).sort(([a], [b]) => a - b);
