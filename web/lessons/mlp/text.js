// Lesson 1, part 1 ("Retropropagación"): the text of ../shared/seed/leccion-retropropagacion-bptt.md
// (lines 1–483: from the introduction to the PyTorch run and the five exercises), as sections of
// blocks that web/lessons/mlp/text-view.js renders beside the stepper.
//
// Blocks: {p}, {math} (display TeX of ./maths.js), {list, ordered}, {code, lang}, {table: {head, rows}}.
// Prose carries inline $…$, **bold** and `code` (web/math.js richText). `steps` tags a block with
// the stepper steps it explains: forward-z, forward-a, output, loss, delta-output, dW, db,
// delta-hidden, update.
//
// Corrections relative to the original lesson:
//  1. History: "introducido en la década de 1980" → popularised in 1986 by Rumelhart, Hinton and
//     Williams, with antecedents in the 1970s (Linnainmaa 1970, Werbos 1974).
//  2. Neuron: "recibe una entrada" → several inputs; its output was called y, the same letter as
//     the target: renamed a, and the pre-activation z is named.
//  3. Layers: the input layer has no weights; a⁽⁰⁾ = x; W⁽ˡ⁾ is n_l × n_{l−1}; layers are counted
//     without the input layer (L = 2 in the lesson's network).
//  4. Activations: "TanH" → tanh; each activation now comes with its derivative f′; added leaky
//     ReLU, linear and softmax (which the page offers; softmax has no element-wise f′, and with
//     cross-entropy its output δ is ŷ − y); ReLU′(0) taken as 0, as PyTorch does.
//  5. MSE: "n es el número de muestras" → n is the number of averaged elements (nn.MSELoss
//     averages over B·n_y); its derivative carries 2/n.
//  6. The loss of the derivation, ½ Σ (y − ŷ)², was labelled "MSE": it is half the sum of
//     squared errors (half_sse), whose derivative is ŷ − y; relation L_MSE = (2/n_y)·L, equal
//     for the lesson's one sample with two outputs; the page offers both.
//  7. "Computación de gradientes" (anglicism) → "Cálculo de gradientes"; "valores objetivos" →
//     "valores objetivo".
//  8. Backpropagation proper is the gradient computation (step 2); the update is the optimizer's.
//  9. Added the multivariable chain rule (sum over paths), which the derivation of δ⁽¹⁾ uses.
// 10. "similar al código proporcionado": the code comes later → "como la del código PyTorch de
//     más abajo".
// 11. Notation: x = [x₁, x₂]ᵀ next to dimensions n_x … → general sizes with the example's 2;
//     x = a⁽⁰⁾, so ∂L/∂W⁽¹⁾ = δ⁽¹⁾(a⁽⁰⁾)ᵀ like every other layer; \mathbf{\hat{y}} → \hat{\mathbf{y}};
//     δ vectors in bold, their components not; the index convention of W⁽ˡ⁾_ij is stated.
// 12. σ generalised to f (σ in the lesson's network), since the page lets each layer choose.
// 13. δ⁽¹⁾ = (W⁽²⁾)ᵀδ⁽²⁾ ∘ σ′(z⁽¹⁾) had ambiguous precedence → ((W⁽²⁾)ᵀδ⁽²⁾) ∘ f′(z⁽¹⁾).
// 14. Update "W = W − η ∂L/∂W" → assignment "W ← W − η ∂L/∂W", per layer; all gradients are
//     computed with the weights before the update.
// 15. Added the general equations for L layers (the page has 1–3 hidden layers), the derivation
//     of ∂L/∂ŷ, and the derivation of ∂L/∂W and ∂L/∂b (stated without proof in the original).
// 16. Sigmoid: "salida no cero-centrada" → "no centrada en cero", with the reason; σ′ ≤ 0.25.
// 17. "ReLU evita el desvanecimiento del gradiente" → mitigates it (dead ReLUs).
// 18. "Xavier/He inicialización" → "inicialización de Xavier (Glorot) o de He"; why random
//     (symmetry); nn.Linear's default U(±1/√n_in).
// 19. Batch normalization uses the mini-batch's mean and variance plus a learned scale and shift;
//     dropout rescales the kept units; Adam described as momentum + RMSprop-style scaling.
// 20. Code: print strings "Epoca"/"Perdida" → "Época"/"Pérdida"; leftover comments ("Cambiando el
//     nombre de la instancia para evitar confusión", "Instancia correctamente MSELoss", "Código
//     opcionalmente añadido") replaced; the model class is shown once (the original repeated it).
// 21. The printed losses are one run of unseeded float32 PyTorch; each is the loss before that
//     iteration's update; "Epoca" → "Época" in prose.
// 22. Exercises: "sigmoidal" → "sigmoide"; "Añade L2 (ridge) o L1 (lasso) regularización" →
//     "Añade regularización L2 (ridge) o L1 (lasso)"; "Hiperparámetros" → lower case; double
//     spaces removed.
// 23. The headings "Paso 1/2/3" → "Fase 1/2/3" (and the references to them): the stepper beside
//     the text counts its own "Paso 2 de 13".

import * as maths from './maths.js';
import {modelCode} from './code.js';

const trainingCode = `# Red 2-2-2, como en la derivación
model = NeuralNetwork(num_inputs=2, num_hidden=2, num_outputs=2)

# Optimizador y función de pérdida
optimizer = optim.SGD(model.parameters(), lr=0.5)
criterion = nn.MSELoss()  # media de los errores al cuadrado sobre todos los elementos

# Datos de entrenamiento
inputs = torch.tensor([[0.05, 0.1]], dtype=torch.float32)
targets = torch.tensor([[0.01, 0.99]], dtype=torch.float32)

# Bucle de entrenamiento
for i in range(10000):
    model.zero_grad()           # Resetea los gradientes
    outputs = model(inputs)     # Pase hacia adelante
    loss = criterion(outputs, targets)  # Calcula la pérdida
    loss.backward()             # Pase hacia atrás
    optimizer.step()            # Actualiza los parámetros

    if i % 1000 == 0:
        print(f'Época {i}, Pérdida: {loss.item()}')

# Validación con un ejemplo que la red no vio durante el entrenamiento
validation_inputs = torch.tensor([[0.1, 0.2]], dtype=torch.float32)
validation_targets = torch.tensor([[0.05, 0.95]], dtype=torch.float32)

# Evaluar el modelo en modo de evaluación
model.eval()
with torch.no_grad():  # Desactiva el cálculo de gradientes
    validation_outputs = model(validation_inputs)
    validation_loss = criterion(validation_outputs, validation_targets)
    print(f'Pérdida de validación: {validation_loss.item()}')`;

