// Lab 7 (RNN exercise 2): an RNN trained with BPTT on sequences of varied length. The task's data
// come from core.data, training runs in the labs' worker (job `train` with evaluations), and the
// prediction strip shows ŷ_t step by step for one validation sequence (core.predict).
import {el} from '../../dom.js';
import {richText} from '../../math.js';
import {S} from '../../strings/index.js';
import {int, writeParams} from '../../forms/settings.js';
import {createForm} from '../../forms/settings-form.js';
import {fromCore} from '../shared/fields.js';
import {lastData} from '../shared/data.js';
import {readParams} from '../shared/sequence-settings.js';
import {buildScenario, dataSpec, trainingCounter} from '../shared/sequence-scenario.js';
import {pytorchExportControl} from '../../components/pytorch-export.js';
import {FIELDS, formGroups, formOptions} from '../shared/ui/sequence-form.js';
import {createRunPanel} from './run-panel.js';
import {createStripPanel} from './strip-panel.js';
import {describeJobError} from '../jobs-client.js';
import '../../styles/labs/secuencias.css';

// The validation sequence the strip shows, 1 … the most sequences a data set may hold.
const SEQ = fromCore(int(1, undefined, 1), {max: (s) => s.data.sequences.count.max});

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading, with the core's split of the data set for the batch rule.
export function checkSettings(params, core) {
  const trainingCount = trainingCounter(core, lastData(core, dataSpec));
  return readParams({...FIELDS, seq: SEQ}, params, {labels: S.labs.secuencias.form.labels, notice: (labels) => labels, trainingCount}).notice ?? [];
}

export function mountLab(root, ctx) {
  const L = S.labs.secuencias;
  const badLink = (labels) => L.form.badLink(labels.join(', '));
  const drawn = lastData(ctx.core, dataSpec);  // the data set of the settings, kept while they stay
  const trainingCount = trainingCounter(ctx.core, drawn);
  const {values: initial, notice: noticeText} = readParams({...FIELDS, seq: SEQ}, ctx.params,
    {labels: L.form.labels, notice: badLink, trainingCount});
  const {seq: _seq, ...firstSettings} = initial;
  let settings = firstSettings;
  let data = null;        // core.data(dataSpec(settings)), regenerated when the data fields change
  let frame = 0;

  const notice = el('p', {class: 'seq-notice', role: 'status', hidden: !noticeText}, noticeText ?? '');
  const taskHelp = el('p', {class: 'seq-task-help'});
  const form = createForm(FIELDS, settings, {...formOptions(L, trainingCount), onChange: changed});
  const epochs = el('p', {class: 'seq-epochs'});
  const failure = el('p', {class: 'seq-failure', role: 'alert', hidden: true});

  const strip = createStripPanel({L, core: ctx.core, seq: initial.seq, onSequence: (seq) => save({seq})});
  let runKey = '';  // the settings of the run in progress: its weights fit the strip only if unchanged
  const run = createRunPanel({
    L, runJob: ctx.runJob,
    prepare: () => {
      const {ok, values: next} = form.read();
      if (!ok || !ensureData(next)) return null;
      runKey = JSON.stringify(next);
      return buildScenario(data, next);
    },
    onStart: () => strip.showBefore(),
    onDone: (scenario, result) => {
      if (runKey === JSON.stringify(settings)) strip.showAfter(scenario, result.parameters, result.steps);
    },
  });

  const controls = el('form', {class: 'seq-controls', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    run.start();
  }}, [
    ...formGroups(form, L),
    taskHelp,
    epochs,
    run.button,
  ]);
  root.append(el('div', {class: 'seq-lab'}, [
    el('div', {class: 'seq-intro'}, [el('p', {}, richText(L.intro)), el('p', {class: 'seq-observe'}, richText(L.observe))]),
    notice,
    el('div', {class: 'seq-layout'}, [
      el('div', {class: 'seq-side'}, controls),
      el('div', {class: 'seq-results'}, [failure, run.node, strip.node,
        pytorchExportControl({core: ctx.core, scenario: () => data && buildScenario(data, settings)})]),
    ]),
  ]));

  // ---- settings → data, the task's help, the strip before training
  function ensureData(s) {
    try {
      data = drawn(s);
      failure.hidden = true;
      return true;
    } catch (error) {
      data = null;
      failure.hidden = false;
      failure.textContent = L.dataFailed(describeJobError(error));
      return false;
    }
  }

  function refresh() {
    frame = 0;
    const {ok, values: s} = form.read();
    if (!ok) return;
    form.show('delay', s.task === 'echo');
    form.show('g', s.task === 'running_sum');
    taskHelp.replaceChildren(...richText(L.taskHelp[s.task]));
    if (!ensureData(s)) return;
    const sequences = data.sequences.length;
    epochs.textContent = L.form.epochs(s.steps, Math.ceil(sequences / Math.max(1, Math.min(s.batch, sequences))));
    strip.setData(data, buildScenario(data, s), L.classNames[s.task]);
  }

  function save(extra = {}) {
    ctx.setParams({...writeParams(FIELDS, settings), seq: String(strip.seq), ...extra});
  }

  function changed({ok, values: next}) {
    if (!ok) return;
    settings = next;
    save();
    if (!frame) frame = requestAnimationFrame(refresh);
  }

  form.show('delay', settings.task === 'echo');
  form.show('g', settings.task === 'running_sum');
  refresh();

  return {
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      run.destroy();
      root.replaceChildren();
    },
  };
}
