// The exported script of an MLP scenario, as cells {heading, text?, code}: an nn.Module with the
// scenario's layers (nn.Linear, nn.BatchNorm1d, inverted dropout with the given or the core's
// masks), its loss, torch.optim and the lesson's training loop.
import {comment, indent, lines, pyFloat, pyList, pyMatrix} from './python.js';
import {batchesClass, evaluation, generatorClass, header, iterationStart, optimizerFunction,
  penaltyFunction, stepFunction, trainingLoop} from './common.js';

const DROPOUT_SEED_MIX = '0x9E3779B97F4A7C15';  // docs/scenario.md, "Masks"

export function activation(name, v, dim) {
  switch (name) {
    case 'sigmoid': return `torch.sigmoid(${v})`;
    case 'tanh': return `torch.tanh(${v})`;
    case 'relu': return `torch.relu(${v})`;
    case 'leaky_relu': return `nn.functional.leaky_relu(${v}, 0.01)`;
    case 'linear': return v;
    case 'softmax': return `torch.softmax(${v}, dim=${dim})`;
    default: throw new Error(`unknown activation ${name}`);
  }
}

// What each hidden layer has: batch norm, dropout p, given masks.
function layersOf(sc) {
  const m = sc.model;
  const L = m.layers.length - 1;
  return Array.from({length: L}, (_, i) => {
    const l = i + 1;
    const hidden = l < L;
    const p = hidden ? m.dropout?.[i] ?? 0 : 0;
    return {l, n: m.layers[l], fanIn: m.layers[i], act: m.activations[i],
      bn: hidden && m.batch_norm?.[i] === true, p, mask: p > 0 ? m.dropout_masks?.[l] ?? m.dropout_masks?.[String(l)] ?? null : null};
  });
}

function modelClass(T, layers, bnOptions) {
  const dropout = layers.some((y) => y.p > 0);
  const init = layers.flatMap((y) => [
    `        self.capa${y.l} = nn.Linear(${y.fanIn}, ${y.n})`,
    y.bn ? `        self.norma${y.l} = nn.BatchNorm1d(${y.n}, eps=${pyFloat(bnOptions.eps)}, momentum=${pyFloat(bnOptions.momentum)})` : null,
  ]);
  const body = [];
  const kept = [];
  let input = 'x';
  for (const y of layers) {
    const {l} = y;
    body.push(`        z${l} = self.capa${l}(${input})`);
    kept.push(`z${l}`);
    let pre = `z${l}`;
    if (y.bn) {
      body.push(
        `        # ${T.comments.batchNorm(l)}`,
        `        y${l} = self.norma${l}(z${l})`,
        `        mu${l} = z${l}.mean(dim=0)`,
        `        var${l} = z${l}.var(dim=0, unbiased=False)`,
        `        xhat${l} = (z${l} - mu${l}) / torch.sqrt(var${l} + self.norma${l}.eps)`,
      );
      kept.push(`mu${l}`, `var${l}`, `xhat${l}`, `y${l}`);
      pre = `y${l}`;
    }
    body.push(`        a${l} = ${activation(y.act, pre, 1)}`);
    kept.push(`a${l}`);
    input = `a${l}`;
    if (y.p > 0) {
      body.push(
        '        if self.training:',
        `            # ${T.comments.dropout(l, y.p)}`,
        `            a_drop${l} = a${l} * (mascaras[${l}] * (1.0 / (1.0 - ${pyFloat(y.p)})))`,
        `            self.valores["mask${l}"] = mascaras[${l}]`,
        `            self.valores["a_drop${l}"] = a_drop${l}`,
        '        else:',
        `            a_drop${l} = a${l}`,
      );
      input = `a_drop${l}`;
    }
  }
  // Values in the trace's order: each layer's z, (mu, var, xhat, y), a, (mask, a_drop).
  return lines(
    'class RedNeuronal(nn.Module):',
    `    """${T.comments.mlpClass}"""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    init,
    '',
    `    def forward(self, x${dropout ? ', mascaras=None' : ''}):`,
    `        self.valores = {}  # ${T.comments.values}`,
    body,
    `        self.valores.update(${kept.map((k) => `${k}=${k}`).join(', ')})`,
    `        return a${layers.length}`,
  );
}

