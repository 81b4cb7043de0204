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
    gapH: 30, gapV: 40, gapT: 3, chip: 15, top: 14, margin: 2, marks: 20,
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
    widths.set(key, measurer.measureText(text).width * 1.03 + 1);
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

// What the drawing shows of one trace in one value set (forward values or gradients), before any
// geometry and whatever the step; cached per trace, with the layouts computed from it.
function describeValues(scenario, trace, gradients) {
  const model = scenario.model;
  const sequence = scenario.data.sequences[0];
  const f = trace.forward;
  const g = trace.backward;
  const T = f.h.length;
  const nh = model.hidden_size;
  const h0 = trace.parameters.h0 ?? scenario.parameters?.h0 ?? Array(nh).fill(0);

  // Each row shows a pair of vectors (dense layout) or one of them (single layout).
  const vector = (sym, values, gradient) => ({sym, values, gradient});
  const largest = (values) => Math.max(0, ...values.flat().map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
  const hidden = {pair: gradients ? [vector('h̄', g.h_grad, true), vector('r̄', g.r_grad, true)] : [vector('r', f.r, false), vector('h', f.h, false)]};
  const output = {pair: gradients ? [vector('ȳ', g.y_grad, true), vector('s̄', g.s_grad, true)] : [vector('s', f.s, false), vector('y', f.y, false)]};
  for (const row of [hidden, output]) for (const v of row.pair) v.scale = largest(v.values);
  const first = vector(gradients ? 'h̄' : 'h', [gradients ? g.dh0 ?? [] : h0], gradients);
  first.scale = largest(first.values[0]);

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
    T, gradients, bias: Boolean(model.bias),
    sizes: {input: model.input_size, hidden: nh, output: model.output_size},
    hidden, output, first,
    inputs: sequence.inputs,
    targets: sequence.targets,
    loss: trace.loss,
    tips: {hidden: hiddenTip, output: outputTip, h0: h0Tip},
    layouts: new Map(),
  };
}

// What the current step changes: its kind and time step, what it highlights, and which vector of
// each pair a single layout shows.
function describeStep(state) {
  const step = state.steps?.[state.step];
  const kind = step?.kind ?? null;
  const t = step?.t ?? null;
  const phase = step?.phase ?? PHASE_OF[kind] ?? 'forward';
  const gradients = phase !== 'forward';
  const T = state.trace.forward.h.length;
  const single = gradients
    ? {hidden: kind === 'h_grad' ? 0 : 1, output: 1}
    : {hidden: kind === 'r' ? 0 : 1, output: kind === 's' ? 0 : 1};
  return {kind, t, phase, gradients, single, touched: touched(kind, t, T), pending: pending(kind, t)};
}

// Positions for everything, for a drawing `available` units wide; `dense` shows both vectors of
// each pair side by side, else the one `single` names.
function layout(d, single, available, dense, compact) {
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
  const cells = {hidden: hidCell, output: outCell, input: inCell, target: tgtCell, h0: h0Cell};
  return {
    m, dense, width, natural, height, xs, lossText, cells, hidW, outW, outY, outH, hidY, hidH, inY, marksY,
    // Equal signs, equal positions for everything.
    sign: [compact, width, height, ...xs, ...Object.values(cells)].join(','),
  };
}

// The layout for this value set, step and width: both vectors of each pair when they fit; one (the
// other in the tooltips) when not; smaller type before scrolling. Cached: a step only looks it up.
function chooseLayout(d, single, available) {
  const key = `${available}|${single.hidden}|${single.output}|${fontFamily}`;
  let geometry = d.layouts.get(key);
  if (geometry) return geometry;
  const tiers = available < COMPACT_BELOW ? [[true, true], [false, true]] : [[true, false], [false, false], [false, true]];
  for (const [dense, compact] of tiers) {
    geometry = layout(d, single, available, dense, compact);
    if (geometry.natural * MIN_SCALE <= available) break;
  }
  // Too wide to shrink legibly: keep a minimum scale and scroll sideways.
  geometry.scrolls = geometry.natural * MIN_SCALE > available;
  if (d.layouts.size > 32) d.layouts.clear(); // a resize passes through many widths
  d.layouts.set(key, geometry);
  return geometry;
}

