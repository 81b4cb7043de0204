// Lesson 2's editor: the RNN's architecture, its one sequence and h₀, every parameter, η. Each
// edit builds a new scenario (rnn-editor/scenario.js) and asks ctx.setScenario; the controls and
// their inline messages are lesson 1's, from the shared form (web/forms/form.js).
import '../styles/editor.css';
import '../styles/rnn-editor.css';
import {el} from '../dom.js';
import {S} from '../strings/index.js';
import {spec} from '../core/spec.js';
import {createForm} from '../forms/form.js';
import {fieldset, grid} from '../forms/matrix.js';
import {choices, counts, sizeChoices} from '../forms/select.js';
import {
  biasOf,
  h0Of,
  hiddenActivationOf,
  hiddenActivations,
  limits,
  lossOf,
  lossesFor,
  outputActivationOf,
  outputActivations,
  sequenceOf,
  setBias,
  setH0,
  setHiddenActivation,
  setOutputActivation,
  setParameter,
  setSequence,
  setSize,
  setSteps,
  setTargetPresent,
  shapesOf,
  stepsOf,
} from './rnn-editor/scenario.js';
import {lossFields, sectionNote, tooBig, trainingSection} from './editor/sections.js';

const range = (n) => counts({min: 0, max: n - 1});

// What the core draws with when the scenario names no initialisation (its defaults).
function coreInit() {
  const {init} = spec().scenario;
  return {scheme: init.scheme.default, scale: init.scale.default, seed: init.seed.default};
}

