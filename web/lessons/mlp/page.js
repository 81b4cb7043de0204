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
    diagram: mountDiagram,
    panels: [
      {className: 'editor-panel', label: S.mlp.editorLabel, mount: mountEditor},
      {className: 'training-panel', label: S.mlp.trainingLabel, mount: mountTraining},
      {className: 'gradcheck-panel', label: S.mlp.gradcheckLabel, mount: mountGradcheck},
    ],
  });
}
