// The gradient explorer's chart (Chart.js), imported on demand by gradient-explorer.js:
// ‖∂L/∂h_t‖ and what step t adds to V̄, against t, on a log axis. A zero is drawn as a gap.
import {axisTitle, createLineChart, decadeBounds, decadeTicks} from './chart-base.js';
import {formatNumber} from '../format.js';

const MARKED = 40;  // series up to this length get a marker on every point

// A log axis cannot show 0: it becomes null, which Chart.js leaves out of the line.
const points = (values) => values.map((v, i) => ({x: i + 1, y: v > 0 ? v : null}));

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
      Object.assign(y, decadeBounds([...h, ...v], {around: true}));
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
