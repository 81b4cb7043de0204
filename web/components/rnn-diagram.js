// Lesson 2's RNN unrolled over its time steps as an SVG: one column per step (x_t, h_t, y_t and
// the target), h₀ at the left, the arrows of U, V, W (the same colour at every step), the values
// or gradients of the current phase, what the current step touches highlighted, and an editor
// for U, V, W, b, c and h₀ that hands a new scenario to the page.
import '../styles/rnn-diagram.css';
import {el, svg} from '../dom.js';
import {formatNumber} from '../format.js';
import {richText} from '../math.js';
import {S} from '../strings/index.js';
import {parseNumber} from './editor/number.js';

const MAX_SIZE = 8;
const MAX_T = 12;
const COMPACT_BELOW = 560;
// Below this scale the drawing scrolls sideways instead of shrinking further.
const MIN_SCALE = 0.9;

// Sizes in SVG units; the viewBox follows the container's width, so one unit is about one pixel.
const METRICS = {
  compact: {
    font: 9.5, title: 10, head: 10.5, cellH: 15, titleH: 15, padX: 2.5, minCell: 24,
    gapH: 30, gapV: 40, gapT: 5, chip: 15, top: 14, margin: 2, marks: 20,
  },
  wide: {
    font: 11, title: 11.5, head: 12, cellH: 17, titleH: 18, padX: 5, minCell: 30,
    gapH: 46, gapV: 48, gapT: 14, chip: 17, top: 18, margin: 8, marks: 22,
  },
};

const PHASE_OF = {
  r: 'forward', h: 'forward', s: 'forward', y: 'forward', loss: 'forward',
  s_grad: 'backward', h_grad: 'backward', r_grad: 'backward', accumulate: 'backward', naive: 'backward',
  update: 'update',
};

const sub = (n) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
const fmt = formatNumber;
// Every digit the core gave, for tooltips.
const exact = (x) => (typeof x === 'number' ? String(x).replace(/-/g, '−') : '—');

// Three significant digits (two below 0.01 in the compact drawing): what fits in a cell; the
// tooltip has every digit.
function short(x, compact = false) {
  if (typeof x !== 'number') return '—';
  if (!Number.isFinite(x)) return fmt(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text = abs >= 1e-3 && abs < 1e4 ? x.toPrecision(compact && abs < 0.01 ? 2 : 3) : x.toExponential(1);
  return text.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '').replace('e+', 'e').replace(/-/g, '−');
}

// Text widths in the page's font, measured on a canvas; a rough estimate until the drawing is in
// the document.
let fontFamily = '';
const widths = new Map();
let measurer = null;
function textWidth(text, size) {
  if (!fontFamily) return [...text].length * size * 0.62;
  const key = `${fontFamily}|${size}|${text}`;
  if (!widths.has(key)) {
    measurer ??= document.createElement('canvas').getContext('2d');
    measurer.font = `${size}px ${fontFamily}`;
    widths.set(key, measurer.measureText(text).width * 1.06 + 1);
  }
  return widths.get(key);
}

// What a step highlights. Arrow states: 'hot' (this step), 'added' (already summed), else dim.
function touched(kind, t, T) {
  const h = {hidden: new Set(), output: new Set(), targets: false, loss: false, arrows: new Map(), paths: null, marks: null, emph: null};
  const hot = (name, ...ts) => ts.forEach((s) => h.arrows.set(`${name}:${s}`, 'hot'));
  const all = Array.from({length: T}, (_, k) => k + 1);
  switch (kind) {
    case 'r': h.hidden.add(t); hot('U', t); hot('V', t); hot('b', t); h.emph = {hidden: 'r'}; break;
    case 'h': h.hidden.add(t); hot('U', t); hot('V', t); h.emph = {hidden: 'h'}; break;
    case 's': h.output.add(t); hot('W', t); hot('c', t); h.emph = {output: 's'}; break;
    case 'y': h.output.add(t); hot('W', t); h.emph = {output: 'y'}; break;
    case 'loss': all.forEach((s) => h.output.add(s)); h.targets = true; h.loss = true; h.emph = {output: 'y'}; break;
    case 's_grad': h.output.add(t); h.emph = {output: 's̄'}; break;
    case 'h_grad':
      h.hidden.add(t);
      h.paths = {output: t, next: t < T ? t + 1 : null};
      hot('W', t);
      if (t < T) hot('V', t + 1);
      h.emph = {hidden: 'h̄'};
      break;
    case 'r_grad': h.hidden.add(t); h.emph = {hidden: 'r̄'}; break;
    case 'accumulate':
      for (const name of ['U', 'V', 'W', 'b', 'c']) {
        hot(name, t);
        for (let s = t + 1; s <= T; s++) h.arrows.set(`${name}:${s}`, 'added');
      }
      h.marks = all.map((s) => (s > t ? 'added' : s === t ? 'now' : 'pending'));
      break;
    case 'naive': hot('W', T); break;
    case 'update': for (const name of ['U', 'V', 'W', 'b', 'c']) hot(name, ...all); break;
    default: break;
  }
  return h;
}

