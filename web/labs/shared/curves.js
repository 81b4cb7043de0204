// A pure helper over the core's curves ([x, value] pairs, x increasing), shared by the
// activaciones and lotes labs. No maths on the model: only comparing.

// The x of the first point whose value is finite and ≤ target; null when none is.
export function firstReach(points, target) {
  for (const [x, value] of points) {
    if (Number.isFinite(value) && value <= target) return x;
  }
  return null;
}
