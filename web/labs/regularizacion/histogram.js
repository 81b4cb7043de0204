// Weight histograms for display: the final weights of several runs binned over one shared,
// symmetric range so that their shapes compare bar by bar.

// Every weight of the named matrices (e.g. W1, W2) of a `parameters` object, flattened.
export function weightValues(parameters, names = ['W1', 'W2']) {
  const values = [];
  for (const name of names) for (const row of parameters[name] ?? []) values.push(...row);
  return values;
}

// runs: arrays of numbers → {edges (bins + 1), counts: one array of `bins` per run}. The range is
// [−m, m] with m the largest |value| over all runs (1 when every value is 0); a value on the
// upper edge falls in the last bin.
export function binValues(runs, bins = 24) {
  let m = 0;
  for (const values of runs) for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  if (m === 0) m = 1;
  const width = (2 * m) / bins;
  const edges = Array.from({length: bins + 1}, (_, k) => -m + k * width);
  const counts = runs.map((values) => {
    const count = new Array(bins).fill(0);
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      count[Math.min(bins - 1, Math.max(0, Math.floor((v + m) / width)))] += 1;
    }
    return count;
  });
  return {edges, counts};
}

// The share of values whose magnitude is below `tiny` (L1 drives many weights to about 0).
export function nearZeroShare(values, tiny = 1e-3) {
  if (!values.length) return 0;
  return values.filter((v) => Math.abs(v) < tiny).length / values.length;
}
