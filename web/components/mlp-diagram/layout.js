// Where everything of lesson 1's diagram goes (mlpDiagramModel's output), for a drawing
// `available` SVG units wide; text widths from `measure` (diagram-kit/measure.js).
import {S} from '../../strings/index.js';
import {COMPACT_BELOW, MIN_SCALE} from '../diagram-kit/figure.js';

// Sizes in SVG units; the viewBox follows the container's width, so one unit is about one pixel.
const METRICS = {
  compact: {r: 16, font: 11, symbol: 11.5, head: 11, line: 13, badge: 16, gap: 12, top: 34, pad: 4, minDx: 60, maxDx: 170, edgeScale: 0.8},
  wide: {r: 22, font: 12, symbol: 14, head: 12.5, line: 15, badge: 18, gap: 16, top: 42, pad: 12, minDx: 110, maxDx: 330, edgeScale: 1},
};

export function layout(d, available, measure) {
  const textWidth = measure.width;
  const m = available < COMPACT_BELOW ? {...METRICS.compact, compact: true} : {...METRICS.wide, compact: false};
  const {L} = d;
  const badgeText = (b) => b.text[m.compact ? 'compact' : 'wide'];
  const colW = d.units.map((column, l) => {
    let w = Math.max(2 * m.r, textWidth(d.headers[l].title, m.head), textWidth(d.headers[l].sub, m.head - 1));
    for (const unit of column) for (const line of unit.lines) w = Math.max(w, textWidth(line.text, m.font));
    for (const b of d.biases) if (b.l === l) w = Math.max(w, textWidth(badgeText(b), m.font - 0.5) + 10);
    return w;
  });
  const boxW = Math.max(...d.targets.map((t) => textWidth(t.text, m.font) + 10));
  // Wide: targets and loss in a column of their own. Compact: each target just right of its
  // output, the loss under the outputs.
  const targetW = m.compact ? boxW : Math.max(textWidth(S.diagram.columns.target, m.head), textWidth(d.loss.text, m.font), boxW);
  const targetGap = m.compact ? m.r + 5 : colW[L] / 2 + 26;

  const need = Array.from({length: L}, (_, k) => Math.max(m.minDx, (colW[k] + colW[k + 1]) / 2 + 2 * m.pad));
  const left = m.pad + colW[0] / 2;
  const right = Math.max(colW[L] / 2, targetGap + targetW, m.compact ? textWidth(d.loss.text, m.font) / 2 : 0) + m.pad;
  const natural = left + need.reduce((s, x) => s + x, 0) + right;
  const width = Math.max(available, natural);
  // Spread the extra room over the gaps, up to a comfortable maximum, and centre the rest.
  let extra = width - natural;
  const dx = need.map((x) => x);
  for (let pass = 0; pass < 3 && extra > 0.5; pass++) {
    const open = dx.filter((x) => x < m.maxDx).length;
    if (!open) break;
    const share = extra / open;
    for (let k = 0; k < L; k++) {
      if (dx[k] >= m.maxDx) continue;
      const add = Math.min(share, m.maxDx - dx[k]);
      dx[k] += add;
      extra -= add;
    }
  }
  const xs = [left + extra / 2];
  for (let k = 0; k < L; k++) xs.push(xs[k] + dx[k]);
  const targetX = xs[L] + targetGap + (m.compact ? boxW / 2 : targetW / 2);

  const lines = 2;
  const block = 2 * m.r + 4 + lines * m.line + 4 + m.badge + m.gap;
  const most = Math.max(...d.layers);
  const ys = d.layers.map((n) => Array.from({length: n}, (_, i) => m.top + ((most - n) * block) / 2 + i * block + m.r + 4));
  const lastOutput = ys[L][ys[L].length - 1];
  const loss = m.compact
    ? {x: xs[L], y: lastOutput + m.r + 4 + lines * m.line + 4 + m.badge + m.line + 2}
    : {x: targetX, y: lastOutput + m.r + 2 * m.line};
  const height = Math.max(m.top + most * block, loss.y + m.line) + 4;
  return {
    m, width, natural, height, xs, ys, colW, targetX, boxW, loss, badgeText,
    // Too wide to shrink legibly: keep a minimum scale and scroll sideways.
    scrolls: natural * MIN_SCALE > available,
    edgeLabels: edgeLabelPlaces(d, m, xs, ys, colW, textWidth),
  };
}

// Weight (or gradient) labels on the edges, for the layers where they fit without overlapping:
// all at the same fraction t of the way, where the edges of a layer are spread widely enough.
function edgeLabelPlaces(d, m, xs, ys, colW, textWidth) {
  const places = new Map();
  if (m.compact) return places;
  for (let l = 1; l <= d.L; l++) {
    const edges = d.edges.filter((e) => e.l === l);
    const labelW = Math.max(...edges.map((e) => textWidth(e.text, m.font - 1)));
    const span = xs[l] - xs[l - 1];
    for (const t of [0.3, 0.25, 0.35, 0.2, 0.4]) {
      if (t * span - labelW / 2 < colW[l - 1] / 2 + 6 || (1 - t) * span - labelW / 2 < colW[l] / 2 + 6) continue;
      const at = edges.map((e) => ys[l - 1][e.j] + t * (ys[l][e.i] - ys[l - 1][e.j]));
      const sorted = [...at].sort((a, b) => a - b);
      if (sorted.some((y, k) => k > 0 && y - sorted[k - 1] < m.font + 3)) continue;
      edges.forEach((e, k) => places.set(e.key, {x: xs[l - 1] + t * span, y: at[k]}));
      break;
    }
  }
  return places;
}
