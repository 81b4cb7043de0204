// Lesson 2, part 2 ("Backpropagation Through Time (BPTT)"): the text of
// ../shared/seed/leccion-retropropagacion-bptt.md (lines 486–929: from the introduction to the check
// against autograd and the five exercises), as sections of blocks that the lesson's text view
// renders beside the stepper, in the same format as web/lessons/mlp/text.js.
//
// Blocks: {p}, {math} (display TeX of ./maths.js), {list, ordered}, {code, lang}, {table: {head, rows}}.
// Prose carries inline $…$, **bold** and `code` (web/math.js richText). `steps` tags a block with
// the stepper steps it explains (docs/web.md, "Lesson 2"): rnn-forward, rnn-loss, s-grad, h-grad,
// r-grad, accumulate, naive, update.
//
// Corrections relative to the original lesson:
//  1. Heading "Backpropagation Through Time (BPTT)" (English) → "Retropropagación a través del
//     tiempo (BPTT)"; "Retropropagación a través del Tiempo" → lower-case "tiempo".
//  2. "En este documento, explicaremos" → "En esta lección explicaremos" (a page of the lesson).
//  3. Definition: h_{t−1} needs an initial state h_0 (given, not learned); r_t named as the
//     hidden pre-activation (the z of part 1); the shapes of the lesson's example stated
//     (d_x = 2, d_h = 4, d_o = 5); the code has no biases (b = c = 0), which the page makes
//     optional; "g es una función de salida no lineal" → "una función de salida" (it may be linear).
//  4. Activations: each f and g now comes with the derivative BPTT uses; added ReLU, leaky ReLU and
//     linear (which the page offers) and the lesson's own choice f = g = σ; softmax has no
//     element-wise g′.
//  5. Loss: the original only says it "acumula las diferencias"; stated L = Σ_t ℓ(y_t, t_t), the
//     code's ½ Σ_t Σ_i (y_{t,i} − t_{t,i})² (half_sse) with ∂L/∂y_t = y_t − t_t, and the
//     cross-entropy −Σ_t Σ_i t_{t,i} log y_{t,i} with softmax; targets named t_t (the code's `ts`).
//  6. "descomponer la RNN a través del tiempo" → "desplegar" (unroll); added what the unrolled
//     network is (T layers sharing U, V, W; h_t reaches L through y_t and r_{t+1}).
//  7. "Sea L = 𝓛(y_t) la pérdida" → L depends on all outputs y_1 … y_T.
//  8. The bar notation was used (W̄ = s̄_t h_tᵀ) one sentence before it was defined: the definition
//     now comes first; one notation throughout (\overline, ^{\mathsf{T}}, the component (h_t)_i), also
//     for h̄_t, which the original wrote both as ∂L/∂(h_t)_i and as \overline{h}_t without linking them.
//  9. The dot used as a product (\overline{s}_t.h_t^{\mathsf{T}}, W^{\mathsf{T}}.\overline{s}_t,
//     ∂L/∂(s_t)_i.(h_t)_j, …) → juxtaposition; f'(r_t)_i → f'((r_t)_i).
// 10. Cases: "\text{si} t < T" (no space) → "\text{si } t < T", with "\text{si } t = T" beside it;
//     `\begin{align*}` → `\begin{aligned}` (KaTeX) inside display blocks.
// 11. Naive gradient: added why it is wrong (multivariable chain rule: W reaches L through every
//     s_t) and that on the page the naive step is s̄_T h_Tᵀ (the last step), equal to the right
//     sum only when T = 1.
// 12. Added b̄ = Σ_t r̄_t and c̄ = Σ_t s̄_t (the page's optional biases), the link with part 1
//     (each term is a δ aᵀ), a summary of one backward step in the stepper's order, and
//     ∂L/∂h_0 = Vᵀ r̄_1 (the page shows it; h_0 is not trained).
// 13. s̄_t = ȳ_t ∘ g′(s_t) holds only for an element-wise g: softmax with cross-entropy gives
//     s̄_t = y_t − t_t; ȳ_t defined (y_t − t_t for half_sse, the code's `ys_grad`).
// 14. "Gradiente sobre r_t es:" → "el gradiente sobre r_t es"; "Note que" (usted) → "Observemos que".
// 15. Added the parameter update (the lesson has none): U, V, W, b, c ← … − η …, once per sequence
//     with the gradients summed over time; h_0 is not updated.
// 16. "Implementacion" → "Implementación"; the stray closing quote after the paragraph
//     introducing RNNCell removed; "computación" (anglicism) → "cálculo" in prose and docstrings;
//     "los calculos forward reales" → "los cálculos hacia adelante".
// 17. RNN.backward called the global `cell` (it only worked because the notebook had one) →
//     `self.cell.backward`; its first comment said the gradient on r "para el último paso de
//     tiempo" is zero → it is r̄_{T+1}, and there is no step T + 1; the docstring of `hs` said its
//     first dimension is the number of time steps → T + 1 (h0 included); "corresponde a el" → "al".
// 18. The prose said "un tamaño oculto de 3 y un tamaño de salida de 4" for RNNCell(2, 4, 5) → input
//     2, hidden 4, output 5 (matching the printed 4 × 2, 4 × 4 and 5 × 4 gradients); the cell's
//     docstring now says so too, and that the cell is sigmoid-only and bias-free.
// 19. The cell's forward and backward hard-code the sigmoid (f = g = σ, σ′ written by hand) →
//     said so, and that the page's core takes f and g (and the biases) from the scenario; also
//     said that backward recomputes r, h, s instead of storing them, and how zip pairs x_t with
//     h_{t−1}.
// 20. Data from `torch.rand` with no seed → said so; the page's default example uses the same
//     configuration with its own seeded numbers (float64), so its values differ.
// 21. "un erro" → "un error"; said what torch.no_grad() does here.
// 22. Notebook cells (In [n], bare expressions) → plain code with print; the printed loss and
//     gradients as tables marked as that run's output (float32, PyTorch's unseeded numbers);
//     "¡Y son iguales!" checked by eye on the printed digits (torch.allclose mentioned); added that
//     the page's panel "Comprobación del gradiente" makes the same check against finite
//     differences.
// 23. "realizamos la computación del forward" → "el cálculo hacia adelante"; "nuestra computación
//     backward" → "nuestro cálculo hacia atrás"; italics (*todos*), which the page does not render,
//     reworded.
// 24. Exercises: "Dado un simple RNN" → "Dada una RNN simple"; headings in the style of part 1;
//     "métodos de forward y backward" → "métodos `forward` y `backward`"; exercise 1 (one hidden
//     unit, three time steps) noted as one of the page's examples ("Ejercicio 1: una unidad
//     oculta, tres pasos").