export const lesson = {
  title: 'Retropropagación',
  sections: [
    {
      id: 'introduccion',
      title: 'Introducción',
      blocks: [
        {p: 'En el ámbito del aprendizaje automático y la inteligencia artificial, las redes neuronales ' +
          'artificiales han emergido como una herramienta fundamental para abordar problemas complejos de ' +
          'reconocimiento de patrones, clasificación y regresión.'},
        {p: 'El algoritmo de retropropagación (en inglés, backpropagation) es uno de los pilares fundamentales ' +
          'del aprendizaje profundo y de las redes neuronales artificiales. Popularizado en 1986 por Rumelhart, ' +
          'Hinton y Williams (la idea de propagar derivadas hacia atrás venía de los años setenta: Linnainmaa, ' +
          '1970; Werbos, 1974), permitió entrenar redes neuronales de múltiples capas, superando las ' +
          'limitaciones de los métodos anteriores y abriendo camino a los avances actuales en inteligencia ' +
          'artificial.'},
        {p: 'Junto a este texto, el paso a paso calcula cada ecuación de una iteración con números reales; al ' +
          'avanzar, se resalta aquí el párrafo que la explica.'},
      ],
    },
    {
      id: 'neuronas',
      title: 'Neuronas artificiales',
      blocks: [
        {p: 'Antes de adentrarnos en el algoritmo de retropropagación, es esencial comprender la estructura y ' +
          'el funcionamiento básico de una red neuronal artificial (RNA).'},
        {p: 'Una neurona artificial es una unidad de procesamiento que recibe varias entradas, calcula su suma ' +
          'ponderada más un sesgo y aplica a ese valor una función de activación para producir su salida. ' +
          'Matemáticamente:'},
        {math: maths.neuron},
        {p: 'Donde:'},
        {list: [
          '$x_i$ son las entradas.',
          '$w_i$ son los pesos asociados a cada entrada.',
          '$b$ es el sesgo.',
          '$z$ es la preactivación: la suma ponderada más el sesgo.',
          '$\\phi$ es la función de activación.',
          '$a$ es la salida (la activación) de la neurona. La llamamos $a$ y no $y$ porque $y$ queda ' +
            'reservada para el valor objetivo.',
        ], ordered: false},
      ],
    },
    {
      id: 'capas',
      title: 'Capas y arquitectura de la red',
      blocks: [
        {list: [
          '**Capa de entrada**: recibe los datos de entrada. No tiene pesos ni hace cálculos: su salida es ' +
            'la propia entrada, $\\mathbf{a}^{(0)} = \\mathbf{x}$.',
          '**Capas ocultas**: procesan la información mediante neuronas interconectadas.',
          '**Capa de salida**: produce la predicción o resultado final, $\\hat{\\mathbf{y}}$.',
        ], ordered: false},
        {p: 'La red neuronal se construye conectando neuronas en capas, donde la salida de una capa es la ' +
          'entrada de la siguiente. En una red completamente conectada, cada neurona de la capa $l$ recibe ' +
          'todas las salidas de la capa $l-1$, así que la capa entera se escribe con una matriz: si la capa ' +
          '$l$ tiene $n_l$ neuronas, sus pesos forman una matriz $\\mathbf{W}^{(l)}$ de dimensión ' +
          '$n_l \\times n_{l-1}$ (una fila por neurona) y sus sesgos un vector $\\mathbf{b}^{(l)}$ de ' +
          'dimensión $n_l$.'},
        {p: 'Contamos las capas sin la de entrada: una red con una capa oculta y una de salida tiene $L = 2$ ' +
          'capas con pesos. La red de esta lección es 2-2-2: dos entradas, dos neuronas ocultas y dos ' +
          'salidas. La página permite de una a tres capas ocultas.'},
      ],
    },
    {
      id: 'activaciones',
      title: 'Funciones de activación',
      blocks: [
        {p: 'Las funciones de activación introducen no linealidad en la red, permitiendo que aprenda ' +
          'relaciones complejas entre las entradas y las salidas: sin ellas, una composición de capas ' +
          'lineales seguiría siendo una función lineal, equivalente a una sola capa. La retropropagación ' +
          "necesita además su derivada $f'$, que aparece en cada capa del pase hacia atrás. Algunas " +
          'funciones comunes:'},
        {p: '**Sigmoide**: comprime cualquier valor al intervalo $(0, 1)$. Su derivada se obtiene de la ' +
          'propia salida, sin recalcular la exponencial.'},
        {math: maths.sigmoid},
        {p: '**ReLU (unidad lineal rectificada)**: deja pasar los valores positivos y anula los negativos. ' +
          'En $z = 0$ no es derivable; por convención (como en PyTorch) se toma derivada $0$.'},
        {math: maths.relu},
        {p: '**tanh (tangente hiperbólica)**: como la sigmoide, pero con salida en $(-1, 1)$, centrada en ' +
          'cero.'},
        {math: maths.tanh},
        {p: '**Leaky ReLU**: variante de ReLU que deja pasar una fracción pequeña (en la página, $0.01$) de ' +
          'los valores negativos, para que su gradiente no sea exactamente cero.'},
        {math: maths.leakyRelu},
        {p: '**Lineal (identidad)**: no transforma nada. Es útil en la capa de salida cuando hay que predecir ' +
          'valores sin acotar (regresión); en una capa oculta no aporta ninguna no linealidad.'},
        {math: maths.linear},
        {p: '**Softmax** (capa de salida): convierte el vector $\\mathbf{z}$ en probabilidades positivas que ' +
          'suman $1$, para clasificar entre varias clases.'},
        {math: maths.softmax},
        {p: 'A diferencia de las anteriores, cada salida de softmax depende de todas las componentes de ' +
          "$\\mathbf{z}$, así que no tiene una derivada $f'$ elemento a elemento. Se usa con la entropía " +
          'cruzada $L = -\\sum_i y_i \\log \\hat{y}_i$, y juntas dan un error de salida muy simple, ' +
          '$\\boldsymbol{\\delta} = \\hat{\\mathbf{y}} - \\mathbf{y}$ (cuando los objetivos suman $1$). La ' +
          'página la ofrece para la capa de salida, con la entropía cruzada como pérdida.'},
      ],
    },
    {
      id: 'entrenamiento',
      title: 'El problema del entrenamiento',
      blocks: [
        {p: 'El objetivo del entrenamiento es ajustar los pesos y sesgos de la red para que las predicciones ' +
          '$\\hat{y}$ se acerquen lo más posible a los valores objetivo $y$. Esto se logra minimizando una ' +
          'función de pérdida $L(y, \\hat{y})$, que cuantifica el error entre las predicciones y los ' +
          'objetivos.'},
        {p: '**Desafío principal:**'},
        {list: [
          '**Optimización de parámetros**: encontrar los valores de los pesos y sesgos que minimicen la ' +
            'función de pérdida.',
          '**Cálculo de gradientes**: calcular cómo cambia la pérdida con respecto a cada parámetro, para ' +
            'ajustar los pesos en la dirección que reduce el error.',
        ], ordered: false},
      ],
    },
    {
      id: 'perdida',
      title: 'La función de pérdida',
      blocks: [
        {p: 'La pérdida más común en regresión es el **error cuadrático medio** (MSE, del inglés mean ' +
          'squared error), el promedio de los errores al cuadrado:'},
        {math: maths.mse},
        {p: 'Aquí $n$ es el número de **elementos** promediados. Con una sola salida coincide con el número ' +
          'de muestras; pero con $B$ muestras de $n_y$ salidas cada una, `nn.MSELoss` de PyTorch promedia ' +
          'sobre los $n = B \\cdot n_y$ elementos. Su derivada respecto de cada predicción lleva el factor ' +
          '$2/n$:'},
        {math: maths.mseDerivative},
        {p: 'La derivación de esta lección usa otra pérdida, que el texto original también llamaba «MSE» ' +
          'aunque no lo es: la **mitad de la suma de los errores al cuadrado** (en la página, `half_sse`). ' +
          'El $\\tfrac{1}{2}$ está para cancelar el 2 que sale al derivar el cuadrado:'},
        {math: maths.halfSse},
        {p: 'Las dos solo difieren en un factor constante, $L_{\\text{MSE}} = \\tfrac{2}{n_y}\\,L$ ($n_y$ es ' +
          'el número de salidas), así que tienen los mismos mínimos; pero el gradiente, y con él el tamaño ' +
          'de cada paso de descenso, queda multiplicado por ese factor. En la red de la lección (una muestra ' +
          'y dos salidas) el factor es $1$ y ambas coinciden. La página ofrece las dos: `half_sse` ' +
          '(con varias muestras, promediada sobre las muestras) y `mse` (como `nn.MSELoss`, promediada ' +
          'sobre todos los elementos); para una salida softmax, también la entropía cruzada.'},
      ],
    },
    {
      id: 'algoritmo',
      title: 'El algoritmo de retropropagación',
      blocks: [
        {p: 'La retropropagación es un algoritmo que calcula eficientemente los gradientes de la función de ' +
          'pérdida con respecto a todos los pesos y sesgos de la red neuronal. Se basa en la regla de la ' +
          'cadena del cálculo diferencial, y sus gradientes permiten actualizar los parámetros con métodos ' +
          'de optimización como el descenso de gradiente.'},
        {p: '**Pasos del algoritmo:**'},
        {list: [
          '**Pase hacia adelante (forward pass)**: las entradas se propagan capa a capa a través de la red ' +
            'para obtener las predicciones $\\hat{\\mathbf{y}}$, y se calcula la función de pérdida ' +
            '$L(\\mathbf{y}, \\hat{\\mathbf{y}})$.',
          '**Pase hacia atrás (backward pass)**: se calcula el gradiente de la pérdida con respecto a las ' +
            'salidas de la red; se aplica la regla de la cadena para propagarlo hacia atrás a través de ' +
            'cada capa, y con él se obtienen los gradientes con respecto a los pesos y sesgos.',
          '**Actualización de parámetros**: los pesos y sesgos se actualizan con un algoritmo de ' +
            'optimización (p. ej., descenso de gradiente).',
        ], ordered: true},
        {p: 'En sentido estricto, la retropropagación es el paso 2, el cálculo de los gradientes; el paso 3 ' +
          'es cosa del optimizador, que puede ser el descenso de gradiente u otro (Adam, RMSprop…).'},
      ],
    },
    {
      id: 'regla-cadena',
      title: 'Fundamentos matemáticos: la regla de la cadena',
      blocks: [
        {p: 'La regla de la cadena es una herramienta fundamental del cálculo diferencial que permite calcular ' +
          'la derivada de una función compuesta. Si $y = f(u)$ y $u = g(x)$, entonces:'},
        {math: maths.chainRule},
        {p: 'Cuando una variable influye en el resultado por varios caminos, se suman las contribuciones de ' +
          'todos ellos (regla de la cadena multivariable): si $y$ depende de $u_1, \\dots, u_m$ y cada ' +
          '$u_i$ depende de $x$,'},
        {math: maths.multivariableChainRule},
        {p: '**Aplicación en redes neuronales.** En una red neuronal, la pérdida depende de los pesos y de las ' +
          'entradas a través de múltiples funciones compuestas, una por capa. La retropropagación utiliza ' +
          'la regla de la cadena para calcular las derivadas parciales de la pérdida con respecto a cada ' +
          'parámetro, empezando por la salida y reutilizando en cada capa lo ya calculado para la ' +
          'siguiente.'},
      ],
    },
    {
      id: 'notacion',
      title: 'Derivación detallada: notación',
      blocks: [
        {p: 'Consideremos una red neuronal simple con una capa oculta y una capa de salida, como la del ' +
          'código PyTorch de más abajo (2 entradas, 2 neuronas ocultas, 2 salidas, sigmoide en ambas ' +
          'capas). Trabajamos con un solo ejemplo $(\\mathbf{x}, \\mathbf{y})$ y con vectores columna.'},
        {p: '**Entradas y salidas:**'},
        {list: [
          '$\\mathbf{x} = \\mathbf{a}^{(0)} = [x_1, \\dots, x_{n_x}]^T$: vector de entrada ($n_x = 2$ en ' +
            'el ejemplo). Llamarlo también $\\mathbf{a}^{(0)}$ permite escribir todas las capas con la ' +
            'misma fórmula.',
          '$\\mathbf{y} = [y_1, \\dots, y_{n_y}]^T$: vector objetivo ($n_y = 2$).',
          '$\\hat{\\mathbf{y}} = [\\hat{y}_1, \\dots, \\hat{y}_{n_y}]^T$: predicciones de la red.',
        ], ordered: false},
        {p: '**Pesos y sesgos:**'},
        {list: [
          '$\\mathbf{W}^{(1)}$: matriz de pesos de la capa oculta (dimensión $n_h \\times n_x$).',
          '$\\mathbf{b}^{(1)}$: vector de sesgos de la capa oculta (dimensión $n_h$).',
          '$\\mathbf{W}^{(2)}$: matriz de pesos de la capa de salida (dimensión $n_y \\times n_h$).',
          '$\\mathbf{b}^{(2)}$: vector de sesgos de la capa de salida (dimensión $n_y$).',
          '$W^{(l)}_{ij}$ es el peso que conecta la neurona $j$ de la capa $l-1$ con la neurona $i$ de la ' +
            'capa $l$ (fila $i$, columna $j$).',
        ], ordered: false},
        {p: '**Preactivaciones y activaciones:**'},
        {list: [
          '$\\mathbf{z}^{(1)} = \\mathbf{W}^{(1)} \\mathbf{a}^{(0)} + \\mathbf{b}^{(1)}$: entradas ' +
            '(preactivaciones) de la capa oculta.',
          '$\\mathbf{a}^{(1)} = f(\\mathbf{z}^{(1)})$: salidas de la capa oculta.',
          '$\\mathbf{z}^{(2)} = \\mathbf{W}^{(2)} \\mathbf{a}^{(1)} + \\mathbf{b}^{(2)}$: entradas ' +
            '(preactivaciones) de la capa de salida.',
          '$\\mathbf{a}^{(2)} = f(\\mathbf{z}^{(2)})$: salidas de la red (las predicciones ' +
            '$\\hat{\\mathbf{y}}$).',
        ], ordered: false},
        {p: 'Escribimos $f$ para la función de activación, aplicada elemento a elemento; en la red de la ' +
          'lección es la sigmoide, $f = \\sigma$, en las dos capas. La página permite elegir una activación ' +
          "distinta en cada capa, y las fórmulas no cambian: se usan la $f$ y la $f'$ de cada capa. Con más " +
          'capas ocultas, la capa $l$ ($l = 1, \\dots, L$) tiene sus $\\mathbf{W}^{(l)}$, ' +
          '$\\mathbf{b}^{(l)}$, $\\mathbf{z}^{(l)}$ y $\\mathbf{a}^{(l)}$, y la salida es ' +
          '$\\hat{\\mathbf{y}} = \\mathbf{a}^{(L)}$.'},
        {p: 'El «Ejemplo clásico 2-2-2 (pesos fijos)» de la página usa estos mismos datos con pesos conocidos, ' +
          'para poder comprobar cada número a mano.'},
      ],
    },
    {
      id: 'paso-1',
      title: 'Fase 1: pase hacia adelante',
      blocks: [
        {p: '**1. Cálculo de $\\mathbf{z}^{(1)}$**, a partir de la entrada $\\mathbf{a}^{(0)} = \\mathbf{x}$:',
          steps: ['forward-z']},
        {math: maths.forwardZ1, steps: ['forward-z']},
        {p: '**2. Cálculo de $\\mathbf{a}^{(1)}$**', steps: ['forward-a']},
        {math: maths.forwardA1('en la lección'), steps: ['forward-a']},
        {p: '**3. Cálculo de $\\mathbf{z}^{(2)}$**', steps: ['forward-z']},
        {math: maths.forwardZ2, steps: ['forward-z']},
        {p: '**4. Cálculo de las predicciones $\\hat{\\mathbf{y}}$**', steps: ['output']},
        {math: maths.forwardOutput, steps: ['output']},
        {p: '**5. Cálculo de la pérdida $L$**, con la mitad de la suma de los errores al cuadrado ' +
          '(`half_sse`):', steps: ['loss']},
        {math: maths.loss, steps: ['loss']},
        {p: 'Con `nn.MSELoss` sería $L_{\\text{MSE}} = \\frac{1}{n_y} \\sum_{i=1}^{n_y} (y_i - \\hat{y}_i)^2$. ' +
          'Con varias muestras, la página promedia la pérdida de cada una.', steps: ['loss']},
        {p: 'En general, para una red de $L$ capas, el pase hacia adelante repite las mismas dos operaciones ' +
          'en cada capa:', steps: ['forward-z', 'forward-a', 'output']},
        {math: maths.forwardGeneral, steps: ['forward-z', 'forward-a', 'output']},
        {p: 'Todos los $\\mathbf{z}^{(l)}$ y $\\mathbf{a}^{(l)}$ se guardan: el pase hacia atrás los ' +
          'necesita.'},
      ],
    },
    {
      id: 'paso-2',
      title: 'Fase 2: pase hacia atrás',
      blocks: [
        {p: 'El objetivo es calcular $\\frac{\\partial L}{\\partial \\mathbf{W}^{(1)}}$, ' +
          '$\\frac{\\partial L}{\\partial \\mathbf{b}^{(1)}}$, $\\frac{\\partial L}{\\partial \\mathbf{W}^{(2)}}$ ' +
          'y $\\frac{\\partial L}{\\partial \\mathbf{b}^{(2)}}$, cada uno con la forma de su parámetro. La ' +
          'pieza clave es el **error** de cada capa, $\\boldsymbol{\\delta}^{(l)} = ' +
          '\\frac{\\partial L}{\\partial \\mathbf{z}^{(l)}}$, la derivada de la pérdida respecto de su ' +
          'preactivación, que se calcula desde la salida hacia la entrada.'},
        {p: '**1. Gradiente en la capa de salida**'},
        {p: '**Error en la salida ($\\boldsymbol{\\delta}^{(2)}$):**', steps: ['delta-output']},
        {math: maths.deltaOutput, steps: ['delta-output']},
        {p: "Donde $\\circ$ denota el producto elemento a elemento y $f'$ es la derivada de la función de " +
          'activación. Para la sigmoide,', steps: ['delta-output']},
        {math: maths.sigmoidDerivativeAtOutput('así que'), steps: ['delta-output']},
        {p: 'El factor $\\hat{\\mathbf{y}} - \\mathbf{y}$ es $\\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}}$ ' +
          'para `half_sse`; con `mse` (`nn.MSELoss`) es $\\tfrac{2}{n}(\\hat{\\mathbf{y}} - \\mathbf{y})$, y ' +
          'con softmax y entropía cruzada el error completo es $\\boldsymbol{\\delta}^{(L)} = ' +
          "\\hat{\\mathbf{y}} - \\mathbf{y}$, sin factor $f'$.", steps: ['delta-output']},
        {p: '**Gradiente de los pesos y sesgos de la capa de salida:**', steps: ['dW', 'db']},
        {math: maths.gradW2, steps: ['dW']},
        {math: maths.gradB2, steps: ['db']},
        {p: 'El producto $\\boldsymbol{\\delta}^{(2)} (\\mathbf{a}^{(1)})^T$ es un producto exterior: una ' +
          'matriz $n_y \\times n_h$, de la misma forma que $\\mathbf{W}^{(2)}$, cuya entrada $(i, j)$ es ' +
          '$\\delta^{(2)}_i a^{(1)}_j$.', steps: ['dW']},
        {p: '**2. Gradiente en la capa oculta**'},
        {p: '**Error en la capa oculta ($\\boldsymbol{\\delta}^{(1)}$):** el error de la salida vuelve a la ' +
          'capa oculta a través de los mismos pesos que llevaron la señal hacia adelante, transpuestos:',
          steps: ['delta-hidden']},
        {math: maths.deltaHidden, steps: ['delta-hidden']},
        {p: 'Los paréntesis indican el orden: primero el producto matriz-vector ' +
          '$(\\mathbf{W}^{(2)})^T \\boldsymbol{\\delta}^{(2)} = \\frac{\\partial L}{\\partial \\mathbf{a}^{(1)}}$ ' +
          "y después el producto elemento a elemento por $f'(\\mathbf{z}^{(1)})$.", steps: ['delta-hidden']},
        {p: '**Gradiente de los pesos y sesgos de la capa oculta:**', steps: ['dW', 'db']},
        {math: maths.gradW1, steps: ['dW']},
        {math: maths.gradB1, steps: ['db']},
        {p: 'En general, para una red de $L$ capas:', steps: ['delta-output', 'delta-hidden', 'dW', 'db']},
        {math: maths.backwardGeneral, steps: ['delta-output', 'delta-hidden', 'dW', 'db']},
        {p: 'Con varias muestras, la pérdida de la página es un promedio, y los gradientes son el promedio ' +
          'de los gradientes de cada muestra.'},
      ],
    },
    {
      id: 'paso-3',
      title: 'Fase 3: actualización de parámetros',
      blocks: [
        {p: 'Usando el descenso de gradiente, los parámetros de cada capa $l$ se actualizan dando un paso en ' +
          'la dirección opuesta a su gradiente:', steps: ['update']},
        {p: '**Pesos:**', steps: ['update']},
        {math: maths.updateW, steps: ['update']},
        {p: '**Sesgos:**', steps: ['update']},
        {math: maths.updateB, steps: ['update']},
        {p: 'Donde $\\eta$ es la tasa de aprendizaje (`lr` en PyTorch; $0.5$ en el código de la lección). La ' +
          'flecha $\\leftarrow$ indica asignación: el valor nuevo reemplaza al anterior. Todos los ' +
          'gradientes se calculan antes de actualizar nada: $\\boldsymbol{\\delta}^{(1)}$ usa ' +
          '$\\mathbf{W}^{(2)}$ tal como era en el pase hacia adelante.', steps: ['update']},
      ],
    },
    {
      id: 'derivacion',
      title: 'Derivación de las ecuaciones de retropropagación',
      blocks: [
        {p: '**1. Cálculo de $\\boldsymbol{\\delta}^{(2)}$**', steps: ['delta-output']},
        {p: 'La derivada de la pérdida con respecto a $z^{(2)}_i$: como la activación se aplica elemento a ' +
          'elemento, $z^{(2)}_i$ solo influye en la pérdida a través de $\\hat{y}_i$:', steps: ['delta-output']},
        {math: maths.deltaOutputChain, steps: ['delta-output']},
        {p: 'Dado que (derivando $\\tfrac{1}{2}(y_i - \\hat{y}_i)^2$, el único término de $L$ que contiene ' +
          '$\\hat{y}_i$):', steps: ['delta-output']},
        {math: maths.lossByOutput, steps: ['delta-output']},
        {p: 'Y:', steps: ['delta-output']},
        {math: maths.outputByZ, steps: ['delta-output']},
        {p: 'Entonces:', steps: ['delta-output']},
        {math: maths.deltaOutputComponent, steps: ['delta-output']},
        {p: 'que, para todo el vector, es $\\boldsymbol{\\delta}^{(2)} = (\\hat{\\mathbf{y}} - \\mathbf{y}) ' +
          "\\circ f'(\\mathbf{z}^{(2)})$.", steps: ['delta-output']},
        {p: '**2. Gradientes de los pesos y sesgos**', steps: ['dW', 'db']},
        {p: 'El peso $W^{(l)}_{ij}$ y el sesgo $b^{(l)}_i$ solo aparecen en ' +
          '$z^{(l)}_i = \\sum_k W^{(l)}_{ik} a^{(l-1)}_k + b^{(l)}_i$, así que:', steps: ['dW', 'db']},
        {math: maths.gradWComponent, steps: ['dW', 'db']},
        {p: 'Reunidas en una matriz, las entradas $\\delta^{(l)}_i a^{(l-1)}_j$ forman el producto exterior ' +
          '$\\boldsymbol{\\delta}^{(l)} (\\mathbf{a}^{(l-1)})^T$.', steps: ['dW']},
        {p: '**3. Cálculo de $\\boldsymbol{\\delta}^{(1)}$**', steps: ['delta-hidden']},
        {p: 'Para cada neurona $j$ de la capa oculta, $z^{(1)}_j$ influye en la pérdida a través de ' +
          '$a^{(1)}_j$, que a su vez llega a todas las preactivaciones de salida $z^{(2)}_i$; por la regla ' +
          'de la cadena multivariable se suman todos esos caminos:', steps: ['delta-hidden']},
        {math: maths.deltaHiddenChain, steps: ['delta-hidden']},
        {p: 'Dado que:', steps: ['delta-hidden']},
        {math: maths.zByHiddenActivation, steps: ['delta-hidden']},
        {p: 'Y:', steps: ['delta-hidden']},
        {math: maths.hiddenActivationByZ, steps: ['delta-hidden']},
        {p: 'Entonces:', steps: ['delta-hidden']},
        {math: maths.deltaHiddenComponent, steps: ['delta-hidden']},
        {p: 'La suma $\\sum_i \\delta^{(2)}_i W^{(2)}_{ij}$ recorre la columna $j$ de $\\mathbf{W}^{(2)}$: es ' +
          'la componente $j$ de $(\\mathbf{W}^{(2)})^T \\boldsymbol{\\delta}^{(2)}$, lo que da la forma ' +
          'vectorial de la Fase 2. El mismo razonamiento, capa a capa, da $\\boldsymbol{\\delta}^{(l)}$ para ' +
          'cualquier capa oculta.', steps: ['delta-hidden']},
      ],
    },
    {
      id: 'intuicion',
      title: 'Interpretación intuitiva del algoritmo',
      blocks: [
        {list: [
          '**Propagación de errores**: los errores se propagan desde la capa de salida hacia las capas ' +
            'anteriores, ajustando los pesos de cada capa para reducir el error en la salida.',
          '**Uso de la regla de la cadena**: permite descomponer el gradiente global en gradientes ' +
            "locales (cada capa solo necesita su $f'$, sus pesos y el $\\boldsymbol{\\delta}$ que le llega), " +
            'lo que facilita el cálculo de derivadas en redes profundas.',
          '**Eficiencia**: cada $\\boldsymbol{\\delta}^{(l)}$ se calcula una sola vez y sirve tanto para los ' +
            'gradientes de su capa como para el $\\boldsymbol{\\delta}$ de la capa anterior; por eso el ' +
            'pase hacia atrás cuesta del mismo orden que el pase hacia adelante, en lugar de derivar la ' +
            'pérdida por separado respecto de cada peso.',
          '**Responsabilidad de cada peso**: $\\frac{\\partial L}{\\partial W^{(l)}_{ij}} = \\delta^{(l)}_i ' +
            'a^{(l-1)}_j$ es grande cuando la neurona de destino tiene mucho error y la de origen está muy ' +
            'activa; si $a^{(l-1)}_j = 0$, ese peso no cambia con este ejemplo.',
          '**Actualización incremental**: los pesos se actualizan en pequeños incrementos, moviéndose en ' +
            'la dirección que reduce la pérdida.',
        ], ordered: false},
      ],
    },
    {
      id: 'sigmoide',
      title: 'Consideraciones sobre la función de activación sigmoide',
      blocks: [
        {p: 'Aunque la función sigmoide es popular por su interpretación probabilística y su salida en el ' +
          'rango $(0, 1)$, presenta algunos desafíos:'},
        {list: [
          "**Desvanecimiento del gradiente**: para valores extremos de $z$ la sigmoide se satura y $\\sigma'(z)$ " +
            "se acerca a cero, lo que puede ralentizar el aprendizaje. Además, $\\sigma'(z) \\le 0.25$ (su " +
            'máximo, en $z = 0$): cada capa sigmoide multiplica el error que pasa hacia atrás por un factor ' +
            'de como mucho $0.25$ (además de los pesos), así que en redes profundas los ' +
            '$\\boldsymbol{\\delta}$ de las primeras capas pueden volverse diminutos.',
          '**Salida no centrada en cero**: la salida de la sigmoide siempre es positiva. Como ' +
            '$\\frac{\\partial L}{\\partial W^{(l)}_{ij}} = \\delta^{(l)}_i a^{(l-1)}_j$ con ' +
            '$a^{(l-1)}_j > 0$, en cada ejemplo todos los pesos que llegan a una misma neurona reciben gradientes del mismo ' +
            'signo, lo que obliga a avanzar en zigzag y puede afectar la dinámica del entrenamiento.',
        ], ordered: false},
        {p: 'Alternativas como ReLU o funciones de activación centradas en cero, como tanh, pueden mitigar ' +
          'estos problemas.'},
      ],
    },
    {
      id: 'pytorch',
      title: 'Implementación del algoritmo en PyTorch',
      blocks: [
        {p: 'PyTorch facilita la implementación del algoritmo de retropropagación mediante su módulo ' +
          '`autograd`, que automatiza el cálculo de gradientes.'},
        {p: '**1. Definición del modelo.** Utilizando `nn.Module`, se definen las capas y las funciones de ' +
          'activación. Cada `nn.Linear(n_in, n_out)` guarda un peso `weight` de forma ' +
          '$n_{\\text{out}} \\times n_{\\text{in}}$ (nuestra $\\mathbf{W}^{(l)}$) y un sesgo `bias` (nuestro ' +
          '$\\mathbf{b}^{(l)}$): `hidden_layer` es la capa 1 y `output_layer` la capa 2. PyTorch guarda un ' +
          'ejemplo por fila y calcula $\\mathbf{x}\\mathbf{W}^T + \\mathbf{b}$, que es la misma operación ' +
          'que $\\mathbf{W}\\mathbf{x} + \\mathbf{b}$ con vectores columna.'},
        {code: modelCode, lang: 'python'},
        {p: '**2. Proceso de entrenamiento.** Cada iteración del bucle recorre los tres pasos:'},
        {list: [
          '**Pase hacia adelante** (Fase 1): `outputs = model(inputs)`',
          '**Cálculo de la pérdida**: `loss = criterion(outputs, targets)`',
          '**Retropropagación** (Fase 2): `loss.backward()`',
          '**Actualización de parámetros** (Fase 3): `optimizer.step()`; con `optim.SGD` es ' +
            '$\\mathbf{W} \\leftarrow \\mathbf{W} - \\eta\\, \\frac{\\partial L}{\\partial \\mathbf{W}}$.',
        ], ordered: false},
        {p: 'Antes, `model.zero_grad()` pone los gradientes a cero, porque PyTorch los acumula (los suma) en ' +
          'cada llamada a `backward()`.'},
        {p: '**3. Automatización de gradientes.** PyTorch rastrea automáticamente las operaciones sobre los ' +
          'tensores y calcula los gradientes necesarios durante `loss.backward()`. Los deja en el atributo ' +
          '`.grad` de cada parámetro: por ejemplo, `model.output_layer.weight.grad` es ' +
          '$\\frac{\\partial L}{\\partial \\mathbf{W}^{(2)}}$.'},
        {p: 'El programa completo entrena la red 2-2-2 con un único ejemplo, $\\mathbf{x} = [0.05, 0.1]^T$ y ' +
          '$\\mathbf{y} = [0.01, 0.99]^T$, durante 10 000 iteraciones de descenso de gradiente con ' +
          '$\\eta = 0.5$; como el conjunto tiene un solo ejemplo, cada iteración es una época. Al final ' +
          'evalúa la red en un ejemplo de validación:'},
        {code: trainingCode, lang: 'python'},
        {p: 'Esto es lo que imprimió la ejecución de la lección (en float32 y con la inicialización ' +
          'aleatoria propia de PyTorch). La pérdida de cada época es la calculada antes de actualizar los ' +
          'parámetros en esa iteración:'},
        {table: {
          head: ['Época', 'Pérdida'],
          rows: [
            ['0', '0.26962941884994507'],
            ['1000', '0.00028327354812063277'],
            ['2000', '9.581194899510592e-05'],
            ['3000', '4.695755342254415e-05'],
            ['4000', '2.686593506950885e-05'],
            ['5000', '1.674771192483604e-05'],
            ['6000', '1.1025298590539023e-05'],
            ['7000', '7.537267265433911e-06'],
            ['8000', '5.296076324157184e-06'],
            ['9000', '3.7999598134774715e-06'],
            ['Validación', '0.0014848790597170591'],
          ],
        }},
        {p: 'El código no fija ninguna semilla (`torch.manual_seed`), así que cada ejecución parte de otros ' +
          'pesos e imprime otros números. En la página, «Código PyTorch de la lección» (en «Cargar un ' +
          'ejemplo») reproduce este programa: la misma red 2-2-2 con sigmoide, los mismos datos, ' +
          '`nn.MSELoss`, SGD con $\\eta = 0.5$ y una inicialización aleatoria al estilo de PyTorch (pesos y ' +
          'sesgos uniformes en $\\pm 1/\\sqrt{n_{\\text{in}}}$, como `nn.Linear`) a partir de una semilla, ' +
          'calculando en float64. Sus números serán otros, pero la pérdida debería bajar de forma parecida. Como ' +
          'aquí hay una muestra y dos salidas, `nn.MSELoss` vale ' +
          '$\\tfrac{1}{2}\\sum_i (y_i - \\hat{y}_i)^2$: la misma pérdida y los mismos gradientes que la ' +
          'derivación.'},
      ],
    },
    {
      id: 'limitaciones',
      title: 'Limitaciones y consideraciones prácticas',
      blocks: [
        {p: '**1. Tasa de aprendizaje**'},
        {list: [
          '**Selección apropiada**: una tasa de aprendizaje demasiado alta puede provocar oscilaciones o ' +
            'divergencia; una demasiado baja puede ralentizar el aprendizaje.',
          '**Algoritmos adaptativos**: optimizadores como Adam o RMSprop adaptan el tamaño del paso de ' +
            'cada parámetro durante el entrenamiento, a partir del historial de sus gradientes.',
        ], ordered: false},
        {p: '**2. Sobreajuste**'},
        {list: [
          '**Definición**: el modelo aprende demasiado bien los datos de entrenamiento (incluido su ruido) ' +
            'y no generaliza a datos nuevos.',
          '**Mitigación**: uso de regularización (L2, L1), parada temprana (early stopping) o aumento de ' +
            'datos.',
        ], ordered: false},
        {p: '**3. Inicialización de pesos**'},
        {list: [
          '**Importancia**: una mala inicialización puede dificultar el entrenamiento. Pesos demasiado ' +
            "grandes saturan las sigmoides ($f' \\approx 0$) y pesos demasiado pequeños apagan la señal; " +
            'si todos los pesos de una capa empiezan iguales, todas sus neuronas reciben el mismo ' +
            'gradiente y nunca se diferencian. Por eso se inicializa al azar.',
          '**Estrategias**: inicialización aleatoria con distribuciones escaladas según el número de ' +
            'entradas (y salidas) de la capa, como la inicialización de Xavier (Glorot), pensada para ' +
            'sigmoide y tanh, o la de He, pensada para ReLU. `nn.Linear` usa por defecto una uniforme en ' +
            '$\\pm 1/\\sqrt{n_{\\text{in}}}$.',
        ], ordered: false},
        {p: '**4. Funciones de activación alternativas**'},
        {list: [
          '**ReLU**: mitiga el desvanecimiento del gradiente en redes profundas, porque su derivada vale ' +
            '$1$ para $z > 0$; a cambio, una neurona cuya preactivación es siempre negativa deja de ' +
            'aprender (una ReLU «muerta»).',
          '**Leaky ReLU**: variante que permite un pequeño gradiente cuando la entrada es negativa.',
        ], ordered: false},
      ],
    },
    {
      id: 'avances',
      title: 'Avances posteriores al algoritmo de retropropagación',
      blocks: [
        {p: 'Aunque la retropropagación sigue siendo el método estándar para calcular los gradientes con los ' +
          'que se entrenan las redes neuronales, se han desarrollado técnicas y mejoras que la ' +
          'complementan:'},
        {p: '**1. Batch normalization**'},
        {list: [
          '**Objetivo**: acelerar el entrenamiento y mejorar la estabilidad.',
          '**Método**: normalizar las activaciones (o preactivaciones) de cada capa con la media y la varianza del minilote, ' +
            'y después aplicarles una escala y un desplazamiento que también se aprenden. En evaluación ' +
            'se usan medias acumuladas durante el entrenamiento.',
        ], ordered: false},
        {p: '**2. Dropout**'},
        {list: [
          '**Objetivo**: evitar el sobreajuste.',
          '**Método**: durante el entrenamiento se «apagan» aleatoriamente neuronas (su salida se pone a ' +
            'cero con probabilidad $p$ y las demás se escalan por $\\frac{1}{1-p}$); en evaluación ' +
            '(`model.eval()`) se usan todas.',
        ], ordered: false},
        {p: '**3. Optimizadores avanzados**'},
        {list: [
          '**Momento**: acumula una media de los gradientes anteriores, lo que suaviza y acelera el descenso.',
          '**Adam**: combina el momento con la escala adaptativa de RMSprop; sus autores lo presentan como ' +
            'una combinación de las ventajas de AdaGrad y RMSprop.',
          '**Adadelta, AdaMax**: adaptan la tasa de aprendizaje basándose en el historial de gradientes ' +
            '(AdaMax es una variante de Adam).',
        ], ordered: false},
      ],
    },
    {
      id: 'ejercicios',
      title: 'Ejercicios',
      blocks: [
        {p: '**Ejercicio 1: implementación manual del algoritmo de retropropagación**'},
        {p: 'Crea una red neuronal simple (por ejemplo, una red con una capa oculta) desde cero en Python. ' +
          'Implementa manualmente el algoritmo de retropropagación para actualizar los pesos de la red. ' +
          'Utiliza esta red para entrenar un modelo que pueda clasificar puntos en dos clases según su ' +
          'posición en un plano 2D. Genera datos sintéticos que sean linealmente separables.'},
        {p: '**Ejercicio 2: comparación de funciones de activación**'},
        {p: 'Modifica la red del ejercicio 1 para probar diferentes funciones de activación (ReLU, sigmoide, ' +
          'tanh) en la capa oculta. Compara el rendimiento del entrenamiento con cada función de ' +
          'activación. Observa cómo cambia la rapidez de convergencia y si alguna configuración es ' +
          'particularmente propensa a problemas como el desvanecimiento o la explosión de gradientes.'},
        {p: '**Ejercicio 3: retropropagación con regularización**'},
        {p: 'Añade regularización L2 (ridge) o L1 (lasso) a la red neuronal que creaste en el ejercicio 1. ' +
          'Entrena la red en un conjunto de datos más complejo que introduzca algo de ruido y observa si la ' +
          'regularización ayuda a mejorar la generalización del modelo.'},
        {p: '**Ejercicio 4: experimentando con tamaños de batch**'},
        {p: 'Implementa la retropropagación utilizando diferentes tamaños de batch: desde el descenso de ' +
          'gradiente estocástico (un ejemplo a la vez) hasta el descenso de gradiente por lotes (usando ' +
          'todo el conjunto de datos a la vez). Analiza cómo cambian la estabilidad y la velocidad de ' +
          'convergencia del entrenamiento con los diferentes tamaños de batch. Considera incluir una ' +
          'visualización de la disminución de la pérdida a lo largo de las iteraciones para cada ' +
          'configuración de tamaño de batch.'},
        {p: '**Ejercicio 5: optimización de hiperparámetros**'},
        {p: 'Utiliza la red neuronal del ejercicio 1 y experimenta con diferentes tasas de aprendizaje y ' +
          'números de épocas de entrenamiento. Implementa una búsqueda en cuadrícula o aleatoria para ' +
          'encontrar la combinación óptima de tasa de aprendizaje y número de épocas. Evalúa el ' +
          'rendimiento del modelo en un conjunto de validación para determinar la mejor configuración de ' +
          'hiperparámetros.'},
      ],
    },
  ],
};
