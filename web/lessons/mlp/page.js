// #/mlp : lesson 1. The lesson's text beside the workbench (stepper, diagram, editor, training,
// gradient check), all rendering one store: the scenario, its trace from the core, the step.
// With ?embed=1 only the stepper and the diagram, sized for an iframe.
import {CoreError} from '../../core/core.js';
import {el} from '../../dom.js';
import {replaceRoute} from '../../router.js';
import {decodeScenario, encodeScenario} from '../../share.js';
import {createStore} from '../../state.js';
import {S} from '../../strings/index.js';
import {translateCoreError} from '../../errors.js';
import {presets} from './presets.js';
import {buildSteps} from './steps.js';
import {mountLessonText} from './text-view.js';
import {mountStepper} from '../../components/stepper.js';
import {mountDiagram} from '../../components/diagram.js';
import {mountEditor} from '../../components/editor.js';
import {mountTraining} from '../../components/training.js';
import {mountGradcheck} from '../../components/gradcheck.js';
import {mountShare} from '../../components/share.js';

const PATH = '/mlp';

export function mountMlp(root, {core, params}) {
  // Runs the core on a scenario: the new state, or the refusal in Spanish.
  function evaluate(scenario) {
    try {
      const trace = core.trace(scenario);
      return {scenario, trace, steps: buildSteps(scenario, trace)};
    } catch (error) {
      if (error instanceof CoreError) return {error: translateCoreError(error), field: error.field};
      throw error;
    }
  }

  function fromAddress(params) {
    const encoded = params.get('s');
    let loaded = null;
    let notice = null;
    if (encoded) {
      try {
        loaded = evaluate(decodeScenario(encoded));
        if (loaded.error) notice = S.mlp.badLink(loaded.error);
      } catch {
        notice = S.mlp.badLink(S.mlp.unreadableLink);
      }
    }
    if (!loaded || loaded.error) loaded = evaluate(structuredClone(presets.classic));
    const step = Math.min(Math.max(0, Number.parseInt(params.get('step') ?? '0', 10) || 0), loaded.steps.length - 1);
    return {...loaded, step, notice, embed: params.get('embed') === '1'};
  }

  const store = createStore(fromAddress(params));

  function address(state) {
    const query = new URLSearchParams();
    query.set('s', encodeScenario(state.scenario));
    query.set('step', String(state.step));
    if (state.embed) query.set('embed', '1');
    return query;
  }

  const ctx = {
    core,
    store,
    // Tries a new scenario: on success every view follows; on refusal nothing changes and the
    // Spanish message is returned for the control that asked.
    setScenario(scenario) {
      const next = evaluate(scenario);
      if (next.error) return {ok: false, message: next.error, field: next.field};
      const step = Math.min(store.get().step, next.steps.length - 1);
      store.set({...next, step, notice: null});
      return {ok: true};
    },
    setStep(step) {
      const {steps} = store.get();
      store.set({step: Math.min(Math.max(0, step), steps.length - 1)});
    },
    address: () => address(store.get()),
  };

  store.subscribe((state) => replaceRoute(PATH, address(state)));
  replaceRoute(PATH, address(store.get()));

  const state = store.get();
  const notice = el('p', {class: 'notice', role: 'status', hidden: !state.notice}, state.notice ?? '');
  store.subscribe((s) => {
    notice.hidden = !s.notice;
    notice.textContent = s.notice ?? '';
  });

  const stepperSlot = el('section', {class: 'panel stepper-panel', 'aria-label': S.mlp.stepper.listLabel});
  const diagramSlot = el('section', {class: 'panel diagram-panel', 'aria-label': S.mlp.diagramLabel});
  const mounted = [];
  let page;
  if (state.embed) {
    const full = new URLSearchParams(address(state));
    full.delete('embed');
    page = el('main', {class: 'mlp embed'}, [
      notice,
      stepperSlot,
      diagramSlot,
      el('p', {class: 'embed-link'}, el('a', {href: `${location.pathname}#${PATH}?${full}`, target: '_blank', rel: 'noopener'}, S.mlp.fullLesson)),
    ]);
  } else {
    const textSlot = el('article', {class: 'lesson-text'});
    const editorSlot = el('section', {class: 'panel editor-panel', 'aria-label': S.mlp.editorLabel});
    const trainingSlot = el('section', {class: 'panel training-panel', 'aria-label': S.mlp.trainingLabel});
    const gradcheckSlot = el('section', {class: 'panel gradcheck-panel', 'aria-label': S.mlp.gradcheckLabel});
    const shareSlot = el('div', {class: 'share'});
    const presetSelect = el('select', {
      'aria-label': S.mlp.presetLabel,
      onchange: (event) => {
        const preset = presets[event.target.value];
        if (preset) ctx.setScenario(structuredClone(preset));
        event.target.value = '';
      },
    }, [
      el('option', {value: ''}, S.mlp.presetPrompt),
      ...Object.keys(presets).map((key) => el('option', {value: key}, S.mlp.presets[key])),
    ]);
    page = el('div', {class: 'mlp'}, [
      el('header', {class: 'topbar'}, [
        el('a', {href: '#/', class: 'home-link'}, S.appTitle),
        el('h1', {}, S.mlp.title),
        presetSelect,
        shareSlot,
      ]),
      notice,
      el('main', {class: 'columns'}, [
        textSlot,
        el('div', {class: 'workbench'}, [stepperSlot, diagramSlot, editorSlot, trainingSlot, gradcheckSlot]),
      ]),
    ]);
    mounted.push(
      mountLessonText(textSlot, ctx),
      mountEditor(editorSlot, ctx),
      mountTraining(trainingSlot, ctx),
      mountGradcheck(gradcheckSlot, ctx),
      mountShare(shareSlot, ctx),
    );
  }
  mounted.push(mountStepper(stepperSlot, ctx), mountDiagram(diagramSlot, ctx));
  root.append(page);

  return {
    // A new address for the same page (a pasted link): load what it says.
    update(params) {
      const current = address(store.get()).toString();
      if (params.toString() === current) return;
      store.set(fromAddress(params));
    },
    destroy() {
      for (const m of mounted) m?.destroy?.();
    },
  };
}
