// Lab 9, part 1: the scale × length map. The `normsGrid` job (web/labs/jobs/norms-grid.js) runs
// core.norms for every cell in the worker, a row of lengths at a time; the map fills in as rows
// arrive; a selected cell shows ‖h̄_t‖ against t (log axis).
//
//   const panel = createGridPanel({E, Q, values, runJob, onChange(values)}); panel.node; panel.destroy()
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {richText} from '../../math.js';
import {createProgress} from '../ui/progress.js';
import {csvButton, exportBar, pngButton} from '../ui/export.js';
import {createForm} from '../secuencias/form.js';
import {cellOf, gridFields, LENGTHS, logScales} from './grid.js';
import {createGridView} from './grid-view.js';

const STEADY = 3;  // decades: within ±3 the gradient "arrives" (as lesson 2's explorer says)

export function createGridPanel({E, Q, values, runJob, onChange}) {
  let job = null;
  let result = null;        // {scales, lengths, norms: lengths × scales}
  let cells = [];
  let selected = null;      // [i, j]
  let chart = null;
  let frame = 0;
  let destroyed = false;

  const form = createForm(gridFields, values, {
    labels: E.grid, reasons: Q.form.reasons, prefix: 'exp-grid', onChange,
    options: {gf: Q.form.activations, gtask: Q.tasks, glengths: E.lengthSets},
    check: (v) => (v.gscaleMin >= v.gscaleMax ? {gscaleMin: E.scaleOrder(E.grid.gscaleMin)} : {}),
  });
  const button = el('button', {type: 'submit', class: 'seq-run'}, E.computeGrid);
  const status = el('p', {class: 'seq-status', role: 'status'});
  const progress = createProgress({onCancel: () => job?.cancel()});
  const view = createGridView({label: E.gridLabel, axisScale: E.axisScale, axisLength: E.axisLength, onSelect: select});
  const curveCanvas = el('canvas', {role: 'img', 'aria-label': E.curveTitle});
  const cellTitle = el('p', {class: 'exp-cell-title'});
  const cellVerdict = el('p', {class: 'exp-cell-verdict'});
  const curveBox = el('figure', {class: 'seq-figure exp-curve', hidden: true}, [
    el('figcaption', {}, [E.curveTitle, ' ', exportBar([
      pngButton(curveCanvas, () => `${E.curveExport}.png`, {what: E.curveTitle}),
      csvButton(() => ({header: E.curveCsv, rows: curveRows()}), () => `${E.curveExport}.csv`, {what: E.curveTitle}),
    ])]),
    cellTitle,
    el('div', {class: 'seq-chart-box'}, curveCanvas),
    cellVerdict,
  ]);

  const legend = el('div', {class: 'exp-legend'}, [
    el('span', {}, E.legendVanish),
    el('span', {class: 'exp-legend-bar'}),
    el('span', {}, E.legendExplode),
    el('span', {class: 'exp-legend-scale'}, [E.legendDecades(-24), E.legendDecades(0), E.legendDecades(24)].map((t) => el('span', {}, t))),
    el('ul', {class: 'exp-legend-special'}, Object.entries(E.legendSpecial).map(([k, t]) => el('li', {}, [el('span', {class: `exp-swatch exp-swatch-${k}`}), t]))),
  ]);

  const controls = el('form', {class: 'exp-grid-controls', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    start();
  }}, [
    el('div', {class: 'exp-fields'}, Object.keys(gridFields).map((n) => form.node(n))),
    el('div', {class: 'exp-actions'}, [button, progress.node]),
    status,
  ]);
  const node = el('section', {class: 'seq-panel exp-part'}, [
    el('h2', {}, E.gridTitle),
    el('p', {}, richText(E.gridIntro)),
    el('p', {class: 'seq-observe'}, richText(E.gridObserve)),
    controls,
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
  ]);

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
    frame = 0;
    if (result) view.draw({scales: result.scales, lengths: result.lengths, cells});
  }
  const schedule = () => {
    if (!frame && !destroyed) frame = requestAnimationFrame(redraw);
  };

  async function start() {
    if (job) return;
    const v = form.read();
    if (!v) {
      status.textContent = E.fixFields;
      return;
    }
    status.textContent = '';
    const scales = logScales(v.gscaleMin, v.gscaleMax, v.gscales);
    const lengths = LENGTHS[v.glengths];
    result = {scales, lengths, norms: []};
    cells = [];
    selected = null;
    view.select(null);
    curveBox.hidden = true;
    button.disabled = true;
    button.textContent = E.computing;
    job = runJob('normsGrid', {task: v.gtask, activation: v.gf, hidden: v.ghidden, scales, lengths, seed: v.gseed}, {
      onProgress: (p) => {
        result.norms[p.row] = p.norms;
        cells[p.row] = p.norms.map(cellOf);
        progress.set(p.row + 1, lengths.length);
        schedule();
      },
    });
    progress.track(job, {total: lengths.length});
    try {
      const outcome = await job.promise;
      if (destroyed) return;
      if (outcome.status === 'done') {
        result = outcome.result;
        cells = result.norms.map((row) => row.map(cellOf));
        schedule();
        // the middle of the map to start with: a student sees a curve at once
        select(Math.floor(scales.length / 2), Math.floor(lengths.length / 2));
      }
    } catch {
      // the progress bar shows the refusal in Spanish
    } finally {
      job = null;
      if (!destroyed) {
        button.disabled = false;
        button.textContent = E.computeGrid;
      }
    }
  }

  async function select(i, j) {
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
    if (!chart) {
      const {createCurves} = await import('../secuencias/chart.js');
      if (destroyed) return;
      chart ??= createCurves(curveCanvas, {x: E.axisT, y: E.axisNorm, log: true, series: [{label: '', color: '#b4441b'}], xTitle: (t) => `t = ${t}`});
    }
    if (selected[0] !== i || selected[1] !== j) return;
    chart.series([{label: E.curveSeries(s, T), color: '#b4441b', width: 2, data: (h ?? []).map((y, t) => ({x: t + 1, y: y ?? NaN}))}]);
    chart.draw();
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
    node,
    destroy() {
      destroyed = true;
      job?.cancel();
      if (frame) cancelAnimationFrame(frame);
      view.destroy();
      chart?.destroy();
    },
  };
}
