// Lesson 2's drawing: built once per structure (trace, value set, tier), then patched in place at
// every step from describeStep's output and the layout (put() and text() write only what
// differs, which keeps a step within its budget).
import {svg} from '../../dom.js';
import {rnnKeys} from '../../core/trace-keys.js';
import {S} from '../../strings/index.js';
import {CENTRED, keepFocus, put, text} from '../diagram-kit/svg-patch.js';
import {short} from '../diagram-kit/text.js';
import {arrowsAt, overlays} from './overlays.js';

// One vector (or a pair side by side) as a rounded box: a title row, then one cell per component.
// update({m, x, y, cellW, columns: [{name, values, gradient, scale, emph}], hot, fade, tip, known}):
// `tip(i, known)`, when given, rewrites component i's tooltip (what the step has computed so far,
// `known(sym, s)`).
function makeBox({className, title, tip, key}) {
  const attributes = {};
  // Named by its <title> (which says how to edit it): a label would leave out the values shown.
  if (key) Object.assign(attributes, {'data-key': key, tabindex: -1, role: 'button'});
  const node = svg('g', attributes);
  const glow = svg('rect', {rx: 7, class: 'rd-glow'});
  const ring = svg('rect', {rx: 8, class: 'rd-ring'});
  const frame = svg('rect', {rx: 5, class: 'rd-frame'});
  const titleBg = svg('rect', {rx: 4, class: 'rd-title-bg'});
  const divider = svg('line', {class: 'rd-divider'});
  node.append(svg('title', {}, title), glow, ring, frame, titleBg, divider);
  let columns = []; // [{divider, title, cells: [{group, tint, value}], last}]
  let last = {};
  // What the tooltips last asked known() and its answers: the same answers, the same tooltips.
  let asked = null;

  // One tooltip per component (the columns of a pair share it), written when an answer changed.
  function retip(tip, known, n) {
    if (asked && asked.every(([sym, s, answer]) => known(sym, s) === answer)) return;
    asked = [];
    const recording = (sym, s) => {
      const answer = known(sym, s);
      asked.push([sym, s, answer]);
      return answer;
    };
    for (let i = 0; i < n; i++) {
      const value = tip(i, recording);
      for (const column of columns) text(column.cells[i].tipNode, value);
    }
  }

  function build(count, n) {
    for (const column of columns) column.nodes.forEach((child) => child.remove());
    columns = Array.from({length: count}, (_, k) => {
      const column = {
        divider: k > 0 ? svg('line', {class: 'rd-divider'}) : null,
        title: svg('text', CENTRED),
        cells: Array.from({length: n}, (_, i) => {
          const value = svg('text', CENTRED);
          const tipNode = svg('title', {}, tip(i));
          return {group: svg('g', {class: 'rd-cell'}, [tipNode, value]), tint: null, value, tipNode};
        }),
        last: {emph: null},
      };
      column.nodes = [column.divider, column.title, ...column.cells.map((cell) => cell.group)].filter(Boolean);
      node.append(...column.nodes);
      return column;
    });
  }

  function fill(column, c, {m, left, k, y, cellW}) {
    const cx = left + (k + 0.5) * cellW;
    const h = m.titleH + c.values.length * m.cellH;
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

  return {
    node,
    update(p) {
      const {m, x, y, cellW} = p;
      put(node, {class: `rd-box ${className}${p.hot ? ' rd-hot' : ''}${p.fade ? ' rd-pending' : ''}`});
      const n = p.columns[0].values.length;
      if (p.columns.length !== columns.length || n !== columns[0].cells.length) {
        build(p.columns.length, n);
        last = {};
        asked = null;
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
        if (!filled) fill(column, c, {m, left, k, y, cellW});
        if (was.emph !== Boolean(c.emph)) {
          const emph = c.emph ? ' rd-emph' : '';
          put(column.title, {class: `rd-box-title${emph}`});
          for (const cell of column.cells) put(cell.value, {class: `rd-value${emph}`});
        }
        column.last = {name: c.name, values: c.values, gradient: c.gradient, scale: c.scale, emph: Boolean(c.emph)};
      });
      if (p.tip) retip(p.tip, p.known, n);
    },
  };
}

