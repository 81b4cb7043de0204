// Training and validation curves over epochs (Chart.js): points appended as a run goes.
// createCurves(canvas, {series: [{label, colour, dashed}], yTitle, xTitle, percent, yMin, yMax})
//   → {add(seriesIndex, x, y), clear(), update(), chart}
import {Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip} from 'chart.js';
import {formatNumber} from '../../format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export function createCurves(canvas, {series, xTitle, yTitle, percent = false, yMin, yMax}) {
  const show = (y) => (percent ? `${formatNumber(Math.round(y * 1000) / 10)} %` : formatNumber(y));
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: series.map(({label, colour, dashed}) => ({
        label, data: [], borderColor: colour, backgroundColor: colour, borderWidth: 2,
        borderDash: dashed ? [6, 4] : [], pointRadius: 0, pointHitRadius: 6, tension: 0,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: {mode: 'nearest', axis: 'x', intersect: false},
      plugins: {
        legend: {display: true, labels: {boxHeight: 2, boxWidth: 18}},
        tooltip: {callbacks: {
          title: (items) => `${xTitle} ${formatNumber(items[0].parsed.x)}`,
          label: (item) => `${item.dataset.label}: ${show(item.parsed.y)}`,
        }},
      },
      scales: {
        x: {type: 'linear', min: 0, title: {display: true, text: xTitle}, ticks: {callback: (v) => formatNumber(v)}},
        y: {type: 'linear', min: yMin, max: yMax, title: {display: true, text: yTitle}, ticks: {callback: (v) => show(v)}},
      },
    },
  });
  return {
    chart,
    add(index, x, y) {
      if (y !== null && y !== undefined) chart.data.datasets[index].data.push({x, y});
    },
    setMaxX(x) {
      chart.options.scales.x.max = x;
    },
    clear() {
      for (const dataset of chart.data.datasets) dataset.data = [];
    },
    update: () => chart.update('none'),
    destroy: () => chart.destroy(),
  };
}
