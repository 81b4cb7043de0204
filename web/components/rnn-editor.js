// Lesson 2's editor: the RNN's architecture, its one sequence and h₀, every parameter, η. Each
// edit builds a new scenario (rnn-editor/scenario.js) and asks ctx.setScenario; the controls and
// their inline messages behave as lesson 1's editor (rnn-editor/form.js).
import '../styles/editor.css';
import '../styles/rnn-editor.css';
import {el} from '../dom.js';
import {S} from '../strings/index.js';
import {createForm} from './rnn-editor/form.js';
import {
  HIDDEN_ACTIVATIONS,
  LIMITS,
  OUTPUT_ACTIVATIONS,
  biasOf,
  h0Of,
  hiddenActivationOf,
  learningRate,
  lossOf,
  lossesFor,
  outputActivationOf,
  sequenceOf,
  setBias,
  setH0,
  setHiddenActivation,
  setLearningRate,
  setLoss,
  setOutputActivation,
  setParameter,
  setSequence,
  setSize,
  setSteps,
  setTargetPresent,
  shapesOf,
  stepsOf,
} from './rnn-editor/scenario.js';

const VALUE_RANGE = {min: -LIMITS.value, max: LIMITS.value};
const LR_RANGE = {min: 0, max: LIMITS.lrMax};
const CORE_INIT = {scheme: 'pytorch_default', seed: 0}; // what the core draws with when init is absent
const MAX_CELLS = 600; // beyond this a section shows a notice instead of its boxes

const range = (n) => Array.from({length: n}, (_, k) => k);
// The allowed values, plus the current one if a link brought another.
const choices = (values, current, text = String) =>
  [...new Set([...values, current])].map((v) => [v, text(v)]);
const counts = (from, to) => range(to - from + 1).map((k) => from + k);

