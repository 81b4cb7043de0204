// A heat map of values over the plane (e.g. the network's output on a grid from the `train`
// job), an optional contour line (e.g. the decision boundary p = 0.5), the data points on top,
// and clicks reported in plane coordinates. Three stacked canvases: the values (nx × ny, CSS
// stretches them), the line and the points (both at the box's device pixels); a redraw of the
// values and the line leaves the points alone, and nothing reads layout while drawing.
//
//   const map = createHeatmap({extent: {x0, x1, y0, y1}, label?, onClick?(x, y), classColors?,
//                              classShapes?, pointOutline?, className?})
//                                classColors: one CSS colour per label (default CLASS_COLORS);
//                                classShapes: 'circle' | 'square' per label (default circles);
//                                pointOutline: the filled points' edge (default white)
//   map.node                     a square box (CSS sizes it)
//   map.draw(values, nx, ny, {min = 0, max = 1, colors?, contour?})
//                                values: Float32Array | Float64Array | Array of nx·ny, row 0 at
//                                the top (y1), index j·nx + i (as Trainer.grid returns it), the
//                                value of the cell's centre; drawn with putImageData on an nx × ny
//                                canvas that CSS stretches; colors: CSS hex stops from min to max
//                                (default: the two classes' colours through white); NaN is grey;
//                                contour: a level (e.g. 0.5) whose line is drawn over the map
//   map.clear()                  no values, no line
//   map.points(list)             list: [{x, y, label: 0 | 1 | …, hollow?, ring?}] (hollow: e.g.
//                                validation; ring: a dark ring around, e.g. a point added by hand)
//   map.setExtent({x0, x1, y0, y1})
//   map.snapshot() → canvas      the map, the line and the points composed, for savePng
//   map.destroy()
//   contourSegments(values, nx, ny, level) → Float32Array [x0, y0, x1, y1, …] in grid units
import {el} from '../../../dom.js';
import {S} from '../../../strings/index.js';

export const CLASS_COLORS = ['#b4441b', '#1f5fbf', '#2d7d46', '#7a3fb0'];
export const DEFAULT_STOPS = ['#e8a585', '#ffffff', '#93b4e6'];  // pale class 0 → white → pale class 1
const NAN = [200, 200, 200];
const INK = '#1d2433';

function rgb(hex) {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.replace(/./g, '$&$&') : h;
  return [0, 2, 4].map((k) => Number.parseInt(full.slice(k, k + 2), 16));
}

// 256 colours from the stops, packed as little-endian RGBA words for a Uint32Array view.
function palette(stops) {
  const colours = stops.map(rgb);
  const table = new Uint32Array(257);
  for (let k = 0; k < 256; k++) {
    const t = (k / 255) * (colours.length - 1);
    const a = Math.min(Math.floor(t), colours.length - 2);
    const f = t - a;
    const [r, g, b] = [0, 1, 2].map((c) => Math.round(colours[a][c] + (colours[a + 1][c] - colours[a][c]) * f));
    table[k] = (255 << 24) | (b << 16) | (g << 8) | r;
  }
  table[256] = (255 << 24) | (NAN[2] << 16) | (NAN[1] << 8) | NAN[0];
  return table;
}

// Marching squares over the cell centres (column i at x = i, row j at y = j): the segments where
// the values cross `level`; a saddle cell is split by the mean of its corners.
export function contourSegments(values, nx, ny, level = 0.5) {
  const out = [];
  const cross = (xa, ya, va, xb, yb, vb) => {
    const t = va === vb ? 0.5 : va / (va - vb);
    return [xa + t * (xb - xa), ya + t * (yb - ya)];
  };
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const a = values[j * nx + i] - level;            // top left
      const b = values[j * nx + i + 1] - level;        // top right
      const c = values[(j + 1) * nx + i + 1] - level;  // bottom right
      const d = values[(j + 1) * nx + i] - level;      // bottom left
      const sa = a >= 0;
      if (sa === (b >= 0) && sa === (c >= 0) && sa === (d >= 0)) continue;  // most cells
      const points = [];
      if (sa !== (b >= 0)) points.push(cross(i, j, a, i + 1, j, b));
      if ((b >= 0) !== (c >= 0)) points.push(cross(i + 1, j, b, i + 1, j + 1, c));
      if ((c >= 0) !== (d >= 0)) points.push(cross(i + 1, j + 1, c, i, j + 1, d));
      if ((d >= 0) !== sa) points.push(cross(i, j + 1, d, i, j, a));
      if (points.length === 2) out.push(...points[0], ...points[1]);
      else if (points.length === 4) {
        if ((a + b + c + d >= 0) === sa) out.push(...points[0], ...points[1], ...points[2], ...points[3]);
        else out.push(...points[0], ...points[3], ...points[1], ...points[2]);
      }
    }
  }
  return Float32Array.from(out);
}

