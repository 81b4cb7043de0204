// What both lessons' editors (web/components/editor.js, rnn-editor.js) have alike beyond the form's
// controls: how many boxes a section may hold, the loss and its hint, the training section (the
// optimizer and the regularization), the note of the parameters drawn at random.
import {el} from '../../dom.js';
import {choices} from '../../forms/select.js';
import {setLoss} from './scenario.js';
import {
  choiceOf, hyperParameters, optimizerChoices, penaltyLimits, penaltyNames, penaltyOf, setHyperParameter, setOptimizer, setPenalty,
} from './optimizer.js';

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

// "Entrenamiento": the optimizer (web/components/editor/optimizer.js), its hyper-parameters with
// the core's ranges and PyTorch's defaults, and λ₁, λ₂; rebuilt when the optimizer changes.
// T: the editor's strings (optimizer, optimizers, hyper, penalties, notes).
export function trainingSection(form, {title, T}) {
  return form.section('training', title, (s) => choiceOf(s.scenario), (sec, state) => {
    const choice = choiceOf(state.scenario);
    const number = (key, label, read, build, limits) => form.labelled(sec, form.number, {key, label, read, build, limits, group: []});
    return [
      ...form.labelled(sec, form.select, {
        key: 'optimizer',
        label: T.optimizer,
        options: choices(optimizerChoices(), choice, (c) => T.optimizers[c] ?? c),
        read: (s) => choiceOf(s.scenario),
        build: (s, v) => setOptimizer(s.scenario, v),
      }),
      // η keeps its key ('lr') whatever the optimizer.
      ...hyperParameters(choice).flatMap(({name, limits, read}) =>
        number(name === 'lr' ? 'lr' : `optimizer:${name}`, T.hyper[name] ?? name, (s) => read(s.scenario),
          (s, v) => setHyperParameter(s.scenario, name, v), limits)),
      el('p', {class: 'editor-note'}, T.optimizerNote),
      ...penaltyNames().flatMap((name) =>
        number(`regularization:${name}`, T.penalties[name] ?? name, (s) => penaltyOf(s.scenario, name),
          (s, v) => setPenalty(s.scenario, name, v), penaltyLimits(name))),
      el('p', {class: 'editor-note'}, T.penaltyNote),
    ];
  });
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
