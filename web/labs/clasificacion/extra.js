// Lab 1's points added by clicking, as the address keeps them ("x,y,c;x,y,c").
import {VIEW} from '../shared/plane-settings.js';

export const MAX_EXTRA = 200;

// A point added by a click, rounded as the address keeps it.
export const roundPoint = ([x, y, c]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100, c];

// "x,y,c;x,y,c" ⇄ [[x, y, c], …]: c is the class (0 or 1), x and y inside the view.
export function formatExtra(points) {
  return points.map((p) => roundPoint(p).join(',')).join(';');
}

// {ok: true, points} or {ok: false, points: the valid ones}: a link with a bad entry keeps the rest.
export function parseExtra(text) {
  const points = [];
  let ok = true;
  const source = String(text ?? '').trim();
  if (source === '') return {ok, points};
  for (const entry of source.split(';')) {
    const parts = entry.split(',').map((s) => s.trim());
    const [x, y, c] = parts.map(Number);
    const inside = (v, lo, hi) => parts.length === 3 && parts.every((s) => s !== '') && Number.isFinite(v) && v >= lo && v <= hi;
    if (inside(x, VIEW.x0, VIEW.x1) && inside(y, VIEW.y0, VIEW.y1) && (c === 0 || c === 1) && points.length < MAX_EXTRA) {
      points.push(roundPoint([x, y, c]));
    } else ok = false;
  }
  return {ok, points};
}
