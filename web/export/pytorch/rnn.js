// The exported script of an RNN scenario, as cells: the lesson's RNNCell and RNN written out
// (U, V, W, and b, c with biases; f and g the scenario's), the loss summed over time and averaged
// over the batch's sequences, torch.optim and the lesson's training loop.
import {comment, indent, lines, pyList, pyMatrix} from './python.js';
import {batchesClass, evaluation, generatorClass, header, iterationStart, optimizerFunction,
  penaltyFunction, stepFunction, trainingLoop} from './common.js';
import {activation} from './mlp.js';

function cellClass(T, m) {
  const bias = m.bias === true;
  return lines(
    'class RNNCell:',
    `    """${T.comments.rnnCell}"""`,
    '',
    '    def __init__(self, inp_sz, hid_sz, out_sz):',
    '        self.inp_sz = inp_sz',
    '        self.hid_sz = hid_sz',
    '        self.out_sz = out_sz',
    `        # ${T.comments.requiresGrad}`,
    '        self.U = torch.tensor(U, requires_grad=True)',
    '        self.V = torch.tensor(V, requires_grad=True)',
    '        self.W = torch.tensor(W, requires_grad=True)',
    bias ? ['        self.b = torch.tensor(b, requires_grad=True)', '        self.c = torch.tensor(c, requires_grad=True)'] : null,
    '',
    '    def forward(self, x, hp):',
    '        _, h, _, y = self._get_internals(x, hp)',
    '        return y, h',
    '',
    '    def _get_internals(self, x, hp):',
    `        # ${T.comments.rnnForward}`,
    `        r = self.U.matmul(x) + self.V.matmul(hp)${bias ? ' + self.b' : ''}`,
    `        h = ${activation(m.hidden_activation, 'r', 0)}`,
    `        s = self.W.matmul(h)${bias ? ' + self.c' : ''}`,
    `        y = ${activation(m.output_activation, 's', 0)}`,
    '        return r, h, s, y',
  );
}

function rnnClass(T, m) {
  const names = ['U', 'V', 'W', ...(m.bias ? ['b', 'c'] : [])];
  return lines(
    'class RNN:',
    `    """${T.comments.rnnClass}"""`,
    '',
    '    def __init__(self, cell, h0):',
    '        self.cell = cell',
    `        self.h0 = torch.tensor(h0, requires_grad=True)  # ${T.comments.h0}`,
    '',
    '    def forward(self, xs):',
    `        """${T.comments.rnnSequence}"""`,
    '        rs, hs, ss, ys = [], [], [], []',
    '        hp = self.h0',
    '        for x in xs:',
    '            r, h, s, y = self.cell._get_internals(x, hp)',
    '            rs.append(r)',
    '            hs.append(h)',
    '            ss.append(s)',
    '            ys.append(y)',
    '            hp = h',
    '        return rs, hs, ss, ys',
    '',
    '    def parametros(self):',
    `        return {${names.map((n) => `"${n}": self.cell.${n}`).join(', ')}}`,
    '',
    '    def zero_grad(self):',
    '        for p in [*self.parametros().values(), self.h0]:',
    '            p.grad = None',
  );
}

