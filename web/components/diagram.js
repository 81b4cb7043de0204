// The network as an SVG diagram: neurons with their values for sample 1, edges drawn by weight
// (forward phase) or by gradient (backward and update phases), what the current step touches
// highlighted, and a small editor for any weight or bias that hands a new scenario to the page.
import '../styles/diagram.css';
import {el, svg} from '../dom.js';
import {formatNumber} from '../format.js';
import {S} from '../strings/index.js';

const MAX_UNITS = 16;
const MAX_LAYERS = 6;

const sub = (n) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
const sup = (l) => `⁽${String(l).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d])}⁾`;
// Every digit the core gave, for tooltips.
const exact = (x) => (typeof x === 'number' ? String(x).replace(/-/g, '−') : '—');
const fmt = formatNumber;

const unitName = (l, i, L) => (l === 0 ? `x${sub(i + 1)}` : l === L ? `ŷ${sub(i + 1)}` : `a${sup(l)}${sub(i + 1)}`);
const weightName = (l, i, j) => `W${sup(l)}${sub(i + 1)}${sub(j + 1)}`;
const biasName = (l, i) => `b${sup(l)}${sub(i + 1)}`;

const weightKey = (l, i, j) => `W${l}:${i}:${j}`;
const biasKey = (l, i) => `b${l}:${i}`;
const nodeKey = (l, i) => `n${l}:${i}`;

// Sizes in SVG units; the viewBox follows the container's width, so one unit is about one pixel.
const METRICS = {
  compact: {r: 16, font: 11, symbol: 11.5, head: 11, line: 13, badge: 16, gap: 12, top: 34, pad: 4, minDx: 60, maxDx: 170},
  wide: {r: 22, font: 12, symbol: 14, head: 12.5, line: 15, badge: 18, gap: 16, top: 42, pad: 12, minDx: 110, maxDx: 330},
};
const COMPACT_BELOW = 560;
// Below this scale the drawing scrolls sideways instead of shrinking further.
const MIN_SCALE = 0.9;

// Text widths in the page's font (a canvas measures them), with a margin for bold; a rough
// estimate until the drawing is in the document.
let fontFamily = '';
const widths = new Map();
let measurer = null;
function textWidth(text, size) {
  if (!fontFamily) return [...text].length * size * 0.64;
  const key = `${fontFamily}|${size}|${text}`;
  if (!widths.has(key)) {
    measurer ??= document.createElement('canvas').getContext('2d');
    measurer.font = `${size}px ${fontFamily}`;
    widths.set(key, measurer.measureText(text).width * 1.08 + 1);
  }
  return widths.get(key);
}