// The drawing is built once per structure (trace, value set, tier) and then patched: put() and
// text() touch the DOM only for what differs from what they last set on that node.
function put(node, attributes) {
  const last = (node.rdLast ??= {});
  for (const name in attributes) {
    const value = attributes[name];
    if (last[name] === value) continue;
    last[name] = value;
    node.setAttribute(name, value);
  }
}
function text(node, value) {
  if (node.rdText === value) return;
  node.rdText = value;
  const only = node.firstChild;
  if (only && only.nodeType === Node.TEXT_NODE && !only.nextSibling) only.data = value;
  else node.textContent = value;
}
const CENTRED = {'text-anchor': 'middle', 'dominant-baseline': 'central'};

// One vector (or a pair side by side) as a rounded box: a title row, then one cell per component.
// update({m, x, y, cellW, columns: [{name, values, gradient, scale, emph}], hot, fade}).
function makeBox({className, title, tip, key, symbol}) {
  const attributes = {};
  if (key) Object.assign(attributes, {'data-key': key, tabindex: -1, role: 'button', 'aria-label': S.rnnDiagram.tip.editLabel(symbol)});
  const node = svg('g', attributes);
  const glow = svg('rect', {rx: 7, class: 'rd-glow'});
  const ring = svg('rect', {rx: 8, class: 'rd-ring'});
  const frame = svg('rect', {rx: 5, class: 'rd-frame'});
  const titleBg = svg('rect', {rx: 4, class: 'rd-title-bg'});
  const divider = svg('line', {class: 'rd-divider'});
  node.append(svg('title', {}, title), glow, ring, frame, titleBg, divider);
  let columns = []; // [{divider, title, cells: [{group, tint, value}], last}]
  let last = {};

  function build(count, n) {
    for (const column of columns) column.nodes.forEach((child) => child.remove());
    columns = Array.from({length: count}, (_, k) => {
      const column = {
        divider: k > 0 ? svg('line', {class: 'rd-divider'}) : null,
        title: svg('text', CENTRED),
        cells: Array.from({length: n}, (_, i) => {
          const value = svg('text', CENTRED);
          return {group: svg('g', {class: 'rd-cell'}, [svg('title', {}, tip(i)), value]), tint: null, value};
        }),
        last: {emph: null},
      };
      column.nodes = [column.divider, column.title, ...column.cells.map((cell) => cell.group)].filter(Boolean);
      node.append(...column.nodes);
      return column;
    });
  }

  return {
    node,
    update(p) {
      const {m, x, y, cellW} = p;
      put(node, {class: `rd-box ${className}${p.hot ? ' rd-hot' : ''}${p.fade ? ' rd-pending' : ''}`});
      const n = p.columns[0].values.length;
      if (p.columns.length !== columns.length || n !== columns[0].cells.length) {
        build(p.columns.length, n);
        last = {};
      }
      const w = p.columns.length * cellW;
      const left = x - w / 2;
      const h = m.titleH + n * m.cellH;
      const moved = last.compact !== m.compact || last.x !== x || last.y !== y || last.cellW !== cellW;
      last = {compact: m.compact, x, y, cellW};
      if (moved) {
        put(glow, {x: left - 2, y: y - 2, width: w + 4, height: h + 4});
        put(ring, {x: left - 3, y: y - 3, width: w + 6, height: h + 6});
        put(frame, {x: left, y, width: w, height: h});
        put(titleBg, {x: left + 1, y: y + 1, width: w - 2, height: m.titleH - 1});
        put(divider, {x1: left, y1: y + m.titleH, x2: left + w, y2: y + m.titleH});
      }
      p.columns.forEach((c, k) => {
        const column = columns[k];
        const was = column.last;
        const filled = !moved && was.name === c.name && was.values === c.values && was.gradient === c.gradient && was.scale === c.scale;
        if (!filled) {
          const cx = left + (k + 0.5) * cellW;
          if (column.divider) put(column.divider, {x1: left + k * cellW, y1: y + 2, x2: left + k * cellW, y2: y + h - 2});
          put(column.title, {x: cx, y: y + m.titleH / 2 + 0.5, 'font-size': m.title});
          text(column.title, c.name);
          c.values.forEach((value, i) => {
            const cell = column.cells[i];
            const cy = y + m.titleH + i * m.cellH;
            const tint = c.scale > 0 && Number.isFinite(value) && value !== 0
              ? (0.08 + 0.34 * Math.abs(value) / c.scale).toFixed(3) : null;
            if (tint) {
              if (!cell.tint) {
                cell.tint = svg('rect', {rx: 2});
                cell.group.insertBefore(cell.tint, cell.value);
              }
              put(cell.tint, {
                x: left + k * cellW + 1.5, y: cy + 1, width: cellW - 3, height: m.cellH - 2,
                class: `rd-tint rd-${c.gradient ? 'g' : ''}${value > 0 ? 'pos' : 'neg'}`, 'fill-opacity': tint,
              });
            } else if (cell.tint) {
              cell.tint.remove();
              cell.tint = null;
            }
            put(cell.value, {x: cx, y: cy + m.cellH / 2 + 0.5, 'font-size': m.font});
            text(cell.value, short(value, m.compact));
          });
        }
        if (was.emph !== Boolean(c.emph)) {
          const emph = c.emph ? ' rd-emph' : '';
          put(column.title, {class: `rd-box-title${emph}`});
          for (const cell of column.cells) put(cell.value, {class: `rd-value${emph}`});
        }
        column.last = {name: c.name, values: c.values, gradient: c.gradient, scale: c.scale, emph: Boolean(c.emph)};
      });
    },
  };
}

