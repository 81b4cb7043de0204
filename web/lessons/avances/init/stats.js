// The core's `init_stats` result as lesson 3's initialisation part shows it. Pure.
//
//   initSpec(settings, schemes) → the core's spec: {depth, width, activation, init}
//   boxes(result, key) → [{layer, min, low, q1, median, q3, high, max}] per layer ('activation' |
//     'gradient'), from the core's quantiles at levels 0, .05, .25, .5, .75, .95, 1
//   boxRange(list) → {min, max}: the 5–95 % whiskers of every layer (the outliers may be drawn
//     past it), widened a little so that a flat box still shows
//   spreadSeries(result) → {activation: [[layer, std]…], gradient: [[layer, std]…]}
//   gradientRatio(result) → the first layer's gradient std over the last one's (null if 0)
//   statsRows(result) → CSV rows: layer, mean and std of a, saturated, zero, mean and std of the
//     gradient, then the seven quantiles of each
const LEVELS = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

export function initSpec(s, schemes) {
  return {depth: s.capas, width: s.ancho, activation: s.act, init: {...schemes[s.ini]}};
}

// The quantile at `level` from the result's levels (the core says which it computed).
function at(result, stats, level) {
  const levels = result.quantile_levels ?? LEVELS;
  const k = levels.findIndex((l) => Math.abs(l - level) < 1e-12);
  return k < 0 ? null : stats.quantiles[k];
}

export function boxes(result, key) {
  return result.layers.map((layer) => {
    const s = layer[key];
    return {layer: layer.layer, min: at(result, s, 0), low: at(result, s, 0.05), q1: at(result, s, 0.25),
      median: at(result, s, 0.5), q3: at(result, s, 0.75), high: at(result, s, 0.95), max: at(result, s, 1)};
  });
}

export function boxRange(list) {
  let min = Infinity;
  let max = -Infinity;
  for (const b of list) {
    if (Number.isFinite(b.low)) min = Math.min(min, b.low);
    if (Number.isFinite(b.high)) max = Math.max(max, b.high);
  }
  if (!(max >= min)) return {min: -1, max: 1};
  const pad = (max - min) * 0.05 || Math.max(Math.abs(max), 1e-12) * 0.5;
  return {min: min - pad, max: max + pad};
}

export function spreadSeries(result) {
  return {
    activation: result.layers.map((l) => [l.layer, l.activation.std]),
    gradient: result.layers.map((l) => [l.layer, l.gradient.std]),
  };
}

export function gradientRatio(result) {
  const first = result.layers[0]?.gradient.std;
  const last = result.layers.at(-1)?.gradient.std;
  return last > 0 && Number.isFinite(first) ? first / last : null;
}

export function statsRows(result) {
  return result.layers.map((l) => [l.layer, l.activation.mean, l.activation.std, l.activation.saturated, l.activation.zero,
    l.gradient.mean, l.gradient.std, ...l.activation.quantiles, ...l.gradient.quantiles]);
}