// A matrix's arrow with its clickable label (a "chip"). place({m, from, to, chipAt}, textWidth);
// its state (dim, added, hot) is the scene's.
function makeArrow({key, name, t, tip}, ids) {
  const shaft = svg('line', {class: 'rd-shaft', 'marker-end': `url(#${ids}-${name})`});
  const ring = svg('rect', {rx: 7, class: 'rd-ring'});
  const box = svg('rect', {rx: 4, class: 'rd-chip-box'});
  const label = svg('text', {...CENTRED, class: 'rd-chip-text'}, name);
  const chip = svg('g', {
    class: 'rd-param rd-chip', 'data-key': key, tabindex: -1, role: 'button', 'aria-label': S.rnnDiagram.tip.editLabel(name),
  }, [svg('title', {}, tip), ring, box, label]);
  const node = svg('g', {}, [shaft, chip]);
  return {
    key, name, t, node, chip, state: null,
    place({m, from, to, chipAt}, textWidth) {
      const w = Math.max(m.chip, textWidth(name, m.font + 1) + 8);
      put(shaft, {x1: from.x, y1: from.y, x2: to.x, y2: to.y});
      put(ring, {x: chipAt.x - w / 2 - 3, y: chipAt.y - m.chip / 2 - 3, width: w + 6, height: m.chip + 6});
      put(box, {x: chipAt.x - w / 2, y: chipAt.y - m.chip / 2, width: w, height: m.chip});
      put(label, {x: chipAt.x, y: chipAt.y + 0.5, 'font-size': m.font + 1});
    },
  };
}

