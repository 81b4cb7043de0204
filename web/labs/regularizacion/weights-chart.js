// The two runs' final weights as a grouped bar histogram (Chart.js), bins from histogram.js.
import {BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip} from 'chart.js';
import {formatNumber} from '../../format.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

// series: [{label, colour}]; set({edges, counts}) draws them.
export function createWeightsChart(canvas, {series, xTitle, yTitle}) {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {labels: [], datasets: series.map(({label, colour}) => ({label, data: [], backgroundColor: colour, borderWidth: 0}))},
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {legend: {display: true}},
      scales: {
        x: {title: {display: true, text: xTitle}, ticks: {maxRotation: 0, autoSkip: true, maxTicksLimit: 9}},
        y: {beginAtZero: true, title: {display: true, text: yTitle}, ticks: {precision: 0}},
      },
    },
  });
  return {
    set({edges, counts}) {
      chart.data.labels = edges.slice(0, -1).map((e, k) => formatNumber(Number(((e + edges[k + 1]) / 2).toPrecision(2))));
      counts.forEach((c, k) => {
        chart.data.datasets[k].data = c;
      });
      chart.update('none');
    },
    clear() {
      chart.data.labels = [];
      for (const d of chart.data.datasets) d.data = [];
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
