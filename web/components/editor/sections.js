// What both lessons' editors (web/components/editor.js, rnn-editor.js) have alike beyond the form's
// controls: how many boxes a section may hold, the loss and its hint, the learning-rate section,
// the note of the parameters drawn at random.
import {el} from '../../dom.js';
import {choices} from '../../forms/select.js';
import {learningRate, limits, setLearningRate, setLoss} from './scenario.js';

// Beyond this many boxes a section shows `text` (T.tooBig) instead of them.
const MAX_CELLS = 600;
export const tooBig = (cells, text) => (cells > MAX_CELLS ? [el('p', {class: 'editor-note'}, text)] : null);

// The loss, among those the output activation allows (lossesFor(output)), and the hint that
// cross-entropy needs a softmax output: [row, messages, hint].
export function lossFields(form, sec, state, {T, output, lossOf, lossesFor}) {
  return [
    ...form.labelled(sec, form.select, {
      key: 'loss',
      label: T.loss,
      options: choices(lossesFor(output), lossOf(state.scenario), (k) => T.losses[k] ?? k),
      read: (s) => lossOf(s.scenario),
      build: (s, v) => setLoss(s.scenario, v),
    }),
    output === 'softmax' ? null : el('p', {class: 'editor-note'}, T.crossEntropyHint),
  ];
}

// "Entrenamiento": η, in the lesson's range.
export function learningRateSection(form, {title, label}) {
  return form.section('training', title, () => 'fixed', (sec) =>
    form.labelled(sec, form.number, {
      key: 'lr',
      label,
      read: (s) => learningRate(s.scenario),
      build: (s, v) => setLearningRate(s.scenario, v),
      limits: limits().lr,
      group: [],
    }),
  );
}

// A note under a section's title, hidden while there is nothing to say: show(text | null).
export function sectionNote(section) {
  const note = el('p', {class: 'editor-note', hidden: true});
  section.node.querySelector('summary').after(note);
  return (text) => {
    note.hidden = !text;
    note.textContent = text ?? '';
  };
}
