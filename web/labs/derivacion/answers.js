// Lab 6: the student's answers (s̄_t, h̄_t, r̄_t for t = T..1, then ∂L/∂U, ∂L/∂V, ∂L/∂W), each
// checked against the core's trace when the student leaves it, with a hint when it is wrong and
// the core's solution on request.
//
//   mountAnswers(container) → {load({scenario, trace}), setTolerance(tol), checkAll(), clear(),
//     showSolution(bool), values() → {key: text}}
import {parseNumber} from '../../forms/number.js';
import {el} from '../../dom.js';
import {richText, tex, texWithText} from '../../math.js';
import {S} from '../../strings/index.js';
import {checkAnswer, fieldKey, fieldsFor} from './hints.js';
import {solutionTex} from './solution.js';
import {post} from '../../embed/messages.js';

const LIMITS = {min: -1e9, max: 1e9};
const optional = (field) => field.kind === 's';

export function mountAnswers(container) {
  const D = S.labs.derivacion;
  let exercise = null;  // {scenario, trace}
  let tolerance = 1e-3;
  let solutionShown = false;
  const fields = new Map();  // key → {field, input, mark, message, solution}

  const score = el('p', {class: 'deriv-score', role: 'status', 'aria-live': 'polite'});
  const groups = el('div', {class: 'deriv-groups'});
  container.append(groups, score);

  // A field: its label and verdict on one line, the input below; its message (invalid value or
  // hint) and its solution go to the group's notes, full width, tagged with the field's symbol.
  function fieldNode(field) {
    const key = fieldKey(field);
    const id = `deriv-answer-${key}`;
    const input = el('input', {
      id, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      class: 'deriv-input', 'aria-describedby': `${id}-message`, dataset: {field: key},
      onchange: () => checkAll(), oninput: () => forget(key),
    });
    const mark = el('span', {class: 'deriv-mark', dataset: {state: 'empty'}});
    const symbol = () => tex(D.fieldTex(field), {className: 'deriv-note-symbol'});
    const text = el('div', {class: 'deriv-message-text'});
    const message = el('div', {class: 'deriv-message', id: `${id}-message`, dataset: {field: key}, hidden: true}, [symbol(), text]);
    const solutionText = el('div', {class: 'deriv-solution-tex'});
    // Scrolls sideways on a phone: a tab stop, named.
    const solution = el('div', {class: 'deriv-solution', dataset: {field: key}, hidden: true,
      tabindex: '0', role: 'group', 'aria-label': `${D.solutionLabel}: ${D.fieldText(field)}`}, [solutionText]);
    const label = el('label', {for: id, class: 'deriv-label'}, [
      texWithText(D.fieldTex(field), {text: D.fieldText(field)}),
      optional(field) ? el('span', {class: 'deriv-optional'}, D.optional) : null,
    ]);
    fields.set(key, {field, input, mark, message, text, solution, solutionText});
    return el('div', {class: 'deriv-field', dataset: {field: key}}, [el('div', {class: 'deriv-head'}, [label, mark]), input]);
  }

  function group(legend, list, className = '') {
    const inputs = list.map(fieldNode);
    const entries = list.map((field) => fields.get(fieldKey(field)));
    return el('fieldset', {class: `deriv-step ${className}`}, [
      el('legend', {}, legend),
      el('div', {class: 'deriv-fields'}, inputs),
      el('div', {class: 'deriv-notes'}, entries.map((entry) => entry.message)),
      el('div', {class: 'deriv-solutions'}, entries.map((entry) => entry.solution)),
    ]);
  }

  function build(T) {
    fields.clear();
    const all = fieldsFor(T);
    const groupsList = [];
    for (let t = T; t >= 1; t--) groupsList.push(group(D.timeStep(t), all.filter((f) => f.t === t)));
    groupsList.push(group(D.gradients, all.filter((f) => !f.t), 'deriv-gradients'));
    groups.replaceChildren(...groupsList);
  }

  function setMark(entry, state, message = null) {
    entry.mark.dataset.state = state;
    entry.mark.textContent = state === 'right' ? `✓ ${D.right}` : state === 'wrong' ? `✗ ${D.wrong}` : '';
    entry.input.classList.toggle('is-right', state === 'right');
    entry.input.classList.toggle('is-wrong', state === 'wrong' || state === 'invalid');
    if (state === 'wrong' || state === 'invalid') entry.input.setAttribute('aria-invalid', 'true');
    else entry.input.removeAttribute('aria-invalid');
    entry.message.dataset.state = state;
    delete entry.message.dataset.hint;
    entry.message.hidden = !message;
    entry.text.replaceChildren(...(message ?? []));
  }

  // Typing again makes the last verdict stale.
  function forget(key) {
    const entry = fields.get(key);
    if (entry.mark.dataset.state !== 'empty') setMark(entry, 'empty');
    score.textContent = '';
  }

  // Every field: parsed, then checked against the trace with every valid answer as context.
  function checkAll() {
    if (!exercise) return;
    const parsed = new Map();
    const answers = {};
    for (const [key, entry] of fields) {
      const text = entry.input.value;
      const result = parseNumber(text, LIMITS);
      parsed.set(key, result);
      if (result.ok) answers[key] = result.value;
    }
    let right = 0;
    let answered = 0;
    let wrongTyped = 0;
    let required = 0;
    const inputs = exercise.scenario.data.sequences[0].inputs;
    for (const [key, entry] of fields) {
      const result = parsed.get(key);
      if (!optional(entry.field)) required++;
      if (!result.ok) {
        if (result.reason === 'empty') setMark(entry, 'empty');
        else {
          const name = D.fieldText(entry.field);
          const text = result.reason === 'range' ? S.labs.fields.range(name, LIMITS.min, LIMITS.max)
            : S.labs.fields.notNumber(name, entry.input.value.trim());
          setMark(entry, 'invalid', [text]);
          wrongTyped++;
        }
        continue;
      }
      const verdict = checkAnswer({field: entry.field, value: result.value, answers, trace: exercise.trace, inputs, tolerance});
      entry.input.dataset.error = String(verdict.error);
      if (verdict.status === 'right') {
        setMark(entry, 'right');
        if (!optional(entry.field)) right++;
      } else {
        setMark(entry, 'wrong', richText(D.hints[verdict.hint.id](verdict.hint)));
        entry.message.dataset.hint = verdict.hint.id;
        wrongTyped++;
      }
      if (!optional(entry.field)) answered++;
    }
    score.textContent = right === required && wrongTyped === 0 ? D.allRight
      : answered || wrongTyped ? D.score(right, answered, required) : D.nothingToCheck;
    score.dataset.right = String(right);
    post('checked', {correct: right, total: required});  // to a parent frame (docs/embed.md)
  }

  function renderSolution() {
    for (const entry of fields.values()) {
      entry.solution.hidden = !solutionShown;
      if (!solutionShown || !exercise) continue;
      entry.solutionText.replaceChildren(tex(solutionTex(entry.field, exercise), {display: true}));
    }
  }

  return {
    // A new exercise: new fields when T changes, the typed answers cleared.
    load(next) {
      const T = next.trace.forward.h.length;
      const sameShape = exercise && exercise.trace.forward.h.length === T;
      exercise = next;
      if (!sameShape) build(T);
      for (const entry of fields.values()) {
        entry.input.value = '';
        setMark(entry, 'empty');
      }
      score.textContent = '';
      renderSolution();
    },
    setTolerance(value) {
      tolerance = value;
      if ([...fields.values()].some((entry) => entry.input.value.trim() !== '')) checkAll();
    },
    checkAll,
    clear() {
      for (const entry of fields.values()) {
        entry.input.value = '';
        setMark(entry, 'empty');
      }
      score.textContent = '';
    },
    showSolution(shown) {
      solutionShown = shown;
      renderSolution();
    },
    destroy() {
      container.replaceChildren();
    },
  };
}