// Which rows of which time steps the current pass has not reached yet (drawn faded).
function pending(kind, t) {
  const none = {hidden: () => false, output: () => false, h0: false};
  if (!t) return none;
  switch (kind) {
    case 'r': case 'h': return {hidden: (s) => s > t, output: (s) => s >= t, h0: false};
    case 's': case 'y': return {hidden: (s) => s > t, output: (s) => s > t, h0: false};
    case 's_grad': return {hidden: (s) => s <= t, output: (s) => s < t, h0: true};
    case 'h_grad': return {hidden: (s) => s < t, output: (s) => s < t, h0: true};
    case 'r_grad': case 'accumulate': return {hidden: (s) => s < t, output: (s) => s < t, h0: t > 1};
    default: return none;
  }
}

// Everything the drawing needs, as text and numbers, before any geometry.
function describe(state) {
  const {scenario, trace, steps, step: index} = state;
  const model = scenario.model;
  const sequence = scenario.data.sequences[0];
  const f = trace.forward;
  const g = trace.backward;
  const T = f.h.length;
  const step = steps?.[index];
  const kind = step?.kind ?? null;
  const t = step?.t ?? null;
  const phase = step?.phase ?? PHASE_OF[kind] ?? 'forward';
  const gradients = phase !== 'forward';
  const nh = model.hidden_size;
  const h0 = trace.parameters.h0 ?? scenario.parameters?.h0 ?? Array(nh).fill(0);

  // Each row shows a pair of vectors (dense layout) or one of them (single layout).
  const vector = (sym, values, gradient) => ({sym, values, gradient});
  const hidden = gradients
    ? {pair: [vector('h̄', g.h_grad, true), vector('r̄', g.r_grad, true)], single: kind === 'h_grad' ? 0 : 1}
    : {pair: [vector('r', f.r, false), vector('h', f.h, false)], single: kind === 'r' ? 0 : 1};
  const output = gradients
    ? {pair: [vector('ȳ', g.y_grad, true), vector('s̄', g.s_grad, true)], single: 1}
    : {pair: [vector('s', f.s, false), vector('y', f.y, false)], single: kind === 's' ? 0 : 1};
  for (const row of [hidden, output]) {
    for (const v of row.pair) v.scale = Math.max(0, ...v.values.flat().map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
  }
  const first = vector(gradients ? 'h̄' : 'h', [gradients ? g.dh0 ?? [] : h0], gradients);
  first.scale = Math.max(0, ...first.values[0].map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));

  // Every quantity of one component, for its tooltip.
  const K = S.rnnDiagram.tip;
  const line = (name, value) => `${name} = ${exact(value)}`;
  const comp = (sym, s, i) => `(${sym}${sub(s)})${sub(i + 1)}`;
  const at = (m, s, i) => m?.[s - 1]?.[i];
  const hiddenTip = (s, i) => [
    `${K.box.hidden(s)}, ${K.component(i + 1)}`,
    line(comp('r', s, i), at(f.r, s, i)),
    line(comp('h', s, i), at(f.h, s, i)),
    ...(g.fprime ? [line(`f′${comp('r', s, i)}`, at(g.fprime, s, i))] : []),
    line(comp('Wᵀs̄', s, i), at(g.h_grad_output, s, i)),
    line(comp('Vᵀr̄', s + 1, i), at(g.h_grad_next, s, i)),
    line(comp('h̄', s, i), at(g.h_grad, s, i)),
    line(comp('r̄', s, i), at(g.r_grad, s, i)),
  ].join('\n');
  const outputTip = (s, i) => [
    `${K.box.output(s)}, ${K.component(i + 1)}`,
    line(comp('s', s, i), at(f.s, s, i)),
    line(comp('y', s, i), at(f.y, s, i)),
    line(`${K.target}`, sequence.targets[s - 1]?.[i]),
    line(comp('ȳ', s, i), at(g.y_grad, s, i)),
    ...(g.gprime ? [line(`g′${comp('s', s, i)}`, at(g.gprime, s, i))] : []),
    line(comp('s̄', s, i), at(g.s_grad, s, i)),
  ].join('\n');
  const h0Tip = (i) => [
    `${K.box.h0}, ${K.component(i + 1)}`,
    line(`(h₀)${sub(i + 1)}`, h0[i]),
    ...(g.dh0 ? [line(`(h̄₀)${sub(i + 1)}`, g.dh0[i])] : []),
  ].join('\n');

  return {
    T, kind, t, phase, gradients, bias: Boolean(model.bias),
    sizes: {input: model.input_size, hidden: nh, output: model.output_size},
    hidden, output, first,
    inputs: sequence.inputs,
    targets: sequence.targets,
    loss: trace.loss,
    tips: {hidden: hiddenTip, output: outputTip, h0: h0Tip},
    touched: touched(kind, t, T),
    pending: pending(kind, t),
  };
}

