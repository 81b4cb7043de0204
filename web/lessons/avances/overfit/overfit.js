// Part 3's piece: the same network on the same noisy points trained twice side by side, as it is
// and with L2 (and dropout, where the core has it): training and validation curves, both
// boundaries. The labs' plane pieces (web/labs/shared/ui/plane-panel.js, plane-controls.js) run
// and draw it, in the labs' worker.
//
//   mountOverfit(container, part) → {destroy()}
//   part: {core, values (the page's settings), update() (into the address), form(), runJob, overfitNeeds()} (page.js)
import {el} from '../../../dom.js';
import {S} from '../../../strings/index.js';
import {createRunPanel, planePoints} from '../../../labs/shared/ui/plane-panel.js';
import {createRunBar, loadPoints} from '../../../labs/shared/ui/plane-controls.js';
import {csvButton, exportBar, pngButton} from '../../../labs/shared/ui/export.js';
import {overfitFields} from '../settings.js';
import {overfitScenarios, overfitSettings} from './scenario.js';
import {mountEarlyStop} from './early-stop.js';

export function mountOverfit(container, part) {
  const T = S.avances.overfit;
  const values = part.values;
  const fields = overfitFields;
  const labels = {ruido: T.noise, l2: T.l2, dropout: T.dropout, epocas: T.epochs, paciencia: T.patience};
  const form = part.form(fields, {
    labels,
    then: (previous) => (previous.ruido !== values.ruido ? regenerate() : reload()),
  });
  const panels = [
    createRunPanel({runJob: part.runJob, title: T.plain, accuracy: false, className: 'overfit-plain'}),
    createRunPanel({runJob: part.runJob, title: T.regularized, accuracy: false, className: 'overfit-regularized'}),
  ];
  const dataError = el('p', {class: 'race-message', role: 'alert', hidden: true});
  const runBar = createRunBar({id: 'overfit-speed', speed: 20,
    play: (speed) => panels.forEach((p) => p.play(speed)), pause: () => panels.forEach((p) => p.pause()), reset: () => reload()});
  panels.forEach((p) => p.onChange(() => runBar.show(panels.map((q) => q.state))));

  let data = null;
  function regenerate() {
    data = loadPoints(part.core, overfitSettings(values), dataError);
    reload();
  }
  function reload() {
    if (!data) return;
    const [plain, regularized] = overfitScenarios(data, values);
    panels[0].load({data, extra: [], scenario: plain});
    panels[1].load({data, extra: [], scenario: regularized});
    early?.reset();
  }

  const N = T.fileNames;
  const stamp = () => `${N.noise}_${values.ruido}-l2_${values.l2}-p_${values.dropout}`;
  container.append(el('div', {class: 'overfit'}, [
    el('div', {class: 'race-controls'}, Object.keys(fields).map((name) => form.node(name))),
    el('p', {class: 'race-hint'}, T.setup),
    runBar.node,
    dataError,
    el('div', {class: 'overfit-pair'}, panels.map((p) => p.node)),
    exportBar([
      pngButton(() => panels[0].snapshot(), () => `${N.name}-${N.boundary}-${N.plain}-${stamp()}.png`, {text: T.exports.boundaryPlain}),
      pngButton(() => panels[1].snapshot(), () => `${N.name}-${N.boundary}-${N.regularized}-${stamp()}.png`, {text: T.exports.boundaryRegularized}),
      pngButton(() => panels[0].charts().loss, () => `${N.name}-${N.curves}-${N.plain}-${stamp()}.png`, {text: T.exports.lossPlain}),
      pngButton(() => panels[1].charts().loss, () => `${N.name}-${N.curves}-${N.regularized}-${stamp()}.png`, {text: T.exports.lossRegularized}),
      csvButton(() => ({header: T.curvesHeader, rows: panels.flatMap((p, k) => p.rows().map((r) => [T.runNames[k], ...r]))}),
        () => `${N.name}-${N.curves}-${stamp()}.csv`, {text: T.exports.curves}),
    ]),
  ]));
  // Early stopping: the plain network, stopped by its validation loss.
  const early = mountEarlyStop(container.querySelector('.overfit'), {part,
    scenario: () => (data ? overfitScenarios(data, values)[0] : null), points: () => (data ? planePoints(data, []) : [])});
  regenerate();

  return {
    destroy() {
      early?.destroy();
      panels.forEach((p) => p.destroy());
    },
  };
}