function parametersAndBuilder(T, layers, initial) {
  const P = initial.parameters;
  const B = initial.buffers ?? {};
  const values = [];
  const copies = [];
  const give = (name, target) => {
    values.push(`${name} = ${pyMatrix(P[name] ?? B[name])}`);
    copies.push(`        red.${target}.copy_(torch.tensor(${name}))`);
  };
  for (const y of layers) {
    give(`W${y.l}`, `capa${y.l}.weight`);
    give(`b${y.l}`, `capa${y.l}.bias`);
    if (y.bn) {
      give(`gamma${y.l}`, `norma${y.l}.weight`);
      give(`beta${y.l}`, `norma${y.l}.bias`);
      give(`running_mean${y.l}`, `norma${y.l}.running_mean`);
      give(`running_var${y.l}`, `norma${y.l}.running_var`);
    }
  }
  return lines(
    comment(T.comments.initialParameters),
    values,
    '',
    '',
    'def crear_modelo():',
    `    """${T.comments.createModel}"""`,
    '    red = RedNeuronal()',
    '    with torch.no_grad():',
    copies,
    '    return red',
  );
}

function lossFunctions(T, sc, layers) {
  const L = layers.length;
  const kind = sc.model.loss;
  const data = {
    half_sse: [`# ${T.comments.halfSse}`, 'return 0.5 * ((y_hat - y) ** 2).sum(dim=1).mean()'],
    mse: [`# ${T.comments.mse}`, 'return ((y_hat - y) ** 2).mean()'],
    cross_entropy: [`# ${T.comments.crossEntropy}`, `return -(y * torch.log_softmax(red.valores["z${L}"], dim=1)).sum(dim=1).mean()`],
  }[kind];
  const dropout = layers.some((y) => y.p > 0);
  return lines(
    'def perdida_datos(red, y_hat, y):',
    indent(lines(data)),
    '',
    '',
    penaltyFunction(T, sc.regularization, layers.map((y) => `modelo.capa${y.l}.weight`)),
    '',
    '',
    'def calcular_perdida(modelo, filas):',
    `    """${T.comments.batchLoss}"""`,
    `    y_hat = modelo(entradas[filas]${dropout ? ', mascaras_para(filas)' : ''})`,
    '    return perdida_datos(modelo, y_hat, objetivos[filas]) + penalizacion(modelo)',
    '',
    '',
    'def perdida_de_datos(modelo, datos):',
    `    """${T.comments.evalLoss}"""`,
    '    x, y = datos',
    '    modelo.eval()',
    '    with torch.no_grad():',
    '        perdida = perdida_datos(modelo, modelo(x), y).item()',
    '    modelo.train()',
    '    return perdida',
  );
}

function masksCode(T, layers) {
  const dropped = layers.filter((y) => y.p > 0);
  if (!dropped.length) return null;
  const given = dropped.filter((y) => y.mask);
  return lines(
    given.length ? lines(
      `# ${T.comments.givenMasks}`,
      'mascaras_dadas = {',
      given.map((y) => `    ${y.l}: torch.tensor(${indent(pyMatrix(y.mask), '    ').trimStart()}),`),
      '}',
      '',
      '',
    ) : null,
    dropped.length > given.length ? lines(
      'def sortear_mascara(filas, unidades, p):',
      `    """${T.comments.drawMask}"""`,
      '    return torch.tensor([[1.0 if generador_mascaras.uniforme() >= p else 0.0 for _ in range(unidades)] for _ in range(filas)])',
      '',
      '',
    ) : null,
    'def mascaras_para(filas):',
    `    """${T.comments.masksFor}"""`,
    '    return {',
    dropped.map((y) => (y.mask ? `        ${y.l}: mascaras_dadas[${y.l}][filas],`
      : `        ${y.l}: sortear_mascara(len(filas), ${y.n}, ${pyFloat(y.p)}),`)),
    '    }',
  );
}

