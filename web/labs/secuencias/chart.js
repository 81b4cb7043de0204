// A line chart (Chart.js) for the sequence labs: several series against a linear x, y linear or
// logarithmic (whole decades), an optional legend. Points are set, never computed, here.
//
//   const chart = createCurves(canvas, {x: 'Iteración', y: 'Pérdida', log: true, series: [{label,
//     color, dash, width}]});
//   chart.set(k, [{x, y}…]); chart.append(k, points); chart.draw() (once per frame); chart.destroy()
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

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

const SUPERSCRIPTS = {'-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹'};
export const power = (e) => (e === 0 ? '1' : `10${String(e).replace(/./g, (c) => SUPERSCRIPTS[c])}`);

// Ticks at whole decades (every k of them so that at most 8 show), plus 2 and 5 on a short axis.
function decadeTicks(scale) {
  const lo = Math.floor(Math.log10(scale.min) + 1e-9);
  const hi = Math.ceil(Math.log10(scale.max) - 1e-9);
  const stride = Math.max(1, Math.ceil((hi - lo + 1) / 8));
  const mantissas = hi - lo <= 2 ? [1, 2, 5] : [1];
  const ticks = [];
  for (let e = Math.ceil(lo / stride) * stride; e <= hi; e += stride) {
    for (const m of mantissas) {
      const value = m * 10 ** e;
      if (value >= scale.min * (1 - 1e-9) && value <= scale.max * (1 + 1e-9)) ticks.push({value});
    }
  }
  scale.ticks = ticks;
}

const logTick = (value) => {
  const e = Math.log10(value);
  return Math.abs(e - Math.round(e)) < 1e-9 && (Math.round(e) < -2 || Math.round(e) > 3) ? power(Math.round(e)) : formatNumber(value);
};

// series: [{label, color, dash, width, points: bool}]; x, y: axis titles; log: y logarithmic;
// yMin/yMax: fixed bounds (e.g. 0…1 for accuracy); xTitle(x): the tooltip's title.
export function createCurves(canvas, {series, x, y, log = false, yMin, yMax, legend = true, xTitle, xLog = false}) {
  const chart = new Chart(canvas, {
    type: 'line',
    data: {datasets: series.map((s) => ({
      label: s.label, data: [], borderColor: s.color, backgroundColor: s.color,
      borderWidth: s.width ?? 2, borderDash: s.dash ?? [], tension: 0, spanGaps: false,
      pointRadius: ({dataset}) => (s.points || dataset.data.length <= 25 ? 2.5 : 0), pointHitRadius: 6,
    }))},
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: {mode: 'nearest', axis: 'x', intersect: false},
      plugins: {
        legend: {display: legend, position: 'top', labels: {usePointStyle: true, pointStyle: 'line', boxWidth: 28}},
        tooltip: {callbacks: {
          title: (items) => (xTitle ? xTitle(items[0].parsed.x) : `${x}: ${formatNumber(items[0].parsed.x)}`),
          label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y)}`,
        }},
      },
      scales: {
        x: {type: xLog ? 'logarithmic' : 'linear', title: {display: true, text: x}, ticks: {precision: 0, maxTicksLimit: 9, callback: (v) => formatNumber(v)}},
        y: log
          ? {type: 'logarithmic', title: {display: true, text: y}, afterBuildTicks: decadeTicks, ticks: {autoSkip: false, callback: logTick}}
          : {type: 'linear', min: yMin, max: yMax, title: {display: true, text: y}, ticks: {callback: (v) => formatNumber(v)}},
      },
    },
  });
  // A log axis cannot show 0 or a non-finite value: those points are left out (a gap).
  const clean = (points) => (log ? points.map((p) => (p.y > 0 && Number.isFinite(p.y) ? p : {x: p.x, y: null})) : points);
  return {
    chart,
    set(k, points) {
      chart.data.datasets[k].data = clean(points);
    },
    append(k, points) {
      chart.data.datasets[k].data.push(...clean(points));
    },
    // Sets every series (lab 9's curves over training change in number): the datasets are kept and
    // updated in place while their number stays, which spares Chart.js rebuilding them.
    series(list) {
      const style = (s) => ({
        label: s.label, borderColor: s.color, backgroundColor: s.color, borderWidth: s.width ?? 1.5,
        borderDash: s.dash ?? [], pointRadius: s.data.length <= 25 ? 2 : 0,
      });
      if (chart.data.datasets.length === list.length) {
        list.forEach((s, k) => Object.assign(chart.data.datasets[k], style(s), {data: clean(s.data)}));
      } else {
        chart.data.datasets = list.map((s) => ({...style(s), data: clean(s.data), tension: 0, pointHitRadius: 6}));
      }
    },
    draw: () => chart.update('none'),
    destroy: () => chart.destroy(),
  };
}
