// Lab 9's heat map on a canvas: scale s (log axis, left to right) × length T (bottom to top),
// each cell coloured by log10 ‖h̄_1‖/‖h̄_T‖ (grid.js) with its rounded value written on it, the
// selected cell outlined, axes and labels drawn in (so the PNG is complete). Click, or arrows +
// Enter on the focused canvas, selects a cell.
//
//   const view = createGridView({label, axisScale, axisLength, onSelect(i, j)})
//   view.draw({scales, lengths, cells: lengths × scales of cell | undefined}); view.select(i, j)
//   view.canvas (for savePng); view.node
import {el} from '../../dom.js';
import {cellText, colorOf, darkColor} from './grid.js';

const MARGIN = {left: 52, right: 8, top: 8, bottom: 46};
const HEIGHT = 380;

export function createGridView({label, axisScale, axisLength, onSelect}) {
  const canvas = el('canvas', {class: 'exp-grid-canvas', tabindex: '0', role: 'img', 'aria-label': label});
  const node = el('div', {class: 'exp-grid-box'}, canvas);
  let state = null;           // {scales, lengths, cells}
  let selected = null;        // [i, j]
  let width = 0;

  const rgb = (c) => `rgb(${c.join(',')})`;

  function geometry() {
    const w = width - MARGIN.left - MARGIN.right;
    const h = HEIGHT - MARGIN.top - MARGIN.bottom;
    return {w, h, cw: w / state.scales.length, ch: h / state.lengths.length};
  }

  function paint() {
    width = Math.max(280, Math.round(node.clientWidth || 520));
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    canvas.style.height = `${HEIGHT}px`;
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, width, HEIGHT);
    if (!state) return;
    const {w, h, cw, ch} = geometry();
    const font = Math.max(9, Math.min(13, Math.floor(Math.min(cw / 3.2, ch * 0.55))));
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    state.lengths.forEach((T, j) => {
      const y = MARGIN.top + h - (j + 1) * ch;
      state.scales.forEach((s, i) => {
        const x = MARGIN.left + i * cw;
        const cell = state.cells[j]?.[i];
        if (!cell) {
          g.fillStyle = '#f1f3f7';
          g.fillRect(x, y, cw, ch);
          return;
        }
        const color = colorOf(cell);
        g.fillStyle = rgb(color);
        g.fillRect(x, y, cw, ch);
        if (cw >= 22 && ch >= 14) {
          g.fillStyle = darkColor(color) ? '#ffffff' : '#1d2433';
          g.font = `${font}px system-ui, sans-serif`;
          g.fillText(cellText(cell), x + cw / 2, y + ch / 2);
        }
      });
    });
    // grid lines, the selection, the axes
    g.strokeStyle = 'rgba(255,255,255,0.6)';
    g.lineWidth = 1;
    for (let i = 1; i < state.scales.length; i++) line(g, MARGIN.left + i * cw, MARGIN.top, MARGIN.left + i * cw, MARGIN.top + h);
    for (let j = 1; j < state.lengths.length; j++) line(g, MARGIN.left, MARGIN.top + j * ch, MARGIN.left + w, MARGIN.top + j * ch);
    if (selected) {
      const [i, j] = selected;
      g.strokeStyle = '#111111';
      g.lineWidth = 3;
      g.strokeRect(MARGIN.left + i * cw + 1.5, MARGIN.top + h - (j + 1) * ch + 1.5, cw - 3, ch - 3);
      g.strokeStyle = '#ffd400';
      g.lineWidth = 1.5;
      g.strokeRect(MARGIN.left + i * cw + 1.5, MARGIN.top + h - (j + 1) * ch + 1.5, cw - 3, ch - 3);
    }
    g.fillStyle = '#1d2433';
    g.font = '11px system-ui, sans-serif';
    const every = Math.max(1, Math.ceil(state.scales.length / Math.floor(w / 38)));
    state.scales.forEach((s, i) => {
      if (i % every === 0) g.fillText(String(s), MARGIN.left + (i + 0.5) * cw, MARGIN.top + h + 11);
    });
    g.textAlign = 'right';
    state.lengths.forEach((T, j) => g.fillText(String(T), MARGIN.left - 6, MARGIN.top + h - (j + 0.5) * ch));
    g.textAlign = 'center';
    g.font = '12px system-ui, sans-serif';
    g.fillText(axisScale, MARGIN.left + w / 2, HEIGHT - 12);
    g.save();
    g.translate(13, MARGIN.top + h / 2);
    g.rotate(-Math.PI / 2);
    g.fillText(axisLength, 0, 0);
    g.restore();
  }

  function line(g, x0, y0, x1, y1) {
    g.beginPath();
    g.moveTo(x0, y0);
    g.lineTo(x1, y1);
    g.stroke();
  }

  function cellAt(event) {
    if (!state) return null;
    const box = canvas.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * width - MARGIN.left;
    const y = ((event.clientY - box.top) / box.height) * HEIGHT - MARGIN.top;
    const {w, h, cw, ch} = geometry();
    if (x < 0 || y < 0 || x >= w || y >= h) return null;
    return [Math.floor(x / cw), state.lengths.length - 1 - Math.floor(y / ch)];
  }

  function choose(i, j) {
    selected = [i, j];
    paint();
    onSelect?.(i, j);
  }

  canvas.addEventListener('click', (event) => {
    const at = cellAt(event);
    if (at && state.cells[at[1]]?.[at[0]]) choose(...at);
  });
  canvas.addEventListener('keydown', (event) => {
    if (!state) return;
    const moves = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]};
    const [i, j] = selected ?? [0, 0];
    if (moves[event.key]) {
      event.preventDefault();
      const ni = Math.max(0, Math.min(state.scales.length - 1, i + moves[event.key][0]));
      const nj = Math.max(0, Math.min(state.lengths.length - 1, j + moves[event.key][1]));
      if (state.cells[nj]?.[ni]) choose(ni, nj);
    } else if (event.key === 'Enter' && state.cells[j]?.[i]) {
      choose(i, j);
    }
  });
  const resize = new ResizeObserver(() => {
    if (Math.round(node.clientWidth) !== width) paint();
  });
  resize.observe(node);

  return {
    node,
    canvas,
    draw(next) {
      state = next;
      paint();
    },
    select(i, j) {
      selected = i === null ? null : [i, j];
      paint();
    },
    destroy: () => resize.disconnect(),
  };
}
