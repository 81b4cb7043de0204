// #/mlp : lesson 1, backpropagation in a multilayer perceptron.
import {mountDiagram} from '../../components/diagram.js';
import {mountEditor} from '../../components/editor.js';
import {mountGradcheck} from '../../components/gradcheck.js';
import {mountTraining} from '../../components/training.js';
import {S} from '../../strings/index.js';
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
      const layers = model.layers ?? [];
      if (layers.length < 3 || layers.length > 5 || layers.some((n) => !(n >= 1 && n <= 8)))
        return {field: 'model.layers', message: S.mlp.limits.layers};
      const samples = scenario.data?.inputs?.length ?? 0;
      if (samples > 8) return {field: 'data.inputs', message: S.mlp.limits.samples};
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
