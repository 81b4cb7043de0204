// A line chart for the labs: several labelled series in distinct colours with a legend, axis
// titles, a linear/log toggle for y, cheap updates (20 a second), exportable with savePng.
// Chart.js is loaded on first use (import()), so a lab's first paint does not wait for it.
//
//   const chart = createLineChart({xTitle, yTitle, log = false, logToggle = true, label?,
//                                  integerX = true, yMin?, yMax?, colors?})
//   chart.node                      the toggle, then the canvas in a box CSS sizes
//   chart.canvas                    for savePng(chart.canvas, 'x.png')
//   chart.ready                     Promise, resolved once Chart.js has drawn
//   chart.update(series)            series: [{label, points: [[x, y]…] | [{x, y}…], color?, dash?}]
//                                   replaces every series (a new label/colour set is fine)
//   chart.append(index, points)     adds points to series `index` (already shown by update)
//   chart.setLog(bool), chart.log   y on a log axis (values ≤ 0 or non-finite become gaps)
//   chart.destroy()
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {S} from '../../strings/index.js';

export const SERIES_COLORS = ['#1f5fbf', '#b4441b', '#2d7d46', '#7a3fb0', '#a16207', '#0e7490', '#be185d', '#4b5563'];
const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3]];
const MARKED = 30;  // a series this short gets a marker on every point

let ids = 0;
let chartModule = null;
const loadChart = () => (chartModule ??= import('../../components/chart-base.js'));

export function createLineChart({xTitle, yTitle, log = false, logToggle = true, label, integerX = true, yMin, yMax, colors = SERIES_COLORS} = {}) {
  const C = S.labs.chart;
  const canvas = el('canvas', {role: 'img', 'aria-label': label ?? yTitle});
  const id = `lab-chart-${++ids}`;
  let useLog = log;
  const scaleSelect = el('select', {id, onchange: () => setLog(scaleSelect.value === 'log')}, [
    el('option', {value: 'linear'}, C.linear),
    el('option', {value: 'log'}, C.log),
  ]);
  scaleSelect.value = useLog ? 'log' : 'linear';
  const tools = logToggle ? el('div', {class: 'lab-chart-tools'}, el('label', {for: id}, [C.scale, ' ', scaleSelect])) : null;
  const node = el('div', {class: 'lab-chart'}, [tools, el('div', {class: 'lab-chart-canvas'}, canvas)]);

  let chart = null;
  let destroyed = false;
  let raw = [];  // [{label, points: [{x, y}] (as given), color, dash}]

  const toPoint = (p) => (Array.isArray(p) ? {x: p[0], y: p[1]} : p);
  const shown = (p) => (useLog && !(p.y > 0 && Number.isFinite(p.y)) ? {x: p.x, y: null} : p);

  function dataset(series, i) {
    const color = series.color ?? colors[i % colors.length];
    series.shown = series.points.map(shown);
    return {
      label: series.label,
      data: series.shown,
      borderColor: color,
      backgroundColor: color,
      borderDash: series.dash ?? DASHES[Math.floor(i / colors.length) % DASHES.length],
      borderWidth: 1.75,
      pointRadius: series.points.length <= MARKED ? 2.5 : 0,
      pointHitRadius: 6,
      tension: 0,
      spanGaps: false,
    };
  }

  function yScale() {
    return {
      type: useLog ? 'logarithmic' : 'linear',
      min: useLog ? undefined : yMin,
      max: yMax,
      title: {display: true, text: yTitle},
      ticks: {callback: numberTick},
    };
  }

  let numberTick;
  const ready = loadChart().then((base) => {
    if (destroyed) return;
    numberTick = base.numberTick;
    chart = base.createLineChart(canvas, {
      datasets: raw.map(dataset),
      legend: {position: 'top', labels: {boxWidth: 18, boxHeight: 2}},
      interaction: {mode: 'nearest', axis: 'x', intersect: false},
      decimation: {enabled: true, algorithm: 'min-max'},
      tooltip: {callbacks: {
        title: (items) => `${xTitle} ${integerX ? S.labs.count(items[0].parsed.x) : formatNumber(items[0].parsed.x)}`,
        label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y)}`,
      }},
      scales: {
        x: {
          type: 'linear',
          title: {display: true, text: xTitle},
          ticks: integerX ? {precision: 0, callback: (v) => S.labs.count(v)} : {callback: formatNumber},
        },
        y: yScale(),
      },
    });
  });

  function redraw() {
    if (!chart) return;
    chart.update('none');
  }

  function update(series) {
    raw = series.map((s) => ({...s, points: Array.from(s.points, toPoint)}));
    if (!chart) return;
    // New dataset objects: Chart.js caches options resolved from the old ones (the markers).
    chart.data.datasets = raw.map(dataset);
    redraw();
  }

  function append(index, points) {
    const series = raw[index];
    if (!series) return;
    const added = Array.from(points, toPoint);
    for (const p of added) series.points.push(p);
    if (!chart) return;
    const d = chart.data.datasets[index];
    if (series.points.length > MARKED && d.pointRadius) {
      chart.data.datasets[index] = dataset(series, index);  // long enough now: no markers
    } else {
      // Assigned again: with decimation on, Chart.js keeps the data behind a setter.
      for (const p of added) series.shown.push(shown(p));
      d.data = series.shown;
    }
    redraw();
  }

  function setLog(value) {
    useLog = Boolean(value);
    scaleSelect.value = useLog ? 'log' : 'linear';
    if (!chart) return;
    chart.options.scales.y = yScale();
    chart.data.datasets = raw.map(dataset);
    redraw();
  }

  return {
    node,
    canvas,
    ready,
    update,
    append,
    setLog,
    get log() {
      return useLog;
    },
    destroy() {
      destroyed = true;
      chart?.destroy();
    },
  };
}
