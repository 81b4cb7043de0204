// Saving what a lab shows: a canvas as PNG, a table as CSV, through a download link to a Blob
// (no data: URL, no inline script: works under the strict CSP).
//
//   csvText(rows, header?) → string   RFC 4180: ',' between fields, CRLF between rows, a field
//                                     quoted when it holds , " CR LF or edge spaces ("" inside);
//                                     numbers with '.' decimals at full precision; null → empty
//   saveCsv(rows, header, filename)   downloads csvText (UTF-8 with BOM, so spreadsheets read ñ)
//   savePng(canvas, filename) → Promise  downloads the canvas on a white background
//   download(blob, filename)          the download link itself (web/components/files.js)
//   pngButton(canvas | () => canvas, filename | () => name, {what?, text?}) → <button> "Guardar PNG"
//   csvButton(() => ({rows, header}), filename | () => name, {what?, text?}) → <button> "Guardar CSV"
//                                     named "Guardar PNG (what)" (the visible words, then what is
//                                     saved, for assistive technology); text: other visible words
//   exportBar([buttons]) → <div class="lab-export">
//   rows: arrays (or typed arrays) of numbers, strings, booleans or null.
import {el} from '../../../dom.js';
import {S} from '../../../strings/index.js';
import {download} from '../../../components/files.js';

export {download};

function field(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows, header) {
  const lines = [];
  if (header) lines.push(Array.from(header, field).join(','));
  for (const row of rows) lines.push(Array.from(row, field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function saveCsv(rows, header, filename) {
  download(new Blob(['\ufeff', csvText(rows, header)], {type: 'text/csv;charset=utf-8'}), filename);
}

export function savePng(canvas, filename) {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const g = out.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(canvas, 0, 0);
  return new Promise((resolve, reject) => {
    out.toBlob((blob) => {
      if (!blob) return reject(new Error('toBlob failed'));
      download(blob, filename);
      resolve();
    }, 'image/png');
  });
}

const value = (x) => (typeof x === 'function' ? x() : x);

// The visible words, then (hidden) what is saved: the name starts with what is seen.
const words = (text, what) => [text, what ? el('span', {class: 'sr-only'}, S.labs.export.what(what)) : null];

export function pngButton(canvas, filename, {what, text = S.labs.export.png} = {}) {
  return el('button', {
    type: 'button', class: 'lab-save-png',
    onclick: () => savePng(value(canvas), value(filename)),
  }, words(text, what));
}

export function csvButton(table, filename, {what, text = S.labs.export.csv} = {}) {
  return el('button', {
    type: 'button', class: 'lab-save-csv',
    onclick: () => {
      const {rows, header} = table();
      saveCsv(rows, header, value(filename));
    },
  }, words(text, what));
}

export function exportBar(buttons) {
  return el('div', {class: 'lab-export'}, buttons);
}
