// The settings form of the sequence labs (7 and 10): lab 7's fields, their groups, and the options
// of web/forms/settings-form.js createForm (look, texts, the rules between fields).
//
//   FIELDS                               the data and training fields (shared/sequence-settings.js)
//   formGroups(form, L, names?) → [<fieldset>…]   data, model, training (only the fields in names)
//   formOptions(L, trainingCount) → createForm's options; trainingCount as for crossCheck
import {el} from '../../../dom.js';
import {crossCheck, dataFields, trainFields} from '../sequence-settings.js';

export const FIELDS = {...dataFields, ...trainFields};

export function formGroups(form, L, names = Object.keys(FIELDS)) {
  const group = (title, list) => el('fieldset', {class: 'seq-group'}, [
    el('legend', {}, title), ...list.filter((n) => names.includes(n)).map((n) => form.node(n)),
  ]);
  return [
    group(L.groups.data, ['task', 'delay', 'count', 'minLength', 'maxLength', 'validation', 'dataSeed']),
    group(L.groups.model, ['hidden', 'f', 'g']),
    group(L.groups.training, ['optimizer', 'lr', 'batch', 'steps', 'seed']),
  ];
}

export function formOptions(L, trainingCount) {
  const F = L.form;
  return {
    prefix: 'seq',
    labels: F.labels,
    reasons: F.reasons,
    rules: (values) => Object.fromEntries(Object.entries(crossCheck(values, trainingCount))
      .map(([name, reason]) => [name, F.reasons[reason](F.labels[name], reason === 'batch' ? trainingCount(values) : undefined)])),
    options: {
      task: L.tasks,
      f: F.activations,
      g: F.activations,
      optimizer: F.optimizers,
    },
  };
}
