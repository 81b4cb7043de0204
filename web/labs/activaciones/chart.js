// A line chart of several series on a log y axis (and a linear or log x axis), for the
// activaciones and lotes labs: Chart.js, no animation, redrawn at most once per frame.
//
//   const chart = createSeriesChart(canvas, {xType, xTitle, yTitle, xTick?, tooltipTitle})
//   chart.set([{label, color, width?, dash?, points: [[x, y]…]}])   draws on the next frame
//   chart.destroy()
// A value that a log axis cannot show (≤ 0, NaN, ∞) is left out of the line.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import {formatNumber} from '../../format.js';
import {decadeBounds} from './curves.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

const MARKED = 30;  // series up to this length get a marker on every point

// Ticks at whole decades (and 2, 5 times them over a short span), as 1e-3 … 1.
function decadeTicks(scale) {
  const lo = Math.floor(Math.log10(scale.min) + 1e-9);
  const hi = Math.ceil(Math.log10(scale.max) - 1e-9);
  const stride = Math.max(1, Math.ceil((hi - lo + 1) / 8));
  const mantissas = hi - lo <= 2 ? [1, 2, 5] : [1];
  const ticks = [];
  for (let e = lo; e <= hi; e += stride) {
    for (const m of mantissas) {
      const value = m * 10 ** e;
      if (value >= scale.min * (1 - 1e-9) && value <= scale.max * (1 + 1e-9)) ticks.push({value});
    }
  }
  scale.ticks = ticks;
}

const visible = (points, logX) => points
  .filter(([x, y]) => y > 0 && Number.isFinite(y) && (!logX || x > 0))
  .map(([x, y]) => ({x, y}));

export function createSeriesChart(canvas, {xType = 'linear', xTitle, yTitle, xTick, tooltipTitle}) {
  const logX = xType === 'logarithmic';
  const chart = new Chart(canvas, {
    type: 'line',
    data: {datasets: []},
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: {mode: 'nearest', intersect: false},
      plugins: {
        legend: {position: 'top', labels: {usePointStyle: true, pointStyle: 'line', pointStyleWidth: 28, boxHeight: 8, sort: (a, b) => a.datasetIndex - b.datasetIndex}},
        tooltip: {callbacks: {
          title: (items) => tooltipTitle(items[0].parsed.x),
          label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y)}`,
        }},
      },
      scales: {
        x: {
          type: xType,
          title: {display: true, text: xTitle},
          ticks: {precision: 0, maxRotation: 0, callback: xTick ?? ((value) => (logX ? (Number.isInteger(Math.log10(value)) ? formatNumber(value) : '') : formatNumber(value)))},
        },
        y: {
          type: 'logarithmic', min: 0.1, max: 10,
          title: {display: true, text: yTitle},
          afterBuildTicks: decadeTicks,
          ticks: {autoSkip: false, callback: (value) => formatNumber(value)},
        },
      },
    },
  });

  let pending = null;
  let frame = 0;
  function draw() {
    frame = 0;
    const series = pending;
    pending = null;
    chart.data.datasets = series.map((s) => {
      const data = visible(s.points, logX);
      return {
        label: s.label, data, borderColor: s.color, backgroundColor: s.color,
        borderWidth: s.width ?? 2, borderDash: s.dash ?? [], tension: 0, spanGaps: false,
        pointRadius: data.length <= MARKED ? 2.5 : 0, pointHitRadius: 6, order: s.order ?? 0,
      };
    });
    Object.assign(chart.options.scales.y, decadeBounds(series.map((s) => s.points)));
    chart.update('none');
  }

  return {
    set(series) {
      pending = series;
      if (!frame) frame = requestAnimationFrame(draw);
    },
    // Draws now (before a PNG is saved).
    flush() {
      if (frame) {
        cancelAnimationFrame(frame);
        draw();
      }
    },
    canvas,
    destroy() {
      cancelAnimationFrame(frame);
      chart.destroy();
    },
  };
}
