// Lab 1 (MLP exercise 1): two classes of points in the plane, a one-hidden-layer network trained
// by backpropagation in the labs' worker, its decision boundary live over the points, and the
// accuracy and loss curves of training and validation. Points added by clicking join the
// training set; a CSV file's points (import.js) replace the generated ones. Every setting (and
// the added and imported points) lives in the address; imported points too many for it live in
// the settings file only (web/labs/page.js, checkSettings below).
import '../../styles/labs/clasificacion.css';
import {el} from '../../dom.js';
import {S} from '../../strings/index.js';
import {csvButton, exportBar, pngButton} from '../shared/ui/export.js';
import {createFields} from '../shared/ui/plane-field.js';
import {VIEW, classificationFields as FIELDS, readParams, writeParams} from '../shared/plane-settings.js';
import {createRunPanel} from '../shared/ui/plane-panel.js';
import {createRunBar, loadPoints, onSetting, planeLegend} from '../shared/ui/plane-controls.js';
import {buildScenario} from '../shared/plane-scenario.js';
import {pytorchExportControl} from '../../components/pytorch-export.js';
import {MAX_EXTRA, formatExtra, parseExtra, roundPoint} from './extra.js';
import {createPointsImport} from './import.js';
import {POINTS_IN_FILE, decodePoints, encodePoints, fitsAddress, importedData} from './points.js';
import {labelOf} from './settings.js';

export {checkSettings} from './settings.js';

