// The loss curve of the training panel (Chart.js), loaded on demand by training.js.
import {
  Chart,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Ticks,
  Tooltip,
} from 'chart.js';
import {formatNumber} from '../format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip);

// T: the training strings; count: the iteration formatter.
export function createLossChart(canvas, {lineColor, T, count}) {
  function yTick(value, index, ticks) {
    if (this.type === 'logarithmic' && Ticks.formatters.logarithmic.call(this, value, index, ticks) === '') return '';
    return formatNumber(value);
  }
  return new Chart(canvas, {
    type: 'line',
    data: {datasets: [{
      label: T.loss, data: [], borderColor: lineColor, backgroundColor: lineColor,
      borderWidth: 1.5, pointHitRadius: 6, tension: 0,
      // A short curve (an early divergence) gets markers; a long one is a plain line.
      pointRadius: ({chart: c}) => (c.data.datasets[0].data.length <= 30 ? 3 : 0),
    }]},
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: {mode: 'nearest', axis: 'x', intersect: false},
      plugins: {
        legend: {display: false},
        tooltip: {callbacks: {
          title: (items) => `${T.iteration} ${count(items[0].parsed.x)}`,
          label: (item) => `${T.loss}: ${formatNumber(item.parsed.y)}`,
        }},
      },
      scales: {
        x: {type: 'linear', min: 0, title: {display: true, text: T.axisStep}, ticks: {precision: 0, callback: (v) => count(v)}},
        y: {type: 'linear', title: {display: true, text: T.axisLoss}, ticks: {callback: yTick}},
      },
    },
  });

}
