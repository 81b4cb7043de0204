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
