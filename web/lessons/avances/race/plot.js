// The race's plot: the surface's contour lines, its minimum, the start and each optimizer's
// trajectory up to the animation's point, on one canvas (what "Guardar PNG" saves). The canvas
// is a named image described by a text summary; a click picks the start, and so do the arrow
// keys while it has the focus (Enter confirms).
//
//   const plot = createPlot({label, describedBy, onPick(x, y)})
//   plot.node; plot.canvas
//   plot.setSurface({grid, view, lines, minimum, start})   lines: contour.js contourLines
//   plot.setTrajectories([{points, colour, dash, marker}])
//   plot.show(upTo)   draw each trajectory's first upTo + 1 points
//   plot.destroy()
import {el} from '../../../dom.js';
import {fitCanvas} from '../../../components/canvas-fit.js';
import {formatNumber} from '../../../format.js';
import {toPixels, toPlane} from './paths.js';

const INK = '#1d2433';
const MARGIN = {left: 34, bottom: 24, top: 6, right: 6};
const KEY_STEPS = 40;  // an arrow key moves the start by 1/KEY_STEPS of the view

export function drawMarker(g, shape, x, y, r) {
  g.beginPath();
  if (shape === 'square') g.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === 'triangle') {
    g.moveTo(x, y - r * 1.2);
    g.lineTo(x + r * 1.1, y + r * 0.8);
    g.lineTo(x - r * 1.1, y + r * 0.8);
    g.closePath();
  } else if (shape === 'diamond') {
    g.moveTo(x, y - r * 1.3);
    g.lineTo(x + r * 1.3, y);
    g.lineTo(x, y + r * 1.3);
    g.lineTo(x - r * 1.3, y);
    g.closePath();
  } else g.arc(x, y, r, 0, 2 * Math.PI);
}

// Five round ticks across [a, b].
function ticks(a, b) {
  const step = 10 ** Math.floor(Math.log10((b - a) / 4));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (b - a) / s <= 6) ?? step * 10;
  const out = [];
  for (let v = Math.ceil(a / nice) * nice; v <= b + 1e-9 * nice; v += nice) out.push(Number(v.toPrecision(10)));
  return out;
}

