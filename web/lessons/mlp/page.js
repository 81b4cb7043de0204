// #/mlp : lesson 1, backpropagation in a multilayer perceptron.
import {mountDiagram} from '../../components/diagram.js';
import {mountEditor} from '../../components/editor.js';
import {mountGradcheck} from '../../components/gradcheck.js';
import {mountTraining} from '../../components/training.js';
import {S} from '../../strings/index.js';
import {spec, within} from '../../core/spec.js';
import {mountLessonPage} from '../lesson-page.js';
import {presets} from './presets.js';
import {buildSteps} from './steps.js';
import {lesson} from './text.js';

export function mountMlp(root, options) {
  return mountLessonPage(root, options, {
    path: '/mlp',
    title: S.mlp.title,
    lesson,
    presets,
    presetNames: S.mlp.presets,
    defaultPreset: 'classic',
    buildSteps,
    validate(scenario) {
      const model = scenario?.model;
      if (model?.kind !== 'mlp') return {field: 'model.kind', message: S.mlp.limits.kind};
      const {hidden_layers: depth, units, samples} = spec().lesson.mlp;
      const layers = Array.isArray(model.layers) ? model.layers : [];
      if (!within(layers.length - 2, depth) || !layers.every((n) => within(n, units)))
        return {field: 'model.layers', message: S.mlp.limits.layers(depth, units)};
      if ((scenario.data?.inputs?.length ?? 0) > samples.max) return {field: 'data.inputs', message: S.mlp.limits.samples(samples.max)};
      return null;
    },
    diagram: mountDiagram,
    panels: [
      {className: 'editor-panel', label: S.mlp.editorLabel, mount: mountEditor},
      {className: 'training-panel', label: S.mlp.trainingLabel, mount: mountTraining},
      {className: 'gradcheck-panel', label: S.mlp.gradcheckLabel, mount: mountGradcheck},
    ],
  });
}
