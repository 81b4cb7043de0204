// A heat map of values over the plane (e.g. the network's output on a grid from the `train`
// job) with the data points on top, and clicks reported in plane coordinates.
//
//   const map = createHeatmap({extent: {x0, x1, y0, y1}, label?, onClick?(x, y)})
//   map.node                     a square box (CSS sizes it); two canvases stacked
//   map.draw(values, nx, ny, {min = 0, max = 1, colors?})
//                                values: Float32Array | Float64Array | Array of nx·ny, row 0 at
//                                the top (y1), index j·nx + i (as Trainer.grid returns it); drawn
//                                with putImageData on an nx × ny canvas that CSS stretches;
//                                colors: CSS hex stops from min to max (default: the two classes'
//                                colours through white); NaN is drawn grey
//   map.points(list)             list: [{x, y, label: 0 | 1 | …, hollow?}] (hollow: e.g. validation)
//   map.setExtent({x0, x1, y0, y1})
//   map.snapshot() → canvas      the map and the points composed, for savePng
//   map.destroy()
import {el} from '../../dom.js';
import {S} from '../../strings/index.js';

export const CLASS_COLORS = ['#b4441b', '#1f5fbf', '#2d7d46', '#7a3fb0'];
export const DEFAULT_STOPS = ['#e8a585', '#ffffff', '#93b4e6'];  // pale class 0 → white → pale class 1
const NAN = [200, 200, 200];

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

export function createHeatmap({extent, label, onClick} = {}) {
  let box = {...extent};
  const values = el('canvas', {class: 'lab-heatmap-values', width: 1, height: 1});
  const overlay = el('canvas', {class: 'lab-heatmap-points', width: 1, height: 1});
  const node = el('div', {class: `lab-heatmap${onClick ? ' clickable' : ''}`, role: 'img', 'aria-label': label ?? S.labs.heatmap.label}, [values, overlay]);
  const context = values.getContext('2d');
  let image = null;
  let words = null;
  let paletteKey = '';
  let table = null;
  let shown = [];

  function draw(data, nx, ny, {min = 0, max = 1, colors = DEFAULT_STOPS} = {}) {
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
  }

  // The overlay follows the box's size in device pixels, so points stay round and sharp.
  function fit() {
    const ratio = globalThis.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(node.clientWidth * ratio));
    const height = Math.max(1, Math.round(node.clientHeight * ratio));
    if (overlay.width !== width || overlay.height !== height) {
      overlay.width = width;
      overlay.height = height;
    }
  }

  function paintPoints(target, width, height) {
    const g = target.getContext('2d');
    const radius = Math.max(2.5, Math.min(width, height) / 110);
    const sx = width / (box.x1 - box.x0);
    const sy = height / (box.y1 - box.y0);
    g.lineWidth = Math.max(1, radius / 2.5);
    for (const p of shown) {
      const cx = (p.x - box.x0) * sx;
      const cy = (box.y1 - p.y) * sy;
      const colour = CLASS_COLORS[p.label] ?? '#1d2433';
      g.beginPath();
      g.arc(cx, cy, radius, 0, 2 * Math.PI);
      if (p.hollow) {
        g.fillStyle = '#ffffff';
        g.fill();
        g.strokeStyle = colour;
      } else {
        g.fillStyle = colour;
        g.fill();
        g.strokeStyle = '#ffffff';
      }
      g.stroke();
    }
  }

  function redrawPoints() {
    fit();
    overlay.getContext('2d').clearRect(0, 0, overlay.width, overlay.height);
    paintPoints(overlay, overlay.width, overlay.height);
  }

  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(redrawPoints) : null;
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
    points(list) {
      shown = list ?? [];
      redrawPoints();
    },
    setExtent(next) {
      box = {...next};
      redrawPoints();
    },
    snapshot() {
      fit();
      const out = document.createElement('canvas');
      out.width = Math.max(overlay.width, 400);
      out.height = Math.max(overlay.height, 400);
      const g = out.getContext('2d');
      g.imageSmoothingEnabled = true;
      g.drawImage(values, 0, 0, out.width, out.height);
      paintPoints(out, out.width, out.height);
      return out;
    },
    destroy() {
      resize?.disconnect();
    },
  };
}
