// The lessons' editors' tables of number boxes (a matrix, a vector, a data set), in a box that
// scrolls sideways on a narrow screen.
//
//   grid({className?, corner?, columns, groups?, rows}) → <div class="editor-scroll"><table>
//     columns: [{text, title?}] the column headers, after a corner cell (`corner`'s text, or empty)
//     groups: [{text, columns}] instead: a header row of groups over their columns; the first
//       column of each group, in the headers and the body, opens it (class editor-group-start)
//     rows: [{header, headerClass?, cells: [node | null | <td>]}]: a row header, then one cell per
//       column (a <td> is taken as it is, so that it may span columns)
//   fieldset(legend, children, attributes?) → <fieldset class="editor-layer"> (one parameter)
import {el} from '../dom.js';

const START = 'editor-group-start';

export function grid({className = 'editor-grid', corner = null, columns, groups = null, rows}) {
  const starts = new Set();
  let head;
  if (groups) {
    let at = 0;
    for (const group of groups) {
      starts.add(at);
      at += group.columns.length;
    }
    const all = groups.flatMap((group) => group.columns);
    head = [
      el('tr', {}, [
        el('th', {scope: 'col', rowspan: 2}, corner),
        ...groups.map((group) => el('th', {scope: 'colgroup', colspan: group.columns.length, class: START}, group.text)),
      ]),
      el('tr', {}, all.map((c, j) => el('th', {scope: 'col', class: starts.has(j) ? START : null, title: c.title}, c.text))),
    ];
  } else {
    head = el('tr', {}, [
      corner === null ? el('td') : el('th', {scope: 'col'}, corner),
      ...columns.map((c) => el('th', {scope: 'col', title: c.title}, c.text)),
    ]);
  }

  const row = ({header, headerClass, cells}) => {
    let at = 0;
    const tds = cells.map((cell) => {
      const td = cell?.tagName === 'TD' ? cell : el('td', {}, cell);
      if (starts.has(at)) td.classList.add(START);
      at += td.colSpan || 1;
      return td;
    });
    return el('tr', {}, [el('th', {scope: 'row', class: headerClass}, header), ...tds]);
  };

  return el('div', {class: 'editor-scroll'}, el('table', {class: className}, [
    el('thead', {}, head),
    el('tbody', {}, rows.map(row)),
  ]));
}

export const fieldset = (legend, children, attributes = {}) =>
  el('fieldset', {class: 'editor-layer', ...attributes}, [el('legend', {}, legend), ...children]);