// A matrix's arrow with its clickable label (a "chip"). place({m, from, to, chipAt}); its state
// (dim, added, hot) is the scene's.
function makeArrow({name, t, tip, ids}) {
  const key = `${name}:${t}`;
  const shaft = svg('line', {class: 'rd-shaft', 'marker-end': `url(#${ids}-${name})`});
  const ring = svg('rect', {rx: 7, class: 'rd-ring'});
  const box = svg('rect', {rx: 4, class: 'rd-chip-box'});
  const label = svg('text', {...CENTRED, class: 'rd-chip-text'}, name);
  const chip = svg('g', {
    class: 'rd-param rd-chip', 'data-key': key, tabindex: -1, role: 'button', 'aria-label': S.rnnDiagram.tip.editLabel(name),
  }, [svg('title', {}, `${tip}\n${S.rnnDiagram.tip.edit}`), ring, box, label]);
  const node = svg('g', {}, [shaft, chip]);
  return {
    key, name, t, node, chip, state: null,
    place({m, from, to, chipAt}) {
      const w = Math.max(m.chip, textWidth(name, m.font + 1) + 8);
      put(shaft, {x1: from.x, y1: from.y, x2: to.x, y2: to.y});
      put(ring, {x: chipAt.x - w / 2 - 3, y: chipAt.y - m.chip / 2 - 3, width: w + 6, height: m.chip + 6});
      put(box, {x: chipAt.x - w / 2, y: chipAt.y - m.chip / 2, width: w, height: m.chip});
      put(label, {x: chipAt.x, y: chipAt.y + 0.5, 'font-size': m.font + 1});
    },
  };
}

