// Lab 1's imported points (a CSV file, csv.js): how the address keeps them, and the training and
// validation sets they make. Pure: no DOM (tests/web/labs-points.test.js).
//
//   encodePoints([[x, y, c]…]) → base64url text; decodePoints(text) → {ok, points}
//     each point on the lab's 0.01 grid over the plane (VIEW, as clicked points are rounded):
//     x and y as grid indices of BITS bits each, then the class bit, packed without gaps
//   POINTS_IN_FILE: the address's `points` when they do not fit in it (only the settings file
//     holds them); fitsAddress(text): whether an encoding fits (web/share.js MAX_SHARED_CHARS)
//   importedData(points, validation, seed) → the core's data shape {inputs, targets, labels,
//     validation: {inputs, targets, labels}}: min(round(validation·n), n − 1) points held out,
//     chosen by a shuffle seeded with the lab's seed (web/labs/shared/random.js); each set keeps
//     the file's order
import {MAX_SHARED_CHARS} from '../../share.js';
import {VIEW} from '../shared/plane-settings.js';
import {oneHot} from '../shared/plane-scenario.js';
import {random} from '../shared/random.js';

export const POINTS_IN_FILE = 'file';
const PER_UNIT = 100;  // the grid: 0.01
const LEVELS = Math.round((VIEW.x1 - VIEW.x0) * PER_UNIT) + 1;
const BITS = Math.ceil(Math.log2(LEVELS));
const PER_POINT = 2 * BITS + 1;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const roundToGrid = (v) => Math.round(v * PER_UNIT) / PER_UNIT;
const index = (v, low) => Math.round((v - low) * PER_UNIT);
const value = (i, low) => Math.round(low * PER_UNIT + i) / PER_UNIT;

export const fitsAddress = (text) => text.length <= MAX_SHARED_CHARS;

export function encodePoints(points) {
  const bits = [];
  const push = (n, width) => {
    for (let b = width - 1; b >= 0; b--) bits.push((n >> b) & 1);
  };
  for (const [x, y, c] of points) {
    push(index(x, VIEW.x0), BITS);
    push(index(y, VIEW.y0), BITS);
    push(c, 1);
  }
  let text = '';
  for (let i = 0; i < bits.length; i += 6) {
    let n = 0;
    for (let b = 0; b < 6; b++) n = (n << 1) | (bits[i + b] ?? 0);
    text += ALPHABET[n];
  }
  return text;
}

export function decodePoints(text) {
  const source = String(text ?? '');
  const bits = [];
  for (const ch of source) {
    const n = ALPHABET.indexOf(ch);
    if (n < 0) return {ok: false, points: []};
    for (let b = 5; b >= 0; b--) bits.push((n >> b) & 1);
  }
  const count = Math.floor(bits.length / PER_POINT);
  // The padding is shorter than one character and all zeros: anything else was not written here.
  if (count === 0 || Math.ceil((count * PER_POINT) / 6) !== source.length || bits.slice(count * PER_POINT).some(Boolean)) {
    return {ok: false, points: []};
  }
  let at = 0;
  const read = (width) => {
    let n = 0;
    for (let b = 0; b < width; b++) n = (n << 1) | bits[at++];
    return n;
  };
  const points = [];
  for (let k = 0; k < count; k++) {
    const i = read(BITS);
    const j = read(BITS);
    const c = read(1);
    if (i >= LEVELS || j >= LEVELS) return {ok: false, points: []};
    points.push([value(i, VIEW.x0), value(j, VIEW.y0), c]);
  }
  return {ok: true, points};
}

export function importedData(points, validation, seed) {
  const n = points.length;
  const held = Math.min(Math.round(validation * n), n - 1);
  const order = points.map((_, k) => k);
  const draw = random(seed);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(draw() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const out = new Set(order.slice(0, held));
  const set = (keep) => {
    const chosen = points.filter((_, k) => out.has(k) === keep);
    return {inputs: chosen.map(([x, y]) => [x, y]), targets: chosen.map(([, , c]) => oneHot(c)), labels: chosen.map(([, , c]) => c)};
  };
  return {...set(false), validation: set(true)};
}
