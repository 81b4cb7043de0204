// A lesson page: the lesson's text beside a workbench (stepper, diagram, editor, training,
// gradient check, …), all rendering one store: the scenario, its trace from the core, the step.
// With ?embed=1 only the stepper and the diagram, sized for an iframe; edit=0 and panels= are the
// teacher's options (web/embed/view.js, docs/embed.md). Each lesson passes its own
// configuration (web/lessons/mlp/page.js, web/lessons/bptt/page.js).
import {CoreError} from '../core/core.js';
import {el, svg} from '../dom.js';
import {parseRoute, replaceRoute, routeHash} from '../router.js';
import {languageSwitch} from '../components/language-switch.js';
import {MAX_SHARED_CHARS, decodeScenario, encodeScenario} from '../share.js';
import {createStore} from '../state.js';
import {S} from '../strings/index.js';
import {translateCoreError} from '../errors.js';
import {mountLessonText} from './text-view.js';
import {mountStepper} from '../components/stepper.js';
import {mountShare} from '../components/share.js';
import {pytorchExportControl} from '../components/pytorch-export.js';
import {whenIdle} from '../idle.js';
import {mountDeferred} from './deferred-panels.js';
import '../styles/print-button.css';
import {mountScenarioFiles} from './scenario-files.js';
import {createStepBar, mountStepBar} from './step-bar.js';
import {mountLessonBridge} from '../embed/lesson-bridge.js';
import {panelName, readView} from '../embed/view.js';
import {ITERATION_PARAM, atIteration, canCross, crossIteration, iterationLabel, parseIteration, writeIteration} from './iterations.js';

// The step an address asks for: a whole number (1e9 is one), clamped to 0…last; 0 otherwise.
export function parseStep(text, last) {
  const n = Number(text ?? '0');
  if (Number.isNaN(n) || text?.trim() === '') return 0;
  return Math.min(Math.max(0, Math.floor(n)), last);
}

