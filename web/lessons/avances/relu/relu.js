// Part 5's piece: the share of dead hidden units over training (the core's Trainer deadUnits(),
// read by the labs' `train` job every k steps), ReLU against Leaky ReLU on the same network and
// data, both at once in the worker pool.
//
//   mountRelu(container, part) → {destroy()}
//   part: {core, values (the page's settings), update() (into the address), form(), runJob} (page.js)
import {el} from '../../../dom.js';
import {formatPercent} from '../../../format.js';
import {S} from '../../../strings/index.js';
import {createProgress} from '../../../labs/shared/ui/progress.js';
import {createLineChart} from '../../../labs/shared/ui/line-chart.js';
import {csvButton, exportBar, pngButton} from '../../../labs/shared/ui/export.js';
import {reluFields} from '../settings.js';
import {describeJobError} from '../../../labs/jobs-client.js';
import {RELU_DATA, deadEvery, deadRows, reluScenarios} from './scenario.js';

const COLOURS = {relu: '#0072b2', leaky_relu: '#d55e00'};

export function mountRelu(container, part) {
  const T = S.avances.relu;
  const values = part.values;
  const form = part.form(reluFields, {labels: {relu_eta: T.eta, relu_pasos: T.steps}});
  const chart = createLineChart({xTitle: T.step, yTitle: T.share, logToggle: false, yMin: 0, yMax: 1, xMin: 0,
    yFormat: (y) => formatPercent(y, {digits: 0}), label: T.chartLabel});
  const progress = createProgress({onCancel: () => run?.forEach((r) => r.cancel())});
  progress.hidden = true;
  const summary = el('p', {class: 'init-summary', role: 'status'});
  const button = el('button', {type: 'button', class: 'relu-run primary', onclick: () => start()}, T.run);
  let rows = [];  // per activation: [[step, share, layers]…]
  let run = null;  // the two runs in flight

  function start() {
    const read = form.read();
    if (!read.ok) return;
    Object.assign(values, read.values);
    part.update();
    run?.forEach((r) => r.cancel());
    const data = part.core.data(RELU_DATA);
    const runs = reluScenarios(data, {eta: values.relu_eta, steps: values.relu_pasos});
    rows = runs.map(() => []);
    const series = () => runs.map(({activation}, k) => ({label: S.activations[activation], color: COLOURS[activation],
      dash: k ? [6, 3] : [], points: rows[k].map(([step, share]) => [step, share])}));
    chart.update(series());
    chart.setXRange(0, values.relu_pasos);
    summary.textContent = '';
    const total = values.relu_pasos * runs.length;
    const done = runs.map(() => 0);
    progress.hidden = false;
    progress.start(total);
    const current = runs.map(({scenario}, k) => part.runJob('train', {scenario, steps: values.relu_pasos,
      lossEvery: values.relu_pasos, evaluateEvery: 0, normsEvery: 0, deadUnitsEvery: deadEvery(values.relu_pasos), grid: null, frameMs: 100},
    {onProgress: (p) => {
      const added = deadRows(p.deadUnits ?? []);
      rows[k].push(...added);
      chart.append(k, added.map(([step, share]) => [step, share]));
      done[k] = p.done;
      progress.set(done.reduce((a, b) => a + b, 0), total);
    }}));
    run = current;
    Promise.all(current.map((r) => r.promise)).then((outcomes) => {
      if (run !== current) return;
      if (outcomes.some((o) => o.status !== 'done')) return progress.cancelled();
      progress.finish(S.labs.progress.done(Math.max(...outcomes.map((o) => o.wallMs))));
      summary.textContent = T.summary(runs.map(({activation}, k) => [S.activations[activation], rows[k].at(-1)?.[1] ?? 0]));
    }, (error) => {
      if (run !== current) return;
      current.forEach((r) => r.cancel());
      progress.fail(describeJobError(error));
    });
  }

  const stamp = () => `eta_${values.relu_eta}-${T.fileNames.steps}_${values.relu_pasos}`;
  container.append(el('div', {class: 'relu'}, [
    el('div', {class: 'race-controls'}, [form.node('relu_eta'), form.node('relu_pasos')]),
    el('p', {class: 'race-hint'}, T.setup),
    button,
    progress.node,
    summary,
    el('figure', {class: 'init-figure'}, [el('figcaption', {}, T.chartLabel), chart.node]),
    exportBar([
      pngButton(chart.canvas, () => `${T.fileNames.name}-${stamp()}.png`, {what: T.chartLabel}),
      csvButton(() => ({header: T.csvHeader, rows: rows.flatMap((list, k) => list.map(([step, share, layers]) =>
        [['relu', 'leaky_relu'][k], step, share, layers.join(' ')]))}), () => `${T.fileNames.name}-${stamp()}.csv`, {what: T.chartLabel}),
    ]),
  ]));

  return {
    destroy() {
      run?.forEach((r) => r.cancel());
      chart.destroy();
    },
  };
}
