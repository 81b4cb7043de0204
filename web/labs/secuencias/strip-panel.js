// Lab 7's predictions: a validation sequence chosen by number, ŷ_t at each step from core.predict
// (one sequence: well under a frame), before training (the initial weights) and after it.
//
//   const strip = createStripPanel({L, core, seq, onSequence(seq)})
//   strip.setData(data, scenario, classNames)  new data or settings: back to the initial weights
//   strip.showBefore(); strip.showAfter(scenario, parameters, steps); strip.seq
import {el} from '../../dom.js';
import {describeJobError} from '../jobs-client.js';
import {csvButton, exportBar} from '../shared/ui/export.js';
import {predictScenario} from '../shared/sequence-scenario.js';
import {renderStrip} from './strip.js';
import {stripSteps} from './steps.js';
import {parseField} from '../../forms/settings.js';

export function createStripPanel({L, core, seq = 1, onSequence}) {
  let sequences = [];
  let scenario = null;
  let parameters = null;   // trained parameters, or null: the initial ones
  let trainedSteps = 0;
  let classNames = ['0', '1'];
  let current = null;      // {sequence, outputs} on screen
  let index = seq;         // 1-based

  const uid = Math.random().toString(36).slice(2, 8);
  const input = el('input', {
    type: 'text', inputmode: 'numeric', id: `seq-index-${uid}`, class: 'seq-index', value: String(seq),
    'aria-describedby': `seq-index-message-${uid}`, oninput: () => choose(input.value),
  });
  const message = el('span', {class: 'seq-field-message', id: `seq-index-message-${uid}`, role: 'alert', hidden: true});
  const of = el('span', {class: 'seq-of'});
  const previous = el('button', {type: 'button', onclick: () => step(-1), 'aria-label': L.previous}, '←');
  const next = el('button', {type: 'button', onclick: () => step(1), 'aria-label': L.next}, '→');
  const when = el('p', {class: 'seq-when'});
  const box = el('div', {class: 'seq-strip-box', tabindex: '0', 'aria-label': L.stripTitle});
  const tallyLine = el('p', {class: 'seq-tally', role: 'status'});
  const failure = el('p', {class: 'seq-failure', role: 'alert', hidden: true});

  const node = el('section', {class: 'seq-strip-panel'}, [
    el('h3', {}, L.stripTitle),
    el('div', {class: 'seq-picker'}, [
      el('label', {for: input.id}, L.sequenceLabel), previous, input, next, of, message,
    ]),
    when,
    box,
    tallyLine,
    failure,
    el('p', {class: 'seq-hint'}, L.stripHint),
    exportBar([csvButton(() => ({header: L.csvStrip, rows: csvRows()}), () => `${L.exportStrip}-${index}.csv`, {what: L.stripTitle})]),
  ]);

  // One row per step: t, x, the target and ŷ (units separated by spaces), 1/0 right or wrong.
  function csvRows() {
    if (!current) return [];
    const {sequence, outputs} = current;
    return stripSteps(sequence, outputs).map((s, t) => [
      s.t, sequence.inputs[t].join(' '), sequence.targets[t] === null ? null : sequence.targets[t].join(' '),
      outputs[t].join(' '), s.right === null ? null : Number(s.right),
    ]);
  }

  function choose(text) {
    const parsed = parseField({kind: 'int', min: 1, max: Math.max(1, sequences.length)}, text);
    input.setAttribute('aria-invalid', parsed.ok ? 'false' : 'true');
    message.hidden = parsed.ok;
    message.textContent = parsed.ok ? '' : L.form.reasons.notInteger(L.sequenceLabel, 1, sequences.length);
    if (!parsed.ok) return;
    index = parsed.value;
    onSequence?.(index);
    show();
  }

  function step(delta) {
    if (!sequences.length) return;
    index = ((index - 1 + delta + sequences.length) % sequences.length) + 1;
    input.value = String(index);
    choose(input.value);
  }

  function show() {
    if (!scenario || !sequences.length) return;
    if (index > sequences.length) {
      index = 1;
      input.value = '1';
    }
    const sequence = sequences[index - 1];
    of.textContent = L.sequenceOf(index, sequences.length, sequence.inputs.length);
    when.textContent = parameters ? L.stripAfter(trainedSteps) : L.stripBefore;
    let outputs;
    try {
      outputs = core.predict(predictScenario(scenario, sequence, parameters)).sequences[0].outputs;
    } catch (error) {
      failure.hidden = false;
      failure.textContent = L.stripFailed(describeJobError(error));
      return;
    }
    failure.hidden = true;
    current = {sequence, outputs};
    const {right, scored} = renderStrip(box, sequence, outputs, {L, classNames});
    tallyLine.textContent = scored ? L.stripTally(right, scored) : L.stripNoTally;
  }

  return {
    node,
    get seq() {
      return index;
    },
    setData(data, nextScenario, names) {
      sequences = data.validation?.sequences?.length ? data.validation.sequences : data.sequences;
      scenario = nextScenario;
      classNames = names;
      parameters = null;
      show();
    },
    showBefore() {
      parameters = null;
      show();
    },
    showAfter(trainedScenario, trained, steps) {
      scenario = trainedScenario;
      parameters = trained;
      trainedSteps = steps;
      show();
    },
  };
}
