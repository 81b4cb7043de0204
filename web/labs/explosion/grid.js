// Lab 9's grid of scale × sequence length: the axes, the settings, what each cell shows
// (log10 of ‖h̄_1‖ / ‖h̄_T‖ from the core's norms) and its colour bin. Pure.
import {choice, int, num} from '../../forms/settings.js';
import {coreChoice, seedField, sequenceTasks} from '../shared/fields.js';
import {HIDDEN_ACTIVATIONS} from '../shared/sequence-settings.js';

export const gridFields = {
  gf: choice(HIDDEN_ACTIVATIONS, 'tanh'),
  gtask: coreChoice(sequenceTasks, 'running_sum'),
  ghidden: int(1, 32, 16),
  gscaleMin: num(0.001, 100, 0.05),
  gscaleMax: num(0.001, 100, 5),
  gscales: int(2, 25, 13),
  glengths: choice(['short', 'long'], 'long'),
  gseed: seedField(1),
};

// Sequence lengths on the grid's vertical axis.
export const LENGTHS = {
  short: [2, 3, 4, 5, 6, 8, 10, 12, 15, 20],
  long: [5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200],
};

// n scales evenly spaced on a log axis from lo to hi, two significant digits each.
export function logScales(lo, hi, n) {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({length: n}, (_, i) => Number((10 ** (a + ((b - a) * i) / (n - 1))).toPrecision(2)));
}

export const CLAMP = 24;  // the colour saturates beyond 10^±24

// A cell from ‖h̄_t‖ (t = 1..T; null entries: not finite in the core's JSON):
// {kind: 'ratio', log10} | {kind: 'overflow'} (a norm is ∞ or NaN) | {kind: 'cut'} (‖h̄_1‖ is 0)
// | {kind: 'none'} (‖h̄_T‖ is 0: nothing to compare with).
export function cellOf(h) {
  if (!h || h.length === 0 || h.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return {kind: 'overflow'};
  const first = h[0];
  const last = h[h.length - 1];
  if (last === 0) return {kind: 'none'};
  if (first === 0) return {kind: 'cut'};
  return {kind: 'ratio', log10: Math.log10(first) - Math.log10(last)};
}

// A cell's colour as [r, g, b]: white at 0 decades, blue towards −CLAMP (vanishing), red towards
// +CLAMP (exploding); dark grey for a norm that overflowed, navy for an exact 0 at t = 1, pale grey
// where ‖h̄_T‖ = 0 leaves nothing to compare.
const BLUE = [8, 69, 148];
const WHITE = [247, 247, 247];
const RED = [165, 15, 21];
export const SPECIAL = {overflow: [60, 60, 60], cut: [8, 29, 88], none: [215, 215, 215]};

export function colorOf(cell) {
  if (cell.kind !== 'ratio') return SPECIAL[cell.kind];
  const k = Math.max(-1, Math.min(1, cell.log10 / CLAMP));
  const end = k < 0 ? BLUE : RED;
  const a = Math.abs(k) ** 0.7;  // more contrast near 0, where a few decades matter
  return WHITE.map((w, c) => Math.round(w + (end[c] - w) * a));
}

// Text on a cell: the rounded decades (−41, 0, 12) or a sign for the special cells.
export function cellText(cell) {
  if (cell.kind === 'overflow') return '∞';
  if (cell.kind === 'cut') return '0';
  if (cell.kind === 'none') return '—';
  return String(Math.round(cell.log10)).replace('-', '−');
}

// Whether light text reads better on this colour.
export const darkColor = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b < 140;
