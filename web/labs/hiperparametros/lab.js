// Lab 5 (MLP exercise 5): grid or random search over the learning rate, the hidden size and the
// epochs of lab 1's network, scored on the validation set. The runs are split between the labs'
// two workers (job `search`); the page draws what they report: the map, the best configuration
// with its link into lab 1, and the table of every configuration.
import {el} from '../../dom.js';
import {formatNumber} from '../../format.js';
import {richText} from '../../math.js';
import {S} from '../../strings/index.js';
import {describeJobError} from '../jobs-client.js';
import {createProgress} from '../shared/ui/progress.js';
import {csvButton, exportBar, pngButton} from '../shared/ui/export.js';
import {lastData} from '../shared/data.js';
import {dataSpec, stepsPerEpoch} from '../shared/plane-scenario.js';
import {checkpointsOf, configurationCount, lrValues, runsOf, splitRuns} from './configs.js';
import {createForm} from './form.js';
import {createMap, short} from './map.js';
import {bestRow, csvRows, lab1Link, lossRange} from './results.js';
import {readParams, writeParams} from './settings.js';
import {createTable} from './table.js';
import '../../styles/labs/hiperparametros.css';

const TABLE_EVERY_MS = 1000;  // the table is redrawn at most this often during a search
// Jobs the search is split into: one per worker of the labs' pool (min(2, cores)). Measured on two
// busy cores, one job instead of two made the search 1.5-2× longer without fewer long tasks.
const workers = () => Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));

const writeParamsText = (values) => new URLSearchParams(writeParams(values)).toString();

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading.
export const checkSettings = (params) => readParams(params).invalid.map((n) => S.labs.hiperparametros.form.labels[n] ?? n);

