// Lab 8: the gradient check entry by entry: one body per parameter with its largest error, rows
// in position or error order, entries over the threshold marked. A new result of the same shape
// rewrites the cells in place (no new nodes), so a re-check stays a short task.
//
//   const table = createTable() → {node, show(groups, order)}
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {above, sortEntries} from './results.js';

// 3.2e−9: two significant digits are enough to read an error.
export function shortError(x) {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return formatNumber(x);
  if (x >= 1e-3 && x < 1e3) return String(Number(x.toPrecision(2)));
  return x.toExponential(1).replace('e+', 'e').replace(/-/g, '−');
}

const shapeKey = (groups) => groups.map((g) => `${g.name}${g.shape.join('x')}`).join(' ');

function row() {
  const name = el('span');
  const index = el('sub');
  const cells = [el('td'), el('td'), el('td', {class: 'grad-error'})];
  const node = el('tr', {}, [el('th', {scope: 'row'}, [name, index]), ...cells]);
  return {node, name, index, cells};
}

export function createTable() {
  const G = S.labs.gradientes;
  const node = el('table', {class: 'grad-table'}, el('thead', {}, el('tr', {},
    [G.entry, G.analytic, G.numeric, G.error].map((h) => el('th', {scope: 'col'}, h)))));
  let key = null;
  let bodies = [];  // [{head: {max}, rows: [row]}]

  function build(groups) {
    for (const body of node.querySelectorAll('tbody')) body.remove();
    bodies = groups.map((group) => {
      const max = el('span');
      const head = el('tr', {class: 'grad-group-head'}, el('th', {scope: 'rowgroup', colspan: '4'}, [
        el('strong', {}, group.name), ` (${group.shape.join('×')}) · `, max,
      ]));
      const rows = group.entries.map(row);
      node.append(el('tbody', {dataset: {parameter: group.name}}, [head, ...rows.map((r) => r.node)]));
      return {max, rows};
    });
  }

  function show(groups, order) {
    const next = shapeKey(groups);
    if (next !== key) build(groups);
    key = next;
    groups.forEach((group, gi) => {
      const {max, rows} = bodies[gi];
      max.className = above(group.max) ? 'grad-over' : 'grad-ok';
      max.textContent = G.groupMax(shortError(group.max));
      sortEntries(group.entries, order).forEach((e, i) => {
        const r = rows[i];
        r.name.textContent = e.name;
        r.index.textContent = e.col === null ? String(e.row) : `${e.row},${e.col}`;
        r.cells[0].textContent = formatNumber(e.analytic);
        r.cells[1].textContent = formatNumber(e.numeric);
        r.cells[2].textContent = shortError(e.error);
        r.node.dataset.error = String(e.error);
        r.node.classList.toggle('grad-row-over', above(e.error));
      });
    });
  }

  return {node, show};
}
