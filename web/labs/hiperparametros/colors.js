// The map's colour scale: validation loss on a logarithmic scale through viridis (perceptually
// even, readable with the common colour-vision deficiencies), the lowest loss brightest. Pure.
export const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

const rgbOf = (hex) => [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));
const STOPS = VIRIDIS.map(rgbOf);

// Position of a loss in the range, 0 at the lowest loss and 1 at the highest (log scale).
export function scalePosition(loss, {lo, hi}) {
  if (!(hi > lo) || !(lo > 0)) return 0;
  const t = Math.log(loss / lo) / Math.log(hi / lo);
  return Math.max(0, Math.min(1, t));
}

// [r, g, b] for a position: 0 (lowest loss) yellow … 1 (highest) dark purple.
export function rgbAt(t) {
  const x = (1 - Math.max(0, Math.min(1, t))) * (STOPS.length - 1);
  const a = Math.min(Math.floor(x), STOPS.length - 2);
  const f = x - a;
  return [0, 1, 2].map((c) => Math.round(STOPS[a][c] + (STOPS[a + 1][c] - STOPS[a][c]) * f));
}

export const cssOf = ([r, g, b]) => `rgb(${r}, ${g}, ${b})`;

// Dark text on light colours, white on dark ones (relative luminance, WCAG).
export function textOn([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.2 ? '#1d2433' : '#ffffff';
}

// Legend ticks inside [lo, hi]: the values 1, 2, 5 × 10^k (only 1 × 10^k when there are many),
// with the ends themselves when fewer than two fall inside.
export function logTicks(lo, hi) {
  if (!(hi > lo) || !(lo > 0)) return lo > 0 ? [lo] : [];
  const ticks = (mantissas) => {
    const out = [];
    for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
      for (const m of mantissas) {
        const v = Number((m * 10 ** k).toPrecision(3));
        if (v >= lo && v <= hi) out.push(v);
      }
    }
    return out;
  };
  let out = ticks([1, 2, 5]);
  if (out.length > 7) out = ticks([1]);
  if (out.length < 2) out = [lo, ...out.filter((v) => v > lo && v < hi), hi];
  return out;
}