import * as maths from './maths.js';
import {lossCode, autogradCode, compareCode} from './code.js';

const cellCode = `import torch

class RNNCell:
    """Una celda RNN responsable de un solo paso de tiempo.

    Usa la sigmoide como f y como g, y no tiene sesgos (b = c = 0).
    Por ejemplo, RNNCell(2, 4, 5): entrada 2, estado oculto 4, salida 5.

    Args:
        inp_sz (int): Tamaño de la entrada.
        hid_sz (int): Tamaño del estado oculto.
        out_sz (int): Tamaño de la salida.
    """
    def __init__(self, inp_sz, hid_sz, out_sz):
        self.inp_sz = inp_sz
        self.hid_sz = hid_sz
        self.out_sz = out_sz

        # U, V, W son los parámetros, por lo que establecemos requires_grad=True
        # para indicar a PyTorch que necesitamos calcular los gradientes
        self.U = torch.empty(hid_sz, inp_sz, requires_grad=True)
        self.V = torch.empty(hid_sz, hid_sz, requires_grad=True)
        self.W = torch.empty(out_sz, hid_sz, requires_grad=True)

        # Estos son los gradientes en U, V y W que calcularemos
        # manualmente. También los compararemos con
        # los gradientes calculados por PyTorch para ver si nuestro
        # cálculo de gradientes es correcto.
        self.U_grad = torch.zeros_like(self.U)
        self.V_grad = torch.zeros_like(self.V)
        self.W_grad = torch.zeros_like(self.W)

        self.reset_parameters()

    def reset_parameters(self):
        """Inicializar parámetros.

        Los parámetros se inicializarán desde la distribución uniforme U(-0.1, 0.1).
        """
        s = 0.1  # un valor mayor puede hacer que los gradientes exploten
        torch.nn.init.uniform_(self.U, -s, s)
        torch.nn.init.uniform_(self.V, -s, s)
        torch.nn.init.uniform_(self.W, -s, s)

    def zero_grad(self):
        """Se pone el gradiente a cero"""
        self.U_grad.zero_()
        self.V_grad.zero_()
        self.W_grad.zero_()

    def forward(self, x, hp):
        """Realizar el cálculo hacia adelante.

        Args:
            x (Tensor): Entrada en el paso de tiempo actual.
            hp (Tensor): Estado oculto en el paso de tiempo anterior.

        Returns:
            Tensor: Salida en el paso de tiempo actual.
            Tensor: Estado oculto en el paso de tiempo actual.
        """
        _, h, _, y = self._get_internals(x, hp)
        return y, h

    def backward(self, y_grad, rn_grad, x, hp):
        """Realizar el cálculo hacia atrás.

        Args:
            y_grad (Tensor): Gradiente sobre la salida en el paso de tiempo actual.
            rn_grad (Tensor): Gradiente sobre el vector r en el siguiente paso de tiempo.
            x (Tensor): Entrada en el paso de tiempo actual que se pasó a \`forward\`.
            hp (Tensor): Estado oculto en el paso de tiempo anterior que se pasó a \`forward\`.

        Returns:
            Tensor: Gradiente sobre el vector r en el paso de tiempo actual.
        """
        # Obtener los vectores internos r, h y s del cálculo hacia adelante
        r, h, s, _ = self._get_internals(x, hp)

        s_grad = y_grad * torch.sigmoid(s) * (1-torch.sigmoid(s))
        h_grad = self.W.t().matmul(s_grad) + self.V.t().matmul(rn_grad)
        r_grad = h_grad * torch.sigmoid(r) * (1-torch.sigmoid(r))

        # Los gradientes de los parámetros se acumulan
        self.U_grad += r_grad.view(-1, 1).matmul(x.view(1, -1))
        self.V_grad += r_grad.view(-1, 1).matmul(hp.view(1, -1))
        self.W_grad += s_grad.view(-1, 1).matmul(h.view(1, -1))

        return r_grad

    def _get_internals(self, x, hp):
        # Estos son los cálculos hacia adelante: r, h, s e y (f = g = sigmoide, sin sesgos)
        r = self.U.matmul(x) + self.V.matmul(hp)
        h = torch.sigmoid(r)
        s = self.W.matmul(h)
        y = torch.sigmoid(s)

        return r, h, s, y`;

