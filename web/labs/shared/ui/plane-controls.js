// What labs 1 and 3 put around their run panels (plane-panel.js): the points from the core with
// the message where it refuses them, the run bar (play or resume, pause, back to the start, the
// speed) and the legend under the planes.
//
//   loadPoints(core, settings, message) → data | null   core.data of the settings' points; on a
//     refusal null, and `message` (an element) says why, in Spanish
//   createRunBar({id, speed, play(speed), pause(), reset()}) → {node, show(states)}
//     id: the speed menu's id; show(states): the buttons for the panels' states ('running',
//     'paused', 'done', 'failed', …): pause while one runs, resume once all are paused or done
//   planeLegend() → <ul>: the two classes, filled/hollow/ringed, the colour scale
//   SPEEDS: epochs per frame (0: as fast as possible)
//   onSetting({settings, write, regenerate, reload}) → (name, value) → bool: a setting changed by
//     the student: kept in settings, written to the address, then the points drawn again (a data
//     field: regenerate()) or the network back to its start (reload()); false when unchanged
import {el} from '../../../dom.js';
import {S} from '../../../strings/index.js';
import {describeJobError} from '../../jobs-client.js';
import {dataSpec} from '../plane-scenario.js';

export const SPEEDS = [1, 5, 20, 0];
const DATA_FIELDS = ['shape', 'count', 'noise', 'validation', 'seed'];

export const onSetting = ({settings, write, regenerate, reload}) => (name, value) => {
  if (settings[name] === value) return false;
  settings[name] = value;
  write();
  if (DATA_FIELDS.includes(name)) regenerate();
  else reload();
  return true;
};

export function loadPoints(core, settings, message) {
  try {
    const data = core.data(dataSpec(settings));
    message.hidden = true;
    return data;
  } catch (error) {
    message.textContent = S.labs.clasificacion.failedRun(describeJobError(error));
    message.hidden = false;
    return null;
  }
}

export function createRunBar({id, speed, play, pause, reset}) {
  const T = S.labs.clasificacion;
  const playButton = el('button', {type: 'button', class: 'clf-play primary', onclick: () => play(Number(speedSelect.value))}, T.play);
  const pauseButton = el('button', {type: 'button', class: 'clf-pause', disabled: true, onclick: () => pause()}, T.pause);
  const resetButton = el('button', {type: 'button', class: 'clf-reset', title: T.resetHint, onclick: () => reset()}, T.reset);
  const speedSelect = el('select', {id, class: 'clf-speed'}, SPEEDS.map((s) => el('option', {value: String(s)}, T.speeds[s])));
  speedSelect.value = String(speed);
  return {
    node: el('div', {class: 'clf-run-bar'}, [
      playButton, pauseButton, resetButton, el('label', {for: id, class: 'clf-speed-label'}, T.speed), speedSelect,
    ]),
    show(states) {
      const running = states.includes('running');
      playButton.disabled = running || states.includes('failed');
      pauseButton.disabled = !running;
      playButton.textContent = states.includes('paused') && states.every((s) => s === 'paused' || s === 'done') ? T.resume : T.play;
    },
  };
}

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
