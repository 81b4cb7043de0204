// Lesson 3 ("Limitaciones y avances"): the text of ../shared/seed/leccion-retropropagacion-bptt.md,
// sections "Limitaciones y consideraciones prácticas" and "Avances posteriores al algoritmo de
// retropropagación" (lines ~351–395), regrouped by topic so that each part sits beside its
// interactive piece (web/lessons/avances/page.js), and extended. Content only.
//
// Blocks as in web/lessons/mlp/text.js: {p}, {math} (display TeX from ./maths.js),
// {list, ordered}, {table: {head, rows}}; prose carries inline $…$, **bold** and `code`.
//
// Corrections and additions relative to the original:
//  1. "Optimizadores como Adam o RMSprop ajustan la tasa de aprendizaje" → they scale each
//     parameter's step from the history of its gradients; η itself stays as set.
//  2. "Adam combina las ventajas de AdaGrad y RMSprop" → Adam is momentum (a mean of gradients)
//     plus RMSprop's scaling (a mean of squared gradients) with bias correction; its authors
//     present it as combining AdaGrad's and RMSprop's advantages.
//  3. "Adadelta, AdaMax adaptan la tasa…" → Adadelta replaces η by a ratio of running means
//     (PyTorch still multiplies by lr, default 1); AdaMax is Adam with the infinity norm.
//  4. The learning-rate limit of gradient descent on a quadratic (η < 2/λ_max) and why a badly
//     conditioned valley oscillates across and crawls along: added.
//  5. "ReLU evita el desvanecimiento" → mitigates it; dead units (a unit whose pre-activation is
//     negative on every input gets no gradient; it revives only if earlier layers change) named and
//     shown.
//  6. Leaky ReLU's slope is 0.01 here (PyTorch's default), stated.
//  7. "Xavier/He inicialización" → "inicialización de Xavier (Glorot) y de He", with their
//     variances and why each suits its activation.
//  8. Batch normalization: the mini-batch's mean and variance, a learned scale γ and shift β,
//     running means at evaluation; the claimed mechanism ("internal covariate shift") is debated:
//     said so.
//  9. Dropout: inverted dropout (kept units scaled by 1/(1−p)), none at evaluation.
// 10. Early stopping (parada temprana) explained: stop where the validation loss stops improving,
//     keep the best weights; patience.
// 11. "aumento de datos" kept as a mitigation, with what it means.

import * as maths from './maths.js';

