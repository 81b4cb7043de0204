// A line chart for the labs: several labelled series in distinct colours with a legend, axis
// titles, a linear/log toggle for y, cheap updates (20 a second), exportable with savePng.
// Chart.js is loaded on first use (import()), so a lab's first paint does not wait for it.
//
//   const chart = createLineChart({xTitle, yTitle, log = false, logToggle = true, label?,
//                                  integerX = true, xMin?, xMax?, yMin?, yMax?, yFormat?(y),
//                                  colors?, xLog = false, legend = true, tooltipTitle?(x),
//                                  xTick?(x), maxPoints?, marked = 30})
//   chart.node                      the toggle, then the canvas in a box CSS sizes
//   chart.canvas                    for savePng(chart.canvas, 'x.png')
//   chart.ready                     Promise, resolved once Chart.js has drawn
//   chart.update(series)            series: [{label, points: [[x, y]…] | [{x, y}…], color?, dash?,
//                                   width?, order?}]; replaces every series (a new label/colour set
//                                   is fine); while their number stays, the datasets are updated
//                                   in place (Chart.js keeps its elements)
//   chart.append(index, points, {draw = true})  adds points to series `index` (already shown by
//                                   update); draw: false leaves the redraw to a later draw()
//   chart.draw()                    redraws what was appended
//   chart.setXRange(min, max)       the x axis' bounds (undefined: from the data)
//   chart.setLog(bool), chart.log   y on a log axis (values ≤ 0 or non-finite become gaps)
//   chart.destroy()
//   preloadCharts()                 loads Chart.js once the page is idle (before a first chart)
// A log y axis spans whole decades around the data, ticks at powers of ten (10⁻⁹⁸ beyond
// 10⁻³…10³); a log x axis (xLog) leaves out points at x ≤ 0. maxPoints: a longer series is drawn
// thinned by envelope() (its spikes and dips kept); a series of at most `marked` points gets a
// marker on every point. tooltipTitle(x) and xTick(x): the tooltip's
// title and the x tick labels, instead of "<xTitle> <x>" and the numbers; yFormat(y): the y tick
// labels of a linear axis and the tooltip's values (e.g. a percentage).
import {el} from '../../../dom.js';
import {formatNumber} from '../../../format.js';
import {S} from '../../../strings/index.js';

export const SERIES_COLORS = ['#1f5fbf', '#b4441b', '#2d7d46', '#7a3fb0', '#a16207', '#0e7490', '#be185d', '#4b5563'];
const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3]];
const WIDTH = 1.75;

let ids = 0;
let chartModule = null;
const loadChart = () => (chartModule ??= import('../../../components/chart-base.js'));

// Evaluating Chart.js takes a task of 50–60 ms on a loaded machine: done when the page is idle,
// it stays out of the click that starts a run. A failure shows with the first chart.
export function preloadCharts() {
  const load = () => loadChart().catch(() => {});
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, {timeout: 2000});
  else setTimeout(load, 500);
}

const SUPERSCRIPTS = {'-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹'};
// 10^e as text: 1, 10³, 10⁻⁹⁸.
export const power = (e) => (e === 0 ? '1' : `10${String(e).replace(/./g, (c) => SUPERSCRIPTS[c])}`);

// A log axis' tick label (ticks from chart-base's decadeTicks): a power of ten beyond 10⁻³…10³ as 10ᵉ.
export const decadeLabel = (value, e, m) => (m === 1 && (e < -3 || e > 3) ? power(e) : formatNumber(value));

// At most about maxPoints points of a curve for drawing: the curve is cut into buckets of
// consecutive points and each bucket keeps its lowest and its highest point, in x order, so the
// noise of a stochastic run stays visible. The first and the last points are always kept.
// value(p): the y of a point ([x, y] pairs by default).
export function envelope(points, maxPoints, value = (p) => p[1]) {
  const n = points.length;
  if (n <= maxPoints || maxPoints < 4) return points.slice();
  const buckets = Math.floor((maxPoints - 2) / 2);
  const out = [points[0]];
  const size = (n - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor(b * size);
    const to = 1 + Math.floor((b + 1) * size);
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i++) {
      const v = value(points[i]);
      if (lo < 0 || v < value(points[lo])) lo = i;
      if (hi < 0 || v > value(points[hi])) hi = i;
    }
    if (lo < 0) continue;
    if (lo === hi) out.push(points[lo]);
    else if (lo < hi) out.push(points[lo], points[hi]);
    else out.push(points[hi], points[lo]);
  }
  out.push(points[n - 1]);
  return out;
}