// Positions for everything, for a drawing `available` units wide; `dense` shows both vectors of
// each pair side by side.
function layout(d, available, dense, compact) {
  const m = compact ? {...METRICS.compact, compact: true} : {...METRICS.wide, compact: false};
  const {T} = d;
  const cellWidth = (vectors, names) => Math.max(
    m.minCell,
    ...vectors.flatMap((v) => v.values.flat().map((x) => textWidth(short(x, m.compact), m.font) + 2 * m.padX)),
    ...names.map((name) => textWidth(name, m.title) + 2 * m.padX),
  );
  const shownOf = (row) => (dense ? row.pair : [row.pair[row.single]]);
  const hidden = shownOf(d.hidden);
  const output = shownOf(d.output);
  const hidCell = cellWidth(hidden, hidden.map((v) => `${v.sym}${sub(T)}`));
  const outCell = cellWidth(output, output.map((v) => `${v.sym}${sub(T)}`));
  const inCell = cellWidth([{values: d.inputs}], [`x${sub(T)}`]);
  const tgtCell = cellWidth([{values: d.targets}], [S.rnnDiagram.target]);
  const h0Cell = cellWidth([d.first], ['h̄₀']);
  const hidW = hidden.length * hidCell;
  const outW = output.length * outCell;
  const M = S.rnnDiagram.marks;
  const markW = Math.max(...[M.added, M.now, M.pending].map((s) => textWidth(s, m.font - 0.5))) + 10;
  const lossText = m.compact ? short(d.loss, true) : fmt(d.loss);
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
  return {
    m, dense, width, natural, height, xs, lossText,
    cells: {hidden: hidCell, output: outCell, input: inCell, target: tgtCell, h0: h0Cell},
    hidW, outW, outY, outH, hidY, hidH, inY, marksY,
  };
}

// One vector (or a pair side by side) as a rounded box: a title row, then one cell per component.
function box(g, {x, y, columns, cellW, className, title, tip, key, symbol, hot, fade}) {
  const {m} = g;
  const n = columns[0].values.length;
  const w = columns.length * cellW;
  const left = x - w / 2;
  const h = m.titleH + n * m.cellH;
  const nodes = [
    svg('title', {}, title),
    svg('rect', {x: left - 2, y: y - 2, width: w + 4, height: h + 4, rx: 7, class: 'rd-glow'}),
    svg('rect', {x: left - 3, y: y - 3, width: w + 6, height: h + 6, rx: 8, class: 'rd-ring'}),
    svg('rect', {x: left, y, width: w, height: h, rx: 5, class: 'rd-frame'}),
    svg('rect', {x: left + 1, y: y + 1, width: w - 2, height: m.titleH - 1, rx: 4, class: 'rd-title-bg'}),
    svg('line', {x1: left, y1: y + m.titleH, x2: left + w, y2: y + m.titleH, class: 'rd-divider'}),
  ];
  columns.forEach((column, k) => {
    const cx = left + (k + 0.5) * cellW;
    if (k > 0) nodes.push(svg('line', {x1: left + k * cellW, y1: y + 2, x2: left + k * cellW, y2: y + h - 2, class: 'rd-divider'}));
    nodes.push(svg('text', {
      x: cx, y: y + m.titleH / 2 + 0.5, class: `rd-box-title${column.emph ? ' rd-emph' : ''}`,
      'font-size': m.title, 'text-anchor': 'middle', 'dominant-baseline': 'central',
    }, column.name));
    column.values.forEach((value, i) => {
      const cy = y + m.titleH + i * m.cellH;
      const tint = column.scale > 0 && Number.isFinite(value) && value !== 0
        ? (0.08 + 0.34 * Math.abs(value) / column.scale).toFixed(3) : null;
      const sign = value > 0 ? 'pos' : 'neg';
      nodes.push(svg('g', {class: 'rd-cell'}, [
        svg('title', {}, tip(i)),
        tint && svg('rect', {
          x: left + k * cellW + 1.5, y: cy + 1, width: cellW - 3, height: m.cellH - 2, rx: 2,
          class: `rd-tint rd-${column.gradient ? 'g' : ''}${sign}`, 'fill-opacity': tint,
        }),
        svg('text', {
          x: cx, y: cy + m.cellH / 2 + 0.5, class: `rd-value${column.emph ? ' rd-emph' : ''}`,
          'font-size': m.font, 'text-anchor': 'middle', 'dominant-baseline': 'central',
        }, short(value, m.compact)),
      ]));
    });
  });
  const attributes = {class: `rd-box ${className}${hot ? ' rd-hot' : ''}${fade ? ' rd-pending' : ''}`};
  if (key) {
    Object.assign(attributes, {'data-key': key, tabindex: -1, role: 'button', 'aria-label': S.rnnDiagram.tip.editLabel(symbol)});
  }
  return svg('g', attributes, nodes);
}

// A matrix's arrow with its clickable label (a "chip").
function arrow(g, d, {name, t, from, to, chipAt, label, tip, ids}) {
  const {m} = g;
  const state = d.touched.arrows.get(`${name}:${t}`) ?? 'dim';
  const w = Math.max(m.chip, textWidth(label, m.font + 1) + 8);
  const key = `${name}:${t}`;
  return svg('g', {class: `rd-arrow rd-${name} rd-${state}`}, [
    svg('line', {x1: from.x, y1: from.y, x2: to.x, y2: to.y, class: 'rd-shaft', 'marker-end': `url(#${ids}-${name})`}),
    svg('g', {
      class: 'rd-param rd-chip', 'data-key': key, tabindex: -1, role: 'button', 'aria-label': S.rnnDiagram.tip.editLabel(name),
    }, [
      svg('title', {}, `${tip}\n${S.rnnDiagram.tip.edit}`),
      svg('rect', {x: chipAt.x - w / 2 - 3, y: chipAt.y - m.chip / 2 - 3, width: w + 6, height: m.chip + 6, rx: 7, class: 'rd-ring'}),
      svg('rect', {x: chipAt.x - w / 2, y: chipAt.y - m.chip / 2, width: w, height: m.chip, rx: 4, class: 'rd-chip-box'}),
      svg('text', {
        x: chipAt.x, y: chipAt.y + 0.5, 'font-size': m.font + 1, 'text-anchor': 'middle', 'dominant-baseline': 'central',
        class: 'rd-chip-text',
      }, label),
    ]),
  ]);
}