export const lesson = {
  title: 'Limitaciones y avances',
  intro: [
    {p: 'La retropropagación calcula los gradientes de forma exacta y eficiente, pero entrenar una red ' +
      'con ellos no es automático: hay que elegir la tasa de aprendizaje y el optimizador, inicializar ' +
      'bien los pesos, evitar que la red memorice los datos y que sus gradientes se desvanezcan o ' +
      'exploten. Esta lección recorre esas limitaciones prácticas y las técnicas que se desarrollaron ' +
      'después para superarlas. Cada parte tiene a su lado un experimento: todos sus números los ' +
      'calcula el mismo núcleo en C++ que las lecciones anteriores.'},
  ],
  parts: {
    optimizadores: {
      title: 'Tasa de aprendizaje y optimizadores',
      blocks: [
        {p: 'El descenso de gradiente da pasos $\\theta \\leftarrow \\theta - \\eta\\, \\nabla L(\\theta)$. ' +
          'La **tasa de aprendizaje** $\\eta$ decide cuánto se avanza en cada uno:'},
        {list: [
          '**Demasiado alta**: el paso salta al otro lado del valle y la pérdida **oscila**; un poco más ' +
            'y cada salto cae más arriba que el anterior: la pérdida **diverge** (crece sin límite).',
          '**Demasiado baja**: cada paso es seguro pero minúsculo, y el entrenamiento es **lento**.',
        ]},
        {p: 'En una función cuadrática $L = \\tfrac12 \\theta^\\top A \\theta$, el descenso de gradiente ' +
          'converge solo si $\\eta < 2/\\lambda_{\\max}$, con $\\lambda_{\\max}$ el mayor valor propio de ' +
          '$A$ (la curvatura más fuerte). Cuando las curvaturas son muy distintas (un **número de ' +
          'condición** $\\lambda_{\\max}/\\lambda_{\\min}$ grande), el $\\eta$ que la dirección empinada ' +
          'tolera es diminuto para la dirección plana: el descenso zigzaguea a través del valle y se ' +
          'arrastra a lo largo de él.'},
        {p: '**Optimizadores avanzados.** No cambian la retropropagación (el gradiente es el mismo), sino ' +
          'cómo se usa para actualizar cada parámetro:'},
        {list: [
          '**Momento** (SGD con momento): acumula una media de los gradientes anteriores, ' +
            '$v \\leftarrow \\mu v + \\nabla L$, $\\theta \\leftarrow \\theta - \\eta v$. Las componentes que ' +
            'cambian de signo se cancelan y las que se repiten se suman: menos zigzag y más avance por el ' +
            'fondo del valle.',
          '**AdaGrad**: divide el paso de cada parámetro por la raíz de la suma de sus gradientes al ' +
            'cuadrado. Las direcciones empinadas dan pasos más cortos; pero la suma solo crece, y el paso ' +
            'se va apagando.',
          '**RMSprop**: como AdaGrad, pero con una media móvil de los cuadrados, que olvida el pasado: el ' +
            'paso no se apaga.',
          '**Adam**: momento (media de los gradientes) más la escala de RMSprop (media de sus cuadrados), ' +
            'con corrección del sesgo inicial. Sus autores lo presentan como una combinación de las ' +
            'ventajas de AdaGrad y RMSprop.',
          '**Adadelta**: sustituye $\\eta$ por el cociente de dos medias móviles (de las actualizaciones y ' +
            'de los gradientes al cuadrado); PyTorch aún multiplica por `lr`, que por defecto vale 1.',
          '**AdaMax**: la variante de Adam que escala con el máximo de los gradientes pasados (la norma ' +
            'infinito) en lugar de la media de sus cuadrados.',
        ]},
        {p: 'Estos optimizadores **no ajustan la tasa de aprendizaje** en sí: $\\eta$ sigue siendo la que ' +
          'se elige, y una demasiado grande también los hace oscilar o diverger. Lo que adaptan es la ' +
          'escala del paso de cada parámetro, a partir del historial de sus gradientes.'},
        {p: 'En el experimento, haz clic en la superficie (o usa las flechas) para elegir el punto de ' +
          'partida, mueve $\\eta$ y compara. En la superficie de **Rosenbrock** el mínimo está al fondo de ' +
          'un valle curvo y estrecho; en el **punto de silla** el gradiente se anula sin que haya un ' +
          'mínimo; la **red** es la pérdida de una red pequeña en función de dos de sus pesos.'},
      ],
    },
    inicializacion: {
      title: 'Inicialización de los pesos',
      blocks: [
        {p: 'Una mala inicialización puede impedir el entrenamiento. Si todos los pesos de una capa ' +
          'empiezan iguales, todas sus neuronas calculan lo mismo, reciben el mismo gradiente y nunca se ' +
          'diferencian: por eso se inicializa **al azar**. Pero la escala del azar importa.'},
        {p: 'En una capa con $n_{\\text{in}}$ entradas, $z = \\sum_j W_{ij} a_j$ suma $n_{\\text{in}}$ ' +
          'términos: si los pesos tienen varianza $\\operatorname{Var}(W)$ y las entradas son independientes y ' +
          'centradas, $\\operatorname{Var}(z) \\approx n_{\\text{in}} \\operatorname{Var}(W) ' +
          '\\operatorname{Var}(a)$. Capa tras capa, ese factor se multiplica:'},
        {list: [
          '**Uniforme pequeña**: el factor es menor que 1; las activaciones se encogen hacia 0 capa a capa ' +
            'y, hacia atrás, los gradientes también: se **desvanecen**.',
          '**Uniforme grande**: el factor es mayor que 1; con tanh o sigmoide las neuronas se **saturan** ' +
            "($f' \\approx 0$) y el gradiente también se apaga; con ReLU las activaciones y los gradientes " +
            '**explotan**.',
        ]},
        {p: '**Xavier (Glorot)** elige $\\operatorname{Var}(W) = \\dfrac{2}{n_{\\text{in}} + n_{\\text{out}}}$ ' +
          '(uniforme en $\\pm\\sqrt{6/(n_{\\text{in}} + n_{\\text{out}})}$), para que la varianza se conserve ' +
          'tanto hacia adelante como hacia atrás cuando la activación se comporta como la identidad cerca ' +
          'de 0. Eso es lo que hace **tanh**: $\\tanh(z) \\approx z$ y $\\tanh\'(0) = 1$. (La sigmoide no ' +
          'está centrada en cero y su derivada vale como mucho $0.25$: incluso con Xavier sus gradientes ' +
          'se encogen capa a capa.)'},
        {p: '**He** elige $\\operatorname{Var}(W) = \\dfrac{2}{n_{\\text{in}}}$ (uniforme en ' +
          '$\\pm\\sqrt{6/n_{\\text{in}}}$): el doble, porque **ReLU** anula la mitad de las entradas ' +
          '($z < 0$) y con ello la mitad de la varianza. Con Xavier, una red ReLU profunda pierde la mitad ' +
          'de la señal en cada capa; con He la conserva.'},
        {p: 'El experimento pasa un lote de entradas por una red profunda recién inicializada y muestra, ' +
          'capa a capa, la distribución de sus activaciones y de sus gradientes (cajas del 25 % al 75 %, ' +
          'bigotes del 5 % al 95 %, la mediana en medio). Compara tanh con Xavier y ReLU con He.'},
      ],
    },
    sobreajuste: {
      title: 'Sobreajuste, dropout y parada temprana',
      blocks: [
        {p: '**Sobreajuste**: el modelo aprende demasiado bien los datos de entrenamiento, incluido su ' +
          'ruido, y no generaliza a datos nuevos. Se ve en las curvas: la pérdida de entrenamiento sigue ' +
          'bajando mientras la de **validación** (datos que la red no usa para aprender) se estanca o ' +
          'sube.'},
        {p: 'Formas de mitigarlo:'},
        {list: [
          '**Regularización L2** (o L1): suma a la pérdida $\\tfrac12\\lambda_2 \\sum W^2$ (o ' +
            '$\\lambda_1 \\sum |W|$), que prefiere pesos pequeños y fronteras más suaves.',
          '**Dropout**: durante el entrenamiento, cada neurona oculta se «apaga» (su salida se pone a 0) ' +
            'con probabilidad $p$, y las demás se escalan por $\\frac{1}{1-p}$ para que la media no cambie. ' +
            'La red no puede depender de una neurona concreta. En evaluación (`model.eval()`) se usan todas ' +
            'sin escalar.',
          '**Parada temprana** (early stopping): se mide la pérdida de validación durante el ' +
            'entrenamiento y se para cuando lleva un número de evaluaciones (la **paciencia**) sin mejorar; ' +
            'se conservan los pesos del mejor punto.',
          '**Aumento de datos**: más ejemplos, o variaciones de los que hay (girar o recortar una imagen), ' +
            'para que el ruido de unos pocos pese menos.',
        ]},
      ],
    },
    normalizacion: {
      title: 'Normalización por lotes (batch normalization)',
      blocks: [
        {p: '**Objetivo**: acelerar el entrenamiento y mejorarle la estabilidad, sobre todo en redes ' +
          'profundas.'},
        {p: '**Método**: en cada capa, las preactivaciones de cada neurona se normalizan con la media ' +
          '$\\mu_B$ y la varianza $\\sigma_B^2$ del minilote, y después se les aplica una escala $\\gamma$ y ' +
          'un desplazamiento $\\beta$ que también se aprenden:'},
        {math: maths.batchNorm},
        {p: 'En evaluación no hay minilote: se usan medias móviles de $\\mu_B$ y $\\sigma_B^2$ acumuladas ' +
          'durante el entrenamiento. Una sigmoide profunda deja de saturarse, porque sus entradas vuelven ' +
          'a estar cerca de 0 en cada capa. Por qué ayuda tanto se sigue discutiendo: la explicación ' +
          'original («reducir el desplazamiento interno de covariables») se ha puesto en duda, y otra ' +
          'propuesta es que suaviza la superficie de pérdida.'},
        {p: 'La retropropagación pasa también a través de la normalización: $\\mu_B$ y $\\sigma_B^2$ ' +
          'dependen de todas las muestras del lote, así que el gradiente de una muestra depende de las ' +
          'demás.'},
      ],
    },
    relu: {
      title: 'ReLU y Leaky ReLU',
      blocks: [
        {p: '**ReLU** ($\\max(0, z)$) mitiga el desvanecimiento del gradiente en redes profundas: su ' +
          'derivada vale $1$ para $z > 0$, en lugar del $0.25$ como mucho de la sigmoide. A cambio, una ' +
          'neurona cuya preactivación es negativa para todas las entradas tiene derivada 0 en todas: no ' +
          'recibe gradiente y sus pesos dejan de cambiar. Es una neurona **muerta**: solo revive si los ' +
          'cambios de las capas anteriores vuelven a hacer positiva su preactivación, y a menudo no ocurre. ' +
          'Una tasa de aprendizaje grande o un sesgo muy negativo las producen.'},
        {p: '**Leaky ReLU** deja pasar un pequeño gradiente cuando la entrada es negativa ($0.01\\,z$ ' +
          'para $z < 0$, la pendiente por defecto de PyTorch): una neurona así nunca muere del todo.'},
      ],
    },
  },
};
