// Text for drawings and labels: digits as sub- or superscripts (x₁, W⁽²⁾) and numbers as a
// tooltip or a small cell shows them. Pure: the strings (web/strings/) use it too.
import {formatNumber} from '../../format.js';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

// sub(12) is '₁₂', sup(3) is '³'; any other character stays as it is.
export const sub = (n) => String(n).replace(/\d/g, (d) => SUB[d]);
export const sup = (n) => String(n).replace(/\d/g, (d) => SUP[d]);
// A layer's index as the lesson writes it, W⁽²⁾.
export const layerSup = (l) => `⁽${sup(l)}⁾`;

// Every digit the core gave, for tooltips.
export const exact = (x) => (typeof x === 'number' ? String(x).replace(/-/g, '−') : '—');

// Three significant digits (two below 0.01 when compact): what fits in a small cell.
export function short(x, compact = false) {
  if (typeof x !== 'number') return '—';
  if (!Number.isFinite(x)) return formatNumber(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text = abs >= 1e-3 && abs < 1e4 ? x.toPrecision(compact && abs < 0.01 ? 2 : 3) : x.toExponential(1);
  return text.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '').replace('e+', 'e').replace(/-/g, '−');
}
