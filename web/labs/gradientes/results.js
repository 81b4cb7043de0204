// Lab 8: core.gradcheck's result as rows to show, sort, count and save. Nothing is computed here
// but comparisons with the threshold.
import {THRESHOLD} from './scenario.js';

export const ORDER = ['U', 'V', 'W', 'b', 'c'];

// result.parameters → [{name, shape: [rows, cols] | [n], max, entries: [{name, row, col, analytic,
// numeric, error}]}] in the order U, V, W, b, c; row and col count from 1 (col null for vectors).
export function groupsOf(result) {
  const names = Object.keys(result.parameters).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return names.map((name) => {
    const {analytic, numeric, relative_error: error, max_relative_error: max} = result.parameters[name];
    const entries = [];
    if (Array.isArray(analytic[0])) {
      analytic.forEach((row, i) => row.forEach((a, j) => entries.push({
        name, row: i + 1, col: j + 1, analytic: a, numeric: numeric[i][j], error: error[i][j],
      })));
    } else {
      analytic.forEach((a, i) => entries.push({name, row: i + 1, col: null, analytic: a, numeric: numeric[i], error: error[i]}));
    }
    const shape = Array.isArray(analytic[0]) ? [analytic.length, analytic[0].length] : [analytic.length];
    return {name, shape, max, entries};
  });
}

// The entries of a group in the chosen order: 'position' (row by row) or 'error' (largest first).
export function sortEntries(entries, order) {
  if (order !== 'error') return entries;
  return [...entries].sort((a, b) => b.error - a.error || a.row - b.row || (a.col ?? 0) - (b.col ?? 0));
}

export const above = (error) => !(error < THRESHOLD);  // NaN counts as above

// {total, over, max, equal}
export function verdictOf(result, groups = groupsOf(result)) {
  const all = groups.flatMap((g) => g.entries);
  const over = all.filter((e) => above(e.error)).length;
  return {total: all.length, over, max: result.max_relative_error, equal: over === 0 && result.max_relative_error < THRESHOLD};
}

// CSV rows: parameter, row, column (empty for a vector), BPTT, finite differences, relative error.
export const csvRows = (groups) => groups.flatMap((g) => g.entries.map((e) => [e.name, e.row, e.col, e.analytic, e.numeric, e.error]));
