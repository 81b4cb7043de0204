// Lesson 3 in English: the twin of ./text.js (the Spanish text, with its list of corrections and
// additions to ../shared/seed/leccion-retropropagacion-bptt.md), with the same parts, blocks and
// formulas (./maths.js); only the prose and the \text{…} words change.
// tests/web/lesson-texts-languages.test.js checks that the two match.
//
// Blocks as in web/lessons/mlp/text.js: {p}, {math} (display TeX from ./maths.js),
// {list, ordered}, {table: {head, rows}}; prose carries inline $…$, **bold** and `code`.

import * as maths from './maths.js';

export const lesson = {
  title: 'Limitations and advances',
  intro: [
    {p: 'Backpropagation computes the gradients exactly and efficiently, but training a network with ' +
      'them is not automatic: the learning rate and the optimizer have to be chosen, the weights ' +
      'initialized well, and the network kept from memorizing the data and from having its gradients ' +
      'vanish or explode. This lesson goes through those practical limitations and the techniques that ' +
      'were developed later to overcome them. Each part has an experiment beside it: all its numbers ' +
      'are computed by the same C++ core as in the previous lessons.'},
  ],
  parts: {
    optimizadores: {
      title: 'Learning rate and optimizers',
      blocks: [
        {p: 'Gradient descent takes steps $\\theta \\leftarrow \\theta - \\eta\\, \\nabla L(\\theta)$. ' +
          'The **learning rate** $\\eta$ decides how far each one goes:'},
        {list: [
          '**Too high**: the step jumps to the other side of the valley and the loss **oscillates**; a ' +
            'little higher and each jump lands higher than the one before: the loss **diverges** (grows ' +
            'without bound).',
          '**Too low**: each step is safe but tiny, and training is **slow**.',
        ]},
        {p: 'On a quadratic function $L = \\tfrac12 \\theta^\\top A \\theta$, gradient descent converges ' +
          'only if $\\eta < 2/\\lambda_{\\max}$, where $\\lambda_{\\max}$ is the largest eigenvalue of $A$ ' +
          '(the strongest curvature). When the curvatures are very different (a large **condition ' +
          'number** $\\lambda_{\\max}/\\lambda_{\\min}$), the $\\eta$ that the steep direction tolerates is ' +
          'tiny for the flat direction: descent zigzags across the valley and crawls along it.'},
        {p: '**Advanced optimizers.** They do not change backpropagation (the gradient is the same), but ' +
          'how it is used to update each parameter:'},
        {list: [
          '**Momentum** (SGD with momentum): accumulates an average of the previous gradients, ' +
            '$v \\leftarrow \\mu v + \\nabla L$, $\\theta \\leftarrow \\theta - \\eta v$. Components that ' +
            'change sign cancel out and those that repeat add up: less zigzag and more progress along the ' +
            'floor of the valley.',
          '**AdaGrad**: divides each parameter’s step by the square root of the sum of its squared ' +
            'gradients. Steep directions take shorter steps; but the sum only grows, and the step ' +
            'gradually dies out.',
          '**RMSprop**: like AdaGrad, but with a moving average of the squares, which forgets the past: ' +
            'the step does not die out.',
          '**Adam**: momentum (an average of the gradients) plus RMSprop’s scaling (an average of their ' +
            'squares), with a correction of the initial bias. Its authors present it as combining the ' +
            'advantages of AdaGrad and RMSprop.',
          '**Adadelta**: replaces $\\eta$ by the ratio of two moving averages (of the updates and of the ' +
            'squared gradients); PyTorch still multiplies by `lr`, which is 1 by default.',
          '**AdaMax**: the variant of Adam that scales by the maximum of the past gradients (the infinity ' +
            'norm) instead of the average of their squares.',
        ]},
        {p: 'These optimizers **do not adjust the learning rate** itself: $\\eta$ is still the one chosen, ' +
          'and one that is too large makes them oscillate or diverge too. What they adapt is the scale of ' +
          'each parameter’s step, from the history of its gradients.'},
        {p: 'In the experiment, click on the surface (or use the arrow keys) to choose the starting point, ' +
          'move $\\eta$ and compare. On the **Rosenbrock** surface the minimum lies at the bottom of a ' +
          'narrow, curved valley; at the **saddle point** the gradient vanishes without there being a ' +
          'minimum; the **network** is the loss of a small network as a function of two of its weights.'},
      ],
    },
    inicializacion: {
      title: 'Weight initialization',
      blocks: [
        {p: 'A bad initialization can prevent training. If all the weights of a layer start equal, all its ' +
          'neurons compute the same thing, get the same gradient and never become different: that is why ' +
          'weights are initialized **at random**. But the scale of the randomness matters.'},
        {p: 'In a layer with $n_{\\text{in}}$ inputs, $z = \\sum_j W_{ij} a_j$ adds up $n_{\\text{in}}$ ' +
          'terms: if the weights have variance $\\operatorname{Var}(W)$ and the inputs are independent and ' +
          'centered, $\\operatorname{Var}(z) \\approx n_{\\text{in}} \\operatorname{Var}(W) ' +
          '\\operatorname{Var}(a)$. Layer after layer, that factor multiplies:'},
        {list: [
          '**Small uniform**: the factor is less than 1; the activations shrink towards 0 layer by layer ' +
            'and, going backwards, so do the gradients: they **vanish**.',
          '**Large uniform**: the factor is greater than 1; with tanh or the sigmoid the neurons ' +
            "**saturate** ($f' \\approx 0$) and the gradient dies out too; with ReLU the activations and " +
            'the gradients **explode**.',
        ]},
        {p: '**Xavier (Glorot)** chooses $\\operatorname{Var}(W) = \\dfrac{2}{n_{\\text{in}} + n_{\\text{out}}}$ ' +
          '(uniform in $\\pm\\sqrt{6/(n_{\\text{in}} + n_{\\text{out}})}$), so that the variance is kept ' +
          'both forwards and backwards when the activation behaves like the identity near 0. That is what ' +
          '**tanh** does: $\\tanh(z) \\approx z$ and $\\tanh\'(0) = 1$. (The sigmoid is not centered on ' +
          'zero and its derivative is at most $0.25$: even with Xavier its gradients shrink layer by ' +
          'layer.)'},
        {p: '**He** chooses $\\operatorname{Var}(W) = \\dfrac{2}{n_{\\text{in}}}$ (uniform in ' +
          '$\\pm\\sqrt{6/n_{\\text{in}}}$): twice as much, because **ReLU** zeroes half of the inputs ' +
          '($z < 0$) and with them half of the variance. With Xavier, a deep ReLU network loses half of ' +
          'the signal in each layer; with He it keeps it.'},
        {p: 'The experiment passes a batch of inputs through a freshly initialized deep network and shows, ' +
          'layer by layer, the distribution of its activations and of its gradients (boxes from 25 % to ' +
          '75 %, whiskers from 5 % to 95 %, the median in the middle). Compare tanh with Xavier and ReLU ' +
          'with He.'},
      ],
    },
    sobreajuste: {
      title: 'Overfitting, dropout and early stopping',
      blocks: [
        {p: '**Overfitting**: the model learns the training data too well, noise included, and does not ' +
          'generalize to new data. It shows in the curves: the training loss keeps going down while the ' +
          '**validation** loss (on data the network does not learn from) stalls or goes up.'},
        {p: 'Ways to mitigate it:'},
        {list: [
          '**L2 regularization** (or L1): adds $\\tfrac12\\lambda_2 \\sum W^2$ (or ' +
            '$\\lambda_1 \\sum |W|$) to the loss, which favors small weights and smoother boundaries.',
          '**Dropout**: during training, each hidden neuron is “switched off” (its output set to 0) with ' +
            'probability $p$, and the others are scaled by $\\frac{1}{1-p}$ so that the mean does not ' +
            'change. The network cannot rely on any particular neuron. At evaluation (`model.eval()`) all ' +
            'of them are used, unscaled.',
          '**Early stopping**: the validation loss is measured during training, and training stops when ' +
            'it has gone a number of evaluations (the **patience**) without improving; the weights of the ' +
            'best point are kept.',
          '**Data augmentation**: more examples, or variations of the ones there are (rotating or cropping ' +
            'an image), so that the noise of a few weighs less.',
        ]},
      ],
    },
    normalizacion: {
      title: 'Batch normalization',
      blocks: [
        {p: '**Goal**: to speed up training and make it more stable, especially in deep networks.'},
        {p: '**Method**: in each layer, each neuron’s pre-activations are normalized with the mean ' +
          '$\\mu_B$ and the variance $\\sigma_B^2$ of the mini-batch, and then a scale $\\gamma$ and a ' +
          'shift $\\beta$, also learned, are applied to them:'},
        {math: maths.batchNorm},
        {p: 'At evaluation there is no mini-batch: moving averages of $\\mu_B$ and $\\sigma_B^2$ accumulated ' +
          'during training are used instead. A deep sigmoid network stops saturating, because its inputs ' +
          'come back close to 0 in every layer. Why it helps so much is still debated: the original ' +
          'explanation (“reducing internal covariate shift”) has been called into question, and another ' +
          'proposal is that it smooths the loss surface.'},
        {p: 'Backpropagation also goes through the normalization: $\\mu_B$ and $\\sigma_B^2$ depend on all ' +
          'the samples of the batch, so the gradient of one sample depends on the others.'},
      ],
    },
    relu: {
      title: 'ReLU and Leaky ReLU',
      blocks: [
        {p: '**ReLU** ($\\max(0, z)$) mitigates the vanishing gradient in deep networks: its derivative is ' +
          '$1$ for $z > 0$, instead of the sigmoid’s $0.25$ at most. In return, a neuron whose ' +
          'pre-activation is negative for every input has derivative 0 on all of them: it gets no gradient ' +
          'and its weights stop changing. It is a **dead** neuron: it revives only if changes in the ' +
          'earlier layers make its pre-activation positive again, and often that does not happen. A large ' +
          'learning rate or a very negative bias produces them.'},
        {p: '**Leaky ReLU** lets a small gradient through when the input is negative ($0.01\\,z$ for ' +
          '$z < 0$, PyTorch’s default slope): such a neuron never dies completely.'},
      ],
    },
  },
};
