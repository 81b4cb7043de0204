// Every text the student reads, in Spanish, in one module (English comes later). Each area of
// the page keeps its texts in its own file here; import them from this index only.
import {common} from './common.js';
import {a11y} from './a11y.js';
import {coreErrors} from './core-errors.js';
import {mlp} from './mlp.js';
import {share} from './share.js';
import {editor} from './editor.js';
import {diagram} from './diagram.js';
import {gradcheck, training} from './training.js';
import {bptt} from './bptt.js';
import {rnnEditor} from './rnn-editor.js';
import {rnnDiagram} from './rnn-diagram.js';
import {explorer} from './explorer.js';
import {labs} from './labs/index.js';
import {embed} from './embed.js';
import {equations} from './equations.js';
import {avances} from './avances.js';
import {pytorchExport} from './export.js';
import {print} from './print.js';
import {files} from './files.js';

export const S = {...common, a11y, coreErrors, mlp, share, editor, diagram, training, gradcheck, bptt, rnnEditor, rnnDiagram, explorer, labs, embed, equations, avances, pytorchExport, print, files};
