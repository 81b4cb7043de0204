// Where everything of lesson 2's unrolled RNN goes (describeValues' output), for a drawing
// `available` SVG units wide; text widths from `measure` (diagram-kit/measure.js).
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {COMPACT_BELOW, MIN_SCALE} from '../diagram-kit/figure.js';
import {short, sub} from '../diagram-kit/text.js';

// Sizes in SVG units; the viewBox follows the container's width, so one unit is about one pixel.
const METRICS = {
  compact: {
    font: 9.5, title: 10, head: 10.5, cellH: 15, titleH: 15, padX: 2.5, minCell: 24,
    gapH: 30, gapV: 40, gapT: 3, chip: 15, top: 14, margin: 2, marks: 20,
  },
  wide: {
    font: 11, title: 11.5, head: 12, cellH: 17, titleH: 18, padX: 5, minCell: 30,
    gapH: 46, gapV: 48, gapT: 14, chip: 17, top: 18, margin: 8, marks: 22,
  },
};

// Positions for everything, for a drawing `available` units wide; `dense` shows both vectors of
// each pair side by side, else the one `single` names.
function layout(d, single, available, dense, compact, textWidth) {
  const m = compact ? {...METRICS.compact, compact: true} : {...METRICS.wide, compact: false};
  const {T} = d;
  const cellWidth = (vectors, names) => Math.max(
    m.minCell,
    ...vectors.flatMap((v) => v.values.flat().map((x) => textWidth(short(x, m.compact), m.font) + 2 * m.padX)),
    ...names.map((name) => textWidth(name, m.title) + 2 * m.padX),
  );
  const hidden = dense ? d.hidden.pair : [d.hidden.pair[single.hidden]];
  const output = dense ? d.output.pair : [d.output.pair[single.output]];
  const hidCell = cellWidth(hidden, hidden.map((v) => `${v.sym}${sub(T)}`));
  const outCell = cellWidth(output, output.map((v) => `${v.sym}${sub(T)}`));
  const inCell = cellWidth([{values: d.inputs}], [`x${sub(T)}`]);
  const tgtCell = cellWidth([{values: d.targets}], [S.rnnDiagram.target]);
  const h0Cell = cellWidth([d.first], ['h̄₀']);
  const hidW = hidden.length * hidCell;
  const outW = output.length * outCell;
  const M = S.rnnDiagram.marks;
  const markW = Math.max(...[M.added, M.now, M.pending].map((s) => textWidth(s, m.font - 0.5))) + 10;
  const lossText = m.compact ? short(d.loss, true) : formatNumber(d.loss);
  const lossW = Math.max(textWidth(S.rnnDiagram.loss, m.font), textWidth(lossText, m.font));
  // Room between hidden boxes for V's label and for the label of the gradient path under it.
  const gapH = Math.max(m.gapH, textWidth(S.rnnDiagram.paths.next(sub(T)), m.font) + 10);

  const spacing = Math.max(hidW + gapH, outW + 3 + tgtCell + m.gapT, inCell + 16, markW + 6);
  const x0 = m.margin + h0Cell / 2;
  const x1 = Math.max(x0 + h0Cell / 2 + m.gapH + hidW / 2, m.margin + lossW + 8 + outW / 2);
  const naiveW = m.chip / 2 + 6 + textWidth(M.naive, m.font);
  const rightOf = Math.max(hidW / 2, outW / 2 + 3 + tgtCell, inCell / 2, markW / 2, naiveW);
  const natural = x1 + (T - 1) * spacing + rightOf + m.margin;
  const width = Math.max(available, natural);
  // Spread the extra room over the gaps, up to a comfortable maximum, and centre the rest.
  const grow = Math.min((width - natural) / T, m.compact ? 30 : 60);
  const shift = (width - natural - grow * T) / 2;
  const xs = [x0 + shift, x1 + grow + shift];
  for (let s = 2; s <= T; s++) xs.push(xs[s - 1] + spacing + grow);

  const {input: nx, hidden: nh, output: ny} = d.sizes;
  const outY = m.top + 8;
  const outH = m.titleH + ny * m.cellH;
  const hidY = outY + outH + m.gapV;
  const hidH = m.titleH + nh * m.cellH;
  const inY = hidY + hidH + m.gapV;
  const inH = m.titleH + nx * m.cellH;
  const marksY = inY + inH + 6;
  const height = marksY + m.marks + 2;
  const cells = {hidden: hidCell, output: outCell, input: inCell, target: tgtCell, h0: h0Cell};
  return {
    m, dense, width, natural, height, xs, lossText, cells, hidW, outW, outY, outH, hidY, hidH, inY, marksY,
    // Equal signs, equal positions for everything.
    sign: [compact, width, height, ...xs, ...Object.values(cells)].join(','),
  };
}

// Layouts computed from one describeValues output, by width, single vectors and font.
const cache = new WeakMap();

// The layout for this value set, step and width: both vectors of each pair when they fit; one (the
// other in the tooltips) when not; smaller type before scrolling. Cached: a step only looks it up.
export function chooseLayout(d, single, available, measure) {
  let layouts = cache.get(d);
  if (!layouts) cache.set(d, (layouts = new Map()));
  const key = `${available}|${single.hidden}|${single.output}|${measure.font}`;
  let geometry = layouts.get(key);
  if (geometry) return geometry;
  const tiers = available < COMPACT_BELOW ? [[true, true], [false, true]] : [[true, false], [false, false], [false, true]];
  for (const [dense, compact] of tiers) {
    geometry = layout(d, single, available, dense, compact, measure.width);
    if (geometry.natural * MIN_SCALE <= available) break;
  }
  // Too wide to shrink legibly: keep a minimum scale and scroll sideways.
  geometry.scrolls = geometry.natural * MIN_SCALE > available;
  if (layouts.size > 32) layouts.clear(); // a resize passes through many widths
  layouts.set(key, geometry);
  return geometry;
}
