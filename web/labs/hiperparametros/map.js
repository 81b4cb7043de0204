// The search's map on a canvas: validation loss over learning rate × hidden size, with a title,
// both axes, a colour legend and the best configuration outlined. The grid draws one cell per
// (lr, hidden); the random search one dot per trial at its lr (log or linear axis). Everything is
// drawn on the one canvas, so that the PNG is the figure as seen.
//
//   const map = createMap({onHover(row | null)})   (mouse, or the arrow keys on the focused map)
//   map.node                       the figure's box (CSS sizes its width)
//   map.draw(view)                 view: {mode: 'grid' | 'random', title, lrs, hiddens, lrMin,
//                                  lrMax, lrScale, rows (those shown), best (row | null),
//                                  range ({lo, hi} | null)}; drawn on the next animation frame
//   map.canvas                     for savePng
//   map.destroy()
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {cssOf, logTicks, rgbAt, scalePosition, textOn} from './colors.js';

const INK = '#1d2433';
const MUTED = '#5b6475';
const EMPTY = '#eef1f6';
const GONE = '#c9ced8';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const HEIGHT = 440;
const MARGIN = {left: 70, right: 104, top: 34, bottom: 54};

// Three significant digits for what is written on the figure (the table has them all).
export const short = (x) => formatNumber(Number(x.toPrecision(3)));

