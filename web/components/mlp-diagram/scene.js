// Lesson 1's drawing: built once per structure (the layer sizes and the metrics' tier), then
// patched in place at every step from mlpDiagramModel's output and its layout.
import {svg} from '../../dom.js';
import {S} from '../../strings/index.js';
import {CENTRED, order, put, text} from '../diagram-kit/svg-patch.js';

const stateClass = (item) => `${item.hot ? 'dg-hot' : 'dg-dim'}${item.emph ? ' dg-emph' : ''}`;

// The structure a scene draws: a new one needs a new scene.
export const sceneSign = (d, g) => `${d.layers.join('-')}|${g.m.compact}`;

function makeEdge(e) {
  const title = svg('title');
  const lines = ['dg-ring', 'dg-line', 'dg-hit'].map(() => svg('line'));
  const group = svg('g', {'data-key': e.key, tabindex: -1, role: 'button'}, [title, ...lines]);
  // Its number on the edge, on a patch of background so that the line does not cross it.
  const bg = svg('rect', {rx: 3, class: 'dg-edge-label-bg'});
  const label = svg('text', {class: 'dg-edge-label', 'text-anchor': 'middle', 'dominant-baseline': 'central'});
  return {group, title, lines, tag: svg('g', {'aria-hidden': 'true'}, [bg, label]), bg, label};
}

function makeUnit(u) {
  const title = svg('title');
  const circle = svg('circle', {class: 'dg-circle'});
  const symbol = svg('text', {class: 'dg-symbol', ...CENTRED});
  const bg = svg('rect', {rx: 3, class: 'dg-value-bg'});
  const lines = u.lines.map(() => svg('text', {'text-anchor': 'middle'}));
  const ring = svg('circle', {class: 'dg-emph-ring'});
  const group = svg('g', {'data-node': u.key}, [title, circle, symbol, bg, ...lines, ring]);
  return {group, title, circle, symbol, bg, lines, ring};
}

function makeBias(b) {
  const title = svg('title');
  const ring = svg('rect', {rx: 6, class: 'dg-ring'});
  const badge = svg('rect', {rx: 4});
  const label = svg('text', {class: 'dg-badge-text', ...CENTRED});
  const group = svg('g', {'data-key': b.key, tabindex: -1, role: 'button'}, [title, ring, badge, label]);
  return {group, title, ring, badge, label};
}

function makeTarget() {
  const title = svg('title');
  const link = svg('line', {class: 'dg-target-link'});
  const box = svg('rect', {rx: 4, class: 'dg-target-box'});
  const label = svg('text', {...CENTRED, class: 'dg-target-text'});
  return {group: svg('g', {}, [title, link, box, label]), title, link, box, label};
}

function makeHeader() {
  const title = svg('text', {'text-anchor': 'middle', class: 'dg-header-title'});
  const sub = svg('text', {'text-anchor': 'middle', class: 'dg-header-sub'});
  return {group: svg('g', {class: 'dg-header'}, [title, sub]), title, sub};
}

