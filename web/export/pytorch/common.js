// The parts of the exported script that the MLP and the RNN share: the header, the core's random
// generator (mt19937_64, for shuffled batches and drawn dropout masks), the batches, the
// optimizer, the penalty and the training loop. Each returns Python source; `T` is the language's
// strings (web/strings/export.js).
import {comment, indent, lines, pyFloat} from './python.js';

export function header(T) {
  return lines(
    comment(T.comments.header),
    'import math',
    'import torch',
    'import torch.nn as nn',
    '',
    `torch.set_default_dtype(torch.float64)  # ${T.comments.float64}`,
    '',
    '',
    'def mostrar(nombre, valor):',
    `    """${T.comments.show}"""`,
    '    if torch.is_tensor(valor):',
    '        valor = valor.tolist()',
    '    print(nombre, "=", valor)',
  );
}

// mt19937_64 as the C++ standard specifies it, and the core's draws on top of it.
export function generatorClass(T) {
  return lines(
    'MASCARA_64 = 2**64 - 1',
    '',
    '',
    'class Generador:',
    `    """${T.comments.generator}"""`,
    '',
    '    def __init__(self, semilla):',
    '        self.estado = [semilla & MASCARA_64]',
    '        for i in range(1, 312):',
    '            x = self.estado[-1]',
    '            self.estado.append((6364136223846793005 * (x ^ (x >> 62)) + i) & MASCARA_64)',
    '        self.indice = 312',
    '',
    '    def _regenerar(self):',
    '        mt = self.estado',
    '        for i in range(312):',
    '            x = (mt[i] & 0xFFFFFFFF80000000) | (mt[(i + 1) % 312] & 0x7FFFFFFF)',
    '            mt[i] = mt[(i + 156) % 312] ^ (x >> 1) ^ (0xB5026F5AA96619E9 if x & 1 else 0)',
    '        self.indice = 0',
    '',
    '    def siguiente(self):',
    '        if self.indice == 312:',
    '            self._regenerar()',
    '        x = self.estado[self.indice]',
    '        self.indice += 1',
    '        x ^= (x >> 29) & 0x5555555555555555',
    '        x ^= (x << 17) & 0x71D67FFFEDA60000',
    '        x ^= (x << 37) & 0xFFF7EEE000000000',
    '        return x ^ (x >> 43)',
    '',
    '    def uniforme(self):',
    `        """${T.comments.uniform}"""`,
    '        return (self.siguiente() >> 11) * 2.0**-53',
    '',
    '    def debajo_de(self, n):',
    `        """${T.comments.below}"""`,
    '        limite = MASCARA_64 - MASCARA_64 % n',
    '        while True:',
    '            x = self.siguiente()',
    '            if x < limite:',
    '                return x % n',
  );
}

// The batches in the core's order: slices of the epoch's order, the last one possibly shorter,
// the order redrawn (Fisher–Yates) at the start of every epoch when shuffling.
export function batchesClass(T, {shuffle}) {
  return lines(
    'class Lotes:',
    `    """${T.comments.batches}"""`,
    '',
    '    def __init__(self, n, tamano, semilla):',
    '        self.n, self.tamano = n, tamano',
    shuffle ? '        self.generador = Generador(semilla)' : null,
    '        self.orden = list(range(n))',
    '        self.posicion = 0',
    shuffle ? '        self.barajar()' : null,
    shuffle ? lines(
      '',
      '    def barajar(self):',
      `        # ${T.comments.shuffle}`,
      '        self.orden = list(range(self.n))',
      '        for i in range(self.n - 1, 0, -1):',
      '            j = self.generador.debajo_de(i + 1)',
      '            self.orden[i], self.orden[j] = self.orden[j], self.orden[i]',
    ) : null,
    '',
    '    def siguiente(self):',
    `        """${T.comments.nextBatch}"""`,
    '        filas = self.orden[self.posicion:self.posicion + self.tamano]',
    '        self.posicion += len(filas)',
    '        if self.posicion >= self.n:',
    '            self.posicion = 0',
    shuffle ? '            self.barajar()' : null,
    '        return filas',
  );
}

const OPTIMIZERS = {
  sgd: (o) => `torch.optim.SGD(parametros, lr=${pyFloat(o.lr)}, momentum=${pyFloat(o.momentum)}, foreach=False)`,
  adam: (o) => `torch.optim.Adam(parametros, lr=${pyFloat(o.lr)}, betas=(${pyFloat(o.beta1)}, ${pyFloat(o.beta2)}), eps=${pyFloat(o.eps)}, foreach=False)`,
  rmsprop: (o) => `torch.optim.RMSprop(parametros, lr=${pyFloat(o.lr)}, alpha=${pyFloat(o.rho)}, eps=${pyFloat(o.eps)}, foreach=False)`,
  adagrad: (o) => `torch.optim.Adagrad(parametros, lr=${pyFloat(o.lr)}, lr_decay=${pyFloat(o.lr_decay)}, initial_accumulator_value=${pyFloat(o.initial_accumulator_value)}, eps=${pyFloat(o.eps)}, foreach=False)`,
  adadelta: (o) => `torch.optim.Adadelta(parametros, lr=${pyFloat(o.lr)}, rho=${pyFloat(o.rho)}, eps=${pyFloat(o.eps)}, foreach=False)`,
  adamax: (o) => `torch.optim.Adamax(parametros, lr=${pyFloat(o.lr)}, betas=(${pyFloat(o.beta1)}, ${pyFloat(o.beta2)}), eps=${pyFloat(o.eps)}, foreach=False)`,
};

