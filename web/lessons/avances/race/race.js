// Part 1's piece: the optimizers' race on a surface. The core (`surface`, in the labs' worker)
// gives the grid and every trajectory; the page draws the contour lines and animates the
// trajectories, names each outcome in Spanish as it happens, and lists the steps to the tolerance.
//
//   mountRace(container, part) → {destroy()}
//   part: {values (the page's settings), update(partial) (into the address), runJob}
import {el} from '../../../dom.js';
import {formatNumber} from '../../../format.js';
import {S} from '../../../strings/index.js';
import {createForm} from '../../../forms/settings-form.js';
import {describeJobError} from '../../../labs/jobs-client.js';
import {createProgress} from '../../../labs/shared/ui/progress.js';
import {csvButton, exportBar, pngButton} from '../../../labs/shared/ui/export.js';
import {surfaceSpec as surfaceLimits} from '../core-spec.js';
import {ETA_STOPS, etaAt, etaPosition, raceFields} from '../settings.js';
import {contourLevels, contourLines, levelScale} from './contour.js';
import {RACERS} from './optimizers.js';
import {frameCount, revealAt, stepsPerFrame} from './paths.js';
import {createPlot, drawMarker} from './plot.js';
import {roundStart, surfaceSpec} from './surface-spec.js';

let uid = 0;

// The legend's sample of a racer's line and marker, drawn as the plot draws it.
function swatchOf(racer) {
  const canvas = el('canvas', {class: 'race-swatch', width: 56, height: 20, 'aria-hidden': 'true'});
  const g = canvas.getContext('2d');
  g.scale(2, 2);
  g.strokeStyle = racer.colour;
  g.lineWidth = 2;
  g.setLineDash(racer.dash);
  g.beginPath();
  g.moveTo(1, 5);
  g.lineTo(27, 5);
  g.stroke();
  g.setLineDash([]);
  drawMarker(g, racer.marker, 14, 5, 3.5);
  g.fillStyle = racer.colour;
  g.fill();
  return canvas;
}