export function mountLab(root, ctx) {
  const T = S.labs.clasificacion;
  const {values: settings, invalid} = readParams(FIELDS, ctx.params);
  const extraParsed = parseExtra(ctx.params.get('extra') ?? '');
  let extra = extraParsed.points;
  let data = null;
  let addClass = 1;
  // Imported points (a CSV file), or null: the generated points.
  const pointsText = ctx.params.get('points');
  const pointsParsed = pointsText === null || pointsText === POINTS_IN_FILE ? null : decodePoints(pointsText);
  let imported = pointsParsed?.ok ? pointsParsed.points : null;

  const notices = [];
  if (invalid.length) notices.push(T.badLink(invalid.map((name) => labelOf(name))));
  if (!extraParsed.ok) notices.push(T.badExtra);
  if (pointsText === POINTS_IN_FILE) notices.push(S.files.pointsNotInLink);
  else if (pointsParsed && !pointsParsed.ok) notices.push(S.files.badPoints);

  const panel = createRunPanel({runJob: ctx.runJob});
  const dataError = el('p', {class: 'clf-run-message', role: 'alert', hidden: true});

  // The address; imported points that do not fit in it go to the settings file only. Returns
  // whether the points are in the address.
  function writeAddress() {
    const query = {...writeParams(FIELDS, settings), extra: extra.length ? formatExtra(extra) : null};
    const text = imported && encodePoints(imported);
    const inAddress = !text || fitsAddress(text);
    if (text) query.points = inAddress ? text : POINTS_IN_FILE;
    ctx.setParams(query, {fileOnly: inAddress ? null : {points: text}});
    return inAddress;
  }

  // New data (a data setting changed): the core's points, or the imported ones split by the
  // validation share and the seed; then the network back to its start.
  function regenerate() {
    if (imported) {
      dataError.hidden = true;
      data = importedData(imported, settings.validation, settings.seed);
    } else data = loadPoints(ctx.core, settings, dataError);
    for (const name of ['shape', 'count', 'noise']) fields[name].node.hidden = Boolean(imported);
    pointsImport.showInUse(imported?.length ?? 0);
    reload();
  }

  function reload() {
    if (!data) return;
    const scenario = buildScenario(data, extra, settings);
    const rows = scenario.data.inputs.length;
    batchNote.hidden = settings.batch <= rows;
    batchNote.textContent = T.batchWhole(rows);
    counts.textContent = T.trainRows(rows, data.validation?.inputs?.length ?? 0);
    clearButton.textContent = T.clearAdded(extra.length);
    clearButton.disabled = extra.length === 0;
    panel.load({data, extra, scenario});
  }

  const onValue = onSetting({settings, write: writeAddress, regenerate, reload});
  const {fields, field} = createFields(FIELDS, settings, {labelOf, onValue});
  const seedButton = el('button', {type: 'button', class: 'clf-seed-new', onclick: () => {
    fields.seed.set(settings.seed + 1);
    onValue('seed', settings.seed + 1);
  }}, T.newSeed);
  const batchNote = el('p', {class: 'clf-field-hint', hidden: true});
  const counts = el('p', {class: 'clf-field-hint clf-counts'});

  // Adding points: the class to add, and clearing them.
  const classButtons = [0, 1].map((c) => el('button', {
    type: 'button', class: `clf-add-class clf-class-${c}`, 'aria-pressed': String(c === addClass),
    onclick: () => {
      addClass = c;
      classButtons.forEach((b, k) => b.setAttribute('aria-pressed', String(k === c)));
    },
  }, [el('span', {class: `clf-swatch clf-class-${c} filled`, 'aria-hidden': 'true'}), S.labs.heatmap.classes[c]]));
  const addNote = el('p', {class: 'clf-field-hint', role: 'status'});
  const clearButton = el('button', {type: 'button', class: 'clf-clear-added', onclick: () => {
    extra = [];
    addNote.textContent = '';
    writeAddress();
    reload();
  }}, T.clearAdded(0));

  panel.onClick((x, y) => {
    if (x < VIEW.x0 || x > VIEW.x1 || y < VIEW.y0 || y > VIEW.y1) return;
    if (extra.length >= MAX_EXTRA) {
      addNote.textContent = T.tooManyAdded(MAX_EXTRA);
      return;
    }
    extra = [...extra, roundPoint([x, y, addClass])];
    writeAddress();
    reload();
  });

  // The run's buttons.
  const runBar = createRunBar({id: 'clf-speed', speed: 5, play: (speed) => panel.play(speed), pause: () => panel.pause(), reset: reload});
  panel.onChange((state) => runBar.show([state]));

  const pointsImport = createPointsImport({
    addDropOpener: ctx.addDropOpener,
    imported(points) {
      imported = points;
      const inAddress = writeAddress();
      regenerate();
      return inAddress;
    },
    back() {
      imported = null;
      writeAddress();
      regenerate();
    },
  });

  const stamp = () => `${imported ? 'csv' : settings.shape}-h${settings.hidden}-s${settings.seed}`;
  const N = T.fileNames;
  const exports = exportBar([
    pngButton(() => panel.snapshot(), () => `${N.boundary}-${stamp()}.png`, {what: T.boundaryName}),
    pngButton(() => panel.charts().loss, () => `${N.loss}-${stamp()}.png`, {what: T.lossTitle}),
    pngButton(() => panel.charts().accuracy, () => `${N.accuracy}-${stamp()}.png`, {what: T.accuracyTitle}),
    csvButton(() => ({rows: panel.rows(), header: T.csvHeader}), () => `${N.curves}-${stamp()}.csv`, {what: T.csvName}),
  ]);

  const options = (map) => map;
  const controls = el('aside', {class: 'clf-controls'}, [
    el('fieldset', {}, [
      el('legend', {}, T.data),
      field('shape', {options: options(T.shapes)}),
      field('count'),
      field('noise'),
      field('validation'),
      el('div', {class: 'clf-seed-row'}, [field('seed'), seedButton]),
      counts,
    ]),
    el('fieldset', {}, [
      el('legend', {}, T.network),
      field('hidden'),
      field('activation', {options: S.activations}),
      el('p', {class: 'clf-field-hint'}, T.output),
    ]),
    el('fieldset', {}, [
      el('legend', {}, T.training),
      field('optimizer', {options: T.optimizers}),
      field('lr'),
      field('epochs'),
      field('batch'),
      batchNote,
    ]),
    el('fieldset', {class: 'clf-add'}, [
      el('legend', {}, T.addPoints),
      el('p', {class: 'clf-field-hint'}, T.addHint),
      el('div', {class: 'clf-add-classes', role: 'group', 'aria-label': T.addClass}, classButtons),
      clearButton,
      addNote,
    ]),
    pointsImport.node,
  ]);

  const look = el('section', {class: 'clf-look'}, [
    el('h3', {}, T.lookTitle),
    el('ul', {}, T.look.map((line) => el('li', {}, line))),
  ]);

  root.append(el('div', {class: 'lab-clasificacion'}, [
    notices.length ? el('div', {class: 'notice clf-notice', role: 'status'}, notices.map((n) => el('p', {}, n))) : null,
    el('div', {class: 'clf-layout'}, [
      controls,
      el('div', {class: 'clf-results'}, [
        runBar.node,
        dataError,
        panel.node,
        planeLegend(),
        exports,
        pytorchExportControl({core: ctx.core, scenario: () => data && buildScenario(data, extra, settings)}),
        look,
      ]),
    ]),
  ]));
  panel.node.classList.add('clf-single');
  regenerate();
  if (invalid.length || !extraParsed.ok || pointsText !== null) writeAddress();

  return {
    destroy() {
      panel.destroy();
    },
  };
}

