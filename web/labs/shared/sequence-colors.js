// The sequence labs' series colours (Okabe–Ito: told apart with any colour vision), as the charts
// take them (canvas text, not CSS).
export const COLORS = {
  train: '#0072b2',
  validation: '#d55e00',
  tanh: '#0072b2',
  sigmoid: '#009e73',
  relu: '#d55e00',
};

// n colours from dark blue (early in training) to orange (late), for curves taken over time.
export function timeColors(n) {
  const from = [0, 62, 128];
  const to = [230, 120, 0];
  return Array.from({length: n}, (_, i) => {
    const k = n === 1 ? 1 : i / (n - 1);
    const c = from.map((a, j) => Math.round(a + (to[j] - a) * k));
    return `rgb(${c.join(', ')})`;
  });
}
