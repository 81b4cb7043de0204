// The example's editor: architecture, data, every weight and bias, the learning rate. Each edit
// builds a new scenario (web/components/editor/scenario.js) and asks ctx.setScenario; a value
// that does not parse, or that the core refuses, stays in its box with a message beside it and
// changes nothing else. Sections are rebuilt only when their shape changes; otherwise the boxes
// are refreshed in place, skipping any the student is editing.
import '../styles/editor.css';
import {el} from '../dom.js';
import {formatNumber} from '../format.js';
import {S} from '../strings/index.js';
import {parseNumber} from './editor/number.js';
import {
  ACTIVATIONS,
  LIMITS,
  DEFAULT_INIT,
  addSample,
  learningRate,
  lossOf,
  lossesFor,
  removeSample,
  setActivation,
  setData,
  setHiddenLayers,
  setLearningRate,
  setLoss,
  setParameter,
  setUnits,
} from './editor/scenario.js';

let mounts = 0;
const VALUE_RANGE = {min: -LIMITS.value, max: LIMITS.value};
const LR_RANGE = {min: 0, max: LIMITS.lrMax};
const MAX_CELLS = 600; // beyond this a section shows a notice instead of its boxes

const range = (from, to) => Array.from({length: to - from + 1}, (_, k) => from + k);