export function mlpCells(sc, initial, T, bnOptions) {
  const layers = layersOf(sc);
  const {data, train, optimizer} = sc;
  const validation = data.validation && data.validation.inputs?.length ? data.validation : null;
  const drawn = layers.some((y) => y.p > 0 && !y.mask);
  const rows = data.inputs.length;
  const size = train.batch_size && train.batch_size < rows ? train.batch_size : rows;
  const bnLayers = layers.filter((y) => y.bn);
  const ub = optimizer.update_biases !== false;
  const trained = layers.flatMap((y) => [`modelo.capa${y.l}.weight`, ub ? `modelo.capa${y.l}.bias` : null,
    y.bn ? `modelo.norma${y.l}.weight` : null, y.bn && ub ? `modelo.norma${y.l}.bias` : null]).filter(Boolean);
  const exactZero = bnLayers.length ? lines(
    `# ${T.comments.bnBiasGradient}`,
    bnLayers.map((y) => `modelo.capa${y.l}.bias.grad.zero_()`),
  ) : null;
  const early = train.early_stopping && validation;

  return [
    {heading: T.headings.title, text: T.text.intro, code: header(T)},
    {heading: T.headings.data, code: lines(
      `# ${T.comments.rows}`,
      `entradas = torch.tensor(${pyMatrix(data.inputs)})`,
      `objetivos = torch.tensor(${pyMatrix(data.targets)})`,
      'datos_entrenamiento = (entradas, objetivos)',
      validation ? lines(
        `# ${T.comments.validation}`,
        `entradas_validacion = torch.tensor(${pyMatrix(validation.inputs)})`,
        `objetivos_validacion = torch.tensor(${pyMatrix(validation.targets)})`,
        'datos_validacion = (entradas_validacion, objetivos_validacion)',
      ) : null,
    )},
    {heading: T.headings.mlpModel, code: lines(modelClass(T, layers, bnOptions), '', '', parametersAndBuilder(T, layers, initial),
      early ? lines('', '', 'def copiar_estado(modelo):', '    return {k: v.clone() for k, v in modelo.state_dict().items()}',
        '', '', 'def restaurar_estado(modelo, estado):', '    modelo.load_state_dict(estado)') : null)},
    {heading: T.headings.batches, text: T.text.batches, code: lines(
      drawn || train.shuffle ? lines(generatorClass(T), '', '') : null,
      batchesClass(T, {shuffle: train.shuffle}),
      masksCode(T, layers) ? lines('', '', masksCode(T, layers)) : null,
    )},
    {heading: T.headings.loss, code: lossFunctions(T, sc, layers)},
    {heading: T.headings.optimizer, code: lines(
      optimizerFunction(T, optimizer, trained),
      '',
      '',
      stepFunction(T, exactZero),
      '',
      '',
      'def empezar():',
      `    """${T.comments.start}"""`,
      drawn ? lines('    global generador_mascaras', `    generador_mascaras = Generador(${train.seed} ^ ${DROPOUT_SEED_MIX})`) : null,
      '    modelo = crear_modelo()',
      `    return modelo, crear_optimizador(modelo), Lotes(${rows}, ${size}, ${train.seed})`,
    )},
    {heading: T.headings.forward, section: 'forward', code: lines(
      iterationStart(T, sc.iteration ?? 1),
      'for nombre, valor in modelo.valores.items():',
      '    mostrar(nombre, valor)',
      '    if valor.requires_grad:',
      `        valor.retain_grad()  # ${T.comments.retainGrad}`,
      'mostrar("L", perdida)',
    )},
    {heading: T.headings.backward, section: 'backward', code: lines(
      'perdida.backward()',
      exactZero,
      layers.slice().reverse().flatMap((y) => [
        `mostrar("delta${y.l}", modelo.valores["z${y.l}"].grad)`,
        `mostrar("dW${y.l}", modelo.capa${y.l}.weight.grad)`,
        `mostrar("db${y.l}", modelo.capa${y.l}.bias.grad)`,
        y.bn ? `mostrar("dgamma${y.l}", modelo.norma${y.l}.weight.grad)` : null,
        y.bn ? `mostrar("dbeta${y.l}", modelo.norma${y.l}.bias.grad)` : null,
      ]),
    )},
    {heading: T.headings.update, section: 'update', code: lines(
      'optimizador.step()',
      layers.flatMap((y) => [
        `mostrar("W${y.l}", modelo.capa${y.l}.weight)`,
        `mostrar("b${y.l}", modelo.capa${y.l}.bias)`,
        y.bn ? [`mostrar("gamma${y.l}", modelo.norma${y.l}.weight)`, `mostrar("beta${y.l}", modelo.norma${y.l}.bias)`,
          `mostrar("running_mean${y.l}", modelo.norma${y.l}.running_mean)`, `mostrar("running_var${y.l}", modelo.norma${y.l}.running_var)`] : null,
      ]),
    )},
    {heading: T.headings.training, section: 'training', code: trainingLoop(T, train, Boolean(validation))},
    {heading: T.headings.evaluation, code: evaluation(T, Boolean(validation))},
  ];
}