export function createPlot({label, describedBy, onPick}) {
  const canvas = el('canvas', {class: 'race-canvas', role: 'img', tabindex: '0', 'aria-label': label,
    'aria-describedby': describedBy, width: 1, height: 1});
  const node = el('div', {class: 'race-plot'}, canvas);
  let surface = null;
  let trajectories = [];
  let upTo = 0;
  let cursor = null;  // [x, y] moved by the keys, not yet confirmed
  const fit = fitCanvas(node, canvas, {
    sizeOf: (width) => {
      const w = Math.max(200, Math.round(width));
      return {width: w, height: Math.round(w * 0.8)};
    },
    draw: () => draw(),
  });

  const area = () => ({
    left: MARGIN.left, top: MARGIN.top,
    width: Math.max(1, fit.css.width - MARGIN.left - MARGIN.right),
    height: Math.max(1, fit.css.height - MARGIN.top - MARGIN.bottom),
  });

  function draw() {
    const g = fit.begin();
    if (!surface) return;
    const {view} = surface;
    const box = area();
    g.save();
    g.beginPath();
    g.rect(box.left, box.top, box.width, box.height);
    g.clip();
    g.translate(box.left, box.top);
    const size = {width: box.width, height: box.height};
    const px = (x, y) => [((x - view.x0) / (view.x1 - view.x0)) * size.width, ((view.y1 - y) / (view.y1 - view.y0)) * size.height];
    // Contour lines, darker towards the minimum.
    surface.lines.forEach(({segments}, k) => {
      const shade = Math.round(150 + (90 * k) / Math.max(1, surface.lines.length - 1));
      g.strokeStyle = `rgb(${shade - 40}, ${shade - 20}, ${shade + 5 > 255 ? 255 : shade + 5})`;
      g.lineWidth = 1;
      g.beginPath();
      for (let i = 0; i < segments.length; i += 4) {
        g.moveTo(...px(segments[i], segments[i + 1]));
        g.lineTo(...px(segments[i + 2], segments[i + 3]));
      }
      g.stroke();
    });
    if (surface.minimum) {
      const [mx, my] = px(...surface.minimum);
      g.strokeStyle = INK;
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(mx - 6, my - 6);
      g.lineTo(mx + 6, my + 6);
      g.moveTo(mx + 6, my - 6);
      g.lineTo(mx - 6, my + 6);
      g.stroke();
    }
    for (const t of trajectories) {
      const runs = toPixels(t.points, view, size, upTo);
      g.strokeStyle = t.colour;
      g.lineWidth = 2;
      g.setLineDash(t.dash);
      for (const run of runs) {
        g.beginPath();
        run.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
        g.stroke();
      }
      g.setLineDash([]);
      const head = runs.at(-1)?.at(-1);
      if (head) {
        drawMarker(g, t.marker, head[0], head[1], 4.5);
        g.fillStyle = t.colour;
        g.fill();
        g.strokeStyle = '#ffffff';
        g.lineWidth = 1.2;
        g.stroke();
      }
    }
    const start = cursor ?? surface.start;
    if (start) {
      const [sx, sy] = px(...start);
      g.strokeStyle = INK;
      g.lineWidth = 2;
      g.setLineDash(cursor ? [3, 2] : []);
      g.beginPath();
      g.arc(sx, sy, 7, 0, 2 * Math.PI);
      g.stroke();
      g.setLineDash([]);
    }
    g.restore();
    // Axes: ticks along the bottom and the left.
    g.fillStyle = INK;
    g.font = '11px system-ui, sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'top';
    for (const v of ticks(view.x0, view.x1)) {
      const x = box.left + ((v - view.x0) / (view.x1 - view.x0)) * box.width;
      g.fillText(formatNumber(v), x, box.top + box.height + 6);
      g.fillRect(x, box.top + box.height, 1, 4);
    }
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (const v of ticks(view.y0, view.y1)) {
      const y = box.top + ((view.y1 - v) / (view.y1 - view.y0)) * box.height;
      g.fillText(formatNumber(v), box.left - 6, y);
      g.fillRect(box.left - 4, y, 4, 1);
    }
    g.strokeStyle = '#8a93a6';
    g.lineWidth = 1;
    g.strokeRect(box.left + 0.5, box.top + 0.5, box.width - 1, box.height - 1);
  }


  // A pixel of the canvas (CSS units) → the plane, inside the plotting area only.
  function planeAt(clientX, clientY) {
    if (!surface) return null;
    const rect = canvas.getBoundingClientRect();
    const box = area();
    const scale = fit.css.width / rect.width;
    const x = (clientX - rect.left) * scale - box.left;
    const y = (clientY - rect.top) * scale - box.top;
    if (x < 0 || y < 0 || x > box.width || y > box.height) return null;
    return toPlane(x, y, surface.view, box);
  }
  canvas.addEventListener('click', (event) => {
    const at = planeAt(event.clientX, event.clientY);
    if (at) {
      cursor = null;
      onPick(...at);
    }
  });
  canvas.addEventListener('keydown', (event) => {
    if (!surface) return;
    const moves = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]};
    const {view} = surface;
    if (moves[event.key]) {
      event.preventDefault();
      const [dx, dy] = moves[event.key];
      const [x, y] = cursor ?? surface.start;
      const clamp = (v, a, b) => Math.min(b, Math.max(a, v));
      cursor = [clamp(x + (dx * (view.x1 - view.x0)) / KEY_STEPS, view.x0, view.x1),
        clamp(y + (dy * (view.y1 - view.y0)) / KEY_STEPS, view.y0, view.y1)];
      draw();
    } else if (event.key === 'Enter' && cursor) {
      event.preventDefault();
      const at = cursor;
      cursor = null;
      onPick(...at);
    }
  });

  return {
    node,
    canvas,
    setSurface(next) {
      surface = next;
      cursor = null;
      draw();
    },
    setTrajectories(list) {
      trajectories = list;
      draw();
    },
    show(k) {
      upTo = k;
      draw();
    },
    destroy() {
      fit.destroy();
    },
  };
}
