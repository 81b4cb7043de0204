// #/bptt : lesson 2, backpropagation through time in the lesson's RNN.
import {mountGradcheck} from '../../components/gradcheck.js';
import {mountGradientExplorer} from '../../components/gradient-explorer.js';
import {mountRnnDiagram} from '../../components/rnn-diagram.js';
import {mountRnnEditor} from '../../components/rnn-editor.js';
import {mountTraining} from '../../components/training.js';
import {S, localized} from '../../strings/index.js';
import {spec, within} from '../../core/spec.js';
import {mountLessonPage} from '../lesson-page.js';
import {defaultPreset, presets} from './presets.js';
import {buildSteps} from './steps.js';
import {lesson as lessonEs} from './text.js';

// The English text is fetched only when English is chosen (web/strings/index.js).
const lessonText = localized({es: lessonEs, en: async () => (await import('./text.en.js')).lesson});

export function mountBptt(root, options) {
  return mountLessonPage(root, options, {
    path: '/bptt',
    title: S.bptt.title,
    lesson: lessonText(),
    presets,
    presetNames: S.bptt.presets,
    defaultPreset,
    buildSteps,
    kind: 'rnn',
    fileName: ({model, data}) => `${S.files.fileNames.scenario}-rnn-${model.input_size}-${model.hidden_size}-${model.output_size}-T${data.sequences[0].inputs.length}.json`,
    validate(scenario) {
      const model = scenario?.model;
      if (model?.kind !== 'rnn') return {field: 'model.kind', message: S.bptt.limits.kind};
      const {size, steps} = spec().lesson.rnn;
      const sizes = [model.input_size, model.hidden_size, model.output_size];
      if (!sizes.every((n) => within(n, size))) return {field: 'model.hidden_size', message: S.bptt.limits.sizes(size)};
      const sequences = Array.isArray(scenario.data?.sequences) ? scenario.data.sequences : [];
      const T = sequences[0]?.inputs?.length ?? 0;
      if (sequences.length !== 1 || !within(T, steps)) return {field: 'data.sequences', message: S.bptt.limits.sequence(steps)};
      if ([model.hidden_activation].includes('softmax')) return {field: 'model.hidden_activation', message: S.bptt.limits.softmaxHidden};
      // Validation sequences: a handful, each as long as the stepper's, or the link is refused.
      const validation = scenario.data?.validation?.sequences;
      if (Array.isArray(validation) && (validation.length > spec().lesson.rnn.validation_sequences.max || !validation.every((q) => (q?.inputs?.length ?? 0) <= steps.max && (q?.targets?.length ?? 0) <= steps.max)))
        return {field: 'data.validation', message: S.bptt.limits.validation(spec().lesson.rnn.validation_sequences.max, steps.max)};
      return null;
    },
    print: () => import('./print.js'),  // the printed worked example's part, loaded with it
    diagram: mountRnnDiagram,
    panels: [
      {className: 'editor-panel', label: S.bptt.editorLabel, mount: mountRnnEditor},
      {className: 'gradcheck-panel', label: S.bptt.gradcheckLabel, mount: (slot, ctx) => mountGradcheck(slot, ctx, {agree: S.bptt.equal})},
      {className: 'explorer-panel', label: S.bptt.explorerLabel, mount: mountGradientExplorer},
      {className: 'training-panel', label: S.bptt.trainingLabel, mount: mountTraining},
    ],
  });
}
