// Numbers as the student reads them: 8 significant digits (fewer when the rest are zeros), the
// language's decimal mark (S.numberFormat.decimal: a point in both languages, as in the lesson's
// code and PyTorch's output), scientific notation outside [1e-3, 1e5).
import {S} from './strings/index.js';

// The current language's decimal mark in place of the point JavaScript writes.
const marked = (text) => {
  const mark = S.numberFormat.decimal;
  return mark === '.' ? text : text.replace('.', mark);
};

export function formatNumber(x) {
  if (x === null || x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text = abs >= 1e-3 && abs < 1e5 ? x.toPrecision(8) : x.toExponential(7);
  // Trailing zeros say nothing: 0.5 stays 0.5, 0.18681560 reads 0.1868156.
  return marked(text.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '').replace(/-/g, '−'));
}

// The same number for TeX: 1.2345678 \times 10^{-5}.
export function texNumber(x) {
  const text = formatNumber(x);
  const match = /^(−?[\d.,]+)e([+−])(\d+)$/.exec(text);
  const tex = match ? `${match[1]} \\times 10^{${match[2] === '−' ? '-' : ''}${match[3]}}` : text;
  // TeX spaces a bare comma as punctuation: {,} keeps it a decimal mark.
  return tex.replace(/−/g, '-').replace('∞', '\\infty').replace(',', '{,}');
}

// A fraction as a percentage, with the same decimal mark: 0.9861 → "98.6 %". digits: decimals shown
// (trim: without trailing zeros, "100 %"); significant: that many significant digits instead
// (0.00052 → "0.052 %").
export function formatPercent(x, {digits = 1, significant, trim = false} = {}) {
  if (x === null || x === undefined || !Number.isFinite(x)) return formatNumber(x);
  const p = 100 * x;
  let text = significant ? p.toPrecision(significant) : p.toFixed(digits);
  if (significant && /e/.test(text)) text = String(Number(text));
  if (trim || significant) text = String(Number(text));
  return `${marked(text).replace(/-/g, '−')} %`;
}