// config: {path, title, lesson (the text module's `lesson`), presets {key: scenario},
//   presetNames {key: Spanish}, defaultPreset, buildSteps(scenario, trace),
//   validate(scenario) → null or {field, message} (what this page can show, in Spanish),
//   diagram: mount, panels: [{className, label, mount}] (the workbench below the diagram),
//   print: () → import of the lesson's {network, chainRuleDefault} (the printed worked example,
//   web/components/print-view.js, loaded with it),
//   kind: the model's kind ('mlp' | 'rnn'), fileName(scenario) → the saved scenario's file name}
export function mountLessonPage(root, {core, params, carried = null}, config) {
  const {path: PATH, presets, buildSteps} = config;
  // Runs the core on a scenario (its iteration k, web/lessons/iterations.js): the new state, or
  // the refusal in Spanish.
  function evaluate(scenario, iteration = 1) {
    const problem = config.validate(scenario);
    if (problem) return {error: problem.message, field: problem.field};
    try {
      const trace = core.trace(atIteration(scenario, iteration));
      return {scenario, trace, steps: buildSteps(scenario, trace), iteration};
    } catch (error) {
      if (error instanceof CoreError) return {error: translateCoreError(error), field: error.field};
      throw error;
    }
  }

  // `kept`: the scenario of this page mounted again in another language when the address could
  // not hold it (carry(), below).
  function fromAddress(params, kept = null) {
    const encoded = params.get('s');
    const iteration = parseIteration(params.get(ITERATION_PARAM));
    let loaded = null;
    let notice = null;
    if (encoded) {
      try {
        loaded = evaluate(decodeScenario(encoded), iteration);
        if (loaded.error) notice = S.lessonPage.badLink(loaded.error);
      } catch (error) {
        notice = S.lessonPage.badLink(error instanceof RangeError ? S.lessonPage.tooLongLink : S.lessonPage.unreadableLink);
      }
    } else if (kept) {
      loaded = evaluate(kept, iteration);
    }
    if (!loaded || loaded.error) loaded = evaluate(structuredClone(presets[config.defaultPreset]), iteration);
    const step = parseStep(params.get('step'), loaded.steps.length - 1);
    return {...loaded, step, notice, embed: params.get('embed') === '1'};
  }

  const store = createStore(fromAddress(params, carried?.scenario));
  // The teacher's options, read once (docs/embed.md): edit=0 is read-only, panels= names the parts.
  const view = readView(params, config.panels.map(panelName), store.get().embed);
  const shows = (name) => view.panels.has(name);

  // The scenario's base64url, encoded again only when the scenario changes (not at every step);
  // beyond MAX_SHARED_CHARS the address leaves it out (ctx.tooLongToShare() says so).
  let shared = {scenario: null, text: ''};
  function encoded(state) {
    if (shared.scenario !== state.scenario) shared = {scenario: state.scenario, text: encodeScenario(state.scenario)};
    return shared.text;
  }
  function address(state) {
    const query = new URLSearchParams();
    const text = encoded(state);
    if (text.length <= MAX_SHARED_CHARS) query.set('s', text);
    writeIteration(query, state.iteration);
    query.set('step', String(state.step));
    if (state.embed) query.set('embed', '1');
    for (const [key, value] of view.query) query.set(key, value);
    return query;
  }

  const ctx = {
    core,
    store,
    readOnly: !view.edit,
    panelNames: config.panels.map(panelName),  // the share panel's choices
    // Tries a new scenario: on success every view follows; on refusal nothing changes and the
    // Spanish message is returned for the control that asked.
    setScenario(scenario) {
      if (!view.edit) return {ok: false, message: S.embed.readOnly};
      const next = evaluate(scenario);
      if (next.error) return {ok: false, message: next.error, field: next.field};
      const step = Math.min(store.get().step, next.steps.length - 1);
      store.set({...next, step, notice: null});
      return {ok: true};
    },
    setStep(step) {
      const {steps} = store.get();
      // Past the last step or before the first: the next or the previous iteration.
      const across = crossIteration(store.get(), step, evaluate);
      if (across) return store.set(across);
      store.set({step: Math.min(Math.max(0, step), steps.length - 1)});
    },
    // A scenario from a file, checked as a link's (config.validate, then the core): on success the
    // page shows it at step 0 of the iteration it carries; on refusal nothing changes.
    openScenario(scenario) {
      if (!view.edit) return {ok: false, message: S.embed.readOnly};
      // The core checks the iteration the file names with the rest, and traces it; the page
      // keeps the iteration apart from the scenario, as it does for a link.
      const checked = evaluate(scenario);
      if (checked.error) return {ok: false, message: checked.error, field: checked.field};
      const {iteration = 1, ...rest} = scenario;
      store.set({...checked, scenario: rest, iteration, steps: buildSteps(rest, checked.trace), step: 0, selected: null, notice: null});
      return {ok: true};
    },
    canStepPast: (direction) => canCross(store.get(), direction),
    iterationLabel: () => iterationLabel(store.get()),
    address: () => address(store.get()),
    tooLongToShare: () => encoded(store.get()).length > MAX_SHARED_CHARS,
  };

  // The address follows the state one frame later, coalesced: history.replaceState costs a few
  // milliseconds (a first call more than 10), which a step's key press should not wait for. The
  // mount's own state is written when the page is idle: the page already shows what its address
  // opened, and the first paint need not wait either.
  let addressFrame = 0;
  const writeAddress = () => {
    addressFrame = 0;
    // Only while the address still names this page: a link just followed must not be undone.
    if (parseRoute().path === PATH) replaceRoute(PATH, address(store.get()));
  };
  store.subscribe(() => {
    if (!addressFrame) addressFrame = requestAnimationFrame(writeAddress);
  });
  const cancelFirstAddress = whenIdle(() => {
    if (!addressFrame) writeAddress();
  });

  const state = store.get();
  const notice = el('p', {class: 'notice', role: 'status', hidden: !state.notice}, state.notice ?? '');
  store.subscribe((s) => {
    notice.hidden = !s.notice;
    notice.textContent = s.notice ?? '';
  });

  const stepperSlot = el('section', {class: 'panel stepper-panel', 'aria-label': S.stepper.listLabel});
  const diagramSlot = el('section', {class: 'panel diagram-panel', 'aria-label': S.lessonPage.diagramLabel});
  const textSlot = shows('text') && el('article', {class: 'lesson-text'});
  const panels = config.panels.filter((panel) => shows(panelName(panel)));
  const panelSlots = panels.map(({className, label}) => el('section', {class: `panel ${className}`, 'aria-label': label}));
  const shareSlot = !state.embed && shows('share') && el('div', {class: 'share'});
  // "Exportar a PyTorch": the scenario at the iteration the stepper shows (not in embed mode).
  const exportSlot = !state.embed && el('section', {class: 'panel pytorch-export-panel', 'aria-label': S.pytorchExport.title},
    pytorchExportControl({core, scenario: () => atIteration(store.get().scenario, store.get().iteration)}));
  const filesSlot = !state.embed && view.edit && el('div', {class: 'file-bar', role: 'group', 'aria-label': S.files.barLabel});
  const filesStatus = filesSlot && el('div', {class: 'file-status-slot'});
  // The stepper's previous/next, sticky at the top of the workbench (web/styles.css).
  const stepBar = !state.embed && shows('stepper') && createStepBar();
  // The printed worked example: drawn when printing, by the browser's print or by this button.
  const printing = lazyPrintView(root, ctx, config);
  const mounted = [printing];
  const printButton = !state.embed && el('button', {type: 'button', class: 'print-button', title: S.print.buttonTitle, onclick: () => printing.print()},
    [printerIcon(), el('span', {class: 'print-label'}, S.print.button)]);
  let page;
  if (state.embed) {
    const full = new URLSearchParams(address(state));
    for (const key of ['embed', 'edit', 'panels']) full.delete(key);
    page = el('main', {class: `lesson embed${view.edit ? '' : ' read-only'}`}, [
      notice,
      textSlot,
      shows('stepper') && stepperSlot,
      shows('diagram') && diagramSlot,
      ...panelSlots,
      el('p', {class: 'embed-link'}, el('a', {href: `${location.pathname}${routeHash(PATH, full)}`, target: '_blank', rel: 'noopener'}, S.lessonPage.fullLesson)),
    ]);
  } else {
    const presetSelect = view.edit && el('select', {
      'aria-label': S.lessonPage.presetLabel,
      onchange: (event) => {
        const preset = presets[event.target.value];
        if (preset) ctx.setScenario(structuredClone(preset));
        event.target.value = '';
      },
    }, [
      el('option', {value: ''}, S.lessonPage.presetPrompt),
      ...Object.keys(presets).map((key) => el('option', {value: key}, config.presetNames[key])),
    ]);
    page = el('div', {class: `lesson${view.edit ? '' : ' read-only'}`}, [
      el('header', {class: 'topbar'}, [
        el('a', {href: '#/', class: 'home-link'}, S.appTitle),
        el('h1', {}, config.title),
        presetSelect,
        printButton,
        filesSlot,
        shareSlot,
        languageSwitch(),
      ]),
      filesStatus,
      notice,
      el('main', {class: `columns${textSlot ? '' : ' no-text'}`}, [
        textSlot,
        el('div', {class: 'workbench'}, [stepBar, shows('stepper') && stepperSlot, shows('diagram') && diagramSlot, ...panelSlots, exportSlot]),
      ]),
    ]);
  }
  const text = textSlot && mountLessonText(textSlot, ctx, config.lesson);
  if (text) mounted.push(text);
  // The panels below the first screen: built once the page has shown the rest, or as soon as they
  // are reached (./deferred-panels.js); in a frame, at once (its height is reported now).
  const panelEntries = panels.map(({mount}, i) => ({slot: panelSlots[i], mount: (slot) => mount(slot, ctx)}));
  if (state.embed) mounted.push(...panelEntries.map(({slot, mount}) => mount(slot)));
  else mounted.push(mountDeferred(panelEntries));
  if (shareSlot) mounted.push(mountShare(shareSlot, ctx, PATH));
  if (filesSlot) mounted.push(mountScenarioFiles(filesSlot, filesStatus, page, ctx, config));
  if (shows('stepper')) mounted.push(mountStepper(stepperSlot, ctx, {nav: stepBar}));
  if (stepBar) mounted.push(mountStepBar(stepBar, stepperSlot, text));
  if (shows('diagram')) mounted.push(config.diagram(diagramSlot, ctx));
  const bridge = mountLessonBridge(ctx, PATH);  // events to and from a parent frame
  mounted.push(bridge);
  root.prepend(page);

  return {
    afterReady: () => bridge?.start(),
    // What the page mounted again in another language keeps that the address leaves out.
    carry: () => (ctx.tooLongToShare() ? {scenario: store.get().scenario} : null),
    // A new address for the same page (a pasted link): load what it says.
    update(params) {
      const current = address(store.get()).toString();
      if (params.toString() === current) return;
      // An address without the scenario, while the scenario is too long for it: only the step.
      if (!params.has('s') && ctx.tooLongToShare()) {
        ctx.setStep(parseStep(params.get('step'), store.get().steps.length - 1));
        return;
      }
      store.set(fromAddress(params));
    },
    destroy() {
      cancelAnimationFrame(addressFrame);  // the address now belongs to the next page
      cancelFirstAddress();
      for (const m of mounted) m?.destroy?.();
    },
  };
}