// Every node of the drawing for one structure, kept by what it shows. update(step, geometry)
// patches only what differs from the last step drawn and returns whether the geometry changed.
export function createScene(d, ids, measure) {
  const T = d.T;
  const headers = Array.from({length: T + 1}, () => svg('text', {'text-anchor': 'middle'}));
  const boxes = {
    h0: makeBox({className: 'rd-hidden rd-first rd-param', key: rnnKeys.h0, title: d.titles.h0, tip: d.tips.h0}),
    output: [], target: [], hidden: [], input: [],
  };
  const order = [boxes.h0.node];
  for (let s = 1; s <= T; s++) {
    boxes.output.push(makeBox({className: 'rd-output', title: d.titles.output[s - 1], tip: (i) => d.tips.output(s, i)}));
    boxes.target.push(makeBox({
      className: `rd-target${d.targets[s - 1] ? '' : ' rd-no-target'}`, title: d.titles.target[s - 1], tip: (i) => d.tips.target(s, i),
    }));
    boxes.hidden.push(makeBox({className: 'rd-hidden', title: d.titles.hidden[s - 1], tip: (i) => d.tips.hidden(s, i)}));
    boxes.input.push(makeBox({className: 'rd-input', title: d.titles.input[s - 1], tip: (i) => d.tips.input(s, i)}));
    order.push(boxes.output[s - 1].node, boxes.target[s - 1].node, boxes.hidden[s - 1].node, boxes.input[s - 1].node);
  }
  const arrows = d.arrows.map((arrow) => makeArrow(arrow, ids));
  arrows.forEach((arrow, i) => { arrow.node.rdIndex = arrow.index = i; });

  const lossTitle = svg('title', {}, d.titles.loss);
  const lossLines = [S.rnnDiagram.loss, ''].map((value) => svg('text', {'text-anchor': 'end', 'dominant-baseline': 'central', class: 'rd-loss-text'}, value));
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

  const scene = {
    d,
    items: new Map([[rnnKeys.h0, boxes.h0.node], ...arrows.map((arrow) => [arrow.key, arrow.chip])]),
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
      const {m, xs, cells, outW, outY, hidY, inY} = g;
      const placed = scene.sign === g.sign;
      scene.sign = g.sign;

      headers.forEach((node, s) => {
        if (!placed) put(node, {x: xs[s], y: m.head, 'font-size': m.head});
        put(node, {class: `rd-time${st.headers[s].now ? ' rd-time-now' : ''}`});
        text(node, st.headers[s].text);
      });

      const shown = (box) => (g.dense ? box.columns : [box.columns[box.single]]);
      boxes.h0.update({m, x: xs[0], y: hidY, cellW: cells.h0, fade: st.h0.pending, columns: st.h0.columns,
        tip: (i, known) => d.tips.h0(i, known), known: st.known});
      for (let s = 1; s <= T; s++) {
        const x = xs[s];
        const [output, target, hidden, input] = [st.output[s - 1], st.target[s - 1], st.hidden[s - 1], st.input[s - 1]];
        boxes.output[s - 1].update({m, x, y: outY, cellW: cells.output, columns: shown(output), hot: output.hot, fade: output.pending,
          tip: (i, known) => d.tips.output(s, i, known), known: st.known});
        boxes.target[s - 1].update({
          m, x: x + outW / 2 + 3 + cells.target / 2, y: outY, cellW: cells.target,
          columns: [{name: S.rnnDiagram.target, values: target.values, scale: 0}], hot: target.hot,
        });
        boxes.hidden[s - 1].update({m, x, y: hidY, cellW: cells.hidden, columns: shown(hidden), hot: hidden.hot, fade: hidden.pending,
          tip: (i, known) => d.tips.hidden(s, i, known), known: st.known});
        boxes.input[s - 1].update({m, x, y: inY, cellW: cells.input, columns: input.columns});
      }

      // Arrows: placed when the geometry changes; moved between layers when their state does,
      // keeping the drawing order of a fresh build (and the focus, which a move drops).
      if (!placed) {
        scene.anchors = new Map([[rnnKeys.h0, {x: xs[0], top: hidY, bottom: hidY + g.hidH}]]);
        let at = null;
        for (const arrow of arrows) {
          if (arrow.name === 'U') at = arrowsAt(d, g, arrow.t);
          const {chipAt} = at[arrow.name];
          arrow.place({m, ...at[arrow.name]}, measure.width);
          scene.anchors.set(arrow.key, {x: chipAt.x, top: chipAt.y - m.chip / 2, bottom: chipAt.y + m.chip / 2});
        }
      }
      keepFocus(() => {
        for (const arrow of arrows) {
          const state = st.arrows.get(arrow.key);
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
          layers[state].insertBefore(arrow.node, before);
        }
      });

      const hot = st.touched;
      const overlaySign = hot.marks || hot.paths || st.kind === 'naive' ? `${st.kind}|${st.t}|${g.sign}` : '';
      if (overlaySign !== scene.overlaySign) {
        scene.overlaySign = overlaySign;
        overlay.replaceChildren(...(overlaySign ? overlays(d, st, g, ids, measure.width) : []));
      }

      // The loss, in the free corner left of y₁.
      put(loss, {class: `rd-loss${st.loss.hot ? ' rd-hot' : ''}`});
      if (!placed) {
        const lossX = xs[1] - outW / 2 - 8;
        lossLines.forEach((node, k) => put(node, {x: lossX, y: outY + m.titleH / 2 + k * m.cellH + 0.5, 'font-size': m.font}));
      }
      // L once its step is done ("?" before).
      text(lossLines[1], st.loss.computed === false ? S.diagram.pending : g.lossText);
      text(lossTitle, st.loss.computed === false ? `L: ${S.diagram.tip.pending}` : d.titles.loss);
      return !placed;
    },
  };
  return scene;
}