function draw(d, g, ids) {
  const {m, xs, hidW, outW, outY, outH, hidY, hidH, inY, marksY, cells, dense} = g;
  const R = S.rnnDiagram;
  const K = R.tip;
  const T = d.T;
  const hot = d.touched;
  const hidMid = hidY + m.titleH + (hidH - m.titleH) / 2;
  const anchors = new Map();
  const columnsOf = (row, s, kindEmph) => (dense ? row.pair : [row.pair[row.single]]).map((v) => ({
    name: `${v.sym}${sub(s)}`, values: v.values[s - 1] ?? [], gradient: v.gradient, scale: v.scale,
    emph: hot.emph?.[kindEmph] === v.sym && (d.kind === 'loss' ? Boolean(d.targets[s - 1]) : s === d.t),
  }));

  const headers = [];
  const boxes = [];
  const arrows = [];
  const overlays = [];
  for (let s = 0; s <= T; s++) headers.push(svg('text', {
    x: xs[s], y: m.head, 'font-size': m.head, 'text-anchor': 'middle',
    class: `rd-time${d.t >= 1 && s === d.t && d.kind !== 'naive' ? ' rd-time-now' : ''}`,
  }, R.time(s)));

  // h₀, the start of the recurrence (editable).
  boxes.push(box(g, {
    x: xs[0], y: hidY, cellW: cells.h0, className: 'rd-hidden rd-first rd-param', key: 'h0', symbol: 'h₀',
    columns: [{name: `${d.first.sym}₀`, values: d.first.values[0], gradient: d.gradients, scale: d.first.scale}],
    title: `${d.gradients ? K.box.h0grad : K.box.h0}\n${K.edit}`, tip: d.tips.h0, fade: d.pending.h0,
  }));
  anchors.set('h0', {x: xs[0], top: hidY, bottom: hidY + hidH});

  for (let s = 1; s <= T; s++) {
    const x = xs[s];
    // A time step may have no target (null): it adds nothing to the loss.
    const target = d.targets[s - 1];
    boxes.push(box(g, {
      x, y: outY, cellW: cells.output, className: 'rd-output', columns: columnsOf(d.output, s, 'output'),
      title: `${d.output.pair.map((v) => `${v.sym}${sub(s)}`).join(', ')}: ${K.box.output(s)}`,
      tip: (i) => d.tips.output(s, i), hot: hot.output.has(s) && (d.kind !== 'loss' || Boolean(target)), fade: d.pending.output(s),
    }));
    boxes.push(box(g, {
      x: x + outW / 2 + 3 + cells.target / 2, y: outY, cellW: cells.target, className: `rd-target${target ? '' : ' rd-no-target'}`,
      columns: [{name: R.target, values: target ?? Array(d.sizes.output).fill(null), scale: 0}],
      title: target ? K.box.target(s) : K.box.noTarget(s),
      tip: (i) => (target ? `${K.box.target(s)}, ${K.component(i + 1)} = ${exact(target[i])}` : K.box.noTarget(s)),
      hot: hot.targets && Boolean(target),
    }));
    boxes.push(box(g, {
      x, y: hidY, cellW: cells.hidden, className: 'rd-hidden', columns: columnsOf(d.hidden, s, 'hidden'),
      title: `${d.hidden.pair.map((v) => `${v.sym}${sub(s)}`).join(', ')}: ${K.box.hidden(s)}`,
      tip: (i) => d.tips.hidden(s, i), hot: hot.hidden.has(s), fade: d.pending.hidden(s),
    }));
    boxes.push(box(g, {
      x, y: inY, cellW: cells.input, className: 'rd-input',
      columns: [{name: `x${sub(s)}`, values: d.inputs[s - 1] ?? [], scale: 0}],
      title: K.box.input(s), tip: (i) => `${K.box.input(s)}, ${K.component(i + 1)} = ${exact(d.inputs[s - 1]?.[i])}`,
    }));

    // U: x_t → h_t, W: h_t → y_t, V: h_{t−1} → h_t; b and c beside U and W.
    const uMid = (inY + hidY + hidH) / 2;
    const wMid = (hidY + outY + outH) / 2;
    const prevRight = s === 1 ? xs[0] + cells.h0 / 2 : xs[s - 1] + hidW / 2;
    const vFrom = {x: prevRight + 1, y: hidMid};
    const vTo = {x: x - hidW / 2 - 1, y: hidMid};
    const items = [
      {name: 'U', from: {x, y: inY - 1}, to: {x, y: hidY + hidH + 1}, chipAt: {x, y: uMid}, tip: K.matrix.U(sub(s))},
      {name: 'V', from: vFrom, to: vTo, chipAt: {x: (vFrom.x + vTo.x) / 2, y: hidMid}, tip: K.matrix.V(sub(s), sub(s - 1))},
      {name: 'W', from: {x, y: hidY - 1}, to: {x, y: outY + outH + 1}, chipAt: {x, y: wMid}, tip: K.matrix.W(sub(s))},
    ];
    if (d.bias) {
      const bx = x - m.chip - 10;
      const into = (w) => x - Math.min(w / 2 - 5, m.chip + 10);
      items.push(
        {name: 'b', from: {x: bx, y: uMid - m.chip / 2}, to: {x: into(hidW), y: hidY + hidH + 1}, chipAt: {x: bx, y: uMid}, tip: K.matrix.b(sub(s))},
        {name: 'c', from: {x: bx, y: wMid - m.chip / 2}, to: {x: into(outW), y: outY + outH + 1}, chipAt: {x: bx, y: wMid}, tip: K.matrix.c(sub(s))},
      );
    }
    for (const item of items) {
      arrows.push(arrow(g, d, {...item, t: s, label: item.name, ids}));
      anchors.set(`${item.name}:${s}`, {x: item.chipAt.x, top: item.chipAt.y - m.chip / 2, bottom: item.chipAt.y + m.chip / 2});
    }

    // Under each column, whether its contribution to the gradients is summed yet.
    const mark = hot.marks?.[s - 1];
    if (mark) {
      const text = R.marks[mark];
      const w = textWidth(text, m.font - 0.5) + 10;
      const tip = {added: R.marks.addedTip, now: R.marks.nowTip, pending: R.marks.pendingTip}[mark](s);
      overlays.push(svg('g', {class: `rd-mark rd-mark-${mark}`}, [
        svg('title', {}, tip),
        svg('rect', {x: x - w / 2, y: marksY, width: w, height: m.marks - 3, rx: (m.marks - 3) / 2, class: 'rd-mark-box'}),
        svg('text', {
          x, y: marksY + (m.marks - 3) / 2 + 0.5, 'font-size': m.font - 0.5, 'text-anchor': 'middle', 'dominant-baseline': 'central',
          class: 'rd-mark-text',
        }, text),
      ]));
    }
  }

  // The two gradient paths into h̄_t: from s̄_t through W and from r̄_{t+1} through V.
  if (hot.paths) {
    const s = hot.paths.output;
    const gx = xs[s] + m.chip / 2 + 9;
    const label = (text, x, y, anchor) => svg('text', {
      x, y, 'font-size': m.font, 'text-anchor': anchor, 'dominant-baseline': 'central', class: 'rd-path-label rd-halo',
    }, text);
    overlays.push(svg('g', {class: 'rd-path rd-W'}, [
      svg('title', {}, K.pathOutput),
      svg('line', {x1: gx, y1: outY + outH + 2, x2: gx, y2: hidY - 6, class: 'rd-path-line', 'marker-end': `url(#${ids}-gW)`}),
      label(R.paths.output(sub(s)), gx + 5, (hidY + outY + outH) / 2, 'start'),
    ]));
    if (hot.paths.next) {
      const n = hot.paths.next;
      const gy = hidMid + m.chip / 2 + 8;
      const x1 = xs[n] - hidW / 2 - 2;
      const x2 = xs[s] + hidW / 2 + 6;
      overlays.push(svg('g', {class: 'rd-path rd-V'}, [
        svg('title', {}, K.pathNext),
        svg('line', {x1, y1: gy, x2, y2: gy, class: 'rd-path-line', 'marker-end': `url(#${ids}-gV)`}),
        label(R.paths.next(sub(n)), (x1 + x2) / 2, gy + m.font + 1, 'middle'),
      ]));
    }
  }
  if (d.kind === 'naive') {
    // Right of the W label at T: the layout keeps room for it there.
    const x = xs[T] + m.chip / 2 + 6;
    overlays.push(svg('text', {
      x, y: (hidY + outY + outH) / 2, 'font-size': m.font, 'dominant-baseline': 'central', class: 'rd-naive rd-halo',
    }, R.marks.naive));
  }

  // The loss, in the free corner left of y₁.
  const lossX = xs[1] - outW / 2 - 8;
  const lossLine = (y, text) => svg('text', {
    x: lossX, y, 'font-size': m.font, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'rd-loss-text',
  }, text);
  const lossNode = svg('g', {class: `rd-loss${hot.loss ? ' rd-hot' : ''}`}, [
    svg('title', {}, `L (${K.loss}) = ${exact(d.loss)}`),
    lossLine(outY + m.titleH / 2 + 0.5, R.loss),
    lossLine(outY + m.titleH / 2 + m.cellH + 0.5, g.lossText),
  ]);

  const marker = (id, className, open) => svg('marker', {
    id, viewBox: '0 0 10 10', refX: open ? 8 : 9, refY: 5, markerWidth: 8, markerHeight: 8,
    markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse',
  }, svg('path', {d: 'M0,0.5 L10,5 L0,9.5', class: `${className}${open ? ' rd-open' : ' rd-solid'}`}));
  const defs = svg('defs', {}, [
    ...['U', 'V', 'W', 'b', 'c'].map((name) => marker(`${ids}-${name}`, `rd-head rd-${name}`, false)),
    marker(`${ids}-gW`, 'rd-head rd-W', true),
    marker(`${ids}-gV`, 'rd-head rd-V', true),
  ]);

  return {
    nodes: [
      defs,
      svg('g', {class: 'rd-headers', 'aria-hidden': 'true'}, headers),
      svg('g', {class: 'rd-arrows'}, arrows.filter((a) => !a.classList.contains('rd-hot') && !a.classList.contains('rd-added'))),
      svg('g', {class: 'rd-arrows'}, arrows.filter((a) => a.classList.contains('rd-added'))),
      svg('g', {class: 'rd-arrows'}, arrows.filter((a) => a.classList.contains('rd-hot'))),
      svg('g', {class: 'rd-boxes'}, boxes),
      svg('g', {class: 'rd-overlays'}, overlays),
      lossNode,
    ],
    anchors,
  };
}