export function mountEditor(container, ctx) {
  const T = S.editor;
  const {store} = ctx;
  const prefix = `editor${++mounts}`;
  let ids = 0;
  const fields = new Map(); // key → the control now in the DOM
  const invalid = new Map(); // key → {text, message}: refused input, kept until fixed

  // ---- messages beside a control

  // Where a field's message goes: right after an inline control, or in a list under its table.
  function inlineHost(after) {
    return {
      add: (node) => after.after(node),
      remove: (node) => node.remove(),
    };
  }
  // One list of messages under a table, shared by its cells (each message names its cell), so a
  // message never widens the grid.
  function listHost() {
    const node = el('div', {class: 'editor-messages', hidden: true});
    return {
      node,
      fields: [],
      add(message) {
        node.append(message);
        node.hidden = false;
      },
      remove(message) {
        message.remove();
        node.hidden = node.childElementCount === 0;
      },
    };
  }

  function paint(field) {
    const entry = invalid.get(field.key);
    const {node} = field;
    if (!entry) {
      if (field.message) field.host.remove(field.message);
      field.message = null;
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
      return;
    }
    if (field.kind === 'text' && node.value !== entry.text) node.value = entry.text;
    if (!field.message) {
      field.message = el('p', {class: 'editor-error', id: `${prefix}-m${++ids}`, role: 'alert'});
      field.host.add(field.message);
    }
    field.message.textContent = field.cell ? T.errors.cell(field.cell, entry.message) : entry.message;
    node.setAttribute('aria-invalid', 'true');
    node.setAttribute('aria-describedby', field.message.id);
  }

  function refuse(key, text, message) {
    invalid.set(key, {text, message});
    const field = fields.get(key);
    if (field) paint(field);
  }

  function accept(key) {
    invalid.delete(key);
    const field = fields.get(key);
    if (field) paint(field);
  }

  function reason(parsed, text, limits) {
    if (parsed.reason === 'empty') return T.errors.empty;
    if (parsed.reason === 'notNumber') {
      const shown = text.trim();
      return T.errors.notNumber(shown.length > 24 ? `${shown.slice(0, 24)}…` : shown);
    }
    return T.errors.range(formatNumber(limits.min), formatNumber(limits.max));
  }

  // ---- controls

  // A number box. read(state) is the value it shows, build(state, value) the scenario an edit asks for.
  // Boxes of one table share a width (group), wide enough for the longest text in it.
  function numberField(section, {key, label, cell, read, build, limits, host, group = []}) {
    const node = el('input', {
      type: 'text',
      class: 'editor-number',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': label,
      dataset: {key},
    });
    const field = {key, node, kind: 'text', cell, read, host, group, rendered: null, message: null};
    group.push(field);
    section.groups.add(group);

    function commit() {
      const text = node.value;
      if (!invalid.has(key) && text === field.rendered) return;
      const parsed = parseNumber(text, limits);
      if (!parsed.ok) return refuse(key, text, reason(parsed, text, limits));
      const state = store.get();
      if (parsed.value !== read(state)) {
        const result = ctx.setScenario(build(state, parsed.value));
        if (!result.ok) return refuse(key, text, result.message);
      }
      accept(key);
      const current = fields.get(key);
      if (current) {
        show(current, store.get(), true);
        fit(current.group);
      }
    }

    node.addEventListener('change', commit);
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        invalid.delete(key);
        paint(field);
        node.value = field.rendered;
      }
    });
    // While a refused text is being corrected, its message follows what is typed.
    node.addEventListener('input', () => {
      fit(group);
      if (!invalid.has(key)) return;
      const parsed = parseNumber(node.value, limits);
      if (parsed.ok) accept(key);
      else refuse(key, node.value, reason(parsed, node.value, limits));
    });
    return register(section, field);
  }

  // A drop-down list of [value, text] options.
  function selectField(section, {key, label, cell, options, read, build, host}) {
    const node = el(
      'select',
      {class: 'editor-select', 'aria-label': label, dataset: {key}},
      options.map(([value, text]) => el('option', {value: String(value)}, text)),
    );
    const field = {key, node, kind: 'select', cell, read, host, message: null};
    node.addEventListener('change', () => {
      const chosen = node.value;
      invalid.delete(key);
      paint(field);
      const result = ctx.setScenario(build(store.get(), chosen));
      if (!result.ok) {
        const current = fields.get(key) ?? field;
        current.node.value = String(read(store.get()));
        refuse(key, null, result.message);
      }
    });
    return register(section, field);
  }

  function register(section, field) {
    fields.set(field.key, field);
    section.keys.add(field.key);
    return field.node;
  }

  // Shows the state's value, unless the student has typed something not yet applied (or refused).
  function show(field, state, force = false) {
    const value = field.read(state);
    if (field.kind === 'select') {
      field.node.value = String(value);
      return;
    }
    const text = formatNumber(value);
    const untouched = !invalid.has(field.key) && field.node.value === (field.rendered ?? '');
    if (force || untouched || field.rendered === null) field.node.value = text;
    field.rendered = text;
  }

  function fit(group) {
    let longest = 0;
    for (const field of group) longest = Math.max(longest, field.node.value.length, field.rendered?.length ?? 0);
    const size = Math.min(Math.max(longest + 1, 5), 16);
    for (const field of group) field.node.size = size;
  }

  // A select's options: the allowed ones, plus the current value if a link brought another.
  const sizeOptions = (from, to, current) =>
    [...new Set([...range(from, to), current])].sort((a, b) => a - b).map((n) => [n, String(n)]);

  // ---- sections

  function section(name, shape, build) {
    const body = el('div', {class: 'editor-body'});
    const node = el('details', {class: `editor-section editor-${name}`, open: true}, [
      el('summary', {}, T.sections[name]),
      body,
    ]);
    return {node, body, shape, build, keys: new Set(), groups: new Set(), current: undefined};
  }

  // Architecture: depth, sizes, activations, loss.
  const architecture = section('architecture', (s) => JSON.stringify(s.scenario.model), (sec, state) => {
    const {layers, activations} = state.scenario.model;
    const L = layers.length - 1;
    const output = activations[L - 1];
    const depthSelect = selectField(sec, {
      key: 'depth',
      label: T.hiddenLayers,
      options: sizeOptions(LIMITS.hiddenMin, LIMITS.hiddenMax, L - 1),
      read: (s) => s.scenario.model.layers.length - 2,
      build: (s, v) => setHiddenLayers(s.scenario, Number(v)),
      host: null,
    });
    const depthRow = el('div', {class: 'editor-row'}, [
      el('label', {for: `${prefix}-depth`}, T.hiddenLayers),
      depthSelect,
    ]);
    depthSelect.id = `${prefix}-depth`;
    fields.get('depth').host = inlineHost(depthRow);

    const rows = [];
    const host = listHost();
    for (let l = 0; l <= L; l++) {
      const name = l === 0 ? T.input : l === L ? T.output : T.hidden(l);
      const units = selectField(sec, {
        key: `units${l}`,
        label: T.unitsOf(name),
        cell: name,
        options: sizeOptions(LIMITS.unitsMin, LIMITS.unitsMax, layers[l]),
        read: (s) => s.scenario.model.layers[l],
        build: (s, v) => setUnits(s.scenario, l, Number(v)),
        host,
      });
      const activation =
        l === 0
          ? '—'
          : selectField(sec, {
              key: `activation${l}`,
              label: T.activationOf(name),
              cell: name,
              options: [...new Set([...ACTIVATIONS, activations[l - 1]])].map((a) => [a, T.activations[a] ?? a]),
              read: (s) => s.scenario.model.activations[l - 1],
              build: (s, v) => setActivation(s.scenario, l, v),
              host,
            });
      rows.push(el('tr', {}, [el('th', {scope: 'row'}, name), el('td', {}, units), el('td', {}, activation)]));
    }
    const table = el('table', {class: 'editor-layers'}, [
      el('thead', {}, el('tr', {}, [
        el('th', {scope: 'col'}, T.layer),
        el('th', {scope: 'col'}, T.units),
        el('th', {scope: 'col'}, T.activation),
      ])),
      el('tbody', {}, rows),
    ]);

    const loss = lossOf(state.scenario);
    const lossSelect = selectField(sec, {
      key: 'loss',
      label: T.loss,
      options: [...new Set([...lossesFor(output), loss])].map((k) => [k, T.losses[k] ?? k]),
      read: (s) => lossOf(s.scenario),
      build: (s, v) => setLoss(s.scenario, v),
      host: null,
    });
    lossSelect.id = `${prefix}-loss`;
    const lossRow = el('div', {class: 'editor-row'}, [el('label', {for: lossSelect.id}, T.loss), lossSelect]);
    fields.get('loss').host = inlineHost(lossRow);
    return [
      depthRow,
      table,
      host.node,
      lossRow,
      output === 'softmax' ? null : el('p', {class: 'editor-note'}, T.crossEntropyHint),
      el('p', {class: 'editor-note'}, T.resizeNote),
    ];
  });

  // Data: X and Y side by side, one row per sample.
  const sampleMessage = el('p', {class: 'editor-error', role: 'alert', hidden: true});
  const addButton = el('button', {type: 'button', class: 'editor-add', dataset: {key: 'add-sample'}}, T.addSample);
  const samplesNote = el('p', {class: 'editor-note'}, T.samplesMax(LIMITS.samplesMax));
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
  const data = section('data', dataShape, (sec, state) => {
    const {inputs} = state.scenario.data;
    const {layers} = state.scenario.model;
    const B = inputs.length;
    const nx = layers[0];
    const ny = layers[layers.length - 1];
    if (B * (nx + ny) > MAX_CELLS) return [el('p', {class: 'editor-note'}, T.tooBig)];
    const cells = (which, s, n, label, cellName) =>
      range(0, n - 1).map((j) => {
        const key = `${which}:${s}:${j}`;
        return el('td', {class: j === 0 ? 'editor-group-start' : null}, numberField(sec, {
          key,
          label: label(s + 1, j + 1),
          cell: cellName(s + 1, j + 1),
          read: (st) => st.scenario.data[which][s][j],
          build: (st, v) => setData(st.scenario, which, s, j, v),
          limits: VALUE_RANGE,
          host,
          group: host.fields,
        }));
      });
    const host = listHost();
    const body = [];
    for (let s = 0; s < B; s++) {
      const remove = el('button', {
        type: 'button',
        class: 'editor-remove',
        'aria-label': T.removeSample(s + 1),
        title: T.removeSample(s + 1),
        disabled: B <= 1,
        dataset: {key: `remove:${s}`},
        onclick: () => {
          // Refused texts below the removed row would move to another sample: drop them.
          for (const key of [...invalid.keys()]) {
            const match = /^(inputs|targets):(\d+):/.exec(key);
            if (match && Number(match[2]) >= s) invalid.delete(key);
          }
          sampleEdit(removeSample(store.get().scenario, s));
        },
      }, '×');
      body.push(
        el('tr', {}, [
          el('th', {scope: 'row', class: 'editor-sample'}, [el('span', {}, String(s + 1)), remove]),
          ...cells('inputs', s, nx, T.inputCell, T.inputCell),
          ...cells('targets', s, ny, T.targetCell, T.targetCell),
        ]),
      );
    }
    addButton.disabled = B >= LIMITS.samplesMax;
    return [
      el('p', {class: 'editor-note'}, T.dataCaption(B, nx, ny)),
      el('div', {class: 'editor-scroll'}, el('table', {class: 'editor-grid editor-data-grid'}, [
        el('thead', {}, [
          el('tr', {}, [
            el('th', {scope: 'col', rowspan: 2}, T.sample),
            el('th', {scope: 'colgroup', colspan: nx, class: 'editor-group-start'}, T.inputs),
            el('th', {scope: 'colgroup', colspan: ny, class: 'editor-group-start'}, T.targets),
          ]),
          el('tr', {}, [
            ...range(1, nx).map((j) => el('th', {scope: 'col', class: j === 1 ? 'editor-group-start' : null}, T.inputColumn(j))),
            ...range(1, ny).map((j) => el('th', {scope: 'col', class: j === 1 ? 'editor-group-start' : null}, T.targetColumn(j))),
          ]),
        ]),
        el('tbody', {}, body),
      ])),
      host.node,
    ];
  });
  data.node.append(el('div', {class: 'editor-footer'}, [addButton, samplesNote, sampleMessage]));

  // Weights and biases: W⁽ˡ⁾ as an n_l × n_{l−1} grid, b⁽ˡ⁾ as a row, values from the trace.
  const drawnNote = el('p', {class: 'editor-note', hidden: true});
  const parameters = section('parameters', (s) => s.scenario.model.layers.join('-'), (sec, state) => {
    const {layers} = state.scenario.model;
    const L = layers.length - 1;
    let total = 0;
    for (let l = 1; l <= L; l++) total += layers[l] * (layers[l - 1] + 1);
    if (total > MAX_CELLS) return [el('p', {class: 'editor-note'}, T.tooBig)];
    const out = [];
    for (let l = 1; l <= L; l++) {
      const rows = layers[l];
      const cols = layers[l - 1];
      const W = `W${l}`;
      const b = `b${l}`;
      const gridRows = [];
      const host = listHost();
      for (let i = 0; i < rows; i++) {
        gridRows.push(el('tr', {}, [
          el('th', {scope: 'row'}, String(i + 1)),
          ...range(0, cols - 1).map((j) => el('td', {}, numberField(sec, {
            key: `${L}:${W}:${i}:${j}`,
            label: T.weightCellLabel(l, i + 1, j + 1),
            cell: T.weightCell(l, i + 1, j + 1),
            read: (s) => s.trace.parameters[W][i][j],
            build: (s, v) => setParameter(s.scenario, s.trace.parameters, W, i, j, v),
            limits: VALUE_RANGE,
            host,
            group: host.fields,
          }))),
        ]));
      }

      const biasRow = el('tr', {}, [
        el('th', {scope: 'row'}, T.biases(l)),
        ...range(0, rows - 1).map((i) => el('td', {}, numberField(sec, {
          key: `${L}:${b}:${i}`,
          label: T.biasCellLabel(l, i + 1),
          cell: T.biasCell(l, i + 1),
          read: (s) => s.trace.parameters[b][i],
          build: (s, v) => setParameter(s.scenario, s.trace.parameters, b, i, null, v),
          limits: VALUE_RANGE,
          host,
          group: host.fields,
        }))),
      ]);
      out.push(el('fieldset', {class: 'editor-layer'}, [
        el('legend', {}, T.layerParameters(l, rows, cols)),
        el('div', {class: 'editor-scroll'}, el('table', {class: 'editor-grid'}, [
          el('thead', {}, el('tr', {}, [
            el('th', {scope: 'col'}, T.weights(l)),
            ...range(1, cols).map((j) => el('th', {scope: 'col', title: T.columnHeader(j)}, String(j))),
          ])),
          el('tbody', {}, gridRows),
        ])),
        el('div', {class: 'editor-scroll'}, el('table', {class: 'editor-grid editor-bias'}, [
          el('thead', {}, el('tr', {}, [
            el('td', {}),
            ...range(1, rows).map((i) => el('th', {scope: 'col'}, String(i))),
          ])),
          el('tbody', {}, biasRow),
        ])),
        host.node,
      ]));
    }
    return out;
  });
  parameters.node.querySelector('summary').after(drawnNote);

  // Training: the learning rate.
  const training = section('training', () => 'fixed', (sec) => {
    const input = numberField(sec, {
      key: 'lr',
      label: T.learningRate,
      read: (s) => learningRate(s.scenario),
      build: (s, v) => setLearningRate(s.scenario, v),
      limits: LR_RANGE,
      host: null,
    });
    input.id = `${prefix}-lr`;
    const row = el('div', {class: 'editor-row'}, [el('label', {for: input.id}, T.learningRate), input]);
    fields.get('lr').host = inlineHost(row);
    return [row];
  });

  const sections = [architecture, data, parameters, training];
  const notMlp = el('p', {class: 'editor-note', hidden: true}, T.notMlp);
  const root = el('div', {class: 'editor'}, [
    el('p', {class: 'editor-hint'}, T.hint),
    notMlp,
    ...sections.map((s) => s.node),
  ]);
  // Keys typed into a box or a list are the editor's: the page's shortcuts (← → for the stepper)
  // must not move the step while the student moves the caret or changes an option.
  root.addEventListener('keydown', (event) => {
    if (event.target.matches('input, select')) event.stopPropagation();
  });
  container.append(root);

  // ---- rendering from the store

  function render(state) {
    const mlp = state.scenario?.model?.kind === 'mlp';
    notMlp.hidden = mlp;
    for (const s of sections) s.node.hidden = !mlp;
    if (!mlp) return;

    const active = document.activeElement;
    const activeKey = root.contains(active) ? active.dataset.key : undefined;
    const selection = active?.tagName === 'INPUT' ? [active.selectionStart, active.selectionEnd] : null;
    // A drop-down's refusal concerned the scenario it was shown with.
    for (const [key, field] of fields) {
      if (field.kind === 'select' && invalid.has(key)) {
        invalid.delete(key);
        paint(field);
      }
    }
    sampleMessage.hidden = true;

    const carried = new Map(); // texts typed but not yet applied, for boxes being rebuilt
    const rebuilt = new Set();

    for (const sec of sections) {
      const shape = sec.shape(state);
      if (shape === sec.current) continue;
      for (const key of sec.keys) {
        const field = fields.get(key);
        if (field?.kind === 'text' && field.rendered !== null && field.node.value !== field.rendered) {
          carried.set(key, field.node.value);
        }
        fields.delete(key);
      }
      sec.keys.clear();
      sec.groups.clear();
      sec.body.replaceChildren(...sec.build(sec, state).filter(Boolean));
      sec.current = shape;
      for (const key of sec.keys) rebuilt.add(key);
    }
    for (const key of [...invalid.keys()]) if (!fields.has(key)) invalid.delete(key);

    for (const field of fields.values()) {
      show(field, state);
      if (rebuilt.has(field.key)) {
        if (invalid.has(field.key)) paint(field);
        else if (carried.has(field.key)) field.node.value = carried.get(field.key);
      }
    }

    for (const sec of sections) for (const group of sec.groups) fit(group);

    // Focus stays where the student was, even if that control was rebuilt.
    if (activeKey !== undefined && !root.contains(active)) {
      const again = root.querySelector(`[data-key="${CSS.escape(activeKey)}"]`) ??
        (activeKey.startsWith('remove:') ? addButton : null);
      if (again && !again.disabled) {
        again.focus({preventScroll: true});
        if (selection && again.tagName === 'INPUT') again.setSelectionRange(...selection);
      }
    }

    const given = state.scenario.parameters ?? {};
    const L = state.scenario.model.layers.length - 1;
    const drawn = range(1, L).flatMap((l) => [`W${l}`, `b${l}`]).filter((name) => !(name in given));
    const init = {...DEFAULT_INIT, ...(state.scenario.init ?? {})};
    drawnNote.hidden = drawn.length === 0;
    drawnNote.textContent = drawn.length ? T.drawn(drawn, init.scheme, init.seed) : '';
  }

  let last = null;
  const unsubscribe = store.subscribe((state) => {
    if (last && state.scenario === last.scenario && state.trace === last.trace) return;
    last = state;
    render(state);
  });
  last = store.get();
  render(last);

  return {
    destroy() {
      unsubscribe();
      root.remove();
    },
  };
}
