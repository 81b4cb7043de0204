// What every line chart of the site shares (Chart.js): the registered pieces, the options that
// keep redraws cheap (no animation, no parsing, pre-sorted data), and the number ticks. Import
// it only from modules that are themselves loaded on demand: Chart.js stays out of first loads.
//
//   createLineChart(canvas, {datasets, scales, legend?, tooltip?, interaction?, decimation?}) → Chart
//     legend: false (default) or Chart.js legend options; tooltip: Chart.js tooltip options;
//     scales: Chart.js scales; datasets: [{label, data: [{x, y}], …}]; decimation: Chart.js
//     decimation options (off by default)
//   numberTick: a ticks.callback writing formatNumber (on a log axis, only where Chart.js
//     would label a tick)
//   axisTitle(text) → a scale's title option
//   decadeTicks(scale): an afterBuildTicks for a log axis: ticks at powers of ten, every k decades
//     so that at most 8 show (the span may be 600 decades), also at 2 and 5 times them over two
//     decades or less; each tick {value, m, e, short} (value = m·10^e) for the label callback
//   decadeBounds(values, {around}) → {min, max}: whole decades around the positive finite values,
//     kept inside what a double holds; {min: 0.1, max: 10} when there is none. One decade: the
//     next one up is added (around: one more on each side)
import {
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Ticks,
  Tooltip,
} from 'chart.js';
import {formatNumber} from '../format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip, Decimation);

export {Chart};

export function numberTick(value, index, ticks) {
  if (this.type === 'logarithmic' && Ticks.formatters.logarithmic.call(this, value, index, ticks) === '') return '';
  return formatNumber(value);
}

export const axisTitle = (text) => ({display: true, text});

const MAX_TICKS = 8;

export function decadeTicks(scale) {
  const lo = Math.floor(Math.log10(scale.min) + 1e-9);
  const hi = Math.ceil(Math.log10(scale.max) - 1e-9);
  const stride = Math.max(1, Math.ceil((hi - lo + 1) / MAX_TICKS));
  const mantissas = hi - lo <= 2 ? [1, 2, 5] : [1];
  const ticks = [];
  for (let e = Math.ceil(lo / stride) * stride; e <= hi; e += stride) {
    for (const m of mantissas) {
      const value = m * 10 ** e;
      if (value >= scale.min * (1 - 1e-9) && value <= scale.max * (1 + 1e-9)) ticks.push({value, m, e, short: mantissas.length > 1});
    }
  }
  scale.ticks = ticks;
}

export function decadeBounds(values, {around = false} = {}) {
  let lo = Infinity;
  let hi = 0;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (hi === 0) return {min: 0.1, max: 10};
  let a = Math.floor(Math.log10(lo));
  let b = Math.ceil(Math.log10(hi));
  if (a === b) {
    if (around) a -= 1;
    b += 1;
  }
  const min = 10 ** a > 0 ? Math.min(10 ** a, lo) : lo;
  const max = Number.isFinite(10 ** b) ? Math.max(10 ** b, hi) : hi;
  return {min, max};
}

export function createLineChart(canvas, {
  datasets,
  scales,
  legend = false,
  tooltip = {},
  interaction = {mode: 'nearest', axis: 'x', intersect: false},
  decimation = {enabled: false},
}) {
  return new Chart(canvas, {
    type: 'line',
    data: {datasets},
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction,
      plugins: {legend: legend || {display: false}, tooltip, decimation},
      scales,
    },
  });
}