export function mountRnnEditor(container, ctx) {
  const T = S.rnnEditor;
  const form = createForm(ctx, T.errors);
  const sizesOf = (s) => s.scenario.model;

  // A table header cell; th(…, true) opens a column group.
  const th = (text, start = false, attrs = {}) =>
    el('th', {scope: 'col', class: start ? 'editor-group-start' : null, ...attrs}, text);

  // ---- Arquitectura: sizes, f and g, T, the loss, biases.
  form.section('architecture', T.sections.architecture, (s) => JSON.stringify([s.scenario.model, stepsOf(s.scenario)]), (sec, state) => {
    const {model} = state.scenario;
    const host = form.messages();
    const size = (which, name) =>
      form.select(sec, {
        key: which,
        label: T.sizeOf(name),
        cell: name,
        options: choices(counts(LIMITS.sizeMin, LIMITS.sizeMax), model[which]),
        read: (s) => s.scenario.model[which],
        build: (s, v) => setSize(s.scenario, s.trace.parameters, which, Number(v)),
        host,
      });
    const activation = (key, label, read, values, build) =>
      el('td', {class: 'rnn-editor-activation'}, [
        el('span', {class: 'rnn-editor-fn'}, key === 'hidden_activation' ? T.f : T.g),
        form.select(sec, {
          key,
          label,
          cell: label,
          options: choices(values, read(state.scenario), (a) => T.activations[a] ?? a),
          read: (s) => read(s.scenario),
          build: (s, v) => build(s.scenario, v),
          host,
        }),
      ]);
    const table = el('table', {class: 'editor-layers'}, [
      el('thead', {}, el('tr', {}, [th(T.part), th(T.size), th(T.activation)])),
      el('tbody', {}, [
        el('tr', {}, [el('th', {scope: 'row'}, T.input), el('td', {}, size('input_size', T.input)), el('td', {}, '—')]),
        el('tr', {}, [
          el('th', {scope: 'row'}, T.hidden),
          el('td', {}, size('hidden_size', T.hidden)),
          activation('hidden_activation', T.hiddenActivation, hiddenActivationOf, HIDDEN_ACTIVATIONS, setHiddenActivation),
        ]),
        el('tr', {}, [
          el('th', {scope: 'row'}, T.output),
          el('td', {}, size('output_size', T.output)),
          activation('output_activation', T.outputActivation, outputActivationOf, OUTPUT_ACTIVATIONS, setOutputActivation),
        ]),
      ]),
    ]);

    const steps = stepsOf(state.scenario);
    const g = outputActivationOf(state.scenario);
    const loss = lossOf(state.scenario);
    return [
      table,
      host.node,
      ...form.labelled(sec, form.select, {
        key: 'steps',
        label: T.steps,
        options: choices(counts(LIMITS.stepsMin, LIMITS.stepsMax), steps),
        read: (s) => stepsOf(s.scenario),
        build: (s, v) => setSteps(s.scenario, Number(v)),
      }),
      ...form.labelled(sec, form.select, {
        key: 'loss',
        label: T.loss,
        options: choices(lossesFor(g), loss, (k) => T.losses[k] ?? k),
        read: (s) => lossOf(s.scenario),
        build: (s, v) => setLoss(s.scenario, v),
      }),
      g === 'softmax' ? null : el('p', {class: 'editor-note'}, T.crossEntropyHint),
      ...form.labelled(sec, form.checkbox, {
        key: 'bias',
        label: T.bias,
        read: (s) => biasOf(s.scenario),
        build: (s, on) => setBias(s.scenario, on),
      }),
      el('p', {class: 'editor-note'}, T.resizeNote),
    ];
  });

  // ---- Secuencia: h₀, then x_t and the target of y_t, one row per time step.
  const sequenceShape = (s) => {
    const {input_size: I, hidden_size: H, output_size: O} = sizesOf(s);
    const present = sequenceOf(s.scenario).targets.map((row) => (row === null ? 0 : 1)).join('');
    return `${I}:${H}:${O}:${present}:${lossOf(s.scenario)}:${s.scenario.data.sequences.length}`;
  };
  form.section('sequence', T.sections.sequence, sequenceShape, (sec, state) => {
    const {input_size: I, hidden_size: H, output_size: O} = sizesOf(state);
    const steps = stepsOf(state.scenario);
    if (steps * (I + O) + H > MAX_CELLS) return [el('p', {class: 'editor-note'}, T.tooBig)];

    const h0Host = form.messages();
    const h0Group = [];
    const h0 = el('fieldset', {class: 'editor-layer'}, [
      el('legend', {}, T.h0Legend),
      el('div', {class: 'editor-scroll'}, el('table', {class: 'editor-grid'}, [
        el('thead', {}, el('tr', {}, [el('td'), ...range(H).map((i) => th(T.component(i + 1), false, {title: T.componentTitle(i + 1)}))])),
        el('tbody', {}, el('tr', {}, [
          el('th', {scope: 'row'}, T.h0Row),
          ...range(H).map((i) => el('td', {}, form.number(sec, {
            key: `h0:${i}`,
            label: T.h0CellLabel(i + 1),
            cell: T.h0Cell(i + 1),
            read: (s) => h0Of(s.scenario, s.trace.parameters)[i],
            build: (s, v) => setH0(s.scenario, s.trace.parameters, i, v),
            limits: VALUE_RANGE,
            host: h0Host,
            group: h0Group,
          }))),
        ])),
      ])),
      h0Host.node,
    ]);

    const host = form.messages();
    const group = [];
    const number = (which, t, j, label) => form.number(sec, {
      key: `${which}:${t}:${j}`,
      label: label(t + 1, j + 1),
      cell: label(t + 1, j + 1),
      read: (s) => sequenceOf(s.scenario)[which][t]?.[j],
      build: (s, v) => setSequence(s.scenario, which, t, j, v),
      limits: VALUE_RANGE,
      host,
      group,
    });
    // A step's target: a check box (does it count in the loss?) and its values, or nothing.
    const target = (t) => {
      const present = form.checkbox(sec, {
        key: `target:${t}`,
        label: T.targetPresent(t + 1),
        read: (s) => sequenceOf(s.scenario).targets[t] !== null,
        build: (s, on) => setTargetPresent(s.scenario, t, on),
        host,
      });
      present.title = T.targetPresent(t + 1);
      const values = sequenceOf(state.scenario).targets[t] === null
        ? [el('td', {colspan: O, class: 'rnn-editor-no-target'}, T.noTarget)]
        : range(O).map((j) => el('td', {}, number('targets', t, j, T.targetCell)));
      return [el('td', {class: 'editor-group-start rnn-editor-present'}, present), ...values];
    };
    const table = el('table', {class: 'editor-grid rnn-editor-sequence-grid'}, [
      el('thead', {}, [
        el('tr', {}, [
          el('th', {scope: 'col', rowspan: 2}, T.timeStep),
          el('th', {scope: 'colgroup', colspan: I, class: 'editor-group-start'}, T.inputs),
          el('th', {scope: 'colgroup', colspan: O + 1, class: 'editor-group-start'}, T.targets),
        ]),
        el('tr', {}, [
          ...range(I).map((j) => th(T.component(j + 1), j === 0, {title: T.componentTitle(j + 1)})),
          th('', true, {title: T.presentTitle}),
          ...range(O).map((j) => th(T.component(j + 1), false, {title: T.componentTitle(j + 1)})),
        ]),
      ]),
      el('tbody', {}, range(steps).map((t) => el('tr', {}, [
        el('th', {scope: 'row'}, String(t + 1)),
        ...range(I).map((j) => el('td', {class: j === 0 ? 'editor-group-start' : null}, number('inputs', t, j, T.inputCell))),
        ...target(t),
      ]))),
    ]);
    return [
      h0,
      el('p', {class: 'editor-note'}, T.sequenceCaption(steps, I, O)),
      el('div', {class: 'editor-scroll'}, table),
      host.node,
      lossOf(state.scenario) === 'cross_entropy' ? el('p', {class: 'editor-note'}, T.crossEntropyTargets) : null,
      state.scenario.data.sequences.length > 1 ? el('p', {class: 'editor-note'}, T.firstSequenceOnly) : null,
    ];
  });

  // ---- Parámetros: U, V, W as grids, b and c as rows, values from the trace.
  const drawnNote = el('p', {class: 'editor-note', hidden: true});
  const parameters = form.section('parameters', T.sections.parameters, (s) => JSON.stringify(shapesOf(s.scenario.model)), (sec, state) => {
    const shapes = shapesOf(state.scenario.model);
    const total = Object.values(shapes).reduce((n, [rows, cols = 1]) => n + rows * cols, 0);
    if (total > MAX_CELLS) return [el('p', {class: 'editor-note'}, T.tooBig)];

    const entry = (name, i, j, host, group) => form.number(sec, {
      key: j === null ? `${name}:${i}` : `${name}:${i}:${j}`,
      label: j === null ? T.vectorCellLabel(name, i + 1) : T.matrixCellLabel(name, i + 1, j + 1),
      cell: j === null ? T.vectorCell(name, i + 1) : T.matrixCell(name, i + 1, j + 1),
      read: (s) => (j === null ? s.trace.parameters[name][i] : s.trace.parameters[name][i][j]),
      build: (s, v) => setParameter(s.scenario, s.trace.parameters, name, i, j, v),
      limits: VALUE_RANGE,
      host,
      group,
    });

    const matrix = (name) => {
      const [rows, cols] = shapes[name];
      const host = form.messages();
      const group = [];
      return el('fieldset', {class: 'editor-layer', dataset: {parameter: name}}, [
        el('legend', {}, T.matrices[name](rows, cols)),
        el('div', {class: 'editor-scroll'}, el('table', {class: 'editor-grid'}, [
          el('thead', {}, el('tr', {}, [el('td'), ...range(cols).map((j) => th(String(j + 1), false, {title: T.columnTitle(j + 1)}))])),
          el('tbody', {}, range(rows).map((i) => el('tr', {}, [
            el('th', {scope: 'row'}, String(i + 1)),
            ...range(cols).map((j) => el('td', {}, entry(name, i, j, host, group))),
          ]))),
        ])),
        host.node,
      ]);
    };

    const vectors = () => {
      const host = form.messages();
      const group = [];
      const width = Math.max(shapes.b[0], shapes.c[0]);
      const row = (name) => el('tr', {}, [
        el('th', {scope: 'row'}, name),
        ...range(width).map((i) => el('td', {}, i < shapes[name][0] ? entry(name, i, null, host, group) : null)),
      ]);
      return el('fieldset', {class: 'editor-layer', dataset: {parameter: 'bc'}}, [
        el('legend', {}, T.biases(shapes.b[0], shapes.c[0])),
        el('div', {class: 'editor-scroll'}, el('table', {class: 'editor-grid'}, [
          el('thead', {}, el('tr', {}, [el('td'), ...range(width).map((i) => th(String(i + 1), false, {title: T.componentTitle(i + 1)}))])),
          el('tbody', {}, [row('b'), row('c')]),
        ])),
        host.node,
      ]);
    };

    return [
      el('div', {class: 'rnn-editor-matrices'}, [
        matrix('U'),
        matrix('V'),
        matrix('W'),
        shapes.b ? vectors() : null,
      ]),
    ];
  });
  parameters.node.querySelector('summary').after(drawnNote);

  // ---- Entrenamiento: η.
  form.section('training', T.sections.training, () => 'fixed', (sec) =>
    form.labelled(sec, form.number, {
      key: 'lr',
      label: T.learningRate,
      read: (s) => learningRate(s.scenario),
      build: (s, v) => setLearningRate(s.scenario, v),
      limits: LR_RANGE,
      group: [],
    }),
  );

  const notRnn = el('p', {class: 'editor-note', hidden: true}, T.notRnn);
  const root = el('div', {class: 'editor rnn-editor'}, [
    el('p', {class: 'editor-hint'}, T.hint),
    notRnn,
    ...form.sections.map((s) => s.node),
  ]);
  // Keys typed into a control are the editor's, not the page's shortcuts (← → for the stepper).
  root.addEventListener('keydown', (event) => {
    if (event.target.matches('input, select')) event.stopPropagation();
  });
  form.attach(root);
  container.append(root);

  function render(state) {
    const rnn = state.scenario?.model?.kind === 'rnn' && state.scenario.data?.sequences?.length > 0;
    notRnn.hidden = rnn;
    for (const s of form.sections) s.node.hidden = !rnn;
    if (!rnn) return;
    form.render(state);

    const given = state.scenario.parameters ?? {};
    const drawn = Object.keys(shapesOf(state.scenario.model)).filter((name) => !(name in given));
    drawnNote.hidden = drawn.length === 0;
    drawnNote.textContent = drawn.length ? T.drawn(drawn, {...CORE_INIT, ...(state.scenario.init ?? {})}) : '';
  }

  let last = null;
  const unsubscribe = ctx.store.subscribe((state) => {
    if (last && state.scenario === last.scenario && state.trace === last.trace) return;
    last = state;
    render(state);
  });
  last = ctx.store.get();
  render(last);

  return {
    destroy() {
      unsubscribe();
      root.remove();
    },
  };
}