export function mountLab(root, ctx) {
  const L = S.labs.hiperparametros;
  const F = L.form;
  const {values: initial, invalid} = readParams(ctx.params);
  let settings = initial;  // the last valid settings (what the address holds)
  // The training rows: the core's split of the points the settings draw.
  const points = lastData(ctx.core, dataSpec);
  const trainingCount = (s) => points(s).inputs.length;
  const epochSteps = (s) => stepsPerEpoch(s.batch, trainingCount(s));

  // ---- the search shown: its settings, runs, rows so far
  let search = null;       // {id, settings, runs, checkpoints, lrs, hiddens, configurations, rows,
                           //  jobs: [{done, total}], status: 'running' | 'done' | 'cancelled' | 'failed'}
  let running = [];        // job handles of the search in progress
  let frame = 0;
  let tableShownAt = 0;
  let epochsTouched = false;
  let hovered = null;
  let drawnKey = '';        // what render() last drew
  let bestKey = '';

  const notice = el('p', {class: 'hp-notice', role: 'status', hidden: invalid.length === 0},
    invalid.length ? F.badLink(invalid.map((n) => F.labels[n] ?? n).join(', ')) : '');
  const form = createForm(initial, {onChange: changed});
  const plan = el('p', {class: 'hp-plan', 'aria-live': 'polite'});
  const fixFields = el('p', {class: 'lab-field-error hp-fix', role: 'alert', hidden: true}, L.fixFields);
  const stale = el('p', {class: 'hp-stale', hidden: true}, L.stale);
  const runButton = el('button', {type: 'submit', form: 'hp-form', class: 'hp-run'}, L.run);
  const progress = createProgress({onCancel: cancel});
  progress.hidden = true;
  const group = (title, names) => el('fieldset', {class: 'hp-group'}, [el('legend', {}, title), ...names.map((n) => form.node(n))]);
  const controls = el('form', {class: 'hp-controls', id: 'hp-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    start();
  }}, [
    group(L.groups.search, ['mode', 'lrMin', 'lrMax', 'lrScale', 'lrCount', 'hidden', 'epochs', 'checkpoints', 'trials', 'searchSeed']),
    group(L.groups.model, ['activation', 'batch']),
    group(L.groups.data, ['shape', 'count', 'noise', 'validation', 'seed']),
  ]);
  // Above the results: the button (the form's own, Enter in a field runs it too), what the search
  // will train, and its progress.
  const runBar = el('section', {class: 'hp-run-bar'}, [
    el('div', {class: 'hp-run-row'}, [runButton, plan]),
    fixFields,
    stale,
    progress.node,
  ]);

  // ---- results
  const bestBox = el('section', {class: 'hp-best', 'aria-live': 'polite'});
  const epochsInput = el('input', {type: 'range', id: 'hp-epochs-slider', class: 'hp-epochs-slider', min: '0', max: '0', step: '1', value: '0',
    oninput: () => {
      epochsTouched = true;
      scheduleRender();
    }});
  const epochsValue = el('output', {class: 'hp-epochs-value', for: 'hp-epochs-slider'});
  const allInput = el('input', {type: 'checkbox', class: 'hp-all', checked: true, onchange: () => {
    epochsInput.disabled = allInput.checked;
    scheduleRender();
  }});
  const allLabel = el('label', {class: 'hp-all-label'}, [allInput, ` ${L.map.all}`]);
  const map = createMap({onHover: (row) => {
    hovered = row;
    showHover();
  }});
  const hint = el('p', {class: 'hp-hint'}, L.map.hint);
  const hover = el('p', {class: 'hp-hover', 'aria-live': 'polite'});
  const observe = el('p', {class: 'hp-observe'});
  const table = createTable({linkOf: (row) => lab1Link(search.settings, row)});
  const mapExport = exportBar([pngButton(() => map.canvas, L.map.file, {what: L.map.what})]);
  const tableExport = exportBar([csvButton(() => {
    const [header, ...rows] = csvRows(table.rows());
    return {header, rows};
  }, L.table.file, {what: L.table.what})]);
  const empty = el('p', {class: 'hp-empty'}, L.empty);
  const figure = el('figure', {class: 'hp-figure'}, [
    el('div', {class: 'hp-map-tools'}, [
      el('label', {class: 'hp-epochs', for: 'hp-epochs-slider'}, [el('span', {}, L.map.epochs), epochsInput, epochsValue]),
      allLabel,
      mapExport,
    ]),
    map.node,
    hover,
    hint,
  ]);
  const tableBox = el('section', {class: 'hp-table-box'}, [
    el('div', {class: 'hp-table-head'}, [el('h3', {}, L.table.title), tableExport]),
    table.node,
  ]);
  const results = el('div', {class: 'hp-results'}, [runBar, empty, bestBox, figure, observe, tableBox]);

  root.append(el('div', {class: 'hp-lab'}, [
    el('div', {class: 'hp-intro'}, el('p', {}, richText(L.intro))),
    notice,
    el('div', {class: 'hp-layout'}, [controls, results]),
  ]));

  // ---- settings
  function changed(values) {
    if (values) {
      settings = values;
      ctx.setParams(writeParams(values));
    }
    refresh(values);
  }

  function refresh(values = form.read()) {
    fixFields.hidden = values !== null || form.invalidCount() === 0;
    const s = values ?? settings;
    const random = s.mode === 'random';
    form.show('lrCount', !random);
    form.show('trials', random);
    form.show('searchSeed', random);
    form.hint('hidden', F.hints.hidden);
    form.hint('checkpoints', F.hints.checkpoints(checkpointsOf(s.epochs, s.checkpoints).join(', ')));
    form.hint('batch', F.hints.batch(epochSteps(s), trainingCount(s)));
    observe.replaceChildren(...richText(L.observe[s.mode]));
    stale.hidden = !search || !values || search.status === 'running' || writeParamsText(values) === writeParamsText(search.settings);
    if (values) {
      const runs = runsOf(values);
      const steps = runs.reduce((n, r) => n + Math.max(...r.checkpoints), 0) * epochSteps(values);
      plan.textContent = L.plan(runs.length, configurationCount(runs), steps);
    } else plan.textContent = '';
  }

  // ---- the search
  function start() {
    const values = form.read();
    if (!values) {
      refresh(null);
      fixFields.hidden = false;
      return;
    }
    fixFields.hidden = true;
    stale.hidden = true;
    cancel();
    const runs = runsOf(values);
    const checkpoints = checkpointsOf(values.epochs, values.checkpoints);
    search = {
      id: (search?.id ?? 0) + 1,
      settings: values,
      runs,
      checkpoints,
      lrs: values.mode === 'grid' ? lrValues(values.lrMin, values.lrMax, values.lrCount, values.lrScale) : [],
      hiddens: values.hidden,
      configurations: configurationCount(runs),
      rows: [],
      jobs: [],
      status: 'running',
    };
    epochsTouched = false;
    hovered = null;
    showHover();
    epochsInput.max = String(checkpoints.length - 1);
    epochsInput.value = String(checkpoints.length - 1);
    allInput.checked = values.mode === 'random';
    epochsInput.disabled = allInput.checked;
    allLabel.hidden = values.mode !== 'random';
    runButton.disabled = true;
    progress.hidden = false;
    progress.start();

    const job = {settings: {shape: values.shape, count: values.count, noise: values.noise, validation: values.validation,
      seed: values.seed, activation: values.activation, batch: values.batch}};
    const current = search;
    const parts = splitRuns(runs, workers());
    current.jobs = parts.map(() => ({done: 0, total: 0}));
    running = parts.map((part, k) => ctx.runJob('search', {...job, runs: part}, {onProgress: (p) => {
      if (search !== current) return;
      current.jobs[k] = {done: p.done, total: p.total};
      if (p.rows.length) current.rows.push(...p.rows);
      scheduleRender();
    }}));
    const t0 = performance.now();
    Promise.all(running.map((r) => r.promise)).then((outcomes) => {
      if (search !== current) return;
      if (outcomes.some((o) => o.status === 'cancelled')) return finish('cancelled');
      current.rows = outcomes.flatMap((o) => o.result.rows).sort((a, b) => a.run - b.run || a.epochs - b.epochs);
      finish('done', performance.now() - t0);
    }, (error) => {
      if (search !== current) return;
      for (const r of running) r.cancel();
      finish('failed', 0, describeJobError(error));
    });
    scheduleRender();
  }

  function cancel() {
    for (const r of running) r.cancel();
    running = [];
  }

  function finish(status, wallMs = 0, why = '') {
    running = [];
    search.status = status;
    runButton.disabled = false;
    if (status === 'done') progress.finish(S.labs.progress.done(wallMs));
    else if (status === 'cancelled') {
      progress.cancelled();
      progress.status(L.cancelled(search.rows.length, search.configurations));
    } else progress.fail(L.failed(why));
    // At the end, the map opens on the epochs of the best configuration (unless moved meanwhile).
    const best = bestRow(search.rows);
    if (best && !epochsTouched) epochsInput.value = String(search.checkpoints.indexOf(best.epochs));
    tableShownAt = 0;
    refresh();
    scheduleRender();
  }

  // ---- drawing, at most once per frame
  function scheduleRender() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    const has = search !== null;
    empty.hidden = has;
    bestBox.hidden = !has;
    figure.hidden = !has;
    tableBox.hidden = !has;
    if (!has) return;
    if (search.status === 'running') {
      const done = search.jobs.reduce((n, j) => n + j.done, 0);
      const total = search.jobs.reduce((n, j) => n + j.total, 0);
      if (total) {
        progress.set(done, total);
        progress.status(L.progress(search.rows.length, search.configurations));
      }
    }
    const s = search.settings;
    const rows = search.rows;
    const best = bestRow(rows);
    const epochs = search.checkpoints[Number(epochsInput.value)] ?? search.checkpoints.at(-1);
    const all = s.mode === 'random' && allInput.checked;
    // Only what changed is drawn again: a progress message often brings no new row.
    const key = `${search.id}/${rows.length}/${search.status}/${epochs}/${all}`;
    if (key === drawnKey) return;
    drawnKey = key;
    renderBest(best);
    epochsValue.textContent = all ? L.map.all : L.map.epochsValue(epochs);
    const shown = all ? rows : rows.filter((r) => r.epochs === epochs);
    map.draw({
      mode: s.mode,
      title: s.mode === 'grid' ? `${L.map.title} · ${L.map.epochsValue(epochs)}` : `${L.map.titleRandom}${all ? '' : ` · ${L.map.epochsValue(epochs)}`}`,
      label: L.map.label(all ? '—' : epochs),
      lrs: search.lrs,
      hiddens: search.hiddens,
      lrMin: s.lrMin,
      lrMax: s.lrMax,
      lrScale: s.lrScale,
      rows: shown,
      best: bestRow(shown),
      range: lossRange(rows),
    });
    const now = performance.now();
    if (search.status !== 'running' || now - tableShownAt >= TABLE_EVERY_MS) {
      tableShownAt = now;
      table.show(rows, best);
    }
  }

  function renderBest(best) {
    const B = L.best;
    const key = `${search.id}/${search.status}/${best ? `${best.run}/${best.epochs}` : ''}`;
    if (key === bestKey) return;
    bestKey = key;
    if (!best) {
      bestBox.replaceChildren(el('h3', {}, B.title), el('p', {}, search.status === 'running' ? S.labs.progress.starting : B.none));
      return;
    }
    bestBox.replaceChildren(...[
      el('h3', {}, B.title),
      el('p', {class: 'hp-best-line'}, B.line(formatNumber(best.lr), best.hidden, best.epochs)),
      el('p', {class: 'hp-best-measures'}, B.measures(formatNumber(best.validationLoss), L.percent(best.validationAccuracy), formatNumber(best.loss))),
      search.status === 'running' ? null : el('a', {class: 'hp-load', href: lab1Link(search.settings, best)}, B.load),
    ].filter(Boolean));
  }

  function showHover() {
    const M = L.map;
    const r = hovered;
    hint.textContent = search?.settings.mode === 'random' ? M.hintRandom : M.hint;
    if (!r) hover.textContent = '\u00a0';  // the line keeps its height: nothing below moves
    else if (r.diverged) hover.textContent = M.hoverDiverged(formatNumber(r.lr), r.hidden, r.epochs);
    else hover.textContent = M.hover(formatNumber(r.lr), r.hidden, r.epochs, short(r.validationLoss), L.percent(r.validationAccuracy));
  }

  refresh(form.read());
  render();
  if (invalid.length) ctx.setParams(writeParams(initial));  // the address drops what it refused

  return {
    destroy() {
      cancel();
      cancelAnimationFrame(frame);
      map.destroy();
    },
  };
}