export function createHeatmap({extent, label, onClick, classColors = CLASS_COLORS, classShapes = [], pointOutline = '#ffffff', className = ''} = {}) {
  let box = {...extent};
  const values = el('canvas', {class: 'lab-heatmap-values', width: 1, height: 1});
  const lines = el('canvas', {class: 'lab-heatmap-lines', width: 1, height: 1});
  const overlay = el('canvas', {class: 'lab-heatmap-points', width: 1, height: 1});
  const node = el('div', {class: `lab-heatmap${onClick ? ' clickable' : ''} ${className}`.trim(), role: 'img',
    'aria-label': label ?? S.labs.heatmap.label}, [values, lines, overlay]);
  const context = values.getContext('2d');
  let image = null;
  let words = null;
  let paletteKey = '';
  let table = null;
  let shown = [];
  let contour = null;  // {segments, nx, ny}
  let size = {width: 1, height: 1};  // the box in device pixels, from the ResizeObserver

  function draw(data, nx, ny, {min = 0, max = 1, colors = DEFAULT_STOPS, contour: level = null} = {}) {
    if (values.width !== nx || values.height !== ny || !image) {
      values.width = nx;
      values.height = ny;
      image = context.createImageData(nx, ny);
      words = new Uint32Array(image.data.buffer);
    }
    const key = colors.join();
    if (key !== paletteKey) {
      table = palette(colors);
      paletteKey = key;
    }
    const scale = max > min ? 255 / (max - min) : 0;
    const n = nx * ny;
    for (let k = 0; k < n; k++) {
      const v = data[k];
      if (v !== v) {
        words[k] = table[256];
        continue;
      }
      const index = (v - min) * scale;
      words[k] = table[index <= 0 ? 0 : index >= 255 ? 255 : index | 0];
    }
    context.putImageData(image, 0, 0);
    const had = contour !== null;
    contour = level === null ? null : {segments: contourSegments(data, nx, ny, level), nx, ny};
    if (contour || had) paintLine(lines, lines.width, lines.height, true);
  }

  // The contour over a target of width × height (the grid's cells cover it exactly).
  function paintLine(target, width, height, clear) {
    const g = target.getContext('2d');
    if (clear) g.clearRect(0, 0, target.width, target.height);
    if (!contour) return;
    const sx = width / contour.nx;
    const sy = height / contour.ny;
    const s = contour.segments;
    g.beginPath();
    for (let k = 0; k < s.length; k += 4) {
      g.moveTo((s[k] + 0.5) * sx, (s[k + 1] + 0.5) * sy);
      g.lineTo((s[k + 2] + 0.5) * sx, (s[k + 3] + 0.5) * sy);
    }
    g.lineWidth = Math.max(1.5, Math.min(width, height) / 240);
    g.lineCap = 'round';
    g.strokeStyle = INK;
    g.stroke();
  }

  function paintPoints(target, width, height) {
    const g = target.getContext('2d');
    const radius = Math.max(2.5, Math.min(width, height) / 110);
    const sx = width / (box.x1 - box.x0);
    const sy = height / (box.y1 - box.y0);
    const line = Math.max(1, radius / 2.5);
    for (const p of shown) {
      const cx = (p.x - box.x0) * sx;
      const cy = (box.y1 - p.y) * sy;
      const colour = classColors[p.label] ?? INK;
      g.beginPath();
      if (classShapes[p.label] === 'square') g.rect(cx - radius * 0.9, cy - radius * 0.9, radius * 1.8, radius * 1.8);
      else g.arc(cx, cy, radius, 0, 2 * Math.PI);
      g.fillStyle = p.hollow ? '#ffffff' : colour;
      g.fill();
      g.lineWidth = p.hollow ? line * 1.4 : line;
      g.strokeStyle = p.hollow ? colour : pointOutline;
      g.stroke();
      if (p.ring) {
        g.beginPath();
        g.arc(cx, cy, radius * 1.9, 0, 2 * Math.PI);
        g.lineWidth = line;
        g.strokeStyle = INK;
        g.stroke();
      }
    }
  }

  function redrawPoints() {
    if (overlay.width !== size.width || overlay.height !== size.height) {
      overlay.width = lines.width = size.width;
      overlay.height = lines.height = size.height;
      paintLine(lines, size.width, size.height, false);
    }
    overlay.getContext('2d').clearRect(0, 0, overlay.width, overlay.height);
    paintPoints(overlay, overlay.width, overlay.height);
  }

  // Measured where layout is known anyway (the observer, or on demand outside a frame's drawing).
  function measure(width, height) {
    const ratio = globalThis.devicePixelRatio || 1;
    size = {width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio))};
  }
  const resize = typeof ResizeObserver === 'function'
    ? new ResizeObserver(([entry]) => {
      measure(entry.contentRect.width, entry.contentRect.height);
      redrawPoints();
    })
    : null;
  resize?.observe(node);

  if (onClick) {
    overlay.addEventListener('click', (event) => {
      const rect = overlay.getBoundingClientRect();
      const fx = (event.clientX - rect.left) / rect.width;
      const fy = (event.clientY - rect.top) / rect.height;
      onClick(box.x0 + fx * (box.x1 - box.x0), box.y1 - fy * (box.y1 - box.y0));
    });
  }

  return {
    node,
    draw,
    clear() {
      values.width = values.height = 1;
      image = null;
      contour = null;
      paintLine(lines, lines.width, lines.height, true);
    },
    points(list) {
      shown = list ?? [];
      redrawPoints();
    },
    setExtent(next) {
      box = {...next};
      redrawPoints();
    },
    snapshot() {
      if (node.isConnected) measure(node.clientWidth, node.clientHeight);
      const out = document.createElement('canvas');
      out.width = Math.max(size.width, 400);
      out.height = Math.max(size.height, 400);
      const g = out.getContext('2d');
      g.imageSmoothingEnabled = true;
      if (image) g.drawImage(values, 0, 0, out.width, out.height);
      paintLine(out, out.width, out.height, false);
      paintPoints(out, out.width, out.height);
      return out;
    },
    destroy() {
      resize?.disconnect();
    },
  };
}