export function createLineChart({
  xTitle, yTitle, log = false, logToggle = true, label, integerX = true, xMin, xMax, yMin, yMax, yFormat,
  colors = SERIES_COLORS, xLog = false, legend = true, tooltipTitle, xTick, maxPoints, marked = 30,
} = {}) {
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
  let base = null;
  let destroyed = false;
  let raw = [];  // [{label, points: [{x, y}] (as given), color, dash, width, order, shown}]
  const xRange = {min: xMin, max: xMax};

  const toPoint = (p) => (Array.isArray(p) ? {x: p[0], y: p[1]} : p);
  const shown = (p) => (useLog && !(p.y > 0 && Number.isFinite(p.y)) ? {x: p.x, y: null} : p);
  const thin = (points) => (maxPoints ? envelope(points, maxPoints, (p) => p.y) : points);
  const visible = (points) => thin(xLog ? points.filter((p) => p.x > 0) : points).map(shown);

  // What a dataset shows of a series: its points and its style.
  function look(series, i) {
    const color = series.color ?? colors[i % colors.length];
    series.shown = visible(series.points);
    return {
      label: series.label,
      data: series.shown,
      borderColor: color,
      backgroundColor: color,
      borderDash: series.dash ?? DASHES[Math.floor(i / colors.length) % DASHES.length],
      borderWidth: series.width ?? WIDTH,
      pointRadius: series.shown.length <= marked ? 2.5 : 0,
      order: series.order ?? 0,
    };
  }
  const dataset = (series, i) => ({...look(series, i), pointHitRadius: 6, tension: 0, spanGaps: false});

  function yScale() {
    const title = {display: true, text: yTitle};
    if (!useLog) return {type: 'linear', min: yMin, max: yMax, title, ticks: {callback: yFormat ? (value) => yFormat(value) : base.numberTick}};
    return {
      type: 'logarithmic', title, afterBuildTicks: base.decadeTicks,
      ticks: {autoSkip: false, callback: (value, i, ticks) => decadeLabel(value, ticks[i]?.e, ticks[i]?.m)},
    };
  }

  function xTickLabel(value) {
    if (xTick) return xTick(value);
    if (xLog) return Number.isInteger(Math.log10(value)) ? formatNumber(value) : '';
    return integerX ? S.labs.count(value) : formatNumber(value);
  }

  // A log y axis: whole decades around what is shown (unless fixed bounds were asked for).
  function fitY() {
    const y = chart.options.scales.y;
    if (!useLog) return;
    const bounds = base.decadeBounds(raw.flatMap((s) => s.shown.map((p) => p.y)));
    y.min = yMin ?? bounds.min;
    y.max = yMax ?? bounds.max;
  }

  const ready = loadChart().then((module) => {
    if (destroyed) return;
    base = module;
    chart = base.createLineChart(canvas, {
      datasets: raw.map(dataset),
      legend: legend ? {position: 'top', labels: {boxWidth: 18, boxHeight: 2, sort: (a, b) => a.datasetIndex - b.datasetIndex}} : false,
      interaction: {mode: 'nearest', axis: 'x', intersect: false},
      decimation: {enabled: true, algorithm: 'min-max'},
      tooltip: {callbacks: {
        title: (items) => (tooltipTitle ? tooltipTitle(items[0].parsed.x)
          : `${xTitle} ${integerX ? S.labs.count(items[0].parsed.x) : formatNumber(items[0].parsed.x)}`),
        label: (item) => `${item.dataset.label}: ${(yFormat ?? formatNumber)(item.parsed.y)}`,
      }},
      scales: {
        x: {
          type: xLog ? 'logarithmic' : 'linear',
          min: xRange.min,
          max: xRange.max,
          title: {display: true, text: xTitle},
          ticks: {precision: integerX ? 0 : undefined, maxRotation: 0, callback: xTickLabel},
        },
        y: yScale(),
      },
    });
    redraw();
  });

  function redraw() {
    if (!chart) return;
    fitY();
    chart.update('none');
  }

  // Series i shown again. In place while its points' style holds: Chart.js re-reads a dataset's
  // options at every update, but keeps its points' shared options (markers, their colour) from
  // the first one, so a dataset whose points change style is replaced (a new one costs more).
  function restyle(i) {
    const next = look(raw[i], i);
    const d = chart.data.datasets[i];
    if (d.pointRadius === next.pointRadius && d.backgroundColor === next.backgroundColor) Object.assign(d, next);
    else chart.data.datasets[i] = dataset(raw[i], i);
  }

  function update(series) {
    raw = series.map((s) => ({...s, points: Array.from(s.points, toPoint)}));
    if (!chart) return;
    if (chart.data.datasets.length === raw.length) raw.forEach((_, i) => restyle(i));
    else chart.data.datasets = raw.map(dataset);
    redraw();
  }

  function append(index, points, {draw = true} = {}) {
    const series = raw[index];
    if (!series) return;
    const added = Array.from(points, toPoint);
    for (const p of added) series.points.push(p);
    if (!chart) return;
    const d = chart.data.datasets[index];
    if (maxPoints || xLog || (series.points.length > marked && d.pointRadius)) {
      restyle(index);  // thinned again, or long enough now for no markers
    } else {
      // Assigned again: with decimation on, Chart.js keeps the data behind a setter.
      for (const p of added) series.shown.push(shown(p));
      d.data = series.shown;
    }
    if (draw) redraw();
  }

  function setXRange(min, max) {
    Object.assign(xRange, {min, max});
    if (!chart) return;
    Object.assign(chart.options.scales.x, xRange);
  }

  function setLog(value) {
    useLog = Boolean(value);
    scaleSelect.value = useLog ? 'log' : 'linear';
    if (!chart) return;
    chart.options.scales.y = yScale();
    raw.forEach((_, i) => restyle(i));
    redraw();
  }

  return {
    node,
    canvas,
    ready,
    update,
    append,
    draw: redraw,
    setXRange,
    setLog,
    get log() {
      return useLog;
    },
    // Later calls (a redraw scheduled before the lab was left) do nothing.
    destroy() {
      destroyed = true;
      chart?.destroy();
      chart = null;
    },
  };
}