// A number typed by a student: a point or a comma as the decimal mark, − or - for the sign.
export function parseDecimal(text) {
  let s = text.trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  if (s.includes(',')) {
    if (s.includes('.') || s.indexOf(',') !== s.lastIndexOf(',')) return null;
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  return Number(s);
}

// What a step computes or uses: layers whose nodes, edges and biases are highlighted.
function touched(step, L) {
  const all = new Set(Array.from({length: L}, (_, k) => k + 1));
  const t = {nodes: new Set(), value: null, edges: new Set(), biases: new Set(), targets: false};
  const l = step.layer;
  switch (step.kind) {
    case 'z': Object.assign(t, {nodes: new Set([l]), value: 'z', edges: new Set([l]), biases: new Set([l])}); break;
    case 'a': Object.assign(t, {nodes: new Set([l]), value: 'a'}); break;
    case 'loss': Object.assign(t, {nodes: new Set([L]), value: 'a', targets: true}); break;
    case 'delta': Object.assign(t, {nodes: new Set([l]), value: 'delta', edges: new Set(l < L ? [l + 1] : [])}); break;
    case 'dW': t.edges = new Set([l]); break;
    case 'db': t.biases = new Set([l]); break;
    case 'updateW': t.edges = all; break;
    case 'updateb': t.biases = all; break;
    default: break;
  }
  return t;
}

// The one element picked in the stepper's result, when it belongs to the current step.
function emphasised(state) {
  const {selected, step: index, steps} = state;
  const step = steps[index];
  if (!selected || selected.step !== index || !step) return null;
  const {block = 0, row = 0, col = 0} = selected;
  switch (step.kind) {
    case 'dW': return weightKey(step.layer, row, col);
    case 'updateW': return weightKey(block + 1, row, col);
    case 'z': case 'a': case 'delta': return nodeKey(step.layer, col);
    case 'db': return biasKey(step.layer, col);
    case 'updateb': return biasKey(block + 1, col);
    default: return null;
  }
}

// Everything the drawing needs, as text and numbers, before any geometry.
function describe(state) {
  const {scenario, trace, steps, step: index} = state;
  const {layers, activations} = scenario.model;
  const L = layers.length - 1;
  const step = steps[index];
  const phase = step?.phase ?? 'forward';
  const gradients = phase !== 'forward';
  const f = trace.forward;
  const g = trace.backward;
  const p = trace.parameters;
  const u = trace.updated;
  const T = S.diagram.tip;

  const units = layers.map((n, l) => Array.from({length: n}, (_, i) => {
    const name = unitName(l, i, L);
    if (l === 0) {
      const x = scenario.data.inputs[0][i];
      return {key: nodeKey(l, i), l, i, name, lines: [{id: 'x', text: fmt(x)}],
        title: `${name} (${T.input}, ${T.sample}) = ${exact(x)}`};
    }
    const at = (m) => m?.[0]?.[i];
    const z = at(f[`z${l}`]);
    const a = at(f[`a${l}`]);
    const delta = at(g[`delta${l}`]);
    const aSymbol = l === L ? 'ŷ' : 'a';
    const lines = gradients
      ? [{id: 'a', text: `${aSymbol} = ${fmt(a)}`}, {id: 'delta', text: `δ = ${fmt(delta)}`}]
      : [{id: 'z', text: `z = ${fmt(z)}`}, {id: 'a', text: `${aSymbol} = ${fmt(a)}`}];
    const title = [
      `${name} (${T.sample})`,
      `z${sup(l)}${sub(i + 1)} = ${exact(z)}`,
      `${l === L ? name : `a${sup(l)}${sub(i + 1)}`} = ${exact(a)}`,
      ...(g[`fprime${l}`] ? [`f′(z${sup(l)}${sub(i + 1)}) = ${exact(at(g[`fprime${l}`]))}`] : []),
      `∂L/∂${l === L ? name : `a${sup(l)}${sub(i + 1)}`} = ${exact(at(g[`a_grad${l}`]))}`,
      `δ${sup(l)}${sub(i + 1)} = ${exact(delta)}`,
    ].join('\n');
    return {key: nodeKey(l, i), l, i, name, lines, title};
  }));

  const edges = [];
  const biases = [];
  for (let l = 1; l <= L; l++) {
    const W = p[`W${l}`];
    const dW = g[`dW${l}`];
    const largest = Math.max(0, ...dW.flat().map(Math.abs));
    W.forEach((row, i) => row.forEach((w, j) => {
      const name = weightName(l, i, j);
      const grad = dW[i][j];
      edges.push({
        key: weightKey(l, i, j), l, i, j, name, value: w,
        shown: gradients ? grad : w,
        ratio: gradients ? (largest > 0 ? Math.abs(grad) / largest : 0) : null,
        title: [
          T.edge(name, unitName(l - 1, j, L), unitName(l, i, L)),
          `${T.value}: ${exact(w)}`,
          `${T.gradient} ∂L/∂${name}: ${exact(grad)}`,
          `${T.updated}: ${exact(u[`W${l}`][i][j])}`,
          T.edit,
        ].join('\n'),
        label: T.weightLabel(name, fmt(w)),
      });
    }));
    p[`b${l}`].forEach((b, i) => {
      const name = biasName(l, i);
      const grad = g[`db${l}`][i];
      biases.push({
        key: biasKey(l, i), l, i, name, value: b, gradient: grad,
        title: [
          T.bias(name, unitName(l, i, L)),
          `${T.value}: ${exact(b)}`,
          `${T.gradient} ∂L/∂${name}: ${exact(grad)}`,
          `${T.updated}: ${exact(u[`b${l}`][i])}`,
          T.edit,
        ].join('\n'),
        label: T.biasLabel(name, fmt(b)),
      });
    });
  }
  const targets = scenario.data.targets[0].map((y, i) => ({
    i, text: `y${sub(i + 1)} = ${fmt(y)}`,
    title: `${T.target(`y${sub(i + 1)}`)} (${T.sample}) = ${exact(y)}`,
  }));
  const headers = layers.map((_, l) => ({
    title: l === 0 ? S.diagram.columns.input : l === L ? S.diagram.columns.output : S.diagram.columns.hidden(l),
    sub: l === 0 ? 'x' : S.diagram.activations[activations[l - 1]] ?? activations[l - 1],
  }));
  return {
    layers, L, phase, gradients, units, edges, biases, targets, headers,
    loss: {text: `L = ${fmt(trace.loss)}`, title: `L (${T.loss}) = ${exact(trace.loss)}`},
    batch: f.z1?.length ?? 1,
    touched: step ? touched(step, L) : touched({kind: 'none'}, L),
    emphasis: emphasised(state),
  };
}

// Positions for everything, for a drawing `available` units wide.
function layout(d, available) {
  const m = available < COMPACT_BELOW ? {...METRICS.compact, compact: true} : {...METRICS.wide, compact: false};
  const {L} = d;
  const badgeText = (b) => (m.compact ? `b = ${fmt(b.value)}` : `${b.name} = ${fmt(b.value)}`);
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
  return {m, width, natural, height, xs, ys, colW, targetX, boxW, loss, badgeText, edgeLabels: edgeLabelPlaces(d, m, xs, ys, colW)};
}

// Weight (or gradient) labels on the edges, for the layers where they fit without overlapping:
// all at the same fraction t of the way, where the edges of a layer are spread widely enough.
function edgeLabelPlaces(d, m, xs, ys, colW) {
  const places = new Map();
  if (m.compact) return places;
  for (let l = 1; l <= d.L; l++) {
    const edges = d.edges.filter((e) => e.l === l);
    const labelW = Math.max(...edges.map((e) => textWidth(fmt(e.shown), m.font - 1)));
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

// A number on an edge, on a patch of background so that the line does not cross it.
function edgeLabel({x, y}, text, m) {
  const size = m.font - 1;
  const w = textWidth(text, size) + 6;
  return [
    svg('rect', {x: x - w / 2, y: y - size * 0.7, width: w, height: size * 1.4, rx: 3, class: 'dg-edge-label-bg'}),
    svg('text', {x, y, class: 'dg-edge-label', 'font-size': size, 'text-anchor': 'middle', 'dominant-baseline': 'central'}, text),
  ];
}

function edgeWidth(e, m) {
  const scale = m.compact ? 0.8 : 1;
  if (e.ratio !== null) return Math.max(0.8, 7 * e.ratio) * scale;
  return Math.min(9, Math.max(0.8, 6 * Math.abs(e.value))) * scale;
}

function signClass(x, gradient) {
  if (x === 0 || !Number.isFinite(x)) return gradient ? 'dg-gzero' : 'dg-zero';
  return gradient ? (x > 0 ? 'dg-gpos' : 'dg-gneg') : (x > 0 ? 'dg-pos' : 'dg-neg');
}

function draw(d, g) {
  const {m, xs, ys} = g;
  const t = d.touched;
  const state = (on, key) => `${on ? 'dg-hot' : 'dg-dim'}${key === d.emphasis ? ' dg-emph' : ''}`;
  const anchors = new Map();
  const valuesW = (u) => Math.max(...u.lines.map((line) => textWidth(line.text, m.font))) + 6;
  const labels = [];

  // Edges: dimmed first, then highlighted, the emphasised one on top.
  const order = (e) => (e.key === d.emphasis ? 2 : t.edges.has(e.l) ? 1 : 0);
  const edgeNodes = [...d.edges].sort((a, b) => order(a) - order(b)).map((e) => {
    const x1 = xs[e.l - 1];
    const y1 = ys[e.l - 1][e.j];
    const x2 = xs[e.l];
    const y2 = ys[e.l][e.i];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const ux = ((x2 - x1) / len) * (m.r + 1);
    const uy = ((y2 - y1) / len) * (m.r + 1);
    const at = {x1: x1 + ux, y1: y1 + uy, x2: x2 - ux, y2: y2 - uy};
    const width = edgeWidth(e, m);
    const place = g.edgeLabels.get(e.key) ?? (e.key === d.emphasis && !m.compact ? {x: (x1 + x2) / 2, y: (y1 + y2) / 2} : null);
    anchors.set(e.key, place ?? {x: (x1 + x2) / 2, y: (y1 + y2) / 2});
    // Labels go above the neurons, in the edge's own group so that they dim and glow with it.
    if (place) {
      labels.push(svg('g', {class: `dg-edge-text ${state(t.edges.has(e.l), e.key)}`, 'aria-hidden': 'true'}, edgeLabel(place, fmt(e.shown), m)));
    }
    return svg('g', {
      class: `dg-param dg-edge ${state(t.edges.has(e.l), e.key)}`,
      'data-key': e.key, tabindex: -1, role: 'button', 'aria-label': e.label,
    }, [
      svg('title', {}, e.title),
      svg('line', {...at, class: 'dg-ring', 'stroke-width': width + 6}),
      svg('line', {...at, class: `dg-line ${signClass(e.shown, d.gradients)}`, 'stroke-width': width}),
      svg('line', {...at, class: 'dg-hit', 'stroke-width': Math.max(12, width + 6)}),
    ]);
  });

  const unitNodes = d.units.flat().map((u) => {
    const x = xs[u.l];
    const y = ys[u.l][u.i];
    const on = t.nodes.has(u.l);
    const kind = u.l === 0 ? 'dg-input' : u.l === d.L ? 'dg-output' : 'dg-hidden';
    return svg('g', {class: `dg-unit ${kind} ${state(on, u.key)}`, 'data-node': u.key}, [
      svg('title', {}, u.title),
      svg('circle', {cx: x, cy: y, r: m.r, class: 'dg-circle'}),
      svg('text', {x, y, class: 'dg-symbol', 'font-size': m.symbol, 'text-anchor': 'middle', 'dominant-baseline': 'central'}, u.name),
      svg('rect', {
        x: x - valuesW(u) / 2, y: y + m.r + 3, width: valuesW(u), height: u.lines.length * m.line + 3, rx: 3, class: 'dg-value-bg',
      }),
      ...u.lines.map((line, k) => svg('text', {
        x, y: y + m.r + 2 + (k + 1) * m.line,
        class: `dg-value dg-halo${on && line.id === t.value ? ' dg-value-hot' : ''}`,
        'font-size': m.font, 'text-anchor': 'middle',
      }, line.text)),
      svg('circle', {cx: x, cy: y, r: m.r + 5, class: 'dg-emph-ring'}),
    ]);
  });

  const biasNodes = d.biases.map((b) => {
    const text = g.badgeText(b);
    const w = textWidth(text, m.font - 0.5) + 10;
    const x = xs[b.l] - w / 2;
    const y = ys[b.l][b.i] + m.r + 4 + 2 * m.line + 4;
    anchors.set(b.key, {x: xs[b.l], y: y + m.badge / 2});
    const shown = d.gradients ? b.gradient : b.value;
    return svg('g', {
      class: `dg-param dg-bias ${state(t.biases.has(b.l), b.key)}`,
      'data-key': b.key, tabindex: -1, role: 'button', 'aria-label': b.label,
    }, [
      svg('title', {}, b.title),
      svg('rect', {x: x - 3, y: y - 3, width: w + 6, height: m.badge + 6, rx: 6, class: 'dg-ring'}),
      svg('rect', {x, y, width: w, height: m.badge, rx: 4, class: `dg-badge ${signClass(shown, d.gradients)}`}),
      svg('text', {x: xs[b.l], y: y + m.badge / 2, class: 'dg-badge-text', 'font-size': m.font - 0.5,
        'text-anchor': 'middle', 'dominant-baseline': 'central'}, text),
    ]);
  });

  // Targets beside the outputs, and the loss under them.
  const tx = g.targetX;
  const targetNodes = d.targets.map((target) => {
    const y = ys[d.L][target.i];
    const w = g.boxW;
    return svg('g', {class: `dg-target ${state(t.targets, null)}`}, [
      svg('title', {}, target.title),
      svg('line', {x1: xs[d.L] + m.r + 3, y1: y, x2: tx - w / 2, y2: y, class: 'dg-target-link'}),
      svg('rect', {x: tx - w / 2, y: y - m.badge / 2 - 1, width: w, height: m.badge + 2, rx: 4, class: 'dg-target-box'}),
      svg('text', {x: tx, y, 'font-size': m.font, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'dg-target-text'}, target.text),
    ]);
  });
  const lossNode = svg('g', {class: `dg-loss ${state(t.targets, null)}`}, [
    svg('title', {}, d.loss.title),
    svg('text', {x: g.loss.x, y: g.loss.y, 'font-size': m.font, 'text-anchor': 'middle', class: 'dg-loss-text dg-halo'}, d.loss.text),
  ]);

  const headerNodes = [
    ...d.headers.map((h, l) => [h, xs[l]]),
    ...(m.compact ? [] : [[{title: S.diagram.columns.target, sub: 'y'}, tx]]),
  ].map(([h, x]) => svg('g', {class: 'dg-header'}, [
    svg('text', {x, y: m.head + 2, 'font-size': m.head, 'text-anchor': 'middle', class: 'dg-header-title'}, h.title),
    svg('text', {x, y: 2 * m.head + 6, 'font-size': m.head - 1, 'text-anchor': 'middle', class: 'dg-header-sub'}, h.sub),
  ]));

  return {
    nodes: [
      svg('g', {class: 'dg-headers', 'aria-hidden': 'true'}, headerNodes),
      svg('g', {class: 'dg-edges'}, edgeNodes),
      svg('g', {class: 'dg-units'}, unitNodes),
      svg('g', {class: 'dg-edge-labels'}, labels),
      svg('g', {class: 'dg-biases'}, biasNodes),
      svg('g', {class: 'dg-targets'}, [...targetNodes, lossNode]),
    ],
    anchors,
  };
}

function swatch(className, kind = 'line') {
  return svg('svg', {width: 30, height: 12, viewBox: '0 0 30 12', class: 'dg-swatch', 'aria-hidden': 'true'}, [
    kind === 'line'
      ? svg('line', {x1: 1, y1: 6, x2: 29, y2: 6, 'stroke-width': 3, class: `dg-line ${className}`})
      : svg('circle', {cx: 15, cy: 6, r: 5, class: className}),
  ]);
}

function legend(d) {
  const T = S.diagram.legend;
  const items = d.gradients
    ? [[swatch('dg-gpos'), T.gradientPositive], [swatch('dg-gneg'), T.gradientNegative], [null, T.gradientWidth]]
    : [[swatch('dg-pos'), T.weightPositive], [swatch('dg-neg'), T.weightNegative], [null, T.weightWidth]];
  items.push([swatch('dg-legend-hot', 'circle'), T.current]);
  return el('ul', {class: 'dg-legend', 'aria-label': T.label}, items.map(([icon, text]) => el('li', {}, [icon, text])));
}

export function mountDiagram(container, ctx) {
  const figure = svg('svg', {class: 'dg-svg', xmlns: 'http://www.w3.org/2000/svg'});
  const scroller = el('div', {class: 'dg-scroller'}, figure);
  const canvas = el('div', {class: 'dg-canvas'}, scroller);
  const caption = el('p', {class: 'dg-caption'});
  const legendSlot = el('div', {class: 'dg-legend-slot'});
  const hint = el('p', {class: 'dg-hint'}, S.diagram.hint);
  const root = el('div', {class: 'diagram'}, [canvas, caption, legendSlot, hint]);
  container.replaceChildren(root);

  let width = 0; // the canvas's width in pixels, once laid out
  let anchors = new Map();
  let roving = null; // key of the parameter that Tab reaches
  let order = []; // keys of every weight and bias, in reading order

  // ---- the inline editor, an HTML popover over the SVG
  let editing = null; // {key} of the parameter being edited
  const inputId = `dg-input-${Math.random().toString(36).slice(2, 8)}`;
  const E = S.diagram.editor;
  const editorTitle = el('label', {class: 'dg-editor-title', for: inputId});
  const editorCurrent = el('span', {class: 'dg-editor-current'});
  const input = el('input', {id: inputId, type: 'text', autocomplete: 'off', spellcheck: 'false', class: 'dg-editor-input', 'aria-describedby': `${inputId}-error`});
  const error = el('p', {class: 'dg-editor-error', id: `${inputId}-error`, role: 'alert', hidden: true});
  const editor = el('div', {class: 'dg-editor', role: 'dialog', hidden: true}, [
    el('div', {class: 'dg-editor-head'}, [editorTitle, editorCurrent]),
    el('div', {class: 'dg-editor-row'}, [
      input,
      el('button', {type: 'button', class: 'dg-editor-apply', onclick: () => apply()}, E.apply),
      el('button', {type: 'button', class: 'dg-editor-cancel', onclick: () => close(true)}, E.cancel),
    ]),
    error,
  ]);
  canvas.append(editor);

  const parameterOf = (key) => {
    const [name, ...rest] = key.split(':');
    return {name, index: rest.map(Number)};
  };
  const read = (parameters, key) => {
    const {name, index} = parameterOf(key);
    return index.reduce((v, k) => v?.[k], parameters[name]);
  };
  const itemOf = (key) => figure.querySelector(`[data-key="${key}"]`);

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    place();
  }

  function open(key) {
    const {trace} = ctx.store.get();
    const {name, index} = parameterOf(key);
    const l = Number(name.slice(1));
    const label = name[0] === 'W' ? weightName(l, index[0], index[1]) : biasName(l, index[0]);
    const value = read(trace.parameters, key);
    editing = {key};
    editorTitle.textContent = E.title(label);
    editorCurrent.textContent = E.current(fmt(value));
    input.value = exact(value).replace(/−/g, '-');
    input.removeAttribute('aria-invalid');
    error.hidden = true;
    error.textContent = '';
    editor.setAttribute('aria-label', E.title(label));
    editor.hidden = false;
    markEditing();
    place();
    input.focus();
    input.select();
  }

  function close(refocus) {
    if (!editing) return;
    const {key} = editing;
    editing = null;
    editor.hidden = true;
    markEditing();
    if (refocus) itemOf(key)?.focus({preventScroll: true});
  }

  function apply() {
    if (!editing) return;
    const value = parseDecimal(input.value);
    if (value === null) return showError(E.notANumber);
    if (!Number.isFinite(value)) return showError(E.notFinite);
    const {scenario, trace} = ctx.store.get();
    if (Object.is(read(trace.parameters, editing.key), value)) return close(true);
    // Every parameter explicit, from the trace: a seeded scenario keeps the values it showed.
    const next = structuredClone(scenario);
    next.parameters = structuredClone(trace.parameters);
    const {name, index} = parameterOf(editing.key);
    if (index.length === 2) next.parameters[name][index[0]][index[1]] = value;
    else next.parameters[name][index[0]] = value;
    const outcome = ctx.setScenario(next);
    if (!outcome?.ok) return showError(outcome?.message ?? E.refused);
    close(true);
  }

  function markEditing() {
    for (const node of figure.querySelectorAll('.dg-editing')) node.classList.remove('dg-editing');
    if (editing) itemOf(editing.key)?.classList.add('dg-editing');
  }

  // Puts the popover just below its parameter, inside the canvas.
  function place() {
    if (!editing) return;
    const anchor = anchors.get(editing.key);
    const box = figure.getBoundingClientRect();
    const outer = canvas.getBoundingClientRect();
    const room = root.getBoundingClientRect().bottom - outer.top;
    if (!anchor || !box.width) return;
    const scale = box.width / Number(figure.getAttribute('width'));
    const x = box.left - outer.left + anchor.x * scale;
    const y = box.top - outer.top + anchor.y * scale;
    const w = editor.offsetWidth;
    const h = editor.offsetHeight;
    const left = Math.min(Math.max(0, x - w / 2), Math.max(0, outer.width - w));
    const below = y + 14;
    // Below its parameter, over the caption if need be; above only when below does not fit.
    const top = below + h > room && y - 14 - h >= 0 ? y - 14 - h : below;
    editor.style.left = `${left}px`;
    editor.style.top = `${top}px`;
  }

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    }
  });
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    }
    event.stopPropagation(); // typing here is not the stepper's ← →
  });
  const outside = (event) => {
    if (editing && !editor.contains(event.target) && !event.target.closest?.('.dg-param')) close(false);
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
    const {layers} = state.scenario.model;
    const focused = figure.contains(document.activeElement) ? document.activeElement.closest('[data-key]')?.dataset.key : null;
    if (layers.length - 1 > MAX_LAYERS || Math.max(...layers) > MAX_UNITS) {
      close(false);
      figure.replaceChildren();
      figure.removeAttribute('viewBox');
      figure.setAttribute('width', 0);
      figure.setAttribute('height', 0);
      caption.textContent = S.diagram.tooBig;
      legendSlot.replaceChildren();
      hint.hidden = true;
      return;
    }
    if (figure.isConnected) fontFamily = getComputedStyle(figure).fontFamily;
    const d = describe(state);
    const geometry = layout(d, width || 720);
    // Too wide to shrink legibly: keep a minimum scale and scroll sideways.
    const scrolls = geometry.natural * MIN_SCALE > (width || 720);
    figure.style.minWidth = scrolls ? `${Math.ceil(geometry.natural * MIN_SCALE)}px` : '';
    const drawn = draw(d, geometry);
    anchors = drawn.anchors;
    figure.setAttribute('viewBox', `0 0 ${geometry.width.toFixed(1)} ${geometry.height.toFixed(1)}`);
    figure.setAttribute('width', geometry.width.toFixed(1));
    figure.setAttribute('height', geometry.height.toFixed(1));
    figure.setAttribute('role', 'group');
    figure.setAttribute('aria-label', S.diagram.label(layers));
    figure.classList.toggle('dg-compact', geometry.m.compact);
    figure.classList.toggle('dg-gradients', d.gradients);
    figure.replaceChildren(...drawn.nodes);

    order = [];
    for (let l = 1; l <= d.L; l++) {
      for (const e of d.edges) if (e.l === l) order.push(e.key);
      for (const b of d.biases) if (b.l === l) order.push(b.key);
    }
    if (!order.includes(roving)) roving = order[0];
    itemOf(roving)?.setAttribute('tabindex', '0');
    if (focused) itemOf(focused)?.focus({preventScroll: true});

    caption.textContent = [S.diagram.phaseNote[d.phase], d.batch > 1 && S.diagram.sample(d.batch), scrolls && S.diagram.scroll]
      .filter(Boolean).join(' ');
    legendSlot.replaceChildren(legend(d));
    hint.hidden = false;

    if (editing && !order.includes(editing.key)) close(false);
    markEditing();
    place();
    if (scrolls) reveal(state, d, geometry);
  }

  // When the drawing scrolls sideways, a new step or pick brings its part of the network into view.
  let revealed = '';
  function reveal(state, d, geometry) {
    const sign = `${state.step}|${d.emphasis}`;
    if (sign === revealed) return;
    revealed = sign;
    const {xs} = geometry;
    const one = (set) => (set.size === 1 ? [...set][0] : null);
    const {nodes, edges, biases} = d.touched;
    let x = null;
    if (d.emphasis) x = d.emphasis.startsWith('n') ? xs[Number(d.emphasis.slice(1).split(':')[0])] : anchors.get(d.emphasis)?.x;
    else if (one(nodes) !== null) x = xs[one(nodes)];
    else if (one(edges) !== null) x = (xs[one(edges) - 1] + xs[one(edges)]) / 2;
    else if (one(biases) !== null) x = xs[one(biases)];
    if (x === null || x === undefined) return;
    const px = (x * figure.clientWidth) / geometry.width;
    const view = scroller.clientWidth;
    if (px < scroller.scrollLeft + 40 || px > scroller.scrollLeft + view - 40) scroller.scrollLeft = px - view / 2;
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
      document.removeEventListener('pointerdown', outside);
      container.replaceChildren();
    },
  };
}