export function mountRace(container, part) {
  const T = S.avances.race;
  const values = part.values;
  const id = `race-${++uid}`;
  const reduced = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

  // The surface, its condition and the steps: typed or chosen, checked with their Spanish messages.
  const formSpecs = {sup: raceFields.sup, cond: raceFields.cond, pasos: raceFields.pasos};
  const form = createForm(formSpecs, values, {
    labels: {sup: T.surface, cond: T.condition, pasos: T.steps},
    options: {sup: T.surfaces},
    prefix: 'race',
    onChange: (read) => {
      form.show('cond', (read.values.sup ?? values.sup) === 'quadratic');
      if (!read.ok) return;
      const surfaceChanged = read.values.sup !== values.sup;
      Object.assign(values, read.values);
      if (surfaceChanged) values.x = values.y = null;  // each surface has its own default start
      schedule();
    },
  });
  form.show('cond', values.sup === 'quadratic');

  const etaOut = el('output', {class: 'race-eta-value', for: `${id}-eta`}, T.etaValue(values.eta));
  const eta = el('input', {type: 'range', id: `${id}-eta`, min: '0', max: String(ETA_STOPS.length - 1), step: '1',
    value: String(etaPosition(values.eta)), 'aria-valuetext': T.etaValue(values.eta)});
  eta.addEventListener('input', () => {
    values.eta = etaAt(Number(eta.value));
    etaOut.textContent = T.etaValue(values.eta);
    eta.setAttribute('aria-valuetext', T.etaValue(values.eta));
    schedule();
  });

  // The legend is the list of toggles: each optimizer's colour, line and name.
  const toggles = RACERS.map((racer) => {
    const box = el('input', {type: 'checkbox', value: racer.id, checked: values.opt.includes(racer.id)});
    box.addEventListener('change', () => {
      values.opt = RACERS.map((r) => r.id).filter((rid) => toggles.find((t) => t.racer.id === rid).box.checked);
      schedule();
    });
    const swatch = swatchOf(racer);
    const outcome = el('span', {class: 'race-outcome'});
    return {racer, box, outcome, node: el('label', {class: 'race-toggle'}, [box, swatch, el('span', {}, T.names[racer.id]), outcome])};
  });

  const summary = el('p', {class: 'race-summary', id: `${id}-summary`});
  const plot = createPlot({label: T.plotLabel(T.surfaceNames[values.sup] ?? values.sup), describedBy: `${summary.id} ${id}-hint`, onPick(x, y) {
    const view = shown?.view;
    values.x = view ? roundStart(x, view.x1 - view.x0) : x;
    values.y = view ? roundStart(y, view.y1 - view.y0) : y;
    schedule(0);
  }});
  const startText = el('p', {class: 'race-start'});
  const live = el('p', {class: 'race-live sr-only', role: 'status', 'aria-live': 'polite'});
  const message = el('p', {class: 'race-message', role: 'alert', hidden: true});
  const progress = createProgress();
  progress.hidden = true;
  const replay = el('button', {type: 'button', class: 'race-replay', disabled: true, onclick: () => animate()}, T.replay);

  const tbody = el('tbody');
  const caption = el('p', {class: 'race-caption', id: `${id}-caption`}, T.tableCaption(null));
  const table = el('table', {class: 'race-table', 'aria-describedby': caption.id}, [
    el('thead', {}, el('tr', {}, T.head.map((h) => el('th', {scope: 'col'}, h)))),
    tbody,
  ]);

  const stamp = () => `${values.sup}-eta_${values.eta}`;
  const exports = exportBar([
    pngButton(plot.canvas, () => `${T.fileNames.race}-${stamp()}.png`, {what: T.pngWhat}),
    csvButton(() => ({header: T.csvHeader, rows: rows()}), () => `${T.fileNames.race}-${stamp()}.csv`, {what: T.csvWhat}),
    csvButton(() => ({header: T.pointsHeader, rows: pointRows()}), () => `${T.fileNames.paths}-${stamp()}.csv`,
      {what: T.pointsWhat, text: T.pointsCsv}),
  ]);

  container.append(el('div', {class: 'race'}, [
    el('div', {class: 'race-controls'}, [
      form.node('sup'),
      form.node('cond'),
      el('div', {class: 'race-eta'}, [el('label', {for: eta.id}, T.eta), eta, etaOut]),
      form.node('pasos'),
    ]),
    el('fieldset', {class: 'race-legend'}, [el('legend', {}, T.optimizers), ...toggles.map((t) => t.node)]),
    plot.node,
    summary,
    el('div', {class: 'race-under'}, [startText, replay]),
    el('p', {class: 'race-hint', id: `${id}-hint`}, T.pickHint),
    progress.node,
    message,
    live,
    caption,
    el('div', {class: 'race-table-box', role: 'group', tabindex: '0', 'aria-label': T.table}, table),
    exports,
  ]));

  let shown = null;    // {result, ids, view}
  let run = null;
  let timer = 0;
  let frame = 0;

  function rows() {
    if (!shown) return [];
    return shown.result.trajectories.map((t, k) => [T.names[shown.ids[k]], values.eta, t.outcome,
      t.steps_to_tolerance ?? null, t.diverged_at ?? null, t.points.at(-1)?.[2] ?? null]);
  }

  // Every point of every trajectory: optimizer, step, x, y, f.
  function pointRows() {
    if (!shown) return [];
    return shown.result.trajectories.flatMap((t, k) => t.points.map(([x, y, f], step) => [shown.ids[k], step, x, y, f]));
  }

  function schedule(delay = 250) {
    clearTimeout(timer);
    timer = setTimeout(start, delay);
  }

  function start() {
    part.update();
    message.hidden = true;
    run?.cancel();
    if (!values.opt.length) {
      message.textContent = T.noRacers;
      message.hidden = false;
      return;
    }
    const {spec, ids} = surfaceSpec(values);
    const current = part.runJob('surface', spec);  // the core's job: input is the spec
    run = current;
    progress.hidden = false;
    progress.track(current);
    current.promise.then((outcome) => {
      if (run !== current || outcome.status !== 'done') return;
      show(outcome.result, ids);
    }, (error) => {
      if (run !== current) return;
      message.textContent = describeJobError(error);
      message.hidden = false;
    });
  }

  function show(result, ids) {
    const {grid, objective} = result;
    const view = {x0: grid.x[0], x1: grid.x.at(-1), y0: grid.y[0], y1: grid.y.at(-1)};
    const startPoint = result.trajectories[0]?.points[0] ?? [values.x, values.y];
    shown = {result, ids, view};
    const lines = contourLines(grid, contourLevels(grid.min, grid.max, 14, levelScale(objective.kind)));
    plot.setSurface({view, lines, minimum: objective.minimum ?? null, start: startPoint.slice(0, 2)});
    const name = T.surfaceNames[objective.kind] ?? objective.kind;
    plot.canvas.setAttribute('aria-label', T.plotLabel(name));
    summary.textContent = T.summary({surface: name, x: [view.x0, view.x1], y: [view.y0, view.y1],
      minimum: objective.minimum, start: startPoint});
    startText.textContent = T.start(startPoint[0], startPoint[1]);
    plot.setTrajectories(result.trajectories.map((t, k) => {
      const racer = RACERS.find((r) => r.id === ids[k]);
      return {points: t.points, colour: racer.colour, dash: racer.dash, marker: racer.marker};
    }));
    caption.textContent = T.tableCaption(result.tolerance ?? surfaceLimits().tolerance?.default);
    tbody.replaceChildren(...result.trajectories.map((t, k) => el('tr', {}, [
      el('th', {scope: 'row'}, T.names[ids[k]]),
      el('td', {}, T.outcomes[t.outcome] ?? t.outcome),
      el('td', {class: 'num'}, t.steps_to_tolerance === null || t.steps_to_tolerance === undefined ? T.never : String(t.steps_to_tolerance)),
      el('td', {class: 'num'}, formatNumber(t.points.at(-1)?.[2])),
    ])));
    replay.disabled = false;
    animate();
  }

  // Draws the trajectories point by point; each outcome is named when its trajectory gets there.
  function animate() {
    cancelAnimationFrame(frame);
    if (!shown) return;
    const {result, ids} = shown;
    const total = frameCount(result.trajectories);
    const per = stepsPerFrame(total);
    const named = new Set();
    for (const t of toggles) t.outcome.textContent = ids.includes(t.racer.id) ? T.pendingOutcome : '';
    const tick = (k) => {
      plot.show(k);
      const said = [];
      result.trajectories.forEach((t, i) => {
        if (named.has(i) || revealAt(t) > k) return;
        named.add(i);
        const words = T.outcomes[t.outcome] ?? t.outcome;
        toggles.find((x) => x.racer.id === ids[i]).outcome.textContent = words;
        said.push(T.happened(T.names[ids[i]], words));
      });
      if (said.length) live.textContent = said.join(' ');
      if (k < total - 1) frame = requestAnimationFrame(() => tick(k + per));
    };
    tick(reduced() ? total : 0);
  }

  schedule(0);
  return {
    destroy() {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      run?.cancel();
      plot.destroy();
    },
  };
}