function swatch(className, dashed) {
  return svg('svg', {width: 30, height: 12, viewBox: '0 0 30 12', class: 'rd-swatch', 'aria-hidden': 'true'}, [
    svg('line', {x1: 1, y1: 6, x2: 29, y2: 6, class: `rd-swatch-line ${className}${dashed ? ' rd-dashed' : ''}`}),
  ]);
}

function legend(d) {
  const L = S.rnnDiagram.legend;
  const items = [
    [swatch('rd-U'), L.U], [swatch('rd-V'), L.V], [swatch('rd-W'), L.W],
    ...(d.bias ? [[swatch('rd-b'), L.b], [swatch('rd-c'), L.c]] : []),
  ];
  if (d.touched.paths) items.push([swatch('rd-neutral', true), L.gradient]);
  items.push([svg('svg', {width: 16, height: 12, viewBox: '0 0 16 12', class: 'rd-swatch', 'aria-hidden': 'true'},
    svg('rect', {x: 1, y: 1, width: 14, height: 10, rx: 3, class: 'rd-legend-hot'})), L.current]);
  if (d.kind === 'accumulate') items.push([swatch('rd-neutral rd-legend-added'), L.added]);
  return el('div', {class: 'rd-legend-box'}, [
    el('p', {class: 'rd-shared'}, d.bias ? L.sharedBias : L.shared),
    el('ul', {class: 'rd-legend', 'aria-label': L.label}, items.map(([icon, text]) => el('li', {}, [icon, text]))),
  ]);
}

