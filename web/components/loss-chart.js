// The loss curve of the training panel (Chart.js), loaded on demand by training.js.
import {axisTitle, createLineChart, numberTick} from './chart-base.js';
import {formatNumber} from '../format.js';

// T: the training strings; count: the iteration formatter.
export function createLossChart(canvas, {lineColor, T, count}) {
  return createLineChart(canvas, {
    datasets: [{
      label: T.loss, data: [], borderColor: lineColor, backgroundColor: lineColor,
      borderWidth: 1.5, pointHitRadius: 6, tension: 0,
      // A short curve (an early divergence) gets markers; a long one is a plain line.
      pointRadius: ({chart: c}) => (c.data.datasets[0].data.length <= 30 ? 3 : 0),
    }],
    tooltip: {callbacks: {
      title: (items) => `${T.iteration} ${count(items[0].parsed.x)}`,
      label: (item) => `${T.loss}: ${formatNumber(item.parsed.y)}`,
    }},
    scales: {
      x: {type: 'linear', min: 0, title: axisTitle(T.axisStep), ticks: {precision: 0, callback: (v) => count(v)}},
      y: {type: 'linear', title: axisTitle(T.axisLoss), ticks: {callback: numberTick}},
    },
  });
}
