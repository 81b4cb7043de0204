// Lab 9, part 1: the scale × length map. The `normsGrid` job (web/labs/jobs/norms-grid.js) runs
// core.norms for every cell in the worker, a row of lengths at a time; the map fills in as rows
// arrive; a selected cell shows ‖h̄_t‖ against t (log axis).
//
//   const panel = createGridPanel({E, Q, values, runJob, onChange(values)}); panel.node; panel.destroy()
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {csvButton, exportBar, pngButton} from '../shared/ui/export.js';
import {createLineChart} from '../shared/ui/line-chart.js';
import {createForm} from '../../forms/settings-form.js';
import {cellOf, gridFields, LENGTHS, logScales} from './grid.js';
import {createGridView} from './grid-view.js';
import {createPart} from './part.js';

const STEADY = 3;  // decades: within ±3 the gradient "arrives" (as lesson 2's explorer says)

export function createGridPanel({E, Q, values, runJob, onChange}) {
  let result = null;        // {scales, lengths, norms: lengths × scales}
  let cells = [];
  let selected = null;      // [i, j]

  const form = createForm(gridFields, values, {
    labels: E.grid, reasons: Q.form.reasons, prefix: 'seq', onChange: ({ok, values: v}) => ok && onChange(v),
    options: {gf: Q.form.activations, gtask: Q.tasks, glengths: E.lengthSets},
    rules: (v) => (v.gscaleMin >= v.gscaleMax ? {gscaleMin: E.scaleOrder(E.grid.gscaleMin)} : {}),
  });
  const view = createGridView({label: E.gridLabel, axisScale: E.axisScale, axisLength: E.axisLength, onSelect: select});
  const chart = createLineChart({xTitle: E.axisT, yTitle: E.axisNorm, log: true, logToggle: false, label: E.curveTitle, tooltipTitle: (t) => `t = ${t}`});
  const cellTitle = el('p', {class: 'exp-cell-title'});
  const cellVerdict = el('p', {class: 'exp-cell-verdict'});
  const curveBox = el('figure', {class: 'seq-figure exp-curve', hidden: true}, [
    el('figcaption', {}, [E.curveTitle, ' ', exportBar([
      pngButton(chart.canvas, () => `${E.curveExport}.png`, {what: E.curveTitle}),
      csvButton(() => ({header: E.curveCsv, rows: curveRows()}), () => `${E.curveExport}.csv`, {what: E.curveTitle}),
    ])]),
    cellTitle,
    chart.node,
    cellVerdict,
  ]);

  const legend = el('div', {class: 'exp-legend'}, [
    el('span', {}, E.legendVanish),
    el('span', {class: 'exp-legend-bar'}),
    el('span', {}, E.legendExplode),
    el('span', {class: 'exp-legend-scale'}, [E.legendDecades(-24), E.legendDecades(0), E.legendDecades(24)].map((t) => el('span', {}, t))),
    el('ul', {class: 'exp-legend-special'}, Object.entries(E.legendSpecial).map(([k, t]) => el('li', {}, [el('span', {class: `exp-swatch exp-swatch-${k}`}), t]))),
  ]);

  const part = createPart({
    E, form, names: Object.keys(gridFields), className: 'exp-grid-controls', title: E.gridTitle, intro: E.gridIntro,
    observe: E.gridObserve, idle: E.computeGrid, busy: E.computing, run: start, draw: redraw, owned: [view, chart], results: [
      el('div', {class: 'exp-grid-layout'}, [
        el('figure', {class: 'seq-figure exp-map'}, [
          el('figcaption', {}, [E.gridLabel.split(':')[0], ' ', exportBar([
            pngButton(view.canvas, `${E.gridExport}.png`, {what: E.gridLabel.split(':')[0]}),
            csvButton(() => ({header: E.gridCsv, rows: csvRows()}), `${E.gridExport}.csv`, {what: E.gridLabel.split(':')[0]}),
          ])]),
          view.node,
          legend,
          el('p', {class: 'seq-hint'}, E.gridHint),
        ]),
        curveBox,
      ]),
    ],
  });

  function csvRows() {
    if (!result) return [];
    const rows = [];
    result.norms.forEach((row, j) => row.forEach((h, i) => {
      const cell = cells[j][i];
      rows.push([result.scales[i], result.lengths[j], cell.kind === 'ratio' ? cell.log10 : null, h?.[0] ?? null, h?.at(-1) ?? null]);
    }));
    return rows;
  }

  // The selected cell's ‖h̄_t‖, t = 1..T (empty where the core wrote ∞ or NaN as null).
  function curveRows() {
    if (!selected || !result?.norms[selected[1]]) return [];
    const [i, j] = selected;
    return (result.norms[j][i] ?? []).map((v, t) => [result.scales[i], result.lengths[j], t + 1, v]);
  }

  function redraw() {
    if (result) view.draw({scales: result.scales, lengths: result.lengths, cells});
  }
  const schedule = () => part.schedule();

  async function start(v) {
    const scales = logScales(v.gscaleMin, v.gscaleMax, v.gscales);
    const lengths = LENGTHS[v.glengths];
    result = {scales, lengths, norms: []};
    cells = [];
    selected = null;
    view.select(null);
    curveBox.hidden = true;
    const job = part.track(runJob('normsGrid', {task: v.gtask, activation: v.gf, hidden: v.ghidden, scales, lengths, seed: v.gseed}, {
      onProgress: (p) => {
        result.norms[p.row] = p.norms;
        cells[p.row] = p.norms.map(cellOf);
        part.set(p.row + 1, lengths.length);
        schedule();
      },
    }), lengths.length);
    try {
      const outcome = await job.promise;
      if (part.destroyed || outcome.status !== 'done') return;
      result = outcome.result;
      cells = result.norms.map((row) => row.map(cellOf));
      schedule();
      // the middle of the map to start with: a student sees a curve at once
      select(Math.floor(scales.length / 2), Math.floor(lengths.length / 2));
    } catch {
      // the progress bar shows the refusal in Spanish
    }
  }

  function select(i, j) {
    if (!result?.norms[j]) return;
    selected = [i, j];
    view.select(i, j);
    const h = result.norms[j][i];
    const cell = cells[j][i];
    const s = result.scales[i];
    const T = result.lengths[j];
    cellTitle.textContent = E.cellTitle(s, T);
    cellVerdict.textContent = verdict(cell);
    cellVerdict.className = `exp-cell-verdict exp-verdict-${verdictKind(cell)}`;
    curveBox.hidden = false;
    chart.update([{label: E.curveSeries(s, T), color: '#b4441b', width: 2, dash: [], points: (h ?? []).map((y, t) => [t + 1, y])}]);
  }

  const verdictKind = (cell) => (cell.kind !== 'ratio' ? cell.kind
    : cell.log10 < -STEADY ? 'vanishes' : cell.log10 > STEADY ? 'explodes' : 'steady');
  function verdict(cell) {
    const kind = verdictKind(cell);
    const V = E.cellVerdict;
    if (kind === 'vanishes') return V.vanishes(formatNumber(Math.round(-cell.log10)));
    if (kind === 'explodes') return V.explodes(formatNumber(Math.round(cell.log10)));
    return V[kind];
  }

  return {
    node: part.node,
    destroy: () => part.destroy(),
  };
}