// crear_optimizador(modelo): torch.optim over the trained parameters (`names`: Python
// expressions, biases left out with update_biases false).
export function optimizerFunction(T, optimizer, names) {
  const make = OPTIMIZERS[optimizer.kind];
  if (!make) throw new Error(`unknown optimizer ${optimizer.kind}`);
  return lines(
    'def crear_optimizador(modelo):',
    `    # ${T.comments.optimizer}`,
    optimizer.update_biases === false ? `    # ${T.comments.fixedBiases}` : null,
    `    parametros = [${names.join(', ')}]`,
    `    return ${make(optimizer)}`,
  );
}

// penalizacion(modelo): ½λ₂ΣW² + λ₁Σ|W| over the weights only.
export function penaltyFunction(T, {l1, l2}, weights) {
  const terms = [];
  if (l2) terms.push(`0.5 * ${pyFloat(l2)} * sum((W * W).sum() for W in pesos)`);
  if (l1) terms.push(`${pyFloat(l1)} * sum(W.abs().sum() for W in pesos)`);
  return lines(
    'def penalizacion(modelo):',
    `    # ${terms.length ? T.comments.penalty : T.comments.noPenalty}`,
    terms.length ? `    pesos = [${weights.join(', ')}]` : null,
    `    return ${terms.length ? terms.join(' + ') : '0.0'}`,
  );
}

// paso(): one training iteration as the core makes it. `afterBackward`: optional lines.
export function stepFunction(T, afterBackward) {
  return lines(
    'def paso(modelo, optimizador, lotes):',
    `    """${T.comments.step}"""`,
    '    filas = lotes.siguiente()',
    '    modelo.zero_grad()',
    '    perdida = calcular_perdida(modelo, filas)',
    '    perdida.backward()',
    afterBackward ? indent(afterBackward) : null,
    '    optimizador.step()',
    '    return perdida',
  );
}

// The first lines of the traced iteration: a fresh start, the iterations before it, its batch.
export function iterationStart(T, iteration) {
  return lines(
    'modelo, optimizador, lotes = empezar()',
    iteration > 1 ? lines(
      `# ${T.comments.before(iteration)}`,
      `for _ in range(${iteration - 1}):`,
      '    paso(modelo, optimizador, lotes)',
    ) : null,
    'filas = lotes.siguiente()',
    `mostrar(${JSON.stringify(T.printed.rows)}, filas)`,
    'modelo.zero_grad()',
    'perdida = calcular_perdida(modelo, filas)',
  );
}

// The training loop, the lesson's table of the loss every record_every steps, early stopping.
export function trainingLoop(T, train, hasValidation) {
  const stop = train.early_stopping && hasValidation ? train.early_stopping.patience : 0;
  return lines(
    'modelo, optimizador, lotes = empezar()',
    stop ? lines(
      `# ${T.comments.earlyStopping(stop)}`,
      `mejor = None  # ${T.comments.best}`,
      'sin_mejora = 0',
    ) : null,
    `for i in range(${train.steps}):`,
    '    perdida = paso(modelo, optimizador, lotes)',
    '    if not math.isfinite(perdida.item()):',
    `        print(f${JSON.stringify(T.printed.diverged('{i}'))})`,
    '        break',
    `    if i % ${train.record_every} == 0:`,
    `        print(f${JSON.stringify(T.printed.lossRow('{i}', '{perdida.item()}'))})`,
    stop ? lines(
      '        validacion = perdida_de_datos(modelo, datos_validacion)',
      '        if math.isfinite(validacion) and (mejor is None or validacion < mejor[0]):',
      '            mejor = (validacion, i, copiar_estado(modelo))',
      '            sin_mejora = 0',
      '        else:',
      '            sin_mejora += 1',
      `            if sin_mejora >= ${stop}:`,
      `                print(f${JSON.stringify(T.printed.stopped('{i}'))})`,
      '                break',
    ) : null,
    stop ? lines(
      'if mejor is not None:',
      `    print(f${JSON.stringify(T.printed.bestStep('{mejor[1]}'))})`,
      '    restaurar_estado(modelo, mejor[2])',
    ) : null,
  );
}

// After training: the loss of the final parameters on all the data (evaluation mode, with the
// penalty) and the validation loss (without it), as the core's final_loss and validation_loss.
export function evaluation(T, hasValidation) {
  return lines(
    `mostrar(${JSON.stringify(T.printed.finalLoss)}, perdida_de_datos(modelo, datos_entrenamiento) + float(penalizacion(modelo)))`,
    hasValidation ? `mostrar(${JSON.stringify(T.printed.validationLoss)}, perdida_de_datos(modelo, datos_validacion))` : null,
  );
}
