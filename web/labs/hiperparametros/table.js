// Every configuration of a search in a table sortable by any column (a button in each header,
// aria-sort on the sorted one), the best row marked, each row linked into lab 1. Pages of
// PAGE_SIZE rows keep each redraw small (the CSV holds every row).
//
//   const table = createTable({linkOf(row) → href})
//   table.node
//   table.show(rows, best)   replaces the rows (kept sorted by the chosen column, same page)
//   table.rows()             every row in the order sorted (for the CSV)
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';
import {SORT_KEYS, sortRows} from './results.js';

export const PAGE_SIZE = 50;

export function createTable({linkOf}) {
  const T = S.labs.hiperparametros.table;
  const L = S.labs.hiperparametros;
  let key = 'validationLoss';
  let direction = 'asc';
  let rows = [];
  let best = null;
  let shown = [];
  let page = 0;

  const headers = SORT_KEYS.map((k) => {
    const button = el('button', {type: 'button', class: 'hp-sort', onclick: () => sortBy(k)}, [T.columns[k], el('span', {class: 'hp-sort-mark', 'aria-hidden': 'true'})]);
    return {key: k, th: el('th', {scope: 'col', class: `hp-col-${k}`}, button)};
  });
  const body = el('tbody');
  const table = el('table', {class: 'hp-table'}, [
    el('caption', {}, T.caption),
    el('thead', {}, el('tr', {}, [...headers.map((h) => h.th), el('th', {scope: 'col'}, T.columns.open)])),
    body,
  ]);
  const previous = el('button', {type: 'button', class: 'hp-page-previous', onclick: () => turn(-1)}, T.previous);
  const next = el('button', {type: 'button', class: 'hp-page-next', onclick: () => turn(1)}, T.next);
  const pageText = el('span', {class: 'hp-page-text', 'aria-live': 'polite'});
  const pager = el('div', {class: 'hp-pager'}, [previous, pageText, next]);
  const node = el('div', {class: 'hp-table-wrap'}, [
    el('div', {class: 'hp-table-scroll', tabindex: '0', role: 'region', 'aria-label': T.title}, table),
    pager,
  ]);

  const pages = () => Math.max(1, Math.ceil(rows.length / PAGE_SIZE));

  function sortBy(k) {
    direction = k === key && direction === 'asc' ? 'desc' : 'asc';
    key = k;
    page = 0;
    render();
  }

  function turn(delta) {
    page = Math.max(0, Math.min(pages() - 1, page + delta));
    render();
  }

  const cell = (x, format = formatNumber) => (x === null || x === undefined ? el('td', {class: 'hp-missing'}, T.diverged) : el('td', {}, format(x)));

  function render() {
    for (const h of headers) {
      const sorted = h.key === key;
      if (sorted) h.th.setAttribute('aria-sort', direction === 'asc' ? 'ascending' : 'descending');
      else h.th.removeAttribute('aria-sort');
      h.th.querySelector('.hp-sort-mark').textContent = sorted ? (direction === 'asc' ? ' ▲' : ' ▼') : '';
    }
    shown = sortRows(rows, key, direction);
    page = Math.min(page, pages() - 1);
    const from = page * PAGE_SIZE;
    const to = Math.min(rows.length, from + PAGE_SIZE);
    pager.hidden = rows.length <= PAGE_SIZE;
    previous.disabled = page === 0;
    next.disabled = page >= pages() - 1;
    pageText.textContent = T.page(from + 1, to, rows.length);
    body.replaceChildren(...shown.slice(from, to).map((r) => {
      const isBest = r === best;
      const lr = formatNumber(r.lr);
      return el('tr', {class: isBest ? 'hp-best-row' : null, 'aria-label': isBest ? T.bestLabel : null}, [
        el('td', {}, lr),
        el('td', {}, String(r.hidden)),
        el('td', {}, String(r.epochs)),
        cell(r.loss),
        cell(r.validationLoss),
        cell(r.validationAccuracy, L.percent),
        el('td', {}, el('a', {href: linkOf(r), 'aria-label': T.openLabel(lr, r.hidden, r.epochs)}, T.open)),
      ]);
    }));
  }

  return {
    node,
    show(next, bestRow) {
      rows = next;
      best = bestRow;
      render();
    },
    rows: () => shown,
  };
}
