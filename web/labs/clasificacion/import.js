// Lab 1's "Tus puntos (CSV)": the file picker (and the page's drop) for a CSV of x1, x2, clase
// (csv.js), what was imported or why the file was refused (every refused line, the first few
// listed), and the way back to the generated points.
//
//   createPointsImport({addDropOpener, imported(points, {name, labels, duplicates}), back()})
//     → {node, showInUse(count | 0, {inAddress})}
import {el} from '../../dom.js';
import {createOpener, createStatus} from '../../components/files.js';
import {spec} from '../../core/spec.js';
import {S} from '../../strings/index.js';
import {VIEW} from '../shared/plane-settings.js';
import {parsePointsCsv} from './csv.js';
import {roundToGrid} from './points.js';

export const LISTED_ROWS = 8;

// Why a CSV file was refused, in Spanish: what is wrong with the file (the opener says which file
// and that nothing changed), or for refused rows the whole message with a list of them.
export function csvRefusal(name, result) {
  const C = S.files.csv;
  if (result.reason !== 'rows') {
    const {args} = result;
    return ({
      empty: () => C.empty,
      tooMany: () => C.tooMany(args.max),
      tooFew: () => C.tooFew(args.count, args.min),
      oneClass: () => C.oneClass(args.label),
      manyClasses: () => C.manyClasses(args.labels),
    })[result.reason]();
  }
  const {rows} = result;
  const listed = rows.slice(0, LISTED_ROWS);
  return el('div', {}, [
    el('p', {}, C.refused(name, C.badRows(rows.length))),
    el('ul', {class: 'clf-csv-rows'}, listed.map(({line, reason, args}) =>
      el('li', {}, C.row(line, reason === 'columns' ? C.reasons.columns(args.count) : C.reasons[reason](args))))),
    rows.length > LISTED_ROWS ? el('p', {}, C.moreRows(rows.length - LISTED_ROWS)) : null,
  ]);
}

export function createPointsImport({addDropOpener, imported, back}) {
  const C = S.files.csv;
  const status = createStatus('clf-csv-status');
  const opener = createOpener({
    label: C.open,
    accept: '.csv,text/csv,text/plain',
    read: 'text',
    // The most text the core reads (`backprop spec` limits.max_text_bytes); the rows are counted
    // against the points' own limit (data.points.count).
    maxBytes: () => spec().limits.max_text_bytes,
    status,
    refused: C.refused,
    open(text, file) {
      const {min, max} = spec().data.points.count;
      const result = parsePointsCsv(text, {maxRows: max, minRows: min, bounds: VIEW, round: roundToGrid});
      if (!result.ok) return {ok: false, message: csvRefusal(file.name, result)};
      const {points, labels, duplicates} = result;
      const inAddress = imported(points, {name: file.name});
      const lines = [C.imported(points.length, file.name), C.classes(labels[0], labels[1])];
      if (duplicates) lines.push(C.duplicates(duplicates));
      if (!inAddress) lines.push(C.tooLargeForLink(points.length));
      return {ok: true, message: lines.join(' ')};
    },
  });
  addDropOpener?.(opener);
  const inUse = el('p', {class: 'clf-field-hint clf-csv-in-use', hidden: true});
  const backButton = el('button', {type: 'button', class: 'clf-csv-back', hidden: true, onclick: () => {
    status.clear();
    back();
  }}, C.back);
  return {
    node: el('fieldset', {class: 'clf-csv'}, [
      el('legend', {}, C.legend),
      el('p', {class: 'clf-field-hint'}, [C.hint, ' ', el('code', {}, C.example), '.']),
      opener.node,
      status.node,
      inUse,
      backButton,
    ]),
    showInUse(count) {
      inUse.hidden = !count;
      backButton.hidden = !count;
      inUse.textContent = count ? C.inUse(count) : '';
    },
  };
}