// The printed worked example's module and the lesson's part of it (their own chunks, not in the
// page's first load) are fetched once the page is idle, before the student can reach the
// browser's print (whose `beforeprint` cannot wait for a download), or at once by "Imprimir" or
// Ctrl+P (⌘P), which print as soon as they are here. The view is in the page (.print-view) once loaded.
function lazyPrintView(root, ctx, config) {
  let view = null;
  let loading = null;
  let destroyed = false;
  const load = () => (loading ??= Promise.all([import('../components/print-view.js'), config.print()])
    .then(([{mountPrintView}, {network, chainRuleDefault}]) => {
      if (!destroyed) view = mountPrintView(root, ctx, {title: config.title, network, chainRuleDefault});
      return view;
    }));
  const print = async () => (await load())?.print();
  const cancelIdle = whenIdle(load);
  const onKey = (event) => {
    if (view || !(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
    event.preventDefault();  // not loaded yet: the page prints once it is
    print();
  };
  document.addEventListener('keydown', onKey);
  return {
    print,
    destroy() {
      destroyed = true;
      cancelIdle();
      document.removeEventListener('keydown', onKey);
      view?.destroy();
    },
  };
}

// A printer, drawn instead of "Imprimir" on a phone's top bar (web/styles/print.css).
function printerIcon() {
  const line = {fill: 'none', stroke: 'currentColor', 'stroke-width': 1.8, 'stroke-linejoin': 'round'};
  return svg('svg', {class: 'print-icon', viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': 'true', focusable: 'false'}, [
    svg('path', {...line, d: 'M7 9V3h10v6'}),
    svg('rect', {...line, x: 3, y: 9, width: 18, height: 8, rx: 2}),
    svg('rect', {...line, x: 7, y: 14, width: 10, height: 7}),
  ]);
}