export function mountRnnDiagram(container, ctx) {
  const ids = `rd${Math.random().toString(36).slice(2, 8)}`;
  const figure = svg('svg', {class: 'rd-svg', xmlns: 'http://www.w3.org/2000/svg'});
  const scroller = el('div', {class: 'rd-scroller'}, figure);
  const canvas = el('div', {class: 'rd-canvas'}, scroller);
  const caption = el('p', {class: 'rd-caption'});
  const note = el('p', {class: 'rd-note', hidden: true});
  const legendSlot = el('div', {class: 'rd-legend-slot'});
  const hint = el('p', {class: 'rd-hint'});
  const root = el('div', {class: 'rnn-diagram'}, [canvas, note, caption, legendSlot, hint]);
  container.replaceChildren(root);

  let width = 0; // the scroller's width in pixels, once laid out
  let anchors = new Map();
  let roving = null; // key of the label that Tab reaches
  let order = []; // keys of every editable label, in reading order

  // ---- the editor, an HTML popover over the SVG with one input per entry
  const E = S.rnnDiagram.editor;
  let editing = null; // {key, name, rows, cols, inputs, initial}
  const editorId = `${ids}-editor`;
  const editorTitle = el('span', {class: 'rd-editor-title', id: `${editorId}-title`});
  const editorShape = el('span', {class: 'rd-editor-shape'});
  const grid = el('div', {class: 'rd-editor-grid'});
  const error = el('p', {class: 'rd-editor-error', id: `${editorId}-error`, role: 'alert', hidden: true});
  const editor = el('div', {class: 'rd-editor', role: 'dialog', hidden: true, 'aria-labelledby': `${editorId}-title`}, [
    el('div', {class: 'rd-editor-head'}, [editorTitle, editorShape]),
    grid,
    el('div', {class: 'rd-editor-row'}, [
      el('button', {type: 'button', class: 'rd-editor-apply', onclick: () => apply()}, E.apply),
      el('button', {type: 'button', class: 'rd-editor-cancel', onclick: () => close(true)}, E.cancel),
    ]),
    error,
  ]);
  canvas.append(editor);

  const nameOf = (key) => key.split(':')[0];
  const symbolOf = (name) => (name === 'h0' ? 'h₀' : name);
  const itemOf = (key) => figure.querySelector(`[data-key="${key}"]`);
  // The parameter's current values; vectors as one column.
  function currentValues(name) {
    const {scenario, trace} = ctx.store.get();
    if (name === 'h0') return trace.parameters.h0 ?? scenario.parameters?.h0 ?? Array(scenario.model.hidden_size).fill(0);
    return trace.parameters[name];
  }
  const shapeOf = (values) => ({rows: values.length, cols: Array.isArray(values[0]) ? values[0].length : 0});

  function open(key) {
    const name = nameOf(key);
    const values = currentValues(name);
    if (!values) return;
    const {rows, cols} = shapeOf(values);
    const symbol = symbolOf(name);
    const inputs = [];
    const initial = [];
    const head = cols ? el('tr', {}, [el('th', {}), ...Array.from({length: cols}, (_, j) => el('th', {scope: 'col'}, String(j + 1)))]) : null;
    const body = values.map((row, i) => el('tr', {}, [
      el('th', {scope: 'row'}, String(i + 1)),
      ...(cols ? row : [row]).map((value, j) => {
        const text = fmt(value).replace(/−/g, '-');
        const input = el('input', {
          type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', class: 'rd-editor-input',
          'aria-label': E.cell(symbol, i + 1, cols ? j + 1 : 0), 'aria-describedby': `${editorId}-error`, value: text,
        });
        inputs.push({input, i, j, cell: E.cell(symbol, i + 1, cols ? j + 1 : 0)});
        initial.push(text);
        return el('td', {}, input);
      }),
    ]));
    grid.replaceChildren(el('table', {}, [head && el('thead', {}, head), el('tbody', {}, body)]));
    grid.classList.toggle('rd-editor-vector', !cols);
    editing = {key, name, rows, cols, inputs, initial};
    editorTitle.textContent = E.title(symbol);
    editorShape.textContent = E.shape(rows, cols);
    error.hidden = true;
    error.textContent = '';
    editor.hidden = false;
    markEditing();
    place();
    inputs[0]?.input.focus();
    inputs[0]?.input.select();
  }

  function close(refocus) {
    if (!editing) return;
    const {key} = editing;
    editing = null;
    editor.hidden = true;
    grid.replaceChildren();
    markEditing();
    if (refocus) (itemOf(key) ?? itemOf(order.find((k) => nameOf(k) === nameOf(key)) ?? ''))?.focus({preventScroll: true});
  }

  function showError(message, bad = []) {
    for (const {input} of editing.inputs) input.removeAttribute('aria-invalid');
    for (const input of bad) input.setAttribute('aria-invalid', 'true');
    error.textContent = message;
    error.hidden = false;
    (bad[0] ?? editing.inputs[0]?.input)?.focus();
    place();
  }

  function apply() {
    if (!editing) return;
    const {name, inputs, initial} = editing;
    const current = currentValues(name);
    const shape = shapeOf(current);
    if (shape.rows !== editing.rows || shape.cols !== editing.cols) return close(false);
    // Untouched entries keep every digit of the current value; typed ones are parsed.
    const next = structuredClone(current);
    let changed = false;
    for (let k = 0; k < inputs.length; k++) {
      const {input, i, j, cell} = inputs[k];
      if (input.value === initial[k]) continue;
      const parsed = parseNumber(input.value, {min: -Infinity, max: Infinity});
      if (!parsed.ok) return showError((parsed.reason === 'range' ? E.notFinite : E.notANumber)(cell), [input]);
      const {value} = parsed;
      if (editing.cols) next[i][j] = value;
      else next[i] = value;
      changed = true;
    }
    if (!changed) return close(true);
    // Every parameter explicit, from the trace: a seeded scenario keeps the values it showed.
    const {scenario, trace} = ctx.store.get();
    const scenarioNext = structuredClone(scenario);
    scenarioNext.parameters = {...structuredClone(trace.parameters), h0: structuredClone(currentValues('h0')), [name]: next};
    const outcome = ctx.setScenario(scenarioNext);
    if (!outcome?.ok) return showError(outcome?.message ?? E.refused);
    close(true);
  }

  function markEditing() {
    for (const node of figure.querySelectorAll('.rd-editing')) node.classList.remove('rd-editing');
    if (editing) itemOf(editing.key)?.classList.add('rd-editing');
  }

  // Puts the popover just below its label (above when below does not fit), inside the canvas.
  function place() {
    if (!editing) return;
    const anchor = anchors.get(editing.key) ?? anchors.get(order.find((k) => nameOf(k) === editing.name));
    const box = figure.getBoundingClientRect();
    const outer = canvas.getBoundingClientRect();
    if (!anchor || !box.width) return;
    const scale = box.width / Number(figure.getAttribute('width'));
    const x = box.left - outer.left + anchor.x * scale;
    const bottom = box.top - outer.top + anchor.bottom * scale;
    const top = box.top - outer.top + anchor.top * scale;
    const w = editor.offsetWidth;
    const h = editor.offsetHeight;
    const room = Math.max(root.getBoundingClientRect().bottom, window.innerHeight) - outer.top;
    const left = Math.min(Math.max(0, x - w / 2), Math.max(0, outer.width - w));
    const below = bottom + 6;
    const above = top - 6 - h;
    editor.style.top = `${below + h > room && above >= 0 ? above : below}px`;
    editor.style.left = `${left}px`;
  }

  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches?.('input')) {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
    event.stopPropagation(); // typing here is not the stepper's ← →
  });
  const outside = (event) => {
    if (editing && !editor.contains(event.target) && !event.target.closest?.('.rd-param')) close(false);
  };
  document.addEventListener('pointerdown', outside);

  // ---- clicks and keys on the drawing
  figure.addEventListener('click', (event) => {
    const item = event.target.closest?.('[data-key]');
    if (!item) return;
    roving = item.dataset.key;
    open(item.dataset.key);
  });
  figure.addEventListener('focusin', (event) => {
    const item = event.target.closest?.('[data-key]');
    if (!item || item.dataset.key === roving) return;
    roving = item.dataset.key;
    for (const node of figure.querySelectorAll('[data-key]')) node.setAttribute('tabindex', node === item ? '0' : '-1');
  });
  figure.addEventListener('keydown', (event) => {
    const item = event.target.closest?.('[data-key]');
    if (!item) return;
    const key = item.dataset.key;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(key);
      return;
    }
    const k = order.indexOf(key);
    const to = {ArrowDown: k + 1, ArrowUp: k - 1, Home: 0, End: order.length - 1}[event.key];
    if (to === undefined) return;
    event.preventDefault();
    itemOf(order[Math.min(Math.max(0, to), order.length - 1)])?.focus();
  });

  function render() {
    const state = ctx.store.get();
    const {model} = state.scenario;
    const T = state.trace.forward.h.length;
    const focused = figure.contains(document.activeElement) ? document.activeElement.closest('[data-key]')?.dataset.key : null;
    if (Math.max(model.input_size, model.hidden_size, model.output_size) > MAX_SIZE || T > MAX_T) {
      close(false);
      figure.replaceChildren();
      figure.removeAttribute('viewBox');
      figure.setAttribute('width', 0);
      figure.setAttribute('height', 0);
      figure.style.minWidth = '';
      caption.textContent = S.rnnDiagram.tooBig;
      note.hidden = true;
      legendSlot.replaceChildren();
      hint.hidden = true;
      return;
    }
    if (figure.isConnected) fontFamily = getComputedStyle(figure).fontFamily;
    const d = describe(state);
    const available = width || 720;
    // Both vectors of each pair when they fit; one (the other in the tooltips) when not; smaller
    // type before scrolling.
    const tiers = available < COMPACT_BELOW ? [[true, true], [false, true]] : [[true, false], [false, false], [false, true]];
    let geometry;
    for (const [dense, compact] of tiers) {
      geometry = layout(d, available, dense, compact);
      if (geometry.natural * MIN_SCALE <= available) break;
    }
    // Too wide to shrink legibly: keep a minimum scale and scroll sideways.
    const scrolls = geometry.natural * MIN_SCALE > available;
    figure.style.minWidth = scrolls ? `${Math.ceil(geometry.natural * MIN_SCALE)}px` : '';
    const drawn = draw(d, geometry, ids);
    anchors = drawn.anchors;
    figure.setAttribute('viewBox', `0 0 ${geometry.width.toFixed(1)} ${geometry.height.toFixed(1)}`);
    figure.setAttribute('width', geometry.width.toFixed(1));
    figure.setAttribute('height', geometry.height.toFixed(1));
    figure.setAttribute('role', 'group');
    figure.setAttribute('aria-label', S.rnnDiagram.label({T, input: model.input_size, hidden: model.hidden_size, output: model.output_size}));
    figure.classList.toggle('rd-compact', geometry.m.compact);
    figure.classList.toggle('rd-gradients', d.gradients);
    figure.replaceChildren(...drawn.nodes);

    order = ['h0'];
    for (let s = 1; s <= T; s++) order.push(...['U', 'V', 'W', ...(d.bias ? ['b', 'c'] : [])].map((name) => `${name}:${s}`));
    if (!order.includes(roving)) roving = order[0];
    itemOf(roving)?.setAttribute('tabindex', '0');
    if (focused) itemOf(focused)?.focus({preventScroll: true});

    const R = S.rnnDiagram;
    const phaseNote = d.phase === 'update' ? R.phaseNote.update : R.phaseNote[d.phase][geometry.dense ? 'dense' : 'single'];
    caption.textContent = [phaseNote, scrolls && R.scroll].filter(Boolean).join(' ');
    const stepNote = {
      h_grad: d.t === T ? R.stepNote.hGradLast(T) : R.stepNote.hGrad(d.t),
      accumulate: d.t ? R.stepNote.accumulate(d.t, T) : null,
      naive: R.stepNote.naive,
    }[d.kind];
    note.replaceChildren(...(stepNote ? richText(stepNote) : []));
    note.hidden = !stepNote;
    legendSlot.replaceChildren(legend(d));
    hint.textContent = d.bias ? R.hintBias : R.hint;
    hint.hidden = false;

    if (editing) {
      const values = currentValues(editing.name);
      const shape = values && shapeOf(values);
      if (!shape || shape.rows !== editing.rows || shape.cols !== editing.cols) close(false);
    }
    markEditing();
    place();
    // After layout, not during it: reading sizes now would force a synchronous layout per step.
    if (scrolls) {
      cancelAnimationFrame(revealFrame);
      revealFrame = requestAnimationFrame(() => reveal(state, d, geometry));
    }
  }

  // When the drawing scrolls sideways, a new step brings its time step into view.
  let revealed = '';
  let revealFrame = 0;
  function reveal(state, d, geometry) {
    const sign = `${state.step}|${geometry.width}`;
    if (sign === revealed) return;
    revealed = sign;
    const t = d.kind === 'naive' ? d.T : d.t;
    if (!t) return;
    const px = (geometry.xs[t] * figure.clientWidth) / geometry.width;
    const view = scroller.clientWidth;
    if (px < scroller.scrollLeft + 60 || px > scroller.scrollLeft + view - 60) scroller.scrollLeft = px - view / 2;
  }

  // The drawing follows the container's width (text stays about one pixel per unit).
  let frame = 0;
  const resize = new ResizeObserver((entries) => {
    const next = Math.round(entries[entries.length - 1].contentRect.width);
    if (!next || next === width) return;
    width = next;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  });
  resize.observe(scroller);

  const unsubscribe = ctx.store.subscribe(render);
  render();

  return {
    destroy() {
      unsubscribe();
      resize.disconnect();
      cancelAnimationFrame(frame);
      cancelAnimationFrame(revealFrame);
      document.removeEventListener('pointerdown', outside);
      container.replaceChildren();
    },
  };
}
