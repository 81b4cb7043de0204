// #/mlp : lesson 1, backpropagation in a multilayer perceptron.
import {mountDiagram} from '../../components/diagram.js';
import {mountEditor} from '../../components/editor.js';
import {mountGradcheck} from '../../components/gradcheck.js';
import {mountTraining} from '../../components/training.js';
import {S, localized} from '../../strings/index.js';
import {spec, within} from '../../core/spec.js';
import {mountLessonPage} from '../lesson-page.js';
import {defaultPreset, presets} from './presets.js';
import {buildSteps} from './steps.js';
import {lesson as lessonEs} from './text.js';

// The English text is fetched only when English is chosen (web/strings/index.js).
const lessonText = localized({es: lessonEs, en: async () => (await import('./text.en.js')).lesson});

export function mountMlp(root, options) {
  return mountLessonPage(root, options, {
    path: '/mlp',
    title: S.mlp.title,
    lesson: lessonText(),
    presets,
    presetNames: S.mlp.presets,
    defaultPreset,
    buildSteps,
    kind: 'mlp',
    fileName: (scenario) => `${S.files.fileNames.scenario}-mlp-${scenario.model.layers.join('-')}.json`,
    validate(scenario) {
      const model = scenario?.model;
      if (model?.kind !== 'mlp') return {field: 'model.kind', message: S.mlp.limits.kind};
      const {hidden_layers: depth, units, samples} = spec().lesson.mlp;
      if (!Array.isArray(model.layers) || !model.layers.every((n) => typeof n === 'number'))
        return {field: 'model.layers', message: S.mlp.limits.layersList};
      const layers = model.layers;
      const activations = Array.isArray(model.activations) ? model.activations : [];
      if (activations.slice(0, -1).includes('softmax')) return {field: 'model.activations', message: S.mlp.limits.softmaxHidden};
      if (!within(layers.length - 2, depth) || !layers.every((n) => within(n, units)))
        return {field: 'model.layers', message: S.mlp.limits.layers(depth, units)};
      if ((scenario.data?.inputs?.length ?? 0) > samples.max) return {field: 'data.inputs', message: S.mlp.limits.samples(samples.max)};
      // The training panel's validation rows: a handful in a lesson; a link with thousands is
      // refused before the core spends seconds on them.
      if ((scenario.data?.validation?.inputs?.length ?? 0) > spec().lesson.mlp.validation_rows.max || (scenario.data?.validation?.targets?.length ?? 0) > spec().lesson.mlp.validation_rows.max)
        return {field: 'data.validation', message: S.mlp.limits.validation(spec().lesson.mlp.validation_rows.max)};
      return null;
    },
    print: () => import('./print.js'),  // the printed worked example's part, loaded with it
    diagram: mountDiagram,
    panels: [
      {className: 'editor-panel', label: S.mlp.editorLabel, mount: mountEditor},
      {className: 'training-panel', label: S.mlp.trainingLabel, mount: mountTraining},
      {className: 'gradcheck-panel', label: S.mlp.gradcheckLabel, mount: mountGradcheck},
    ],
  });
}
