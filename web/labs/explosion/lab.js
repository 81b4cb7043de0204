// Lab 9 (RNN exercise 4): exploding and vanishing gradients. Part 1, the scale × length map of
// ‖h̄_1‖/‖h̄_T‖ (job `normsGrid`); part 2, ‖h̄_t‖ and the parameters' gradient norms over training
// (job `train` with normsEvery). Both parts' settings live in the address.
import {el} from '../../dom.js';
import {richText} from '../../math.js';
import {S} from '../../strings/index.js';
import {preloadCharts} from '../shared/ui/line-chart.js';
import {writeParams} from '../../forms/settings.js';
import {readParams} from '../shared/sequence-settings.js';
import {gridFields} from './grid.js';
import {createGridPanel} from './grid-panel.js';
import {createTrainPanel, trainNormsFields} from './train-panel.js';
import '../../styles/labs/secuencias.css';
import '../../styles/labs/explosion.css';

const FIELDS = {...gridFields, ...trainNormsFields};
const fieldLabels = () => ({...S.labs.secuencias.form.labels, ...S.labs.explosion.trainFields, ...S.labs.explosion.grid});

// A settings file's fields that this lab refuses, by their Spanish labels (web/labs/page.js): the
// address's own reading.
export const checkSettings = (params) => readParams(FIELDS, params, {labels: fieldLabels(), notice: (labels) => labels}).notice ?? [];

export function mountLab(root, ctx) {
  const E = S.labs.explosion;
  const Q = S.labs.secuencias;
  const labels = {...Q.form.labels, ...E.trainFields, ...E.grid};
  const {values, notice} = readParams(FIELDS, ctx.params, {labels, notice: (names) => Q.form.badLink(names.join(', '))});
  let current = values;
  const save = (part) => {
    current = {...current, ...part};
    ctx.setParams(writeParams(FIELDS, current));
  };
  const grid = createGridPanel({E, Q, values, runJob: ctx.runJob, onChange: save});
  const train = createTrainPanel({E, Q, values, core: ctx.core, runJob: ctx.runJob, onChange: save});
  root.append(el('div', {class: 'seq-lab exp-lab'}, [
    el('div', {class: 'seq-intro'}, el('p', {}, richText(E.intro))),
    notice ? el('p', {class: 'seq-notice', role: 'status'}, notice) : null,
    grid.node,
    train.node,
  ]));
  preloadCharts();
  return {
    destroy() {
      grid.destroy();
      train.destroy();
      root.replaceChildren();
    },
  };
}