export function rnnCells(sc, initial, T) {
  const m = sc.model;
  const {data, train, optimizer} = sc;
  const P = initial.parameters;
  const validation = data.validation?.sequences?.length ? data.validation.sequences : null;
  const count = data.sequences.length;
  const size = train.batch_size && train.batch_size < count ? train.batch_size : count;
  const names = ['U', 'V', 'W', ...(m.bias ? ['b', 'c'] : [])];
  const ub = optimizer.update_biases !== false;
  const trained = names.filter((n) => ub || !['b', 'c'].includes(n)).map((n) => `modelo.cell.${n}`);
  const early = train.early_stopping && validation;
  const sequences = (list) => lines('[', list.map((s) => lines(
    '    {',
    `        "entradas": torch.tensor(${indent(pyMatrix(s.inputs, '    '), '        ').trimStart()}),`,
    `        "objetivos": objetivos_de(${indent(pyMatrix(s.targets, '    '), '        ').trimStart()}),`,
    '    },')), ']');
  const lossLine = m.loss === 'cross_entropy'
    ? [`        # ${T.comments.crossEntropyRnn}`, '        perdida = perdida - torch.sum(objetivo * torch.log_softmax(ss[t], dim=0))']
    : [`        # ${T.comments.halfSseRnn}`, '        perdida = perdida + 0.5 * torch.sum((ys[t] - objetivo) ** 2)'];

  return [
    {heading: T.headings.title, text: T.text.intro, code: header(T)},
    {heading: T.headings.data, code: lines(
      'def objetivos_de(filas):',
      `    """${T.comments.nullTargets}"""`,
      '    return [None if fila is None else torch.tensor(fila) for fila in filas]',
      '',
      '',
      `# ${T.comments.sequences}`,
      `secuencias = ${sequences(data.sequences)}`,
      'datos_entrenamiento = secuencias',
      validation ? lines(`# ${T.comments.validation}`, `datos_validacion = ${sequences(validation)}`) : null,
    )},
    {heading: T.headings.rnnModel, text: T.text.rnnModel, code: lines(
      comment(T.comments.rnnParameters),
      names.map((n) => `${n} = ${pyMatrix(P[n])}`),
      `h0 = ${pyList(P.h0)}`,
      '',
      '',
      cellClass(T, m),
      '',
      '',
      rnnClass(T, m),
      '',
      '',
      'def crear_modelo():',
      `    """${T.comments.createModel}"""`,
      `    return RNN(RNNCell(${m.input_size}, ${m.hidden_size}, ${m.output_size}), h0)`,
      early ? lines('', '', 'def copiar_estado(modelo):', '    return {n: p.detach().clone() for n, p in modelo.parametros().items()}',
        '', '', 'def restaurar_estado(modelo, estado):', '    with torch.no_grad():',
        '        for n, p in modelo.parametros().items():', '            p.copy_(estado[n])') : null,
    )},
    {heading: T.headings.batches, text: T.text.batches, code: lines(
      train.shuffle ? lines(generatorClass(T), '', '') : null,
      batchesClass(T, {shuffle: train.shuffle}),
    )},
    {heading: T.headings.loss, code: lines(
      'def perdida_secuencia(rnn, secuencia):',
      `    """${T.comments.sequenceLoss}"""`,
      '    rs, hs, ss, ys = rnn.forward(secuencia["entradas"])',
      '    perdida = 0.0',
      '    for t, objetivo in enumerate(secuencia["objetivos"]):',
      '        if objetivo is None:',
      `            continue  # ${T.comments.noTarget}`,
      lossLine,
      '    valores = {"r": torch.stack(rs), "h": torch.stack(hs), "s": torch.stack(ss), "y": torch.stack(ys)}',
      '    return perdida, valores',
      '',
      '',
      penaltyFunction(T, sc.regularization, ['modelo.cell.U', 'modelo.cell.V', 'modelo.cell.W']),
      '',
      '',
      'def calcular_perdida(modelo, filas):',
      `    """${T.comments.batchLossRnn}"""`,
      '    perdidas = []',
      '    for k, i in enumerate(filas):',
      '        perdida, valores = perdida_secuencia(modelo, secuencias[i])',
      '        perdidas.append(perdida)',
      '        if k == 0:',
      `            modelo.valores = valores  # ${T.comments.firstSequence}`,
      '    return torch.stack(perdidas).mean() + penalizacion(modelo)',
      '',
      '',
      'def perdida_de_datos(modelo, datos):',
      `    """${T.comments.evalLossRnn}"""`,
      '    with torch.no_grad():',
      '        return torch.stack([perdida_secuencia(modelo, s)[0] for s in datos]).mean().item()',
    )},
    {heading: T.headings.optimizer, code: lines(
      optimizerFunction(T, optimizer, trained),
      '',
      '',
      stepFunction(T, null),
      '',
      '',
      'def empezar():',
      `    """${T.comments.start}"""`,
      '    modelo = crear_modelo()',
      `    return modelo, crear_optimizador(modelo), Lotes(${count}, ${size}, ${train.seed})`,
    )},
    {heading: T.headings.forward, section: 'forward', code: lines(
      iterationStart(T, sc.iteration ?? 1),
      'for nombre, valor in modelo.valores.items():',
      '    mostrar(nombre, valor)',
      'mostrar("L", perdida)',
    )},
    {heading: T.headings.backward, section: 'backward', code: lines(
      'perdida.backward()',
      `# ${T.comments.rnnGradients}`,
      'for nombre, p in modelo.parametros().items():',
      '    mostrar("d" + nombre, p.grad)',
      'mostrar("dh0", modelo.h0.grad)',
    )},
    {heading: T.headings.update, section: 'update', code: lines(
      'optimizador.step()',
      'for nombre, p in modelo.parametros().items():',
      '    mostrar(nombre, p)',
    )},
    {heading: T.headings.training, section: 'training', code: trainingLoop(T, train, Boolean(validation))},
    {heading: T.headings.evaluation, code: evaluation(T, Boolean(validation))},
  ];
}