export function createMap({onHover} = {}) {
  const M = S.labs.hiperparametros.map;
  const canvas = el('canvas', {class: 'hp-map-canvas', role: 'img', tabindex: '0'});
  const node = el('div', {class: 'hp-map-box'}, canvas);
  let view = null;
  let frame = 0;
  let hits = [];     // [{x0, y0, x1, y1, row}] or [{cx, cy, r, row}] of the last drawing
  let width = 0;
  let cursor = null;  // the row chosen with the keyboard

  const observer = new ResizeObserver(() => {
    const w = Math.round(node.clientWidth);
    if (w && w !== width) {
      width = w;
      schedule();
    }
  });
  observer.observe(node);

  function schedule() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    if (!view || !width) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    // Resizing reallocates the canvas: only when the box changed.
    if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
    if (canvas.height !== Math.round(HEIGHT * dpr)) canvas.height = Math.round(HEIGHT * dpr);
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, width, HEIGHT);
    const plot = {x0: MARGIN.left, y0: MARGIN.top, x1: width - MARGIN.right, y1: HEIGHT - MARGIN.bottom};
    g.font = `600 14px ${FONT}`;
    g.fillStyle = INK;
    g.textAlign = 'left';
    g.textBaseline = 'alphabetic';
    g.fillText(view.title, 8, 20);
    hits = view.mode === 'grid' ? drawGrid(g, plot, view) : drawDots(g, plot, view);
    drawLegend(g, plot, view.range);
    const focused = document.activeElement === canvas && hits.find((h) => h.row === cursor);
    if (focused) {
      g.setLineDash([4, 3]);
      g.lineWidth = 2;
      g.strokeStyle = '#1f5fbf';
      if (focused.r !== undefined) {
        g.beginPath();
        g.arc(focused.cx, focused.cy, focused.r + 4, 0, 2 * Math.PI);
        g.stroke();
      } else g.strokeRect(focused.x0 + 1, focused.y0 + 1, focused.x1 - focused.x0 - 2, focused.y1 - focused.y0 - 2);
      g.setLineDash([]);
    }
    canvas.setAttribute('aria-label', view.label ?? view.title);
  }

  function text(g, s, x, y, {align = 'center', base = 'middle', color = INK, size = 12, weight = ''} = {}) {
    g.font = `${weight} ${size}px ${FONT}`.trim();
    g.fillStyle = color;
    g.textAlign = align;
    g.textBaseline = base;
    g.fillText(s, x, y);
  }

  function axisTitles(g, plot, xTitle) {
    text(g, xTitle, (plot.x0 + plot.x1) / 2, HEIGHT - 12, {color: MUTED});
    g.save();
    g.translate(16, (plot.y0 + plot.y1) / 2);
    g.rotate(-Math.PI / 2);
    text(g, M.yAxis, 0, 0, {color: MUTED});
    g.restore();
  }

  const rowY = (plot, hiddens, h) => {
    const k = hiddens.length - 1 - hiddens.indexOf(h);  // largest at the top
    const step = (plot.y1 - plot.y0) / hiddens.length;
    return {top: plot.y0 + k * step, step};
  };

  function hatch(g, x0, y0, w, h) {
    g.save();
    g.beginPath();
    g.rect(x0, y0, w, h);
    g.clip();
    g.strokeStyle = '#a9afbb';
    g.lineWidth = 1;
    for (let d = -h; d < w; d += 8) {
      g.beginPath();
      g.moveTo(x0 + d, y0 + h);
      g.lineTo(x0 + d + h, y0);
      g.stroke();
    }
    g.restore();
  }

  function drawGrid(g, plot, v) {
    const out = [];
    const cols = v.lrs.length;
    const cw = (plot.x1 - plot.x0) / cols;
    const byKey = new Map(v.rows.map((r) => [`${r.lr}/${r.hidden}`, r]));
    for (const h of v.hiddens) {
      const {top, step} = rowY(plot, v.hiddens, h);
      text(g, String(h), plot.x0 - 8, top + step / 2, {align: 'right'});
      for (let i = 0; i < cols; i++) {
        const lr = v.lrs[i];
        const x = plot.x0 + i * cw;
        const row = byKey.get(`${lr}/${h}`);
        if (!row) {
          g.fillStyle = EMPTY;
          g.fillRect(x + 1, top + 1, cw - 2, step - 2);
          continue;
        }
        if (row.diverged) {
          g.fillStyle = GONE;
          g.fillRect(x + 1, top + 1, cw - 2, step - 2);
          hatch(g, x + 1, top + 1, cw - 2, step - 2);
          if (cw > 44 && step > 16) text(g, M.diverged, x + cw / 2, top + step / 2, {size: 11});
        } else {
          const rgb = rgbAt(scalePosition(row.validationLoss, v.range));
          g.fillStyle = cssOf(rgb);
          g.fillRect(x + 1, top + 1, cw - 2, step - 2);
          if (cw > 40 && step > 16) text(g, short(row.validationLoss), x + cw / 2, top + step / 2, {color: textOn(rgb), size: 12});
        }
        out.push({x0: x, y0: top, x1: x + cw, y1: top + step, row});
      }
    }
    for (let i = 0; i < cols; i++) text(g, short(v.lrs[i]), plot.x0 + (i + 0.5) * cw, plot.y1 + 14, {base: 'middle'});
    axisTitles(g, plot, M.xAxis);
    const best = v.best && out.find((c) => c.row === v.best);
    if (best) {
      g.lineWidth = 4;
      g.strokeStyle = INK;
      g.strokeRect(best.x0 + 2, best.y0 + 2, best.x1 - best.x0 - 4, best.y1 - best.y0 - 4);
      g.lineWidth = 1.5;
      g.strokeStyle = '#ffffff';
      g.strokeRect(best.x0 + 4.5, best.y0 + 4.5, best.x1 - best.x0 - 9, best.y1 - best.y0 - 9);
    }
    return out;
  }

  function drawDots(g, plot, v) {
    const out = [];
    const log = v.lrScale === 'log' && v.lrMax > v.lrMin;
    const span = v.lrMax > v.lrMin ? v.lrMax - v.lrMin : 1;
    const pad = 12;
    const xOf = (lr) => {
      const t = log ? Math.log(lr / v.lrMin) / Math.log(v.lrMax / v.lrMin) : (lr - v.lrMin) / span;
      return plot.x0 + pad + Math.max(0, Math.min(1, t)) * (plot.x1 - plot.x0 - 2 * pad);
    };
    // row bands and labels
    for (const h of v.hiddens) {
      const {top, step} = rowY(plot, v.hiddens, h);
      g.fillStyle = v.hiddens.indexOf(h) % 2 ? '#f7f8fb' : EMPTY;
      g.fillRect(plot.x0, top, plot.x1 - plot.x0, step);
      text(g, String(h), plot.x0 - 8, top + step / 2, {align: 'right'});
    }
    // x ticks: decades on the log scale, five even values on the linear one
    const ticks = [];
    if (log) {
      for (let k = Math.ceil(Math.log10(v.lrMin) - 1e-9); k <= Math.floor(Math.log10(v.lrMax) + 1e-9); k++) ticks.push(10 ** k);
      if (ticks.length < 2) ticks.push(v.lrMin, v.lrMax);
    } else {
      for (let k = 0; k <= 4; k++) ticks.push(v.lrMin + (k / 4) * (v.lrMax - v.lrMin));
    }
    g.strokeStyle = MUTED;
    g.lineWidth = 1;
    for (const t of ticks) {
      const x = xOf(t);
      g.beginPath();
      g.moveTo(x, plot.y1);
      g.lineTo(x, plot.y1 + 5);
      g.stroke();
      text(g, short(t), x, plot.y1 + 16);
    }
    axisTitles(g, plot, log ? M.xAxisLog : M.xAxis);
    const radius = 7;
    for (const row of v.rows) {
      const {top, step} = rowY(plot, v.hiddens, row.hidden);
      const cx = xOf(row.lr);
      const cy = top + step / 2;
      g.beginPath();
      g.arc(cx, cy, radius, 0, 2 * Math.PI);
      g.fillStyle = row.diverged ? GONE : cssOf(rgbAt(scalePosition(row.validationLoss, v.range)));
      g.fill();
      g.lineWidth = 1;
      g.strokeStyle = row.diverged ? MUTED : '#ffffff';
      g.stroke();
      out.push({cx, cy, r: radius + 2, row});
    }
    const best = v.best && out.find((d) => d.row === v.best);
    if (best) {
      g.beginPath();
      g.arc(best.cx, best.cy, radius + 4, 0, 2 * Math.PI);
      g.lineWidth = 3;
      g.strokeStyle = INK;
      g.stroke();
    }
    return out;
  }

  function drawLegend(g, plot, range) {
    const x = width - MARGIN.right + 18;
    const w = 14;
    const top = plot.y0 + 6;
    const bottom = plot.y1 - 6;
    g.save();
    g.translate(width - 12, (plot.y0 + plot.y1) / 2);
    g.rotate(-Math.PI / 2);
    text(g, M.legend, 0, 0, {color: MUTED});
    g.restore();
    if (!range) {
      g.strokeStyle = '#d8dde7';
      g.strokeRect(x + 0.5, top + 0.5, w, bottom - top);
      return;
    }
    // bottom: the lowest loss (brightest); top: the highest
    for (let y = top; y < bottom; y++) {
      const t = (bottom - y) / (bottom - top);
      g.fillStyle = cssOf(rgbAt(t));
      g.fillRect(x, y, w, 1);
    }
    const yOf = (loss) => bottom - scalePosition(loss, range) * (bottom - top);
    const labels = [range.lo, range.hi];
    for (const t of logTicks(range.lo, range.hi)) {
      if (Math.abs(yOf(t) - yOf(range.lo)) > 14 && Math.abs(yOf(t) - yOf(range.hi)) > 14) labels.push(t);
    }
    g.strokeStyle = INK;
    g.lineWidth = 1;
    for (const t of range.hi > range.lo ? labels : [range.lo]) {
      const y = Math.round(yOf(t)) + 0.5;
      g.beginPath();
      g.moveTo(x + w, y);
      g.lineTo(x + w + 4, y);
      g.stroke();
      text(g, short(t), x + w + 7, y, {align: 'left', size: 11});
    }
  }

  function hitAt(event) {
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    for (const h of hits) {
      if (h.r !== undefined ? (x - h.cx) ** 2 + (y - h.cy) ** 2 <= h.r ** 2 : x >= h.x0 && x < h.x1 && y >= h.y0 && y < h.y1) return h.row;
    }
    return null;
  }
  canvas.addEventListener('mousemove', (event) => onHover?.(hitAt(event)));
  canvas.addEventListener('mouseleave', () => onHover?.(null));

  // Keyboard: the arrows move to the nearest cell or dot in that direction.
  const centre = (h) => (h.r !== undefined ? [h.cx, h.cy] : [(h.x0 + h.x1) / 2, (h.y0 + h.y1) / 2]);
  const DIRECTIONS = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]};
  canvas.addEventListener('keydown', (event) => {
    const direction = DIRECTIONS[event.key];
    if (!direction || !hits.length) return;
    event.preventDefault();
    const from = hits.find((h) => h.row === cursor);
    let next = from ?? hits[0];
    if (from) {
      const [x, y] = centre(from);
      let bestScore = Infinity;
      for (const h of hits) {
        const [hx, hy] = centre(h);
        const along = (hx - x) * direction[0] + (hy - y) * direction[1];
        if (along <= 0.5) continue;
        const across = Math.abs((hx - x) * direction[1]) + Math.abs((hy - y) * direction[0]);
        const score = along + 3 * across;
        if (score < bestScore) {
          bestScore = score;
          next = h;
        }
      }
    }
    cursor = next.row;
    onHover?.(cursor);
    schedule();
  });
  canvas.addEventListener('focus', () => {
    if (!cursor && hits.length) cursor = hits[0].row;
    onHover?.(cursor);
    schedule();
  });
  canvas.addEventListener('blur', () => {
    onHover?.(null);
    schedule();
  });

  return {
    node,
    canvas,
    draw(next) {
      view = next;
      schedule();
    },
    destroy() {
      observer.disconnect();
      cancelAnimationFrame(frame);
    },
  };
}