export function mountRnnEditor(container, ctx) {
  const T = S.rnnEditor;
  const form = createForm(ctx, {classPrefix: 'rnn-editor', errors: T.errors});
  const sizesOf = (s) => s.scenario.model;
  const column = (text, title) => ({text, title});

  // ---- Arquitectura: sizes, f and g, T, the loss, biases.
  form.section('architecture', T.sections.architecture, (s) => JSON.stringify([s.scenario.model, stepsOf(s.scenario)]), (sec, state) => {
    const {model} = state.scenario;
    const {size: sizes, steps: stepRange} = limits();
    const host = form.messages();
    const size = (which, name) =>
      form.select(sec, {
        key: which,
        label: T.sizeOf(name),
        cell: name,
        options: sizeChoices(sizes, model[which]),
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
      el('thead', {}, el('tr', {}, [T.part, T.size, T.activation].map((text) => el('th', {scope: 'col'}, text)))),
      el('tbody', {}, [
        el('tr', {}, [el('th', {scope: 'row'}, T.input), el('td', {}, size('input_size', T.input)), el('td', {}, '—')]),
        el('tr', {}, [
          el('th', {scope: 'row'}, T.hidden),
          el('td', {}, size('hidden_size', T.hidden)),
          activation('hidden_activation', T.hiddenActivation, hiddenActivationOf, hiddenActivations(), setHiddenActivation),
        ]),
        el('tr', {}, [
          el('th', {scope: 'row'}, T.output),
          el('td', {}, size('output_size', T.output)),
          activation('output_activation', T.outputActivation, outputActivationOf, outputActivations(), setOutputActivation),
        ]),
      ]),
    ]);

    const g = outputActivationOf(state.scenario);
    return [
      table,
      host.node,
      ...form.labelled(sec, form.select, {
        key: 'steps',
        label: T.steps,
        options: sizeChoices(stepRange, stepsOf(state.scenario)),
        read: (s) => stepsOf(s.scenario),
        build: (s, v) => setSteps(s.scenario, Number(v)),
      }),
      ...lossFields(form, sec, state, {T, output: g, lossOf, lossesFor}),
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
    const notice = tooBig(steps * (I + O) + H, T.tooBig);
    if (notice) return notice;
    const {value} = limits();
    const components = (n) => range(n).map((j) => column(T.component(j + 1), T.componentTitle(j + 1)));

    const h0Host = form.messages();
    const h0Group = [];
    const h0 = fieldset(T.h0Legend, [
      grid({
        columns: components(H),
        rows: [{header: T.h0Row, cells: range(H).map((i) => form.number(sec, {
          key: `h0:${i}`,
          label: T.h0CellLabel(i + 1),
          cell: T.h0Cell(i + 1),
          read: (s) => h0Of(s.scenario, s.trace.parameters)[i],
          build: (s, v) => setH0(s.scenario, s.trace.parameters, i, v),
          limits: value,
          host: h0Host,
          group: h0Group,
        }))}],
      }),
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
      limits: value,
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
        : range(O).map((j) => number('targets', t, j, T.targetCell));
      return [el('td', {class: 'rnn-editor-present'}, present), ...values];
    };
    return [
      h0,
      el('p', {class: 'editor-note'}, T.sequenceCaption(steps, I, O)),
      grid({
        className: 'editor-grid rnn-editor-sequence-grid',
        corner: T.timeStep,
        groups: [
          {text: T.inputs, columns: components(I)},
          {text: T.targets, columns: [column(el('span', {class: 'sr-only'}, T.presentHeader), T.presentTitle), ...components(O)]},
        ],
        rows: range(steps).map((t) => ({
          header: String(t + 1),
          cells: [...range(I).map((j) => number('inputs', t, j, T.inputCell)), ...target(t)],
        })),
      }),
      host.node,
      lossOf(state.scenario) === 'cross_entropy' ? el('p', {class: 'editor-note'}, T.crossEntropyTargets) : null,
      state.scenario.data.sequences.length > 1 ? el('p', {class: 'editor-note'}, T.firstSequenceOnly) : null,
    ];
  });

  // ---- Parámetros: U, V, W as grids, b and c as rows, values from the trace.
  const parameters = form.section('parameters', T.sections.parameters, (s) => JSON.stringify(shapesOf(s.scenario.model)), (sec, state) => {
    const shapes = shapesOf(state.scenario.model);
    const total = Object.values(shapes).reduce((n, [rows, cols = 1]) => n + rows * cols, 0);
    const notice = tooBig(total, T.tooBig);
    if (notice) return notice;
    const {value} = limits();

    const entry = (name, i, j, host, group) => form.number(sec, {
      key: j === null ? `${name}:${i}` : `${name}:${i}:${j}`,
      label: j === null ? T.vectorCellLabel(name, i + 1) : T.matrixCellLabel(name, i + 1, j + 1),
      cell: j === null ? T.vectorCell(name, i + 1) : T.matrixCell(name, i + 1, j + 1),
      read: (s) => (j === null ? s.trace.parameters[name][i] : s.trace.parameters[name][i][j]),
      build: (s, v) => setParameter(s.scenario, s.trace.parameters, name, i, j, v),
      limits: value,
      host,
      group,
    });

    const matrix = (name) => {
      const [rows, cols] = shapes[name];
      const host = form.messages();
      const group = [];
      return fieldset(T.matrices[name](rows, cols), [
        grid({
          columns: range(cols).map((j) => column(String(j + 1), T.columnTitle(j + 1))),
          rows: range(rows).map((i) => ({header: String(i + 1), cells: range(cols).map((j) => entry(name, i, j, host, group))})),
        }),
        host.node,
      ], {dataset: {parameter: name}});
    };

    const vectors = () => {
      const host = form.messages();
      const group = [];
      const width = Math.max(shapes.b[0], shapes.c[0]);
      const row = (name) => ({
        header: name,
        cells: range(width).map((i) => (i < shapes[name][0] ? entry(name, i, null, host, group) : null)),
      });
      return fieldset(T.biases(shapes.b[0], shapes.c[0]), [
        grid({
          columns: range(width).map((i) => column(String(i + 1), T.componentTitle(i + 1))),
          rows: [row('b'), row('c')],
        }),
        host.node,
      ], {dataset: {parameter: 'bc'}});
    };

    return [
      el('div', {class: 'rnn-editor-matrices'}, [matrix('U'), matrix('V'), matrix('W'), shapes.b ? vectors() : null]),
    ];
  });
  const showDrawn = sectionNote(parameters);

  trainingSection(form, {title: T.sections.training, T: S.editor});

  return form.mount(container, {
    hint: T.hint,
    note: T.notRnn,
    applies: (state) => state.scenario?.model?.kind === 'rnn' && state.scenario.data?.sequences?.length > 0,
    after(state) {
      const given = state.scenario.parameters ?? {};
      const drawn = Object.keys(shapesOf(state.scenario.model)).filter((name) => !(name in given));
      showDrawn(drawn.length ? T.drawn(drawn, {...coreInit(), ...(state.scenario.init ?? {})}) : null);
    },
  });
}
