// Lab 8: every entry's relative error on a log scale, one dot per entry, grouped per parameter,
// with the 10⁻⁶ threshold. A plain canvas (crisp at any pixel ratio), redrawn on resize.
//
//   const strip = createStrip({label, thresholdLabel}) → {node, canvas, draw(groups), destroy()}
import {el} from '../../dom.js';
import {power} from '../shared/ui/line-chart.js';
import {THRESHOLD} from './scenario.js';

const COLORS = ['#1f5fbf', '#2d7d46', '#7a3fb0', '#0e7490', '#a16207'];
const OVER = '#c0262d';
const INK = '#1d2433';
const MUTED = '#5b6475';
const LINE = '#d8dde7';
const HEIGHT = 240;
const PAD = {left: 58, right: 14, top: 14, bottom: 34};

export function createStrip({label, thresholdLabel}) {
  const canvas = el('canvas', {class: 'grad-strip-canvas', role: 'img', 'aria-label': label(0)});
  const node = el('div', {class: 'grad-strip'}, canvas);
  let groups = [];
  let frame = 0;
  let width = 0;

  function render() {
    frame = 0;
    const ratio = window.devicePixelRatio || 1;
    width = Math.max(320, Math.floor(node.clientWidth || 600));
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${HEIGHT}px`;
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, HEIGHT);
    const entries = groups.flatMap((group) => group.entries);
    canvas.setAttribute('aria-label', label(entries.length));
    if (!entries.length) return;

    // The decades shown: from the smallest positive error (at most 10⁻¹⁶) up to 1 (or beyond).
    const positive = entries.map((e) => e.error).filter((x) => x > 0 && Number.isFinite(x));
    const low = Math.min(-8, Math.floor(Math.log10(Math.min(...positive, 1e-12))));
    const high = Math.max(0, Math.ceil(Math.log10(Math.max(...positive, 1e-12))));
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const y = (x) => {
      const v = x > 0 && Number.isFinite(x) ? Math.log10(x) : x === 0 ? low : high;
      return PAD.top + plotH * (1 - (Math.max(low, Math.min(high, v)) - low) / (high - low));
    };

    g.font = '11px system-ui, sans-serif';
    g.textBaseline = 'middle';
    g.textAlign = 'right';
    const step = high - low > 10 ? 2 : 1;
    for (let k = high; k >= low; k -= step) {
      g.strokeStyle = LINE;
      g.lineWidth = 1;
      g.beginPath();
      g.moveTo(PAD.left, Math.round(y(10 ** k)) + 0.5);
      g.lineTo(width - PAD.right, Math.round(y(10 ** k)) + 0.5);
      g.stroke();
      g.fillStyle = MUTED;
      g.fillText(power(k), PAD.left - 6, y(10 ** k));
    }

    // x: the groups one after the other with a gap between them.
    const gap = 12;
    const plotW = width - PAD.left - PAD.right - gap * (groups.length - 1);
    const dx = plotW / entries.length;
    let x0 = PAD.left;
    const radius = Math.max(1.6, Math.min(3.5, dx / 2.5));
    groups.forEach((group, gi) => {
      const color = COLORS[gi % COLORS.length];
      const x1 = x0 + dx * group.entries.length;
      g.fillStyle = color;
      g.textAlign = 'center';
      g.font = 'bold 12px system-ui, sans-serif';
      g.fillText(group.name, (x0 + x1) / 2, HEIGHT - PAD.bottom + 16);
      g.strokeStyle = color;
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(x0, HEIGHT - PAD.bottom + 4);
      g.lineTo(x1, HEIGHT - PAD.bottom + 4);
      g.stroke();
      group.entries.forEach((entry, i) => {
        const cx = x0 + dx * (i + 0.5);
        const cy = y(entry.error);
        const over = !(entry.error < THRESHOLD);
        g.fillStyle = over ? OVER : color;
        g.beginPath();
        g.arc(cx, cy, over ? radius + 1.5 : radius, 0, 2 * Math.PI);
        g.fill();
        if (over) {
          g.strokeStyle = INK;
          g.lineWidth = 1;
          g.stroke();
        }
      });
      x0 = x1 + gap;
    });

    // The threshold, dashed, labelled.
    const ty = Math.round(y(THRESHOLD)) + 0.5;
    g.strokeStyle = OVER;
    g.lineWidth = 1.5;
    g.setLineDash([6, 4]);
    g.beginPath();
    g.moveTo(PAD.left, ty);
    g.lineTo(width - PAD.right, ty);
    g.stroke();
    g.setLineDash([]);
    g.font = '11px system-ui, sans-serif';
    g.textAlign = 'right';
    g.textBaseline = 'bottom';
    g.fillStyle = OVER;
    g.fillText(thresholdLabel, width - PAD.right - 2, ty - 3);

    // The axis.
    g.strokeStyle = MUTED;
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(PAD.left - 0.5, PAD.top);
    g.lineTo(PAD.left - 0.5, HEIGHT - PAD.bottom);
    g.stroke();
  }

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    if (Math.floor(node.clientWidth) !== width) schedule();
  }) : null;
  observer?.observe(node);

  return {
    node,
    canvas,
    draw(next) {
      groups = next;
      schedule();
    },
    destroy() {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    },
  };
}