// Where the arrows of time step s go: U: x_t → h_t, W: h_t → y_t, V: h_{t−1} → h_t; b and c
// beside U and W.
function arrowsAt(d, g, s) {
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

// What only some steps draw over the rest: the accumulation marks, the two gradient paths into
// h̄_t, the "naive" label. Small, so rebuilt whenever it changes.
function overlays(d, st, g, ids) {
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

// Every node of the drawing for one structure, kept by what it shows. update(step, geometry)
// patches only what differs from the last step drawn and returns whether the geometry changed.
function createScene(d, ids) {
  const R = S.rnnDiagram;
  const K = R.tip;
  const T = d.T;
  const headers = Array.from({length: T + 1}, (_, s) => svg('text', {'text-anchor': 'middle'}, R.time(s)));
  const boxes = {
    h0: makeBox({
      className: 'rd-hidden rd-first rd-param', key: 'h0', symbol: 'h₀',
      title: `${d.gradients ? K.box.h0grad : K.box.h0}\n${K.edit}`, tip: d.tips.h0,
    }),
    output: [], target: [], hidden: [], input: [],
  };
  const order = [boxes.h0.node];
  const arrows = [];
  for (let s = 1; s <= T; s++) {
    const target = d.targets[s - 1];
    boxes.output.push(makeBox({
      className: 'rd-output', title: `${d.output.pair.map((v) => `${v.sym}${sub(s)}`).join(', ')}: ${K.box.output(s)}`,
      tip: (i) => d.tips.output(s, i),
    }));
    boxes.target.push(makeBox({
      className: `rd-target${target ? '' : ' rd-no-target'}`, title: target ? K.box.target(s) : K.box.noTarget(s),
      tip: (i) => (target ? `${K.box.target(s)}, ${K.component(i + 1)} = ${exact(target[i])}` : K.box.noTarget(s)),
    }));
    boxes.hidden.push(makeBox({
      className: 'rd-hidden', title: `${d.hidden.pair.map((v) => `${v.sym}${sub(s)}`).join(', ')}: ${K.box.hidden(s)}`,
      tip: (i) => d.tips.hidden(s, i),
    }));
    boxes.input.push(makeBox({
      className: 'rd-input', title: K.box.input(s), tip: (i) => `${K.box.input(s)}, ${K.component(i + 1)} = ${exact(d.inputs[s - 1]?.[i])}`,
    }));
    order.push(boxes.output[s - 1].node, boxes.target[s - 1].node, boxes.hidden[s - 1].node, boxes.input[s - 1].node);
    const tips = {U: K.matrix.U(sub(s)), V: K.matrix.V(sub(s), sub(s - 1)), W: K.matrix.W(sub(s)), b: K.matrix.b(sub(s)), c: K.matrix.c(sub(s))};
    for (const name of ['U', 'V', 'W', ...(d.bias ? ['b', 'c'] : [])]) arrows.push(makeArrow({name, t: s, tip: tips[name], ids}));
  }
  arrows.forEach((arrow, i) => { arrow.node.rdIndex = arrow.index = i; });

  const lossTitle = svg('title', {}, `L (${K.loss}) = ${exact(d.loss)}`);
  const lossLines = [R.loss, ''].map((value) => svg('text', {'text-anchor': 'end', 'dominant-baseline': 'central', class: 'rd-loss-text'}, value));
  const loss = svg('g', {}, [lossTitle, ...lossLines]);

  const marker = (id, className, open) => svg('marker', {
    id, viewBox: '0 0 10 10', refX: open ? 8 : 9, refY: 5, markerWidth: 8, markerHeight: 8,
    markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse',
  }, svg('path', {d: 'M0,0.5 L10,5 L0,9.5', class: `${className}${open ? ' rd-open' : ' rd-solid'}`}));
  const defs = svg('defs', {}, [
    ...['U', 'V', 'W', 'b', 'c'].map((name) => marker(`${ids}-${name}`, `rd-head rd-${name}`, false)),
    marker(`${ids}-gW`, 'rd-head rd-W', true),
    marker(`${ids}-gV`, 'rd-head rd-V', true),
  ]);
  // Dim arrows under those already summed, under this step's.
  const layers = {dim: svg('g', {class: 'rd-arrows'}), added: svg('g', {class: 'rd-arrows'}), hot: svg('g', {class: 'rd-arrows'})};
  const overlay = svg('g', {class: 'rd-overlays'});

  const items = new Map([['h0', boxes.h0.node], ...arrows.map((arrow) => [arrow.key, arrow.chip])]);
  const scene = {
    d, items,
    keys: ['h0', ...arrows.map((arrow) => arrow.key)],
    anchors: new Map(),
    nodes: [
      defs,
      svg('g', {class: 'rd-headers', 'aria-hidden': 'true'}, headers),
      layers.dim, layers.added, layers.hot,
      svg('g', {class: 'rd-boxes'}, order),
      overlay,
      loss,
    ],
    sign: null, // the geometry last placed
    overlaySign: null,
    update(st, g) {
      const {m, xs, cells, outW, outY, outH, hidY, inY} = g;
      const hot = st.touched;
      const placed = scene.sign === g.sign;
      scene.sign = g.sign;

      const now = st.t >= 1 && st.kind !== 'naive' ? st.t : -1;
      headers.forEach((node, s) => {
        if (!placed) put(node, {x: xs[s], y: m.head, 'font-size': m.head});
        put(node, {class: `rd-time${s === now ? ' rd-time-now' : ''}`});
      });

      const columnsOf = (row, shown, s, kindEmph) => (g.dense ? row.pair : [row.pair[shown]]).map((v) => ({
        name: `${v.sym}${sub(s)}`, values: v.values[s - 1] ?? [], gradient: v.gradient, scale: v.scale,
        emph: hot.emph?.[kindEmph] === v.sym && (st.kind === 'loss' ? Boolean(d.targets[s - 1]) : s === st.t),
      }));
      boxes.h0.update({
        m, x: xs[0], y: hidY, cellW: cells.h0, fade: st.pending.h0,
        columns: [{name: `${d.first.sym}₀`, values: d.first.values[0], gradient: d.gradients, scale: d.first.scale}],
      });
      for (let s = 1; s <= T; s++) {
        const x = xs[s];
        const target = d.targets[s - 1];
        boxes.output[s - 1].update({
          m, x, y: outY, cellW: cells.output, columns: columnsOf(d.output, st.single.output, s, 'output'),
          hot: hot.output.has(s) && (st.kind !== 'loss' || Boolean(target)), fade: st.pending.output(s),
        });
        boxes.target[s - 1].update({
          m, x: x + outW / 2 + 3 + cells.target / 2, y: outY, cellW: cells.target,
          columns: [{name: S.rnnDiagram.target, values: target ?? Array(d.sizes.output).fill(null), scale: 0}],
          hot: hot.targets && Boolean(target),
        });
        boxes.hidden[s - 1].update({
          m, x, y: hidY, cellW: cells.hidden, columns: columnsOf(d.hidden, st.single.hidden, s, 'hidden'),
          hot: hot.hidden.has(s), fade: st.pending.hidden(s),
        });
        boxes.input[s - 1].update({
          m, x, y: inY, cellW: cells.input, columns: [{name: `x${sub(s)}`, values: d.inputs[s - 1] ?? [], scale: 0}],
        });
      }

      // Arrows: placed when the geometry changes; moved between layers when their state does,
      // keeping the drawing order of a fresh build (and the focus, which a move drops).
      if (!placed) {
        scene.anchors = new Map([['h0', {x: xs[0], top: hidY, bottom: hidY + g.hidH}]]);
        let at = null;
        for (const arrow of arrows) {
          if (arrow.name === 'U') at = arrowsAt(d, g, arrow.t);
          const {chipAt} = at[arrow.name];
          arrow.place({m, ...at[arrow.name]});
          scene.anchors.set(arrow.key, {x: chipAt.x, top: chipAt.y - m.chip / 2, bottom: chipAt.y + m.chip / 2});
        }
      }
      const active = document.activeElement;
      let dropped = false;
      for (const arrow of arrows) {
        const state = hot.arrows.get(arrow.key) ?? 'dim';
        if (state === arrow.state) continue;
        arrow.state = state;
        put(arrow.node, {class: `rd-arrow rd-${arrow.name} rd-${state}`});
        let before = null;
        for (const node of layers[state].children) {
          if (node.rdIndex > arrow.index) {
            before = node;
            break;
          }
        }
        dropped ||= arrow.node.contains(active);
        layers[state].insertBefore(arrow.node, before);
      }
      if (dropped && document.activeElement !== active) active.focus({preventScroll: true});

      const overlaySign = hot.marks || hot.paths || st.kind === 'naive' ? `${st.kind}|${st.t}|${g.sign}` : '';
      if (overlaySign !== scene.overlaySign) {
        scene.overlaySign = overlaySign;
        overlay.replaceChildren(...(overlaySign ? overlays(d, st, g, ids) : []));
      }

      // The loss, in the free corner left of y₁.
      put(loss, {class: `rd-loss${hot.loss ? ' rd-hot' : ''}`});
      if (!placed) {
        const lossX = xs[1] - outW / 2 - 8;
        lossLines.forEach((node, k) => put(node, {x: lossX, y: outY + m.titleH / 2 + k * m.cellH + 0.5, 'font-size': m.font}));
        text(lossLines[1], g.lossText);
      }
      return !placed;
    },
  };
  return scene;
}

function swatch(className, dashed) {
  return svg('svg', {width: 30, height: 12, viewBox: '0 0 30 12', class: 'rd-swatch', 'aria-hidden': 'true'}, [
    svg('line', {x1: 1, y1: 6, x2: 29, y2: 6, class: `rd-swatch-line ${className}${dashed ? ' rd-dashed' : ''}`}),
  ]);
}

function legend({bias, paths, added}) {
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
  let scene = null; // what is drawn (createScene), patched step by step
  let values = {trace: null, forward: null, gradients: null}; // describeValues per value set
  let roving = null; // key of the label that Tab reaches
  let order = []; // keys of every editable label, in reading order
  let shown = {}; // caption, note, legend and hint as last set
  const notes = new Map(); // a step note's nodes (KaTeX) by its text

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
  const itemOf = (key) => scene?.items.get(key) ?? null;
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

  let marked = null;
  function markEditing() {
    const node = editing ? itemOf(editing.key) : null;
    if (node === marked) return;
    marked?.classList.remove('rd-editing');
    node?.classList.add('rd-editing');
    marked = node;
  }

  // Puts the popover just below its label (above when below does not fit), inside the canvas.
  function place() {
    if (!editing) return;
    const anchors = scene?.anchors ?? new Map();
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

  // Builds the drawing when its structure changes (trace, value set, tier); otherwise patches the
  // last one. Reads no layout: the width comes from the ResizeObserver.
  function render() {
    const state = ctx.store.get();
    const {model} = state.scenario;
    const T = state.trace.forward.h.length;
    if (Math.max(model.input_size, model.hidden_size, model.output_size) > MAX_SIZE || T > MAX_T) {
      close(false);
      scene = null;
      shown = {};
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
    // The page's font, for the text widths: read once (a style read, not per step).
    if (!fontFamily && figure.isConnected) fontFamily = getComputedStyle(figure).fontFamily;
    const st = describeStep(state);
    if (values.trace !== state.trace) values = {trace: state.trace, forward: null, gradients: null};
    const valueSet = st.gradients ? 'gradients' : 'forward';
    const d = (values[valueSet] ??= describeValues(state.scenario, state.trace, st.gradients));
    const available = width || 720;
    const geometry = chooseLayout(d, st.single, available);

    const rebuild = !scene || scene.d !== d || scene.dense !== geometry.dense || scene.compact !== geometry.m.compact;
    const focused = rebuild && figure.contains(document.activeElement) ? document.activeElement.closest('[data-key]')?.dataset.key : null;
    if (rebuild) {
      scene = createScene(d, ids);
      scene.dense = geometry.dense;
      scene.compact = geometry.m.compact;
    }
    const moved = scene.update(st, geometry);
    if (moved) {
      const [w, h] = [geometry.width.toFixed(1), geometry.height.toFixed(1)];
      if (figure.getAttribute('width') !== w || figure.getAttribute('height') !== h) {
        figure.setAttribute('viewBox', `0 0 ${w} ${h}`);
        figure.setAttribute('width', w);
        figure.setAttribute('height', h);
      }
      const minWidth = geometry.scrolls ? `${Math.ceil(geometry.natural * MIN_SCALE)}px` : '';
      if (figure.style.minWidth !== minWidth) figure.style.minWidth = minWidth;
    }
    if (rebuild) {
      figure.setAttribute('role', 'group');
      figure.setAttribute('aria-label', S.rnnDiagram.label({T, input: model.input_size, hidden: model.hidden_size, output: model.output_size}));
      figure.classList.toggle('rd-compact', geometry.m.compact);
      figure.classList.toggle('rd-gradients', d.gradients);
      figure.replaceChildren(...scene.nodes);
      order = scene.keys;
      if (!order.includes(roving)) roving = order[0];
      itemOf(roving)?.setAttribute('tabindex', '0');
      if (focused) itemOf(focused)?.focus({preventScroll: true});
    }

    const R = S.rnnDiagram;
    const phaseNote = st.phase === 'update' ? R.phaseNote.update : R.phaseNote[st.phase][geometry.dense ? 'dense' : 'single'];
    const captionText = [phaseNote, geometry.scrolls && R.scroll].filter(Boolean).join(' ');
    if (shown.caption !== captionText) caption.textContent = shown.caption = captionText;
    const stepNote = {
      h_grad: st.t === T ? R.stepNote.hGradLast(T) : R.stepNote.hGrad(st.t),
      accumulate: st.t ? R.stepNote.accumulate(st.t, T) : null,
      naive: R.stepNote.naive,
    }[st.kind] ?? null;
    if (shown.note !== stepNote) {
      shown.note = stepNote;
      if (stepNote && !notes.has(stepNote)) notes.set(stepNote, richText(stepNote).map((part) => (typeof part === 'string' ? document.createTextNode(part) : part)));
      note.replaceChildren(...(stepNote ? notes.get(stepNote) : []));
      note.hidden = !stepNote;
    }
    const legendSign = {bias: d.bias, paths: Boolean(st.touched.paths), added: st.kind === 'accumulate'};
    if (shown.legend !== JSON.stringify(legendSign)) {
      shown.legend = JSON.stringify(legendSign);
      legendSlot.replaceChildren(legend(legendSign));
    }
    const hintText = d.bias ? R.hintBias : R.hint;
    if (shown.hint !== hintText) {
      hint.textContent = shown.hint = hintText;
      hint.hidden = false;
    }

    if (editing && rebuild) {
      const current = currentValues(editing.name);
      const shape = current && shapeOf(current);
      if (!shape || shape.rows !== editing.rows || shape.cols !== editing.cols) close(false);
    }
    markEditing();
    // The popover follows its label: now when the drawing moved, else after layout (reading sizes
    // during a step would force a synchronous layout).
    if (editing && moved) place();
    else if (editing) {
      cancelAnimationFrame(placeFrame);
      placeFrame = requestAnimationFrame(place);
    }
    if (geometry.scrolls) {
      cancelAnimationFrame(revealFrame);
      revealFrame = requestAnimationFrame(() => reveal(state, st, geometry));
    }
  }

  // When the drawing scrolls sideways, a new step brings its time step into view.
  let revealed = '';
  let revealFrame = 0;
  let placeFrame = 0;
  function reveal(state, st, geometry) {
    const sign = `${state.step}|${geometry.width}`;
    if (sign === revealed) return;
    revealed = sign;
    const t = st.kind === 'naive' ? geometry.xs.length - 1 : st.t;
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
      cancelAnimationFrame(placeFrame);
      document.removeEventListener('pointerdown', outside);
      container.replaceChildren();
    },
  };
}
