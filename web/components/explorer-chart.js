// The gradient explorer's chart (Chart.js), imported on demand by gradient-explorer.js:
// ‖∂L/∂h_t‖ and what step t adds to V̄, against t, on a log axis. A zero is drawn as a gap.
import {axisTitle, createLineChart} from './chart-base.js';
import {formatNumber} from '../format.js';

const MAX_TICKS = 8;
const MARKED = 40;  // series up to this length get a marker on every point

// A log axis cannot show 0: it becomes null, which Chart.js leaves out of the line.
const points = (values) => values.map((v, i) => ({x: i + 1, y: v > 0 ? v : null}));

// Whole decades around the positive values, kept inside what a double can hold.
function bounds(series) {
  let lo = Infinity;
  let hi = 0;
  for (const values of series) {
    for (const v of values) {
      if (v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (hi === 0) return {min: 0.1, max: 10};
  let a = Math.floor(Math.log10(lo));
  let b = Math.ceil(Math.log10(hi));
  if (a === b) {
    a -= 1;
    b += 1;
  }
  const min = 10 ** a > 0 ? Math.min(10 ** a, lo) : lo;
  const max = Number.isFinite(10 ** b) ? Math.max(10 ** b, hi) : hi;
  return {min, max};
}

// Ticks at powers of ten, every k decades so that at most MAX_TICKS show (the span may be 600);
// over two decades or less, also at 2 and 5 times them.
function decadeTicks(scale) {
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

// A marker where the line alone would not show the value: a short series, or a point between gaps.
function radius({dataIndex, dataset}) {
  const data = dataset.data;
  if (dataIndex === undefined) return 0;
  if (data.length <= MARKED) return 2.5;
  const alone = data[dataIndex].y !== null && !(data[dataIndex - 1]?.y > 0) && !(data[dataIndex + 1]?.y > 0);
  return alone ? 2.5 : 0;
}

// colors: {h, v}; E: the explorer's strings.
export function createExplorerChart(canvas, {colors, E}) {
  const series = (label, color, extra) => ({
    label, data: [], borderColor: color, backgroundColor: color,
    pointRadius: radius, pointHitRadius: 6, tension: 0, spanGaps: false, clip: 4, ...extra,
  });
  const chart = createLineChart(canvas, {
    datasets: [
      series(E.seriesH, colors.h, {borderWidth: 2}),
      series(E.seriesV, colors.v, {borderWidth: 1.5, borderDash: [6, 3]}),
    ],
    interaction: {mode: 'index', intersect: false},
    legend: {position: 'top', labels: {usePointStyle: true, pointStyle: 'line', pointStyleWidth: 28}},
    tooltip: {callbacks: {
      title: (items) => E.tooltipTitle(items[0].parsed.x),
      label: (item) => `${item.dataset.label}: ${item.parsed.y === null ? E.zeroValue : formatNumber(item.parsed.y)}`,
    }},
    scales: {
      x: {type: 'linear', min: 1, max: 2, title: axisTitle(E.axisT), ticks: {precision: 0}},
      y: {
        type: 'logarithmic', min: 0.1, max: 10,
        title: axisTitle(E.axisNorm),
        afterBuildTicks: decadeTicks,
        ticks: {autoSkip: false, callback: (value, i, ticks) => E.tick(ticks[i].m, ticks[i].e, ticks[i].short)},
      },
    },
  });

  return {
    // h: ‖∂L/∂h_t‖ for t = 1..T; v: what each step adds to V̄.
    update({h, v}) {
      const [hData, vData] = chart.data.datasets;
      hData.data = points(h);
      vData.data = points(v);
      const {x, y} = chart.options.scales;
      x.min = h.length === 1 ? 0 : 1;
      x.max = h.length === 1 ? 2 : h.length;
      Object.assign(y, bounds([h, v]));
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
