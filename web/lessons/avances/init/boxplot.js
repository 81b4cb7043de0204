// Box plots per layer on one canvas (what "Guardar PNG" saves): for each layer a box from the
// 25 % to the 75 % quantile, whiskers from 5 % to 95 %, the median, and the minimum and maximum as
// dots when they fall inside the axis. One shared vertical axis, so that a layer whose values
// shrink to nothing shows as a flat line.
//
//   const plot = createBoxPlot({label, colour, xTitle, yTitle})
//   plot.node; plot.canvas; plot.set(boxes, range)   boxes: stats.js boxes(); range: {min, max}
//   plot.destroy()
import {el} from '../../../dom.js';
import {fitCanvas} from '../../../components/canvas-fit.js';
import {formatNumber} from '../../../format.js';

const INK = '#1d2433';
const MARGIN = {left: 58, right: 8, top: 8, bottom: 34};

// About five round ticks across [a, b].
function ticks(a, b) {
  const raw = (b - a) / 4;
  const step = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => s >= raw) ?? step * 10;
  const out = [];
  for (let v = Math.ceil(a / nice) * nice; v <= b + 1e-9 * nice; v += nice) out.push(Number(v.toPrecision(8)));
  return out;
}

export function createBoxPlot({label, colour, xTitle, yTitle}) {
  const canvas = el('canvas', {class: 'init-canvas', role: 'img', 'aria-label': label, width: 1, height: 1});
  const node = el('div', {class: 'init-plot'}, canvas);
  let data = null;
  const fit = fitCanvas(node, canvas, {
    sizeOf: (width) => {
      const wide = Math.max(220, Math.round(width));
      return {width: wide, height: Math.round(Math.min(300, Math.max(200, wide * 0.5)))};
    },
    draw: () => draw(),
  });

  function draw() {
    const g = fit.begin();
    const {css} = fit;
    if (!data) return;
    const {boxes, range} = data;
    const w = css.width - MARGIN.left - MARGIN.right;
    const h = css.height - MARGIN.top - MARGIN.bottom;
    const y = (v) => MARGIN.top + (1 - (v - range.min) / (range.max - range.min)) * h;
    const inside = (v) => Number.isFinite(v) && v >= range.min && v <= range.max;
    const clampY = (v) => y(Math.max(range.min, Math.min(range.max, v)));
    g.font = '11px system-ui, sans-serif';
    g.fillStyle = INK;
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    g.strokeStyle = '#e3e7ee';
    g.lineWidth = 1;
    for (const v of ticks(range.min, range.max)) {
      g.beginPath();
      g.moveTo(MARGIN.left, y(v));
      g.lineTo(MARGIN.left + w, y(v));
      g.stroke();
      g.fillText(formatNumber(v), MARGIN.left - 6, y(v));
    }
    const slot = w / Math.max(1, boxes.length);
    const half = Math.min(16, slot * 0.32);
    g.textAlign = 'center';
    g.textBaseline = 'top';
    const every = Math.ceil(boxes.length / Math.max(1, Math.floor(w / 28)));
    boxes.forEach((b, k) => {
      const cx = MARGIN.left + slot * (k + 0.5);
      if (k % every === 0 || k === boxes.length - 1) g.fillText(String(b.layer), cx, MARGIN.top + h + 6);
      if (![b.q1, b.q3, b.median, b.low, b.high].every(Number.isFinite)) return;
      g.strokeStyle = colour;
      g.lineWidth = 1.5;
      g.beginPath();
      g.moveTo(cx, clampY(b.low));
      g.lineTo(cx, clampY(b.q1));
      g.moveTo(cx, clampY(b.q3));
      g.lineTo(cx, clampY(b.high));
      g.moveTo(cx - half / 2, clampY(b.low));
      g.lineTo(cx + half / 2, clampY(b.low));
      g.moveTo(cx - half / 2, clampY(b.high));
      g.lineTo(cx + half / 2, clampY(b.high));
      g.stroke();
      const top = clampY(b.q3);
      const height = Math.max(1.5, clampY(b.q1) - top);
      g.fillStyle = `${colour}33`;
      g.fillRect(cx - half, top, 2 * half, height);
      g.strokeRect(cx - half, top, 2 * half, height);
      g.strokeStyle = INK;
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(cx - half, clampY(b.median));
      g.lineTo(cx + half, clampY(b.median));
      g.stroke();
      g.fillStyle = colour;
      for (const v of [b.min, b.max]) {
        if (!inside(v)) continue;
        g.beginPath();
        g.arc(cx, y(v), 2, 0, 2 * Math.PI);
        g.fill();
      }
      g.fillStyle = INK;
    });
    g.strokeStyle = '#8a93a6';
    g.lineWidth = 1;
    g.strokeRect(MARGIN.left + 0.5, MARGIN.top + 0.5, w - 1, h - 1);
    g.fillStyle = INK;
    g.textAlign = 'center';
    g.textBaseline = 'bottom';
    g.fillText(xTitle, MARGIN.left + w / 2, css.height - 2);
    g.save();
    g.translate(12, MARGIN.top + h / 2);
    g.rotate(-Math.PI / 2);
    g.textBaseline = 'middle';
    g.fillText(yTitle, 0, 0);
    g.restore();
  }


  return {
    node,
    canvas,
    set(boxes, range) {
      data = {boxes, range};
      draw();
    },
    destroy() {
      fit.destroy();
    },
  };
}
