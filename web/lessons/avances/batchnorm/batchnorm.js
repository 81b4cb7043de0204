// Part 4's piece: a deep sigmoid network trained without and with batch normalization (the labs'
// `train` job, both at once in the worker pool), their loss curves together; and a link that opens
// lesson 1's stepper on a small example with batch norm.
//
//   mountBatchNorm(container, part) → {destroy()}
//   part: {core, values (the page's settings), update() (into the address), form(), runJob} (page.js)
import {el} from '../../../dom.js';
import {formatNumber} from '../../../format.js';
import {S} from '../../../strings/index.js';
import {encodeScenario} from '../../../share.js';
import {describeJobError} from '../../../labs/jobs-client.js';
import {createProgress} from '../../../labs/shared/ui/progress.js';
import {createLineChart} from '../../../labs/shared/ui/line-chart.js';
import {csvButton, exportBar, pngButton} from '../../../labs/shared/ui/export.js';
import {bnFields} from '../settings.js';
import {BN_DATA, bnScenarios, lossEvery, stepperExample} from './scenario.js';

const COLOURS = ['#0072b2', '#d55e00'];

export function mountBatchNorm(container, part) {
  const T = S.avances.batchnorm;
  const values = part.values;
  const form = part.form(bnFields, {labels: {bn_eta: T.eta, bn_pasos: T.steps}});
  const chart = createLineChart({xTitle: T.step, yTitle: T.loss, log: true, label: T.chartLabel, xMin: 0});
  const progress = createProgress({onCancel: () => runs.forEach((r) => r.cancel())});
  progress.hidden = true;
  const summary = el('p', {class: 'init-summary', role: 'status'});
  const message = el('p', {class: 'race-message', role: 'alert', hidden: true});
  const button = el('button', {type: 'button', class: 'bn-run primary', onclick: () => start()}, T.run);
  let runs = [];
  let curves = [[], []];

  function start() {
    const read = form.read();
    if (!read.ok) return;
    Object.assign(values, read.values);
    part.update();
    runs.forEach((r) => r.cancel());
    message.hidden = true;
    const data = part.core.data(BN_DATA);
    const pairs = bnScenarios(data, {eta: values.bn_eta, steps: values.bn_pasos});
    curves = pairs.map(() => []);
    chart.update(pairs.map((p, k) => ({label: p.batchNorm ? T.with : T.without, color: COLOURS[k], dash: k ? [6, 3] : [], points: []})));
    chart.setXRange(0, values.bn_pasos);
    const done = pairs.map(() => 0);
    const total = values.bn_pasos * pairs.length;
    progress.hidden = false;
    progress.start(total);
    const current = pairs.map(({scenario}, k) => part.runJob('train', {scenario, steps: values.bn_pasos, lossEvery: lossEvery(values.bn_pasos),
      evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 100}, {onProgress: (p) => {
      curves[k].push(...p.losses);
      chart.append(k, p.losses);
      done[k] = p.done;
      progress.set(done[0] + done[1], total);
    }}));
    runs = current;
    Promise.all(current.map((r) => r.promise)).then((outcomes) => {
      if (runs !== current) return;
      if (outcomes.some((o) => o.status !== 'done')) return progress.cancelled();
      progress.finish(S.labs.progress.done(Math.max(...outcomes.map((o) => o.wallMs))));
      summary.textContent = T.summary(curves.map((c) => c.at(-1)?.[1]).map(formatNumber));
    }, (error) => {
      if (runs !== current) return;
      runs.forEach((r) => r.cancel());
      progress.fail(describeJobError(error));
    });
  }

  const stamp = () => `eta_${values.bn_eta}-${T.fileNames.steps}_${values.bn_pasos}`;
  const stepper = `#/mlp?s=${encodeScenario(stepperExample())}`;
  container.append(el('div', {class: 'bn'}, [
    el('div', {class: 'race-controls'}, [form.node('bn_eta'), form.node('bn_pasos')]),
    el('p', {class: 'race-hint'}, T.setup),
    button,
    progress.node,
    message,
    summary,
    el('figure', {class: 'init-figure'}, [el('figcaption', {}, T.chartLabel), chart.node]),
    exportBar([
      pngButton(chart.canvas, () => `${T.fileNames.name}-${stamp()}.png`, {what: T.chartLabel}),
      csvButton(() => ({header: T.csvHeader, rows: curves.flatMap((c, k) => c.map(([i, loss]) => [k ? T.csvValues.with : T.csvValues.without, i, loss]))}),
        () => `${T.fileNames.name}-${stamp()}.csv`, {what: T.chartLabel}),
    ]),
    el('p', {class: 'bn-stepper'}, el('a', {href: stepper}, T.stepperLink)),
  ]));

  return {
    destroy() {
      runs.forEach((r) => r.cancel());
      chart.destroy();
    },
  };
}