const rnnCode = `class RNN:
    def __init__(self, cell):
        self.cell = cell

    def forward(self, xs, h0):
        """Realiza el cálculo hacia adelante para todos los pasos de tiempo.

        Args:
            xs (Tensor): Tensor 2-D de entradas para cada paso de tiempo. La
                primera dimensión corresponde al número de pasos de tiempo.
            h0 (Tensor): Estado oculto inicial.

        Returns:
            Tensor: Tensor 2-D de salidas para cada paso de tiempo. La primera
                dimensión corresponde al número de pasos de tiempo.
            Tensor: Tensor 2-D de estados ocultos: \`h0\` y uno por cada paso
                de tiempo, así que su primera dimensión es el número de pasos
                de tiempo más 1.
        """
        ys, hs = [], [h0]  # Inicializa listas vacías para almacenar las salidas y los estados ocultos
        for x in xs:
            y, h = self.cell.forward(x, hs[-1])  # Calcula la salida y el siguiente estado oculto
            ys.append(y)  # Agrega la salida a la lista de salidas
            hs.append(h)  # Agrega el estado oculto al final de la lista de estados ocultos
        return torch.stack(ys), torch.stack(hs)  # Apila las salidas y los estados ocultos en tensores

    def backward(self, ys_grad, xs, hs):
        """Realiza el cálculo hacia atrás para todos los pasos de tiempo.

        Args:
            ys_grad (Tensor): Tensor 2-D de los gradientes en las salidas
                para cada paso de tiempo. La primera dimensión corresponde al
                número de pasos de tiempo.
            xs (Tensor): Tensor 2-D de entradas para cada paso de tiempo que
                fue pasado a \`forward\`.
            hs (Tensor): Tensor 2-D de estados ocultos que es devuelto por
                \`forward\`.
        """
        # No hay paso de tiempo T + 1: el gradiente sobre su r es cero
        rn_grad = torch.zeros(self.cell.hid_sz)

        for y_grad, x, hp in reversed(list(zip(ys_grad, xs, hs))):
            rn_grad = self.cell.backward(y_grad, rn_grad, x, hp)  # Calcula el gradiente para cada paso de tiempo`;

const buildCode = `cell = RNNCell(2, 4, 5)  # entrada 2, estado oculto 4, salida 5
rnn = RNN(cell)`;

const dataCode = `xs = torch.rand(3, cell.inp_sz)   # 3 pasos de tiempo
hp = torch.rand(cell.hid_sz)      # estado inicial h0
ts = torch.rand(3, cell.out_sz)   # objetivos`;

const forwardCode = `ys, hs = rnn.forward(xs, hp)
loss = compute_loss(ys, ts)
print(loss)  # en la ejecución de la lección: tensor(0.6165, grad_fn=<MulBackward0>)`;

const manualCode = `# Esto se obtiene de nuestra función de pérdida de suma de cuadrados
ys_grad = ys - ts

with torch.no_grad():  # necesario para que PyTorch no genere un error
    rnn.cell.zero_grad()
    rnn.backward(ys_grad, xs, hs)`;

// The gradients printed by the lesson's run (float32, PyTorch's unseeded random numbers), as
// PyTorch printed them; autograd's and the manual BPTT's were the same.
const columns = (n) => Array.from({length: n}, (_, j) => `$j = ${j + 1}$`);
const rowsOf = (values) => values.map((row, i) => [`$i = ${i + 1}$`, ...row]);