export function createMlpScene(d, compact, measure) {
  const textWidth = measure.width;
  const headers = Array.from({length: d.layers.length + (compact ? 0 : 1)}, makeHeader);
  const edges = new Map(d.edges.map((e) => [e.key, makeEdge(e)]));
  const units = d.units.flat().map(makeUnit);
  const biases = d.biases.map(makeBias);
  const targets = d.targets.map(makeTarget);
  const lossTitle = svg('title');
  const lossText = svg('text', {'text-anchor': 'middle', class: 'dg-loss-text dg-halo'});
  const loss = svg('g', {}, [lossTitle, lossText]);
  const groups = {
    edges: svg('g', {class: 'dg-edges'}),
    labels: svg('g', {class: 'dg-edge-labels'}),
  };
  const items = new Map([...edges].map(([key, e]) => [key, e.group]));
  d.biases.forEach((b, k) => items.set(b.key, biases[k].group));

  return {
    items,
    nodes: [
      svg('g', {class: 'dg-headers', 'aria-hidden': 'true'}, headers.map((h) => h.group)),
      groups.edges,
      svg('g', {class: 'dg-units'}, units.map((u) => u.group)),
      groups.labels,
      svg('g', {class: 'dg-biases'}, biases.map((b) => b.group)),
      svg('g', {class: 'dg-targets'}, [...targets.map((t) => t.group), loss]),
    ],
    // Draws the model `d` with the layout `g`; returns the anchors of the editable items
    // ({x, top, bottom} in SVG units) for the popover.
    update(d, g) {
      const {m, xs, ys} = g;
      const anchors = new Map();

      [...d.headers, ...(m.compact ? [] : [{title: S.diagram.columns.target, sub: 'y'}])].forEach((h, k) => {
        const x = k < d.headers.length ? xs[k] : g.targetX;
        put(headers[k].title, {x, y: m.head + 2, 'font-size': m.head});
        put(headers[k].sub, {x, y: 2 * m.head + 6, 'font-size': m.head - 1});
        text(headers[k].title, h.title);
        text(headers[k].sub, h.sub);
      });

      const tags = [];
      for (const e of d.edges) {
        const node = edges.get(e.key);
        const x1 = xs[e.l - 1];
        const y1 = ys[e.l - 1][e.j];
        const x2 = xs[e.l];
        const y2 = ys[e.l][e.i];
        const len = Math.hypot(x2 - x1, y2 - y1) || 1;
        const ux = ((x2 - x1) / len) * (m.r + 1);
        const uy = ((y2 - y1) / len) * (m.r + 1);
        const at = {x1: x1 + ux, y1: y1 + uy, x2: x2 - ux, y2: y2 - uy};
        const width = e.width * m.edgeScale;
        const middle = {x: (x1 + x2) / 2, y: (y1 + y2) / 2};
        const place = g.edgeLabels.get(e.key) ?? (e.emph && !m.compact ? middle : null);
        const {x, y} = place ?? middle;
        anchors.set(e.key, {x, top: y, bottom: y});
        put(node.group, {class: `dg-param dg-edge ${stateClass(e)}`, 'aria-label': e.label});
        text(node.title, e.title);
        put(node.lines[0], {...at, class: 'dg-ring', 'stroke-width': width + 6});
        put(node.lines[1], {...at, class: `dg-line ${e.sign}`, 'stroke-width': width});
        put(node.lines[2], {...at, class: 'dg-hit', 'stroke-width': Math.max(12, width + 6)});
        // Labels go above the neurons, in a group of their own that dims and glows with the edge.
        if (place) {
          const size = m.font - 1;
          const w = textWidth(e.text, size) + 6;
          put(node.tag, {class: `dg-edge-text ${stateClass(e)}`});
          put(node.bg, {x: place.x - w / 2, y: place.y - size * 0.7, width: w, height: size * 1.4});
          put(node.label, {x: place.x, y: place.y, 'font-size': size});
          text(node.label, e.text);
          tags.push(e.key);
        }
      }
      // Dimmed first, then highlighted, the emphasised one on top.
      order(groups.edges, d.drawOrder.map((key) => edges.get(key).group));
      order(groups.labels, d.drawOrder.filter((key) => tags.includes(key)).map((key) => edges.get(key).tag));

      d.units.flat().forEach((u, k) => {
        const node = units[k];
        const x = xs[u.l];
        const y = ys[u.l][u.i];
        const valuesW = Math.max(...u.lines.map((line) => textWidth(line.text, m.font))) + 6;
        put(node.group, {class: `dg-unit ${u.kind} ${stateClass(u)}`});
        text(node.title, u.title);
        put(node.circle, {cx: x, cy: y, r: m.r});
        put(node.symbol, {x, y, 'font-size': m.symbol});
        text(node.symbol, u.name);
        put(node.bg, {x: x - valuesW / 2, y: y + m.r + 3, width: valuesW, height: u.lines.length * m.line + 3});
        u.lines.forEach((line, i) => {
          put(node.lines[i], {x, y: y + m.r + 2 + (i + 1) * m.line, class: `dg-value dg-halo${line.hot ? ' dg-value-hot' : ''}`, 'font-size': m.font});
          text(node.lines[i], line.text);
        });
        put(node.ring, {cx: x, cy: y, r: m.r + 5});
      });

      d.biases.forEach((b, k) => {
        const node = biases[k];
        const label = g.badgeText(b);
        const w = textWidth(label, m.font - 0.5) + 10;
        const x = xs[b.l] - w / 2;
        const y = ys[b.l][b.i] + m.r + 4 + 2 * m.line + 4;
        anchors.set(b.key, {x: xs[b.l], top: y + m.badge / 2, bottom: y + m.badge / 2});
        put(node.group, {class: `dg-param dg-bias ${stateClass(b)}`, 'aria-label': b.label[m.compact ? 'compact' : 'wide']});
        text(node.title, b.title);
        put(node.ring, {x: x - 3, y: y - 3, width: w + 6, height: m.badge + 6});
        put(node.badge, {x, y, width: w, height: m.badge, class: `dg-badge ${b.sign}`});
        put(node.label, {x: xs[b.l], y: y + m.badge / 2, 'font-size': m.font - 0.5});
        text(node.label, label);
      });

      // Targets beside the outputs, and the loss under them.
      const tx = g.targetX;
      d.targets.forEach((target, k) => {
        const node = targets[k];
        const y = ys[d.L][target.i];
        const w = g.boxW;
        put(node.group, {class: `dg-target ${target.hot ? 'dg-hot' : 'dg-dim'}`});
        text(node.title, target.title);
        put(node.link, {x1: xs[d.L] + m.r + 3, y1: y, x2: tx - w / 2, y2: y});
        put(node.box, {x: tx - w / 2, y: y - m.badge / 2 - 1, width: w, height: m.badge + 2});
        put(node.label, {x: tx, y, 'font-size': m.font});
        text(node.label, target.text);
      });
      put(loss, {class: `dg-loss ${d.loss.hot ? 'dg-hot' : 'dg-dim'}`});
      text(lossTitle, d.loss.title);
      put(lossText, {x: g.loss.x, y: g.loss.y, 'font-size': m.font});
      text(lossText, d.loss.text);
      return anchors;
    },
  };
}
