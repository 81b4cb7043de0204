// Every lab's texts in English: the shared ones (common.js) and one module per lab, keyed as the
// Spanish index (web/strings/labs/index.js) keys them. Import them from here.
import {common} from './common.js';
import {clasificacion} from './clasificacion.js';
import {activaciones} from './activaciones.js';
import {regularizacion} from './regularizacion.js';
import {lotes} from './lotes.js';
import {hiperparametros} from './hiperparametros.js';
import {derivacion} from './derivacion.js';
import {secuencias} from './secuencias.js';
import {gradientes} from './gradientes.js';
import {explosion} from './explosion.js';
import {activacionesRnn} from './activaciones-rnn.js';

export const labs = {
  ...common,
  clasificacion, activaciones, regularizacion, lotes, hiperparametros,
  derivacion, secuencias, gradientes, explosion, activacionesRnn,
};