export const lesson = {
  title: 'Retropropagación a través del tiempo (BPTT)',
  sections: [
    {
      id: 'introduccion',
      title: 'Introducción',
      blocks: [
        {p: 'En esta lección explicaremos el algoritmo de retropropagación a través del tiempo (BPTT, del ' +
          'inglés backpropagation through time), un método de retropropagación utilizado para entrenar ' +
          'redes neuronales recurrentes (RNN). Mostraremos tanto la derivación matemática como la ' +
          'implementación en código utilizando PyTorch, lo que nos permitirá comparar los gradientes ' +
          'calculados automáticamente por PyTorch con los calculados manualmente.'},
        {p: 'Junto a este texto, el paso a paso calcula cada ecuación con números reales sobre una secuencia ' +
          'de $T$ pasos de tiempo: primero el pase hacia adelante, de $t = 1$ a $t = T$; después el pase ' +
          'hacia atrás, de $t = T$ a $t = 1$. Al avanzar, se resalta aquí el párrafo que explica cada paso.'},
      ],
    },
    {
      id: 'definicion',
      title: 'Definición matemática de una RNN',
      blocks: [
        {p: 'En primer lugar, definamos matemáticamente cómo funciona una RNN en cada paso de tiempo $t$.',
          steps: ['rnn-forward']},
        {p: 'Sea $x_t \\in \\mathbb{R}^{d_x}$ un vector de entrada en el paso de tiempo $t$. Una RNN de tamaño ' +
          '$d_h$ calcula su estado oculto $h_t \\in \\mathbb{R}^{d_h}$, a partir de la entrada $x_t$ y del ' +
          'estado oculto anterior $h_{t-1}$, como:', steps: ['rnn-forward']},
        {math: maths.state, steps: ['rnn-forward']},
        {p: 'donde:', steps: ['rnn-forward']},
        {list: [
          '$U \\in \\mathbb{R}^{d_h \\times d_x}$ y $V \\in \\mathbb{R}^{d_h \\times d_h}$ son matrices de ' +
            'pesos: $U$ lleva la entrada al estado oculto y $V$, el estado oculto anterior al nuevo,',
          '$b \\in \\mathbb{R}^{d_h}$ es un vector de sesgo,',
          '$r_t$ es la preactivación del estado oculto (el $\\mathbf{z}$ de la primera parte),',
          '$f$ es una función de activación no lineal, aplicada elemento a elemento, comúnmente la ' +
            'tangente hiperbólica ($\\tanh$).',
        ], ordered: false, steps: ['rnn-forward']},
        {p: 'En el primer paso, $r_1$ necesita un estado inicial $h_0$, que es un dato: a menudo, un vector ' +
          'de ceros (en el código de la lección, números aleatorios).', steps: ['rnn-forward']},
        {p: 'El vector de salida $y_t \\in \\mathbb{R}^{d_o}$ se calcula como:', steps: ['rnn-forward']},
        {math: maths.output, steps: ['rnn-forward']},
        {p: 'donde:', steps: ['rnn-forward']},
        {list: [
          '$W \\in \\mathbb{R}^{d_o \\times d_h}$ es una matriz de pesos,',
          '$c \\in \\mathbb{R}^{d_o}$ es un vector de sesgo,',
          '$g$ es una función de salida, como la softmax para tareas de clasificación.',
        ], ordered: false, steps: ['rnn-forward']},
        {p: '**Nota:** los parámetros $U$, $V$, $W$, $b$ y $c$ se comparten a lo largo de todos los pasos de ' +
          'tiempo, es decir, no hay matrices de pesos separadas para cada paso de tiempo. De un paso a otro ' +
          'solo cambian los vectores: $x_t$, $r_t$, $h_t$, $s_t$ e $y_t$.', steps: ['rnn-forward']},
        {p: 'En el ejemplo de la lección, $d_x = 2$, $d_h = 4$ y $d_o = 5$, así que $U$ es $4 \\times 2$, $V$ ' +
          'es $4 \\times 4$ y $W$ es $5 \\times 4$. Su código no usa sesgos ($b = c = 0$); en la página son ' +
          'opcionales.'},
      ],
    },
    {
      id: 'activaciones',
      title: 'Funciones de activación',
      blocks: [
        {p: '**Función de activación oculta ($f$):** comúnmente se utiliza la tangente hiperbólica ($\\tanh$) ' +
          'o la función sigmoide ($\\sigma$) debido a su capacidad para introducir no linealidades en el ' +
          'modelo.'},
        {math: maths.stateActivations('o')},
        {p: "BPTT necesita además su derivada $f'$, que se obtiene de la propia salida:"},
        {math: maths.activationDerivatives},
        {p: 'La página ofrece también ReLU, leaky ReLU (que deja pasar una fracción $0.01$ de los valores negativos) y la ' +
          "lineal (identidad), con las derivadas de la primera parte: $f'(r) = 1$ para $r > 0$ y, para " +
          '$r \\le 0$, $0$ (ReLU) o $0.01$ (leaky ReLU); la lineal tiene $f\'(r) = 1$. Con ellas, $h_t$ no ' +
          'queda acotado, como sí lo está con tanh, en $(-1, 1)$, o con la sigmoide, en $(0, 1)$.'},
        {p: '**Función de salida ($g$):** depende de la tarea específica. Por ejemplo, para problemas de ' +
          'clasificación, se emplea la función softmax:'},
        {math: maths.softmax},
        {p: 'Softmax convierte $s_t$ en probabilidades positivas que suman $1$. Cada una de sus salidas ' +
          "depende de todas las componentes de $s_t$, así que no tiene una derivada $g'$ elemento a " +
          'elemento. Para regresión se usa la lineal, $g(s_t) = s_t$, y para salidas en $(0, 1)$, la ' +
          'sigmoide. El código de la lección usa la sigmoide tanto en $f$ como en $g$. La página ofrece ' +
          'para $g$ softmax, sigmoide, lineal y las demás funciones de $f$.'},
      ],
    },
    {
      id: 'perdida',
      title: 'La pérdida a lo largo del tiempo',
      blocks: [
        {p: 'Durante el entrenamiento de una RNN, se define una función de pérdida que acumula las ' +
          'diferencias entre las predicciones $y_t$ y las etiquetas reales $t_t$ (los objetivos; `ts` en el ' +
          'código) a lo largo de todos los pasos de tiempo: la pérdida de la secuencia es la suma de las ' +
          'pérdidas de cada paso.', steps: ['rnn-loss']},
        {math: maths.lossOverTime, steps: ['rnn-loss']},
        {p: 'El código de la lección usa la mitad de la suma de los errores al cuadrado (en la página, ' +
          '`half_sse`), sumada sobre los pasos de tiempo y sobre las salidas. Su derivada respecto de cada ' +
          'salida es simplemente el error:', steps: ['rnn-loss']},
        {math: maths.squaredLoss, steps: ['rnn-loss']},
        {p: 'Para clasificación, con softmax como $g$, se usa la entropía cruzada, también sumada sobre el ' +
          'tiempo:', steps: ['rnn-loss']},
        {math: maths.crossEntropy, steps: ['rnn-loss']},
        {p: 'Aquí el subíndice $t$ es siempre el paso de tiempo: $t_{t,i}$ es la componente $i$ del objetivo ' +
          'en el paso $t$. La página ofrece las dos pérdidas (el ejemplo «Clasificación» usa softmax y ' +
          'entropía cruzada); con varias secuencias, promedia la pérdida de ' +
          'cada una. El paso a paso usa una sola secuencia, y su pérdida es exactamente la de arriba.',
          steps: ['rnn-loss']},
      ],
    },
    {
      id: 'bptt',
      title: 'Retropropagación a través del tiempo',
      blocks: [
        {p: 'Debido a la naturaleza recurrente de las RNN, los errores deben propagarse hacia atrás a través ' +
          'de todos los pasos de tiempo para actualizar los parámetros $U$, $V$, $W$, $b$ y $c$. Este ' +
          'proceso se denomina retropropagación a través del tiempo (BPTT).'},
        {p: 'El algoritmo BPTT extiende la retropropagación estándar al desplegar la RNN a través del tiempo ' +
          'y aplicar la retropropagación en esta estructura expandida. Esto permite calcular los gradientes ' +
          'de la función de pérdida respecto a cada uno de los parámetros de la red, teniendo en cuenta las ' +
          'dependencias temporales.'},
        {p: 'Desplegada sobre una secuencia de $T$ pasos, la RNN es una red de $T$ capas, una por paso de ' +
          'tiempo, en la que todas las capas usan los mismos $U$, $V$ y $W$. Cada $h_t$ influye en la ' +
          'pérdida por dos caminos: a través de su salida $y_t$ y, si $t < T$, a través del paso siguiente, ' +
          '$r_{t+1}$.'},
      ],
    },
    {
      id: 'proceso',
      title: 'Proceso del algoritmo',
      blocks: [
        {p: 'Sea $L$ la pérdida de nuestra RNN, que depende de todas las salidas $y_1, \\dots, y_T$. Uno ' +
          'podría intentar derivar los gradientes de $U$, $V$, $W$ de manera ingenua, mirando un solo paso ' +
          'de tiempo $t$. Por ejemplo, para calcular el gradiente sobre $W$:', steps: ['naive']},
        {math: maths.gradWChain, steps: ['naive']},
        {p: 'Dado que', steps: ['naive']},
        {math: maths.sByW('de lo contrario'), steps: ['naive']},
        {p: 'tenemos', steps: ['naive']},
        {math: maths.gradWComponent, steps: ['naive']},
        {p: 'Para escribirlo en notación matricial usamos la **notación de barra**: la barra denota el ' +
          'gradiente de $L$ con respecto a la matriz o al vector correspondiente, es decir, ' +
          '$\\overline{A}_{ij} = \\frac{\\partial L}{\\partial A_{ij}}$ y ' +
          '$\\overline{a}_i = \\frac{\\partial L}{\\partial a_i}$. Cada $\\overline{A}$ tiene la misma forma ' +
          'que $A$. Así, en notación matricial:', steps: ['naive']},
        {math: maths.gradWStep, steps: ['naive']},
        {p: 'Sin embargo, esto es **incorrecto**. Dado que $W$ se comparte a lo largo de los pasos de tiempo, ' +
          'contribuye a $s_t$ en todos los pasos de tiempo $t$, no solo en uno: $L$ depende de $W$ a través ' +
          'de $s_1, \\dots, s_T$. Por la regla de la cadena multivariable, que suma las contribuciones de ' +
          'todos los caminos, al calcular el gradiente necesitamos sumar los gradientes de todos los pasos ' +
          'de tiempo. La fórmula ingenua solo da la contribución de un paso. En otras palabras, lo que ' +
          'necesitamos es:', steps: ['naive']},
        {math: maths.gradW, steps: ['naive', 'accumulate']},
        {p: 'En la página, el paso «ingenuo» muestra $\\overline{s}_T h_T^{\\mathsf{T}}$ (el del último paso, el ' +
          'primero que calcula el pase hacia atrás) junto a la suma correcta: solo coinciden cuando $T = 1$.',
          steps: ['naive']},
        {p: 'Los gradientes sobre $U$ y $V$ se pueden calcular de manera similar, es decir', steps: ['accumulate']},
        {math: maths.gradUV, steps: ['accumulate']},
        {p: 'y, si hay sesgos, como $b$ entra sumado en cada $r_t$ y $c$ en cada $s_t$:', steps: ['accumulate']},
        {math: maths.gradBiases, steps: ['accumulate']},
        {p: 'Cada término de estas sumas tiene la forma del gradiente de una capa en la primera parte, ' +
          '$\\boldsymbol{\\delta}^{(l)} (\\mathbf{a}^{(l-1)})^{\\mathsf{T}}$: $\\overline{r}_t$ y $\\overline{s}_t$ hacen ' +
          'el papel de $\\boldsymbol{\\delta}$. En el término $t = 1$ de $\\overline{V}$ aparece el estado ' +
          'inicial $h_0$. El paso a paso va sumando estos términos de $t = T$ a $t = 1$ y muestra, en cada ' +
          'paso, lo que añade ese paso y la suma acumulada. Falta calcular $\\overline{r}_t$ y ' +
          '$\\overline{s}_t$.', steps: ['accumulate']},
      ],
    },
    {
      id: 'gradiente-preactivaciones',
      title: 'Gradientes sobre las preactivaciones',
      blocks: [
        {p: '**Gradiente sobre $r_t$.** Como $f$ se aplica elemento a elemento, $(r_t)_i$ solo influye en ' +
          '$(h_t)_i$, y el gradiente sobre $r_t$ es:', steps: ['r-grad']},
        {math: maths.rBarDerivation, steps: ['r-grad']},
        {p: 'O, en notación vectorial', steps: ['r-grad']},
        {math: maths.rBar, steps: ['r-grad']},
        {p: 'donde $\\circ$ es el producto elemento a elemento, como en la primera parte. Necesita ' +
          '$\\overline{h}_t$, que calculamos más abajo.', steps: ['r-grad']},
        {p: '**Gradiente sobre $s_t$.** De manera similar, el gradiente sobre $s_t$ se puede mostrar como',
          steps: ['s-grad']},
        {math: maths.sBar, steps: ['s-grad']},
        {p: 'donde $\\overline{y}_t = \\frac{\\partial L}{\\partial y_t}$ sale de la pérdida: con `half_sse`, ' +
          '$\\overline{y}_t = y_t - t_t$ (el `ys_grad = ys - ts` del código). A diferencia de ' +
          '$\\overline{h}_t$, $\\overline{s}_t$ solo depende del paso $t$.', steps: ['s-grad']},
        {p: 'Esta fórmula vale para una $g$ elemento a elemento (sigmoide, tanh, lineal…). Softmax no lo es: ' +
          'con la entropía cruzada, las dos juntas dan $\\overline{s}_t = y_t - t_t$ (cuando cada $t_t$ suma ' +
          '$1$), y con otra pérdida hay que usar su jacobiano completo.', steps: ['s-grad']},
      ],
    },
    {
      id: 'gradiente-h',
      title: 'Gradiente sobre el estado oculto',
      blocks: [
        {p: '**Gradiente sobre $h_t$.** Por último, necesitamos calcular $\\overline{h}_t$. Observemos que ' +
          '$h_t$ contribuye a $s_t$, y si $t$ no es el último paso de tiempo, entonces también contribuye a ' +
          '$r_{t+1}$. Por lo tanto, si $T$ denota el último paso de tiempo, entonces', steps: ['h-grad']},
        {math: maths.hBarLastDerivation, steps: ['h-grad']},
        {p: 'y para $t < T$', steps: ['h-grad']},
        {math: maths.hBarDerivation, steps: ['h-grad']},
        {p: 'En notación matricial (y combinando los dos)', steps: ['h-grad']},
        {math: maths.hBar('si'), steps: ['h-grad']},
        {p: 'El primer término es el camino a través de la salida del mismo paso; el segundo, el camino a ' +
          'través del paso siguiente. La página muestra las dos partes por separado. Es la misma idea que ' +
          '$\\boldsymbol{\\delta}^{(l)}$ en la primera parte: el error vuelve por los mismos pesos que ' +
          'llevaron la señal hacia adelante, transpuestos. Por eso el pase hacia atrás va de $t = T$ a ' +
          '$t = 1$: $\\overline{h}_t$ necesita $\\overline{r}_{t+1}$. Si tomamos $\\overline{r}_{T+1} = 0$ ' +
          '(no hay paso $T + 1$), las dos fórmulas son una sola, y así lo hace el código.', steps: ['h-grad']},
        {p: 'Resumiendo, el pase hacia atrás recorre $t = T, T-1, \\dots, 1$ y, partiendo de ' +
          '$\\overline{U} = \\overline{V} = \\overline{W} = 0$, en cada paso calcula, en este orden:',
          steps: ['s-grad', 'h-grad', 'r-grad', 'accumulate']},
        {math: maths.backwardStep, steps: ['s-grad', 'h-grad', 'r-grad', 'accumulate']},
        {p: '(y, con sesgos, $\\overline{b} \\leftarrow \\overline{b} + \\overline{r}_t$ y ' +
          '$\\overline{c} \\leftarrow \\overline{c} + \\overline{s}_t$).', steps: ['accumulate']},
        {p: '**Gradiente sobre $h_0$.** El estado inicial solo influye en la pérdida a través de $r_1$ (no ' +
          'tiene salida propia), así que su gradiente es la misma fórmula para $t = 0$, sin el primer ' +
          'término:'},
        {math: maths.hBarInitial},
        {p: 'La página también lo muestra, aunque $h_0$ no se entrena: es un dato. Es el gradiente que habría ' +
          'que seguir pasando hacia atrás si $h_0$ viniera de otra red. En el código de más abajo, es ' +
          '`V.t().matmul(rn_grad)` con el `rn_grad` que queda al terminar el bucle de `RNN.backward`, que ' +
          'es $\\overline{r}_1$.'},
      ],
    },
    {
      id: 'actualizacion',
      title: 'Actualización de parámetros',
      blocks: [
        {p: 'BPTT calcula los gradientes; con ellos, el descenso de gradiente actualiza cada parámetro ' +
          'compartido una sola vez por secuencia, con su gradiente sumado sobre todos los pasos de tiempo:',
          steps: ['update']},
        {math: maths.update, steps: ['update']},
        {p: 'Donde $\\eta$ es la tasa de aprendizaje y $\\overline{U} = \\frac{\\partial L}{\\partial U}$ (y ' +
          'lo mismo para los demás). Como en la primera parte, todos los gradientes se calculan antes de ' +
          'actualizar nada, con los parámetros del pase hacia adelante. El estado inicial $h_0$ no se ' +
          'actualiza. El código de la lección no da este paso: solo calcula los gradientes y los compara ' +
          'con los de PyTorch.', steps: ['update']},
      ],
    },
    {
      id: 'implementacion',
      title: 'Implementación en PyTorch',
      blocks: [
        {p: 'La implementación del cálculo hacia adelante es bastante directa. Comenzamos desde el paso de ' +
          'tiempo 1 y calculamos $r_t$, $h_t$, $s_t$ e $y_t$, dadas las entradas $x_t$ y $h_{t-1}$, hasta el ' +
          'último paso de tiempo $T$. Iniciamos desde el paso de tiempo 1 porque, en la relación de ' +
          'recurrencia, para calcular $r_t$ necesitamos $h_{t-1}$. Por lo tanto, el paso de tiempo anterior ' +
          'debe completarse primero.', steps: ['rnn-forward']},
        {p: 'La implementación del cálculo hacia atrás es similar, pero en este caso comenzamos desde el ' +
          'último paso de tiempo $T$ y retrocedemos hasta el primero. Esto se debe a que, en la relación de ' +
          'recurrencia, necesitamos $\\overline{r}_{t+1}$ para calcular $\\overline{h}_t$. Así, el siguiente ' +
          'paso de tiempo debe completarse previamente. Además, a medida que iteramos, necesitamos acumular ' +
          'los gradientes en $U$, $V$ y $W$.', steps: ['h-grad', 'accumulate']},
        {p: 'Primero, vamos a crear una clase `RNNCell`. Esta clase es responsable de un solo paso de tiempo ' +
          'y contiene métodos `forward` y `backward` que realizan los cálculos hacia adelante y hacia atrás, ' +
          'respectivamente.'},
        {code: cellCode, lang: 'python'},
        {p: 'Cada método sigue las ecuaciones: `_get_internals` calcula $r_t$, $h_t$, $s_t$ e $y_t$, y ' +
          '`backward` calcula $\\overline{s}_t$ (`s_grad`), $\\overline{h}_t$ (`h_grad`) y $\\overline{r}_t$ ' +
          '(`r_grad`) y suma a `U_grad`, `V_grad` y `W_grad` lo que aporta este paso. En lugar de guardar ' +
          'los vectores del pase hacia adelante, `backward` los vuelve a calcular a partir de `x` ($x_t$) y ' +
          '`hp` ($h_{t-1}$).'},
        {p: 'Esta celda fija $f = g = \\sigma$ y no tiene sesgos: `_get_internals` usa `torch.sigmoid` para ' +
          'las dos funciones, y `backward` escribe a mano la derivada de la sigmoide, ' +
          "$\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, en `s_grad` y en `r_grad`. Si se cambiara la " +
          'activación de `_get_internals` sin cambiar `backward`, los gradientes serían incorrectos. El ' +
          'núcleo de la página generaliza la celda: $f$ y $g$ se eligen entre las funciones de más arriba, ' +
          '$\\overline{s}_t$ y $\\overline{r}_t$ usan la derivada de la función elegida (softmax, su ' +
          'jacobiano), y los sesgos $b$ y $c$ son opcionales.'},
        {p: 'Ahora, creemos una clase `RNN`. Esta clase acepta una `RNNCell` y es responsable de realizar la ' +
          'iteración sobre los pasos de tiempo.'},
        {code: rnnCode, lang: 'python'},
        {p: '`backward` recorre los pasos al revés. `zip(ys_grad, xs, hs)` empareja $\\overline{y}_t$ y $x_t$ ' +
          'con $h_{t-1}$: `hs` empieza por $h_0$ y tiene $T + 1$ filas, y `zip` se detiene en la lista más ' +
          'corta. `rn_grad` es $\\overline{r}_{t+1}$: empieza en cero, porque no hay paso $T + 1$, y cada ' +
          'llamada a `self.cell.backward` devuelve el $\\overline{r}_t$ que necesita el paso anterior.'},
        {p: 'A continuación, la función de pérdida. Aquí utilizamos una pérdida simple de suma de cuadrados: ' +
          'la mitad de la suma de los errores al cuadrado sobre todos los pasos de tiempo y todas las ' +
          'salidas (`half_sse`).'},
        {code: lossCode, lang: 'python'},
        {p: 'Ahora, construimos nuestra RNN. Tendrá un tamaño de entrada de 2, un tamaño oculto de 4 y un ' +
          'tamaño de salida de 5: `RNNCell(2, 4, 5)`, es decir, $d_x = 2$, $d_h = 4$ y $d_o = 5$.'},
        {code: buildCode, lang: 'python'},
        {p: 'Luego, creamos entradas y objetivos ficticios para nuestra RNN. Estableceremos el número de ' +
          'pasos de tiempo en 3. El estado inicial $h_0$ (`hp`) también es aleatorio.'},
        {code: dataCode, lang: 'python'},
        {p: 'A continuación, realizamos el cálculo hacia adelante y calculamos la pérdida.'},
        {code: forwardCode, lang: 'python'},
        {p: 'El código no fija ninguna semilla (`torch.manual_seed`): `torch.rand` y `reset_parameters` dan ' +
          'otros números en cada ejecución, así que la pérdida y los gradientes que siguen son los de una ' +
          'ejecución concreta. El ejemplo por defecto de la página, «La RNN de la lección», usa la misma ' +
          'configuración (entrada 2, ' +
          'estado oculto 4, salida 5, sigmoide en $f$ y en $g$, sin sesgos, `half_sse`, pesos uniformes en ' +
          '$(-0.1, 0.1)$ y 3 pasos de tiempo) con sus propios números, fijos y generados a partir de una ' +
          'semilla, y calcula en float64: sus resultados serán otros.'},
      ],
    },
    {
      id: 'comprobacion',
      title: 'Comprobación con autograd',
      blocks: [
        {p: 'Veamos los gradientes calculados por PyTorch.'},
        {code: autogradCode, lang: 'python'},
        {p: 'Ahora, ejecutemos nuestro cálculo hacia atrás y comparemos el resultado con el de PyTorch.'},
        {code: manualCode, lang: 'python'},
        {p: '`torch.no_grad()` hace que autograd no registre estas operaciones: aquí los gradientes los ' +
          'calculamos nosotros.'},
        {p: 'Ahora veamos si nuestros gradientes calculados manualmente son correctos, es decir, si son ' +
          'iguales a los de PyTorch.'},
        {code: compareCode, lang: 'python'},
        {p: 'Esto es lo que imprimió la ejecución de la lección (en float32 y con los números aleatorios ' +
          'propios de PyTorch, sin semilla; pérdida $0.6165$). Autograd (`U.grad`, `V.grad`, `W.grad`) y ' +
          'nuestro BPTT (`U_grad`, `V_grad`, `W_grad`) imprimieron exactamente los mismos valores. Fila $i$, ' +
          'columna $j$:'},
        {table: {
          head: ['$\\overline{U}$ ($4 \\times 2$)', ...columns(2)],
          rows: rowsOf([
            ['-1.4026e-04', '-3.9695e-04'],
            ['8.1963e-05', '4.9689e-04'],
            ['2.1676e-03', '1.2979e-03'],
            ['-5.3256e-04', '-2.2029e-04'],
          ]),
        }},
        {table: {
          head: ['$\\overline{V}$ ($4 \\times 4$)', ...columns(4)],
          rows: rowsOf([
            ['-0.0002', '-0.0005', '-0.0005', '-0.0003'],
            ['0.0010', '0.0004', '0.0004', '0.0007'],
            ['0.0033', '0.0022', '0.0023', '0.0027'],
            ['-0.0010', '-0.0004', '-0.0004', '-0.0007'],
          ]),
        }},
        {table: {
          head: ['$\\overline{W}$ ($5 \\times 4$)', ...columns(4)],
          rows: rowsOf([
            ['0.0101', '0.0116', '0.0111', '0.0125'],
            ['-0.0587', '-0.0549', '-0.0562', '-0.0527'],
            ['0.0243', '0.0226', '0.0239', '0.0212'],
            ['-0.0436', '-0.0416', '-0.0428', '-0.0403'],
            ['0.0722', '0.0696', '0.0714', '0.0678'],
          ]),
        }},
        {p: '¡Y son iguales! Así que nuestro cálculo es realmente correcto. La comparación es a simple vista, ' +
          'con los dígitos que imprime PyTorch; `torch.allclose(rnn.cell.U.grad, rnn.cell.U_grad)` la haría ' +
          'con todos.'},
        {p: 'En la página, el panel «Comprobación del gradiente» hace la misma comprobación sin PyTorch: ' +
          'compara cada componente de los gradientes de BPTT con una estimación por diferencias finitas, ' +
          '$\\frac{L(w + \\varepsilon) - L(w - \\varepsilon)}{2\\varepsilon}$ con $\\varepsilon = 10^{-5}$, ' +
          'que solo necesita calcular la pérdida (el pase hacia adelante), y muestra el mayor error ' +
          'relativo. Si BPTT tuviera un fallo, como olvidar el término $V^{\\mathsf{T}} \\overline{r}_{t+1}$ o ' +
          'usar el gradiente ingenuo, ese error sería grande.'},
      ],
    },
    {
      id: 'ejercicios',
      title: 'Ejercicios',
      blocks: [
        {p: '**Ejercicio 1: derivación manual de BPTT**'},
        {p: 'Dada una RNN simple con una capa oculta y una función de activación sigmoide, realiza la ' +
          'derivación manual de los gradientes para los parámetros $U$, $V$ y $W$ utilizando BPTT. Asume que ' +
          'la RNN tiene una sola unidad oculta y procesa secuencias de tres tiempos.'},
        {p: 'Este caso es uno de los ejemplos de la página, «Ejercicio 1: una unidad oculta, tres pasos»: ' +
          'puedes comprobar tu derivación con sus números, paso a paso.'},
        {p: '**Ejercicio 2: implementación de BPTT desde cero**'},
        {p: 'Implementa una RNN simple en Python sin usar bibliotecas de deep learning como TensorFlow o ' +
          'PyTorch. Tu RNN debe incluir métodos `forward` y `backward`, y debe ser capaz de procesar ' +
          'secuencias de longitud variable.'},
        {p: '**Ejercicio 3: comparación de gradientes**'},
        {p: 'Utiliza PyTorch para crear una RNN simple y compara los gradientes que calcula automáticamente ' +
          'con los que calculaste manualmente en el ejercicio 1 o implementaste en el ejercicio 2.'},
        {p: '**Ejercicio 4: exploración de la explosión y el desvanecimiento de gradientes**'},
        {p: 'Modifica la RNN implementada en el ejercicio 2 para incluir secuencias de entrada de diferentes ' +
          'longitudes. Experimenta con inicializaciones de parámetros y observa cómo afectan a la magnitud ' +
          'de los gradientes durante el entrenamiento.'},
        {p: '**Ejercicio 5: BPTT con diferentes funciones de activación**'},
        {p: 'Implementa varias funciones de activación (ReLU, tanh, sigmoide) en tu RNN del ejercicio 2. ' +
          'Entrena tu modelo en un conjunto de datos de prueba simple (puede ser generado sintéticamente) y ' +
          'compara cómo la elección de la función de activación afecta el rendimiento.'},
      ],
    },
  ],
};
