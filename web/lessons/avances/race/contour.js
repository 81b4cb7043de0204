// Contour lines of the core's surface grid, in the plane's coordinates. Pure.
//
//   contourLevels(min, max, count, scale) → ascending levels strictly inside (min, max):
//     'log' crowds them towards the minimum (min + (max − min)·10^(−DECADES·(1 − k/count))), so
//     that a narrow valley shows its floor; 'linear' spaces them evenly (a saddle, whose values
//     go both ways)
//   levelScale(kind) → 'log' | 'linear'
//   flatGrid(grid) → Float64Array of ny·nx, row j at y[j] (grid.values: ny rows of nx)
//   contourLines(grid, levels) → [{level, segments: Float64Array [x0, y0, x1, y1, …]}] in plane units
import {contourSegments} from '../../../labs/shared/ui/heatmap.js';

export const DECADES = 4;

export const levelScale = (kind) => (kind === 'saddle' ? 'linear' : 'log');

export function contourLevels(min, max, count = 14, scale = 'log') {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max) || count < 1) return [];
  const span = max - min;
  const levels = [];
  for (let k = 1; k <= count; k++) {
    const t = k / (count + 1);
    levels.push(scale === 'log' ? min + span * 10 ** (-DECADES * (1 - t)) : min + span * t);
  }
  return levels;
}

export function flatGrid(grid) {
  const out = new Float64Array(grid.nx * grid.ny);
  grid.values.forEach((row, j) => row.forEach((v, i) => {
    out[j * grid.nx + i] = v === null ? NaN : v;
  }));
  return out;
}

export function contourLines(grid, levels) {
  const values = flatGrid(grid);
  const {nx, ny, x, y} = grid;
  const sx = (x[nx - 1] - x[0]) / (nx - 1);
  const sy = (y[ny - 1] - y[0]) / (ny - 1);
  return levels.map((level) => {
    const cells = contourSegments(values, nx, ny, level);
    const segments = new Float64Array(cells.length);
    for (let k = 0; k < cells.length; k += 2) {
      segments[k] = x[0] + cells[k] * sx;
      segments[k + 1] = y[0] + cells[k + 1] * sy;
    }
    return {level, segments};
  });
}
