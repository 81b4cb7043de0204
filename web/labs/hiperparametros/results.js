// The search's results as rows, one per configuration (learning rate, hidden size, epochs) with
// what the core measured: {run, lr, hidden, epochs, loss, accuracy, validationLoss,
// validationAccuracy, diverged}. Choosing the best, sorting, the link into lab 1. Pure.
import {textOf} from './settings.js';

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

// Lower validation loss wins; on a tie, higher validation accuracy, then fewer epochs, a smaller
// network, a smaller learning rate (the cheaper, tamer configuration).
export function compareRows(a, b) {
  const fa = finite(a.validationLoss);
  const fb = finite(b.validationLoss);
  if (fa !== fb) return fa ? -1 : 1;
  return (fa ? a.validationLoss - b.validationLoss : 0) ||
    (b.validationAccuracy ?? -1) - (a.validationAccuracy ?? -1) ||
    a.epochs - b.epochs || a.hidden - b.hidden || a.lr - b.lr;
}

// The best row (null when no row has a finite validation loss).
export function bestRow(rows) {
  let best = null;
  for (const row of rows) if (finite(row.validationLoss) && (!best || compareRows(row, best) < 0)) best = row;
  return best;
}

export const SORT_KEYS = ['lr', 'hidden', 'epochs', 'loss', 'validationLoss', 'validationAccuracy'];

// Rows sorted by one key, 'asc' or 'desc'; missing values (a diverged run) always last; ties
// keep the order of compareRows.
export function sortRows(rows, key, direction = 'asc') {
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const fa = finite(a[key]);
    const fb = finite(b[key]);
    if (fa !== fb) return fa ? -1 : 1;
    return (fa ? sign * (a[key] - b[key]) : 0) || compareRows(a, b);
  });
}

// Lab 1 with the data and the network of a row, trained by SGD as the search trained it.
export function lab1Link(settings, row) {
  const params = new URLSearchParams({
    shape: settings.shape,
    count: textOf(settings.count),
    noise: textOf(settings.noise),
    validation: textOf(settings.validation),
    seed: textOf(settings.seed),
    hidden: textOf(row.hidden),
    activation: settings.activation,
    lr: textOf(row.lr),
    epochs: textOf(row.epochs),
    batch: textOf(settings.batch),
    optimizer: 'sgd',
  });
  return `#/labs/clasificacion?${params}`;
}

// The range of the finite validation losses (for the colour scale), or null.
export function lossRange(rows) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (!finite(r.validationLoss)) continue;
    lo = Math.min(lo, r.validationLoss);
    hi = Math.max(hi, r.validationLoss);
  }
  return lo <= hi ? {lo, hi} : null;
}

// The table as CSV: a header and one line per row (numbers as JavaScript writes them in full).
export const CSV_HEADER = ['lr', 'hidden', 'epochs', 'training_loss', 'training_accuracy', 'validation_loss', 'validation_accuracy', 'diverged'];

export function csvRows(rows) {
  const cell = (x) => (finite(x) ? String(x) : '');
  return [CSV_HEADER, ...rows.map((r) => [cell(r.lr), cell(r.hidden), cell(r.epochs), cell(r.loss), cell(r.accuracy),
    cell(r.validationLoss), cell(r.validationAccuracy), r.diverged ? 'true' : 'false'])];
}
