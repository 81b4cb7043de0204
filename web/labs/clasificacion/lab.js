// Lab 1 (MLP exercise 1): two classes of points in the plane, a one-hidden-layer network trained
// by backpropagation in the labs' worker, its decision boundary live over the points, and the
// accuracy and loss curves of training and validation. Points added by clicking join the
// training set; every setting (and the added points) lives in the address.
import '../../styles/labs/clasificacion.css';
import {el} from '../../dom.js';
import {S} from '../../strings/index.js';
import {describeJobError} from '../jobs-client.js';
import {csvButton, exportBar, pngButton} from '../ui/export.js';
import {createField} from './form.js';
import {MAX_EXTRA, VIEW, classificationFields as FIELDS, formatExtra, parseExtra, readParams, roundPoint, writeParams} from './params.js';
import {CLASS_COLOURS, createRunPanel} from './panel.js';
import {buildScenario, dataSpec} from './scenario.js';

const DATA_FIELDS = ['shape', 'count', 'noise', 'validation', 'seed'];
export const SPEEDS = [1, 5, 20, 0];

// The legend under a plane: the two classes, filled/hollow/ringed, the colour scale.
export function planeLegend() {
  const T = S.labs.clasificacion;
  const swatch = (c, kind) => el('span', {class: `clf-swatch clf-class-${c} ${kind}`, 'aria-hidden': 'true'});
  return el('ul', {class: 'clf-legend'}, [
    el('li', {}, [swatch(0, 'filled'), S.labs.heatmap.classes[0]]),
    el('li', {}, [swatch(1, 'filled'), S.labs.heatmap.classes[1]]),
    el('li', {}, [swatch(0, 'hollow'), T.legendValidation]),
    el('li', {}, [swatch(0, 'ringed'), T.legendAdded]),
    el('li', {}, [el('span', {class: 'clf-scale', 'aria-hidden': 'true'}), T.legendProbability]),
  ]);
}

export function mountLab(root, ctx) {
  const T = S.labs.clasificacion;
  const {values: settings, invalid} = readParams(FIELDS, ctx.params);
  const extraParsed = parseExtra(ctx.params.get('extra') ?? '');
  let extra = extraParsed.points;
  let data = null;
  let addClass = 1;
  let speed = 5;

  const notices = [];
  if (invalid.length) notices.push(T.badLink(invalid.map((name) => labelOf(name))));
  if (!extraParsed.ok) notices.push(T.badExtra);

  const panel = createRunPanel({runJob: ctx.runJob});
  const dataError = el('p', {class: 'clf-run-message', role: 'alert', hidden: true});

  function labelOf(name) {
    return {validation: T.validationShare}[name] ?? T[name] ?? name;
  }

  function writeAddress() {
    ctx.setParams({...writeParams(FIELDS, settings), extra: extra.length ? formatExtra(extra) : null});
  }

  // New data from the core (a data setting changed), then the network back to its start.
  function regenerate() {
    try {
      data = ctx.core.data(dataSpec(settings));
      dataError.hidden = true;
    } catch (error) {
      data = null;
      dataError.textContent = T.failedRun(describeJobError(error));
      dataError.hidden = false;
    }
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

  function onValue(name, value) {
    if (settings[name] === value) return;
    settings[name] = value;
    writeAddress();
    if (DATA_FIELDS.includes(name)) regenerate();
    else reload();
  }

  const fields = {};
  const field = (name, options = {}) => {
    fields[name] = createField(name, FIELDS[name], {label: labelOf(name), value: settings[name], onValue, ...options});
    return fields[name].node;
  };
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
  const playButton = el('button', {type: 'button', class: 'clf-play primary', onclick: () => panel.play(speed)}, T.play);
  const pauseButton = el('button', {type: 'button', class: 'clf-pause', disabled: true, onclick: () => panel.pause()}, T.pause);
  const resetButton = el('button', {type: 'button', class: 'clf-reset', title: T.resetHint, onclick: () => reload()}, T.reset);
  const speedSelect = el('select', {id: 'clf-speed', class: 'clf-speed'},
    SPEEDS.map((s) => el('option', {value: String(s)}, T.speeds[s])));
  speedSelect.value = String(speed);
  speedSelect.addEventListener('change', () => {
    speed = Number(speedSelect.value);
  });
  panel.onChange((state) => {
    playButton.textContent = state === 'paused' ? T.resume : T.play;
    playButton.disabled = state === 'running' || state === 'failed';
    pauseButton.disabled = state !== 'running';
  });

  const stamp = () => `${settings.shape}-h${settings.hidden}-s${settings.seed}`;
  const exports = exportBar([
    pngButton(() => panel.snapshot(), () => `frontera-${stamp()}.png`, {what: T.boundaryName}),
    pngButton(() => panel.charts().loss, () => `perdida-${stamp()}.png`, {what: T.lossTitle}),
    pngButton(() => panel.charts().accuracy, () => `exactitud-${stamp()}.png`, {what: T.accuracyTitle}),
    csvButton(() => ({rows: panel.rows(), header: T.csvHeader}), () => `curvas-${stamp()}.csv`, {what: T.csvName}),
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
        el('div', {class: 'clf-run-bar'}, [
          playButton, pauseButton, resetButton,
          el('label', {for: 'clf-speed', class: 'clf-speed-label'}, T.speed), speedSelect,
        ]),
        dataError,
        panel.node,
        planeLegend(),
        exports,
        look,
      ]),
    ]),
  ]));
  panel.node.classList.add('clf-single');
  regenerate();
  if (invalid.length || !extraParsed.ok) writeAddress();

  return {
    destroy() {
      panel.destroy();
    },
  };
}

export {CLASS_COLOURS};
