// The example's editor: architecture, data, every weight and bias, the learning rate. Each edit
// builds a new scenario (web/components/editor/scenario.js) and asks ctx.setScenario; the controls
// and their inline messages are the shared form's (web/forms/form.js): a value that does not parse,
// or that the core refuses, stays in its box with a message beside it and changes nothing else.
import '../styles/editor.css';
import {el} from '../dom.js';
import {S} from '../strings/index.js';
import {mlpKeys} from '../core/trace-keys.js';
import {range, spec} from '../core/spec.js';
import {createForm} from '../forms/form.js';
import {fieldset, grid} from '../forms/matrix.js';
import {choices, counts, sizeChoices} from '../forms/select.js';
import {
  activations as activationList,
  addSample,
  batchNormOf,
  defaultInit,
  dropoutOf,
  limits,
  lossOf,
  lossesFor,
  removeSample,
  setActivation,
  setBatchNorm,
  setData,
  setDropout,
  setHiddenLayers,
  setParameter,
  setUnits,
} from './editor/scenario.js';
import {lossFields, sectionNote, tooBig, trainingSection} from './editor/sections.js';

export function mountEditor(container, ctx) {
  const T = S.editor;
  const {store} = ctx;
  const form = createForm(ctx, {
    classPrefix: 'editor',
    errors: T.errors,
    // A removed sample's button is gone: focus moves to "Añadir muestra".
    fallback: (key) => (key.startsWith('remove:') ? addButton : null),
  });

  // ---- Arquitectura: depth, sizes, activations, loss.
  form.section('architecture', T.sections.architecture, (s) => JSON.stringify(s.scenario.model), (sec, state) => {
    const {layers, activations} = state.scenario.model;
    const L = layers.length - 1;
    const output = activations[L - 1];
    const {hidden, units} = limits();
    const host = form.messages();
    const rows = [];
    for (let l = 0; l <= L; l++) {
      const name = l === 0 ? T.input : l === L ? T.output : T.hidden(l);
      const size = form.select(sec, {
        key: `units${l}`,
        label: T.unitsOf(name),
        cell: name,
        options: sizeChoices(units, layers[l]),
        read: (s) => s.scenario.model.layers[l],
        build: (s, v) => setUnits(s.scenario, l, Number(v)),
        host,
      });
      const activation = l === 0 ? '—' : form.select(sec, {
        key: `activation${l}`,
        label: T.activationOf(name),
        cell: name,
        options: choices(activationList(), activations[l - 1], (a) => T.activations[a] ?? a),
        read: (s) => s.scenario.model.activations[l - 1],
        build: (s, v) => setActivation(s.scenario, l, v),
        host,
      });
      // A hidden layer may normalize its z by batch and drop units of its a (lesson 3's advances).
      const hiddenLayer = l > 0 && l < L;
      const batchNorm = hiddenLayer ? form.checkbox(sec, {
        key: `batchNorm${l}`,
        label: T.batchNormOf(name),
        read: (s) => batchNormOf(s.scenario, l),
        build: (s, v) => setBatchNorm(s.scenario, l, v),
        host,
      }) : '—';
      const dropout = hiddenLayer ? form.number(sec, {
        key: `dropout${l}`,
        label: T.dropoutOf(name),
        cell: name,
        read: (s) => dropoutOf(s.scenario, l),
        build: (s, v) => setDropout(s.scenario, l, v),
        limits: range(spec().scenario.mlp.dropout),
        host,
        group: [],
      }) : '—';
      rows.push(el('tr', {}, [el('th', {scope: 'row'}, name), el('td', {}, size), el('td', {}, activation), el('td', {}, batchNorm), el('td', {}, dropout)]));
    }
    const table = el('table', {class: 'editor-layers'}, [
      el('thead', {}, el('tr', {}, [T.layer, T.units, T.activation, T.batchNorm, T.dropout].map((text) => el('th', {scope: 'col'}, text)))),
      el('tbody', {}, rows),
    ]);
    return [
      ...form.labelled(sec, form.select, {
        key: 'depth',
        label: T.hiddenLayers,
        options: sizeChoices(hidden, L - 1),
        read: (s) => s.scenario.model.layers.length - 2,
        build: (s, v) => setHiddenLayers(s.scenario, Number(v)),
      }),
      // Five columns: on a phone the table scrolls sideways in its own box, as the grids do.
      el('div', {class: 'editor-scroll'}, table),
      host.node,
      ...lossFields(form, sec, state, {T, output: output, lossOf, lossesFor}),
      el('p', {class: 'editor-note'}, T.resizeNote),
    ];
  });

  // ---- Datos: X and Y side by side, one row per sample.
  const sampleMessage = el('p', {class: 'editor-error', role: 'alert', hidden: true});
  const addButton = el('button', {type: 'button', class: 'editor-add', dataset: {key: 'add-sample'}}, T.addSample);
  addButton.addEventListener('click', () => sampleEdit(addSample(store.get().scenario)));

  function sampleEdit(next) {
    const result = ctx.setScenario(next);
    sampleMessage.hidden = result.ok;
    sampleMessage.textContent = result.ok ? '' : result.message;
  }

  const dataShape = (s) => {
    const {layers} = s.scenario.model;
    return `${s.scenario.data.inputs.length}:${layers[0]}:${layers[layers.length - 1]}`;
  };
  const data = form.section('data', T.sections.data, dataShape, (sec, state) => {
    const {layers} = state.scenario.model;
    const B = state.scenario.data.inputs.length;
    const nx = layers[0];
    const ny = layers[layers.length - 1];
    const notice = tooBig(B * (nx + ny), T.tooBig);
    if (notice) return notice;
    const host = form.messages();
    const group = [];
    const {value} = limits();
    const cells = (which, s, n, label) => counts({min: 0, max: n - 1}).map((j) => form.number(sec, {
      key: `${which}:${s}:${j}`,
      label: label(s + 1, j + 1),
      cell: label(s + 1, j + 1),
      read: (st) => st.scenario.data[which][s][j],
      build: (st, v) => setData(st.scenario, which, s, j, v),
      limits: value,
      host,
      group,
    }));
    const remove = (s) => el('button', {
      type: 'button',
      class: 'editor-remove',
      'aria-label': T.removeSample(s + 1),
      title: T.removeSample(s + 1),
      disabled: B <= 1,
      dataset: {key: `remove:${s}`},
      onclick: () => {
        // Refused texts below the removed row would move to another sample: drop them.
        form.forget((key) => {
          const match = /^(inputs|targets):(\d+):/.exec(key);
          return match !== null && Number(match[2]) >= s;
        });
        sampleEdit(removeSample(store.get().scenario, s));
      },
    }, '×');
    addButton.disabled = B >= limits().samples.max;
    const columns = (n, text) => counts({min: 1, max: n}).map((j) => ({text: text(j)}));
    return [
      el('p', {class: 'editor-note'}, T.dataCaption(B, nx, ny)),
      grid({
        className: 'editor-grid editor-data-grid',
        corner: T.sample,
        groups: [{text: T.inputs, columns: columns(nx, T.inputColumn)}, {text: T.targets, columns: columns(ny, T.targetColumn)}],
        rows: counts({min: 0, max: B - 1}).map((s) => ({
          header: [el('span', {}, String(s + 1)), remove(s)],
          headerClass: 'editor-sample',
          cells: [...cells('inputs', s, nx, T.inputCell), ...cells('targets', s, ny, T.targetCell)],
        })),
      }),
      host.node,
    ];
  });
  data.node.append(el('div', {class: 'editor-footer'}, [
    addButton,
    el('p', {class: 'editor-note'}, T.samplesMax(limits().samples.max)),
    sampleMessage,
  ]));

  // ---- Pesos y sesgos: W⁽ˡ⁾ as an n_l × n_{l−1} grid, b⁽ˡ⁾ as a row, values from the trace.
  const parameters = form.section('parameters', T.sections.parameters, (s) => s.scenario.model.layers.join('-'), (sec, state) => {
    const {layers} = state.scenario.model;
    const L = layers.length - 1;
    let total = 0;
    for (let l = 1; l <= L; l++) total += layers[l] * (layers[l - 1] + 1);
    const notice = tooBig(total, T.tooBig);
    if (notice) return notice;
    const {value} = limits();
    const out = [];
    for (let l = 1; l <= L; l++) {
      const rows = counts({min: 0, max: layers[l] - 1});
      const cols = counts({min: 0, max: layers[l - 1] - 1});
      const W = mlpKeys.W(l);
      const b = mlpKeys.b(l);
      const host = form.messages();
      const group = [];
      const entry = (i, j) => form.number(sec, {
        key: j === null ? `${L}:${b}:${i}` : `${L}:${W}:${i}:${j}`,
        label: j === null ? T.biasCellLabel(l, i + 1) : T.weightCellLabel(l, i + 1, j + 1),
        cell: j === null ? T.biasCell(l, i + 1) : T.weightCell(l, i + 1, j + 1),
        read: (s) => (j === null ? s.trace.parameters[b][i] : s.trace.parameters[W][i][j]),
        build: (s, v) => setParameter(s.scenario, s.trace.parameters, j === null ? b : W, i, j, v),
        limits: value,
        host,
        group,
      });
      out.push(fieldset(T.layerParameters(l, rows.length, cols.length), [
        grid({
          corner: T.weights(l),
          columns: cols.map((j) => ({text: String(j + 1), title: T.columnHeader(j + 1)})),
          rows: rows.map((i) => ({header: String(i + 1), cells: cols.map((j) => entry(i, j))})),
        }),
        grid({
          className: 'editor-grid editor-bias',
          columns: rows.map((i) => ({text: String(i + 1)})),
          rows: [{header: T.biases(l), cells: rows.map((i) => entry(i, null))}],
        }),
        host.node,
      ]));
    }
    return out;
  });
  const showDrawn = sectionNote(parameters);

  trainingSection(form, {title: T.sections.training, T});

  return form.mount(container, {
    hint: T.hint,
    note: T.notMlp,
    applies: (state) => state.scenario?.model?.kind === 'mlp',
    after(state) {
      sampleMessage.hidden = true;
      const given = state.scenario.parameters ?? {};
      const L = state.scenario.model.layers.length - 1;
      const drawn = counts({min: 1, max: L}).flatMap((l) => [mlpKeys.W(l), mlpKeys.b(l)]).filter((name) => !(name in given));
      const init = {...defaultInit(), ...(state.scenario.init ?? {})};
      showDrawn(drawn.length ? T.drawn(drawn, init.scheme, init.seed) : null);
    },
  });
}
