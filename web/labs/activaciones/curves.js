// Pure helpers over the core's curves ([x, value] pairs, x increasing), shared by the
// activaciones and lotes labs: when a curve first reaches a target, and how to thin a long
// curve for drawing without hiding its spikes. No maths on the model: only comparing and picking.

// The x of the first point whose value is finite and ≤ target; null when none is.
export function firstReach(points, target) {
  for (const [x, value] of points) {
    if (Number.isFinite(value) && value <= target) return x;
  }
  return null;
}

// At most about maxPoints points for a chart: the curve is cut into buckets of consecutive
// points and each bucket keeps its lowest and its highest point, in x order, so the noise of a
// stochastic run stays visible. The first and the last points are always kept.
export function envelope(points, maxPoints) {
  const n = points.length;
  if (n <= maxPoints || maxPoints < 4) return points.slice();
  const buckets = Math.floor((maxPoints - 2) / 2);
  const out = [points[0]];
  const size = (n - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor(b * size);
    const to = 1 + Math.floor((b + 1) * size);
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i++) {
      const value = points[i][1];
      if (lo < 0 || value < points[lo][1]) lo = i;
      if (hi < 0 || value > points[hi][1]) hi = i;
    }
    if (lo < 0) continue;
    if (lo === hi) out.push(points[lo]);
    else if (lo < hi) out.push(points[lo], points[hi]);
    else out.push(points[hi], points[lo]);
  }
  out.push(points[n - 1]);
  return out;
}

// Powers of ten around the positive values (for a log axis); {min: 0.1, max: 10} when none.
export function decadeBounds(series) {
  let lo = Infinity;
  let hi = 0;
  for (const points of series) {
    for (const [, value] of points) {
      if (value > 0 && Number.isFinite(value)) {
        lo = Math.min(lo, value);
        hi = Math.max(hi, value);
      }
    }
  }
  if (hi === 0) return {min: 0.1, max: 10};
  let a = Math.floor(Math.log10(lo));
  let b = Math.ceil(Math.log10(hi));
  if (a === b) b += 1;
  return {min: 10 ** a, max: 10 ** b};
}
