// Every text the student reads, in English: the same modules, export names and keys as the
// Spanish ones (web/strings/*.js), registered the same way. web/strings/index.js switches `S`
// between the two (tests/web/strings-languages.test.js keeps them alike). The labs' texts
// (./labs/index.js) load apart, with the pages that read them, as the Spanish ones do.
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
import {embed} from './embed.js';
import {equations} from './equations.js';
import {avances} from './avances.js';
import {pytorchExport} from './export.js';
import {print} from './print.js';
import {files} from './files.js';

export const en = {...common, a11y, coreErrors, mlp, share, editor, diagram, training, gradcheck, bptt, rnnEditor, rnnDiagram, explorer, embed, equations, avances, pytorchExport, print, files};
