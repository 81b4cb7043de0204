// Lab 6 (#/labs/derivacion, RNN exercise 1): BPTT by hand for one hidden unit over three time
// steps. The exercise is drawn from a seed (in the address); the forward pass and every value an
// answer is checked against come from core.trace.
import '../../styles/labs/derivacion.css';
import {CoreError} from '../../core/core.js';
import {el} from '../../dom.js';
import {translateCoreError} from '../../errors.js';
import {richText} from '../../math.js';
import {S} from '../../strings/index.js';
import {fieldRow, numberField, selectField} from '../../forms/fields.js';
import {mountAnswers} from './answers.js';
import {OUTPUTS, SEED_MAX, TOLERANCE, exerciseScenario, newSeed, readParams} from './exercise.js';
import {renderNetwork} from './network.js';

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading.
export const checkSettings = (params) => readParams(params).invalid.map((n) => ({seed: S.labs.derivacion.seed, g: S.labs.derivacion.output, tol: S.labs.derivacion.tolerance}[n] ?? n));

export function mountLab(root, ctx) {
  const D = S.labs.derivacion;
  const {settings, invalid} = readParams(ctx.params);
  const state = {...settings};

  // ---- settings: seed, output activation, tolerance
  const seedField = numberField({label: D.seed, value: state.seed, min: 0, max: SEED_MAX, integer: true, hint: D.seedHelp,
    onChange: (value) => {
      if (value === state.seed) return;
      state.seed = value;
      update();
    }});
  const newButton = el('button', {type: 'button', class: 'deriv-new', onclick: () => {
    state.seed = newSeed(state.seed);
    seedField.set(state.seed);
    update();
  }}, D.newExercise);
  const outputField = selectField({label: D.output, value: state.g, options: OUTPUTS.map((g) => ({value: g, label: D.outputs[g]})),
    onChange: (value) => {
      state.g = value;
      update();
    }});
  const tolField = numberField({label: D.tolerance, value: state.tol, ...TOLERANCE, hint: D.toleranceHelp,
    onChange: (value) => {
      state.tol = value;
      writeParams();
      answers.setTolerance(state.tol);
    }});

  const notice = invalid.length ? el('p', {class: 'lab-notice', role: 'status'}, D.badLink(invalid)) : null;
  const failure = el('p', {class: 'field-message', role: 'alert'});
  const network = el('div', {class: 'deriv-network-box'});
  const answersBox = el('div', {class: 'deriv-answers-box'});
  const solutionButton = el('button', {type: 'button', class: 'deriv-solution-toggle', 'aria-pressed': 'false',
    onclick: () => toggleSolution()}, D.showSolution);

  root.append(el('div', {class: 'lab-derivacion'}, [
    notice,
    el('section', {class: 'panel deriv-setup', 'aria-labelledby': 'deriv-setup-title'}, [
      el('h2', {id: 'deriv-setup-title'}, D.setupTitle),
      el('p', {class: 'deriv-intro'}, richText(D.intro)),
      el('div', {class: 'deriv-settings'}, [
        el('div', {class: 'deriv-seed-line'}, [seedField.node, newButton]),
        fieldRow([outputField, tolField]),
      ]),
      failure,
      network,
      el('details', {class: 'deriv-look', open: true}, [
        el('summary', {}, D.lookTitle),
        el('ul', {}, D.look.map((line) => el('li', {}, richText(line)))),
      ]),
    ]),
    el('section', {class: 'panel deriv-answers', 'aria-labelledby': 'deriv-answers-title'}, [
      el('h2', {id: 'deriv-answers-title'}, D.answersTitle),
      el('p', {class: 'field-help'}, richText(D.answersHelp)),
      answersBox,
      el('div', {class: 'deriv-actions'}, [
        el('button', {type: 'button', class: 'deriv-check', onclick: () => answers.checkAll()}, D.check),
        solutionButton,
        el('button', {type: 'button', class: 'deriv-clear', onclick: () => answers.clear()}, D.clear),
      ]),
    ]),
  ]));

  const answers = mountAnswers(answersBox);
  let solutionShown = false;

  function toggleSolution() {
    solutionShown = !solutionShown;
    solutionButton.textContent = solutionShown ? D.hideSolution : D.showSolution;
    solutionButton.setAttribute('aria-pressed', String(solutionShown));
    answers.showSolution(solutionShown);
  }

  const writeParams = () => ctx.setParams({seed: state.seed, g: state.g, tol: state.tol});

  // A new exercise: its scenario, the core's trace, the network, the answers cleared.
  function update() {
    writeParams();
    const scenario = exerciseScenario(state);
    let trace;
    try {
      trace = ctx.core.trace(scenario);
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      failure.textContent = translateCoreError(error);
      return;
    }
    failure.textContent = '';
    network.replaceChildren(renderNetwork({scenario, trace}, D.forwardFile(state.seed, state.g)));
    answers.load({scenario, trace});
    answers.setTolerance(state.tol);
  }

  update();

  return {
    destroy() {
      answers.destroy();
      root.replaceChildren();
    },
  };
}
