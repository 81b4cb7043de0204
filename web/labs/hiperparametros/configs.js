// The configurations a search trains: the learning rates, the epochs' checkpoints, the grid's or
// the random search's runs, and their split between the labs' two workers. Pure and seeded.
//
// A run is one training: {run, lr, hidden, checkpoints: [epochs…]} evaluated at each checkpoint
// (the grid trains one run per (lr, hidden) and reads every epochs value on the way; a random
// trial is one run evaluated at its own epochs).
import {random} from '../shared/random.js';

// Three significant digits: values a student reads and types back (0.00398, not 0.0039810717).
export const round3 = (x) => Number(x.toPrecision(3));

// `count` learning rates from min to max, evenly spaced on a log or a linear scale.
export function lrValues(min, max, count, scale = 'log') {
  if (count <= 1 || min === max) return [round3(min)];
  const values = [];
  for (let k = 0; k < count; k++) {
    const t = k / (count - 1);
    values.push(round3(scale === 'log' ? min * (max / min) ** t : min + t * (max - min)));
  }
  return [...new Set(values)];
}

// `count` checkpoints ending at `max`, each twice the one before (…, 500, 1000, 2000), at least
// epoch 1 and distinct.
export function checkpointsOf(max, count) {
  const values = [];
  for (let k = count - 1; k >= 0; k--) values.push(Math.max(1, Math.round(max / 2 ** k)));
  return [...new Set(values)];
}

// A seeded generator of numbers in [0, 1) (mulberry32 over both halves of a 53-bit seed).
export {random};

// The grid: one run per learning rate × hidden size, evaluated at every checkpoint.
export function gridRuns(s) {
  const lrs = lrValues(s.lrMin, s.lrMax, s.lrCount, s.lrScale);
  const checkpoints = checkpointsOf(s.epochs, s.checkpoints);
  const runs = [];
  for (const hidden of s.hidden) for (const lr of lrs) runs.push({run: runs.length, lr, hidden, checkpoints});
  return runs;
}

// Random search: `trials` runs, lr log-uniform (uniform on the linear scale) in [lrMin, lrMax],
// the hidden size uniform among the allowed ones, the epochs uniform among the checkpoints.
export function randomRuns(s) {
  const next = random(s.searchSeed);
  const checkpoints = checkpointsOf(s.epochs, s.checkpoints);
  const pick = (values) => values[Math.min(values.length - 1, Math.floor(next() * values.length))];
  const runs = [];
  for (let k = 0; k < s.trials; k++) {
    const u = next();
    const lr = round3(s.lrScale === 'log' ? s.lrMin * (s.lrMax / s.lrMin) ** u : s.lrMin + u * (s.lrMax - s.lrMin));
    runs.push({run: k, lr, hidden: pick(s.hidden), checkpoints: [pick(checkpoints)]});
  }
  return runs;
}

export const runsOf = (s) => (s.mode === 'random' ? randomRuns(s) : gridRuns(s));

// How many configurations (rows of the results) the runs give.
export const configurationCount = (runs) => runs.reduce((n, r) => n + r.checkpoints.length, 0);

// A run's cost in the core, up to a constant: epochs × (work per sample ~ hidden units + a
// fixed part). The number of rows per epoch is the same for every run of a search.
export const costOf = (r) => Math.max(...r.checkpoints) * (r.hidden + 4);

// Split runs into `parts` groups of about equal cost (largest first, each to the lightest group),
// each group kept in the runs' order. Empty groups are dropped.
export function splitRuns(runs, parts) {
  const groups = Array.from({length: parts}, () => ({cost: 0, runs: []}));
  const order = [...runs].sort((a, b) => costOf(b) - costOf(a) || a.run - b.run);
  for (const r of order) {
    const lightest = groups.reduce((best, g) => (g.cost < best.cost ? g : best));
    lightest.cost += costOf(r);
    lightest.runs.push(r);
  }
  return groups.filter((g) => g.runs.length).map((g) => g.runs.sort((a, b) => a.run - b.run));
}
