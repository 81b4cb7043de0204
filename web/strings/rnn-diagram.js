// The unrolled RNN diagram of lesson 2 (web/components/rnn-diagram.js).
export const rnnDiagram = {
  label: ({T, input, hidden, output}) =>
    `RNN desplegada en ${T} ${T === 1 ? 'paso' : 'pasos'} de tiempo (entrada ${input}, oculta ${hidden}, salida ${output})`,
  time: (t) => `t = ${t}`,
  target: 'obj.',
  loss: 'L =',
  phaseNote: {
    forward: {
      dense: 'Cada columna es un paso de tiempo: xₜ abajo, hₜ en medio (con rₜ) e yₜ arriba (con sₜ), junto a su objetivo.',
      single: 'Cada columna es un paso de tiempo: xₜ abajo, hₜ en medio e yₜ arriba, junto a su objetivo. rₜ y sₜ, en la ficha de cada celda.',
    },
    backward: {
      dense: 'Pase hacia atrás, de t = T a t = 1: h̄ₜ y r̄ₜ en las cajas ocultas; ȳₜ y s̄ₜ en las salidas.',
      single: 'Pase hacia atrás, de t = T a t = 1: cada caja muestra el gradiente indicado en su cabecera; los demás, en la ficha de cada celda.',
    },
    update: 'Los gradientes con los que se actualizan U, V y W: la suma de lo que aporta cada paso de tiempo.',
  },
  stepNote: {
    hGradLast: (T) => `En $t = T = ${T}$ no hay paso siguiente: $\\bar h_{${T}} = W^{\\mathsf{T}} \\bar s_{${T}}$, solo el camino que llega por $W$.`,
    hGrad: (t) => `$\\bar h_{${t}} = W^{\\mathsf{T}} \\bar s_{${t}} + V^{\\mathsf{T}} \\bar r_{${t + 1}}$: dos caminos, desde la salida (por $W$) y desde el paso siguiente (por $V$).`,
    accumulate: (t, T) => {
      const span = (a, b) => (a === b ? `el paso ${a}` : `los pasos ${a}…${b}`);
      const done = t < T ? `; ya estaba sumado ${span(t + 1, T)}`.replace('estaba sumado los', 'estaban sumados los') : '';
      const rest = t > 1 ? `; falta ${span(1, t - 1)}`.replace('falta los', 'faltan los') : '; con ella, los gradientes incluyen todos los pasos';
      return `Se suma la aportación del paso ${t}${done}${rest}.`;
    },
    naive: 'El gradiente «ingenuo» de $W$ usa solo el último paso, $\\bar W = \\bar s_T h_T^{\\mathsf{T}}$; el correcto suma la aportación de todos los pasos, $\\bar W = \\sum_t \\bar s_t h_t^{\\mathsf{T}}$.',
  },
  marks: {
    added: '✓ sumado',
    now: '+ este paso',
    pending: 'pendiente',
    naive: 'solo t = T',
    addedTip: (t) => `La aportación del paso ${t} ya está sumada.`,
    nowTip: (t) => `Este paso suma la aportación del paso ${t}.`,
    pendingTip: (t) => `La aportación del paso ${t} aún no se ha sumado.`,
  },
  paths: {
    output: (t) => `Wᵀs̄${t}`,
    next: (t) => `Vᵀr̄${t}`,
  },
  scroll: 'Desliza la figura hacia un lado para ver el resto de los pasos.',
  hint: 'Pulsa U, V o W (o h₀) para cambiar sus valores. Con el teclado: Tab, ↑ ↓ para recorrerlos, Intro para editar.',
  hintBias: 'Pulsa U, V, W, b o c (o h₀) para cambiar sus valores. Con el teclado: Tab, ↑ ↓ para recorrerlos, Intro para editar.',
  legend: {
    label: 'Leyenda del diagrama',
    U: 'U: xₜ → hₜ',
    V: 'V: hₜ₋₁ → hₜ',
    W: 'W: hₜ → yₜ',
    b: 'b: sesgo de hₜ',
    c: 'c: sesgo de yₜ',
    shared: 'los mismos U, V, W en cada paso',
    sharedBias: 'los mismos U, V, W, b y c en cada paso',
    gradient: 'camino del gradiente hacia h̄ₜ',
    current: 'lo que usa este paso',
    added: 'ya sumado',
  },
  // Tooltips (<title>) and accessible names.
  tip: {
    box: {
      h0: 'h₀: estado oculto inicial',
      h0grad: 'h̄₀: gradiente respecto al estado oculto inicial',
      hidden: (t) => `estado oculto en t = ${t}`,
      output: (t) => `salida en t = ${t}`,
      input: (t) => `entrada en t = ${t}`,
      target: (t) => `objetivo en t = ${t}`,
      noTarget: (t) => `Sin objetivo en t = ${t}: este paso no suma a la pérdida.`,
    },
    component: (i) => `componente ${i}`,
    target: 'objetivo',
    loss: 'pérdida, sumada sobre los pasos de tiempo',
    pathOutput: 'gradiente que llega a h̄ₜ desde la salida',
    pathNext: 'gradiente que llega a h̄ₜ desde el paso siguiente',
    matrix: {
      U: (t) => `U: de x${t} a h${t}. La misma matriz en cada paso.`,
      V: (t, p) => `V: de h${p} a h${t}. La misma matriz en cada paso.`,
      W: (t) => `W: de h${t} a y${t}. La misma matriz en cada paso.`,
      b: (t) => `b: sesgo de h${t}. El mismo en cada paso.`,
      c: (t) => `c: sesgo de y${t}. El mismo en cada paso.`,
    },
    edit: 'Pulsa (o Intro) para cambiar sus valores.',
    editLabel: (name) => `${name}: Intro para cambiar sus valores.`,
  },
  editor: {
    title: (name) => `Nuevos valores de ${name}`,
    shape: (rows, cols) => (cols ? `${rows} × ${cols}` : `${rows} componentes`),
    cell: (name, i, j) => (j ? `${name}[${i},${j}]` : `${name}[${i}]`),
    apply: 'Aplicar',
    cancel: 'Cancelar',
    notANumber: (cell) => `${cell}: escribe un número con punto decimal, por ejemplo 0.25 o -1.5 (también vale la coma).`,
    notFinite: (cell) => `${cell}: el número es demasiado grande.`,
    refused: 'Estos valores no se pueden usar.',
  },
};
