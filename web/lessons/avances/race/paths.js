// A trajectory of the core's `surface` result as the plot draws it, and how far the animation
// has got. Pure.
//
//   toPixels(points, view, size, upTo?) → [[[px, py]…]…]: runs of canvas points (y down) for the
//     first upTo + 1 points; a non-finite point ends a run; coordinates are clamped to CLAMP
//     frames around the view (a diverging path leaves it visibly, never with huge numbers)
//   revealAt(trajectory) → the point index at which its outcome is known: where it diverged, else
//     its last point
//   frameCount(trajectories) → the animation's points: the longest trajectory's
//   stepsPerFrame(total, frames = 150) → points added per animation frame
export const CLAMP = 3;

export function toPixels(points, view, size, upTo = Infinity) {
  const w = view.x1 - view.x0;
  const h = view.y1 - view.y0;
  const limit = CLAMP * Math.max(size.width, size.height);
  const clamp = (v) => Math.max(-limit, Math.min(limit + size.width, v));
  const runs = [];
  let run = null;
  const last = Math.min(points.length - 1, upTo);
  for (let k = 0; k <= last; k++) {
    const [x, y] = points[k];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      run = null;
      continue;
    }
    if (!run) runs.push((run = []));
    run.push([clamp(((x - view.x0) / w) * size.width), clamp(((view.y1 - y) / h) * size.height)]);
  }
  return runs;
}

export function revealAt(trajectory) {
  const n = trajectory.points.length;
  const at = trajectory.diverged_at;
  return Number.isInteger(at) && at >= 0 ? Math.min(at, n - 1) : n - 1;
}

export const frameCount = (trajectories) => Math.max(0, ...trajectories.map((t) => t.points.length));

export const stepsPerFrame = (total, frames = 150) => Math.max(1, Math.ceil(total / frames));

// The plane's point under a canvas pixel.
export const toPlane = (px, py, view, size) => [
  view.x0 + (px / size.width) * (view.x1 - view.x0),
  view.y1 - (py / size.height) * (view.y1 - view.y0),
];
