// "Exportar a PyTorch": a resolved scenario (docs/scenario.md) and its initial parameters become
// a standalone PyTorch script (float64) and the same code as a Jupyter notebook. The script builds
// the model with the scenario's parameters and data, prints the forward values, the gradients and
// the updated parameters of the scenario's iteration (`mostrar`: "name = [numbers]", every digit),
// then trains and prints the loss every record_every steps, as the lesson does. Pure: no DOM.
//
//   pytorchExport(scenario, initial, {lang = 'es', batchNorm: {eps, momentum}})
//     → {cells: [{heading, text?, section?, code}], script, notebook (object), name}
//   scenario: as core.resolve gives it (every default filled in); initial: {parameters,
//   buffers?} as the trace of iteration 1 gives them (`parameters`, `buffers.before`).
import {exportText as es} from '../../strings/export.js';
import {exportText as en} from '../../strings/en/export.js';
import {mlpCells} from './mlp.js';
import {rnnCells} from './rnn.js';
import {notebookOf} from './notebook.js';
import {comment, pyString} from './python.js';

const LANGUAGES = {es, en};

// The printed line that opens each section of the output ("## heading").
const sectionLine = (heading) => `print(${pyString(`## ${heading}`)})`;

export function pytorchExport(scenario, initial, {lang = 'es', batchNorm} = {}) {
  const T = LANGUAGES[lang] ?? es;
  const kind = scenario.model.kind;
  const cells = (kind === 'rnn' ? rnnCells(scenario, initial, T) : mlpCells(scenario, initial, T, batchNorm))
    .map((c) => (c.section ? {...c, code: `${sectionLine(c.heading)}\n${c.code}`} : c));
  const script = `${cells.map((c) => `${comment(`${c === cells[0] ? '' : '## '}${c.heading}`.trim())}\n${c.code}`).join('\n\n\n')}\n`;
  return {cells, script, notebook: notebookOf(cells, {language: lang}), name: T.fileName(kind)};
}

// The notebook as the text of an .ipynb file.
export const notebookText = (notebook) => `${JSON.stringify(notebook, null, 1)}\n`;
