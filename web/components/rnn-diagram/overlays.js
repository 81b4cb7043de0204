// Lesson 2's drawing, the parts placed around the boxes: where each time step's arrows go, what
// only some steps draw over the rest (the accumulation marks, the two gradient paths into h̄_t,
// the "naive" label) and the legend.
import {el, svg} from '../../dom.js';
import {S} from '../../strings/index.js';
import {CENTRED} from '../diagram-kit/svg-patch.js';
import {sub} from '../diagram-kit/text.js';

// Where the arrows of time step s go: U: x_t → h_t, W: h_t → y_t, V: h_{t−1} → h_t; b and c
// beside U and W.
export function arrowsAt(d, g, s) {
  const {m, xs, hidW, outW, outY, outH, hidY, hidH, inY, cells} = g;
  const hidMid = hidY + m.titleH + (hidH - m.titleH) / 2;
  const x = xs[s];
  const uMid = (inY + hidY + hidH) / 2;
  const wMid = (hidY + outY + outH) / 2;
  const prevRight = s === 1 ? xs[0] + cells.h0 / 2 : xs[s - 1] + hidW / 2;
  const vFrom = {x: prevRight + 1, y: hidMid};
  const vTo = {x: x - hidW / 2 - 1, y: hidMid};
  const at = {
    U: {from: {x, y: inY - 1}, to: {x, y: hidY + hidH + 1}, chipAt: {x, y: uMid}},
    V: {from: vFrom, to: vTo, chipAt: {x: (vFrom.x + vTo.x) / 2, y: hidMid}},
    W: {from: {x, y: hidY - 1}, to: {x, y: outY + outH + 1}, chipAt: {x, y: wMid}},
  };
  if (d.bias) {
    const bx = x - m.chip - 10;
    const into = (w) => x - Math.min(w / 2 - 5, m.chip + 10);
    at.b = {from: {x: bx, y: uMid - m.chip / 2}, to: {x: into(hidW), y: hidY + hidH + 1}, chipAt: {x: bx, y: uMid}};
    at.c = {from: {x: bx, y: wMid - m.chip / 2}, to: {x: into(outW), y: outY + outH + 1}, chipAt: {x: bx, y: wMid}};
  }
  return at;
}

// What only some steps draw over the rest. Small, so rebuilt whenever it changes.
export function overlays(d, st, g, ids, textWidth) {
  const {m, xs, hidW, outY, outH, hidY, hidH, marksY} = g;
  const R = S.rnnDiagram;
  const K = R.tip;
  const T = d.T;
  const hot = st.touched;
  const hidMid = hidY + m.titleH + (hidH - m.titleH) / 2;
  const nodes = [];
  // Under each column, whether its contribution to the gradients is summed yet.
  for (let s = 1; s <= T && hot.marks; s++) {
    const mark = hot.marks[s - 1];
    const label = R.marks[mark];
    const w = textWidth(label, m.font - 0.5) + 10;
    const tip = {added: R.marks.addedTip, now: R.marks.nowTip, pending: R.marks.pendingTip}[mark](s);
    nodes.push(svg('g', {class: `rd-mark rd-mark-${mark}`}, [
      svg('title', {}, tip),
      svg('rect', {x: xs[s] - w / 2, y: marksY, width: w, height: m.marks - 3, rx: (m.marks - 3) / 2, class: 'rd-mark-box'}),
      svg('text', {
        x: xs[s], y: marksY + (m.marks - 3) / 2 + 0.5, 'font-size': m.font - 0.5, ...CENTRED, class: 'rd-mark-text',
      }, label),
    ]));
  }
  // The two gradient paths into h̄_t: from s̄_t through W and from r̄_{t+1} through V.
  if (hot.paths) {
    const s = hot.paths.output;
    const gx = xs[s] + m.chip / 2 + 9;
    const label = (value, x, y, anchor) => svg('text', {
      x, y, 'font-size': m.font, 'text-anchor': anchor, 'dominant-baseline': 'central', class: 'rd-path-label rd-halo',
    }, value);
    nodes.push(svg('g', {class: 'rd-path rd-W'}, [
      svg('title', {}, K.pathOutput),
      svg('line', {x1: gx, y1: outY + outH + 2, x2: gx, y2: hidY - 6, class: 'rd-path-line', 'marker-end': `url(#${ids}-gW)`}),
      label(R.paths.output(sub(s)), gx + 5, (hidY + outY + outH) / 2, 'start'),
    ]));
    if (hot.paths.next) {
      const n = hot.paths.next;
      const gy = hidMid + m.chip / 2 + 8;
      const x1 = xs[n] - hidW / 2 - 2;
      const x2 = xs[s] + hidW / 2 + 6;
      nodes.push(svg('g', {class: 'rd-path rd-V'}, [
        svg('title', {}, K.pathNext),
        svg('line', {x1, y1: gy, x2, y2: gy, class: 'rd-path-line', 'marker-end': `url(#${ids}-gV)`}),
        label(R.paths.next(sub(n)), (x1 + x2) / 2, gy + m.font + 1, 'middle'),
      ]));
    }
  }
  if (st.kind === 'naive') {
    // Right of the W label at T: the layout keeps room for it there.
    nodes.push(svg('text', {
      x: xs[T] + m.chip / 2 + 6, y: (hidY + outY + outH) / 2, 'font-size': m.font, 'dominant-baseline': 'central',
      class: 'rd-naive rd-halo',
    }, R.marks.naive));
  }
  return nodes;
}

function swatch(className, dashed) {
  return svg('svg', {width: 30, height: 12, viewBox: '0 0 30 12', class: 'rd-swatch', 'aria-hidden': 'true'}, [
    svg('line', {x1: 1, y1: 6, x2: 29, y2: 6, class: `rd-swatch-line ${className}${dashed ? ' rd-dashed' : ''}`}),
  ]);
}

export function legend({bias, paths, added}) {
  const L = S.rnnDiagram.legend;
  const items = [
    [swatch('rd-U'), L.U], [swatch('rd-V'), L.V], [swatch('rd-W'), L.W],
    ...(bias ? [[swatch('rd-b'), L.b], [swatch('rd-c'), L.c]] : []),
  ];
  if (paths) items.push([swatch('rd-neutral', true), L.gradient]);
  items.push([svg('svg', {width: 16, height: 12, viewBox: '0 0 16 12', class: 'rd-swatch', 'aria-hidden': 'true'},
    svg('rect', {x: 1, y: 1, width: 14, height: 10, rx: 3, class: 'rd-legend-hot'})), L.current]);
  if (added) items.push([swatch('rd-neutral rd-legend-added'), L.added]);
  return el('div', {class: 'rd-legend-box'}, [
    el('p', {class: 'rd-shared'}, bias ? L.sharedBias : L.shared),
    el('ul', {class: 'rd-legend', 'aria-label': L.label}, items.map(([icon, label]) => el('li', {}, [icon, label]))),
  ]);
}
