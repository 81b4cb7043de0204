// Lesson 1 in English: the twin of ./text.js (the Spanish text, with its list of corrections to
// ../shared/seed/leccion-retropropagacion-bptt.md), with the same sections, blocks, step tags and
// formulas (./maths.js); only the prose, the \text{…} words and the code's comments and printed words change.
// tests/web/lesson-texts-languages.test.js checks that the two match.
//
// Blocks: {p}, {math} (display TeX of ./maths.js), {list, ordered}, {code, lang}, {table: {head, rows}}.
// Prose carries inline $…$, **bold** and `code` (web/math.js richText). `steps` tags a block with
// the stepper steps it explains: forward-z, forward-a, output, loss, delta-output, dW, db,
// delta-hidden, update.

import * as maths from './maths.js';
import {modelCode} from './code.js';

const trainingCode = `# A 2-2-2 network, as in the derivation
model = NeuralNetwork(num_inputs=2, num_hidden=2, num_outputs=2)

# Optimizer and loss function
optimizer = optim.SGD(model.parameters(), lr=0.5)
criterion = nn.MSELoss()  # mean of the squared errors over all the elements

# Training data
inputs = torch.tensor([[0.05, 0.1]], dtype=torch.float32)
targets = torch.tensor([[0.01, 0.99]], dtype=torch.float32)

# Training loop
for i in range(10000):
    model.zero_grad()           # Reset the gradients
    outputs = model(inputs)     # Forward pass
    loss = criterion(outputs, targets)  # Compute the loss
    loss.backward()             # Backward pass
    optimizer.step()            # Update the parameters

    if i % 1000 == 0:
        print(f'Epoch {i}, Loss: {loss.item()}')

# Validation on an example the network did not see during training
validation_inputs = torch.tensor([[0.1, 0.2]], dtype=torch.float32)
validation_targets = torch.tensor([[0.05, 0.95]], dtype=torch.float32)

# Evaluate the model in evaluation mode
model.eval()
with torch.no_grad():  # Turn off gradient computation
    validation_outputs = model(validation_inputs)
    validation_loss = criterion(validation_outputs, validation_targets)
    print(f'Validation loss: {validation_loss.item()}')`;

export const lesson = {
  title: 'Backpropagation',
  sections: [
    {
      id: 'introduccion',
      title: 'Introduction',
      blocks: [
        {p: 'In machine learning and artificial intelligence, artificial neural networks have become a ' +
          'fundamental tool for tackling complex problems of pattern recognition, classification and ' +
          'regression.'},
        {p: 'The backpropagation algorithm is one of the cornerstones of deep learning and of artificial ' +
          'neural networks. Popularized in 1986 by Rumelhart, Hinton and Williams (the idea of propagating ' +
          'derivatives backwards dates from the 1970s: Linnainmaa, 1970; Werbos, 1974), it made it possible ' +
          'to train neural networks with many layers, overcoming the limitations of earlier methods and ' +
          'opening the way to today’s advances in artificial intelligence.'},
        {p: 'Beside this text, the stepper computes each equation of one iteration with real ' +
          'numbers; as you step forward, the paragraph that explains it is highlighted here.'},
      ],
    },
    {
      id: 'neuronas',
      title: 'Artificial neurons',
      blocks: [
        {p: 'Before we look into the backpropagation algorithm, we need to understand the structure and the ' +
          'basic workings of an artificial neural network (ANN).'},
        {p: 'An artificial neuron is a processing unit that receives several inputs, computes their weighted ' +
          'sum plus a bias, and applies an activation function to that value to produce its output. ' +
          'Mathematically:'},
        {math: maths.neuron},
        {p: 'Where:'},
        {list: [
          '$x_i$ are the inputs.',
          '$w_i$ are the weights, one for each input.',
          '$b$ is the bias.',
          '$z$ is the pre-activation: the weighted sum plus the bias.',
          '$\\phi$ is the activation function.',
          '$a$ is the neuron’s output (its activation). We call it $a$ and not $y$ because $y$ is ' +
            'reserved for the target value.',
        ], ordered: false},
      ],
    },
    {
      id: 'capas',
      title: 'Layers and network architecture',
      blocks: [
        {list: [
          '**Input layer**: receives the input data. It has no weights and computes nothing: its output is ' +
            'the input itself, $\\mathbf{a}^{(0)} = \\mathbf{x}$.',
          '**Hidden layers**: process the information through interconnected neurons.',
          '**Output layer**: produces the prediction or final result, $\\hat{\\mathbf{y}}$.',
        ], ordered: false},
        {p: 'The network is built by connecting neurons in layers, where the output of one layer is the ' +
          'input of the next. In a fully connected network, each neuron of layer $l$ receives every output ' +
          'of layer $l-1$, so the whole layer is written with a matrix: if layer $l$ has $n_l$ neurons, ' +
          'its weights form a matrix $\\mathbf{W}^{(l)}$ of size $n_l \\times n_{l-1}$ (one row per ' +
          'neuron) and its biases a vector $\\mathbf{b}^{(l)}$ of size $n_l$.'},
        {p: 'We count the layers without the input layer: a network with one hidden layer and an output ' +
          'layer has $L = 2$ layers with weights. The network of this lesson is 2-2-2: two inputs, two ' +
          'hidden neurons and two outputs. The page allows one to three hidden layers.'},
      ],
    },
    {
      id: 'activaciones',
      title: 'Activation functions',
      blocks: [
        {p: 'Activation functions bring non-linearity into the network, so that it can learn complex ' +
          'relations between inputs and outputs: without them, a composition of linear layers would still ' +
          'be a linear function, equivalent to a single layer. Backpropagation also needs their derivative ' +
          "$f'$, which appears in every layer of the backward pass. Some common functions:"},
        {p: '**Sigmoid**: squashes any value into the interval $(0, 1)$. Its derivative is obtained from the ' +
          'output itself, without computing the exponential again.'},
        {math: maths.sigmoid},
        {p: '**ReLU (rectified linear unit)**: lets positive values through and sets negative ones to zero. ' +
          'It is not differentiable at $z = 0$; by convention (as in PyTorch) its derivative there is taken ' +
          'as $0$.'},
        {math: maths.relu},
        {p: '**tanh (hyperbolic tangent)**: like the sigmoid, but with its output in $(-1, 1)$, centered on ' +
          'zero.'},
        {math: maths.tanh},
        {p: '**Leaky ReLU**: a variant of ReLU that lets a small fraction (on the page, $0.01$) of the ' +
          'negative values through, so that its gradient is not exactly zero.'},
        {math: maths.leakyRelu},
        {p: '**Linear (identity)**: changes nothing. It is useful in the output layer when the network must ' +
          'predict unbounded values (regression); in a hidden layer it adds no non-linearity at all.'},
        {math: maths.linear},
        {p: '**Softmax** (output layer): turns the vector $\\mathbf{z}$ into positive probabilities that ' +
          'add up to $1$, to classify among several classes.'},
        {math: maths.softmax},
        {p: 'Unlike the functions above, each output of softmax depends on every component of ' +
          "$\\mathbf{z}$, so it has no element-wise derivative $f'$. It is used with the cross-entropy " +
          '$L = -\\sum_i y_i \\log \\hat{y}_i$, and together they give a very simple output error, ' +
          '$\\boldsymbol{\\delta} = \\hat{\\mathbf{y}} - \\mathbf{y}$ (when the targets add up to $1$). The ' +
          'page offers it for the output layer, with the cross-entropy as the loss.'},
      ],
    },
    {
      id: 'entrenamiento',
      title: 'The training problem',
      blocks: [
        {p: 'The goal of training is to adjust the network’s weights and biases so that the predictions ' +
          '$\\hat{y}$ come as close as possible to the target values $y$. This is done by minimizing a ' +
          'loss function $L(y, \\hat{y})$, which measures the error between the predictions and the ' +
          'targets.'},
        {p: '**The main challenge:**'},
        {list: [
          '**Parameter optimization**: finding the values of the weights and biases that minimize the ' +
            'loss function.',
          '**Gradient computation**: computing how the loss changes with respect to each parameter, in ' +
            'order to adjust the weights in the direction that reduces the error.',
        ], ordered: false},
      ],
    },
    {
      id: 'perdida',
      title: 'The loss function',
      blocks: [
        {p: 'The most common loss in regression is the **mean squared error** (MSE), the average of the ' +
          'squared errors:'},
        {math: maths.mse},
        {p: 'Here $n$ is the number of averaged **elements**. With a single output it equals the number of ' +
          'samples; but with $B$ samples of $n_y$ outputs each, PyTorch’s `nn.MSELoss` averages over the ' +
          '$n = B \\cdot n_y$ elements. Its derivative with respect to each prediction carries the factor ' +
          '$2/n$:'},
        {math: maths.mseDerivative},
        {p: 'The derivation in this lesson uses another loss, which the original text also called “MSE” ' +
          'although it is not: **half the sum of the squared errors** (on the page, `half_sse`). The ' +
          '$\\tfrac{1}{2}$ is there to cancel the 2 that comes out when the square is differentiated:'},
        {math: maths.halfSse},
        {p: 'The two differ only by a constant factor, $L_{\\text{MSE}} = \\tfrac{2}{n_y}\\,L$ ($n_y$ is ' +
          'the number of outputs), so they have the same minima; but the gradient, and with it the size of ' +
          'each descent step, is multiplied by that factor. In the lesson’s network (one sample and two ' +
          'outputs) the factor is $1$ and both are the same. The page offers both: `half_sse` (averaged ' +
          'over the samples when there are several) and `mse` (like `nn.MSELoss`, averaged over all the ' +
          'elements); for a softmax output, also the cross-entropy.'},
      ],
    },
    {
      id: 'algoritmo',
      title: 'The backpropagation algorithm',
      blocks: [
        {p: 'Backpropagation is an algorithm that efficiently computes the gradients of the loss function ' +
          'with respect to all the weights and biases of the neural network. It rests on the chain rule of ' +
          'differential calculus, and its gradients let optimization methods such as gradient descent ' +
          'update the parameters.'},
        {p: '**Steps of the algorithm:**'},
        {list: [
          '**Forward pass**: the inputs are propagated layer by layer through the network to obtain the ' +
            'predictions $\\hat{\\mathbf{y}}$, and the loss function $L(\\mathbf{y}, \\hat{\\mathbf{y}})$ ' +
            'is computed.',
          '**Backward pass**: the gradient of the loss with respect to the network’s outputs is computed; ' +
            'the chain rule carries it backwards through each layer, and with it the gradients with ' +
            'respect to the weights and biases are obtained.',
          '**Parameter update**: the weights and biases are updated by an optimization algorithm (e.g. ' +
            'gradient descent).',
        ], ordered: true},
        {p: 'Strictly speaking, backpropagation is step 2, the computation of the gradients; step 3 is the ' +
          'optimizer’s job, which may be gradient descent or another one (Adam, RMSprop…).'},
      ],
    },
    {
      id: 'regla-cadena',
      title: 'Mathematical foundations: the chain rule',
      blocks: [
        {p: 'The chain rule is a fundamental tool of differential calculus for computing the derivative of ' +
          'a composite function. If $y = f(u)$ and $u = g(x)$, then:'},
        {math: maths.chainRule},
        {p: 'When a variable influences the result along several paths, the contributions of all of them ' +
          'are added (the multivariable chain rule): if $y$ depends on $u_1, \\dots, u_m$ and each $u_i$ ' +
          'depends on $x$,'},
        {math: maths.multivariableChainRule},
        {p: '**Application to neural networks.** In a neural network, the loss depends on the weights and ' +
          'on the inputs through many composed functions, one per layer. Backpropagation uses the chain ' +
          'rule to compute the partial derivatives of the loss with respect to each parameter, starting ' +
          'at the output and reusing, in each layer, what was already computed for the next one.'},
      ],
    },
    {
      id: 'notacion',
      title: 'Detailed derivation: notation',
      blocks: [
        {p: 'Consider a simple neural network with one hidden layer and an output layer, like the one in ' +
          'the PyTorch code further down (2 inputs, 2 hidden neurons, 2 outputs, sigmoid in both layers). ' +
          'We work with a single example $(\\mathbf{x}, \\mathbf{y})$ and with column vectors.'},
        {p: '**Inputs and outputs:**'},
        {list: [
          '$\\mathbf{x} = \\mathbf{a}^{(0)} = [x_1, \\dots, x_{n_x}]^T$: the input vector ($n_x = 2$ in ' +
            'the example). Calling it $\\mathbf{a}^{(0)}$ as well lets us write every layer with the same ' +
            'formula.',
          '$\\mathbf{y} = [y_1, \\dots, y_{n_y}]^T$: the target vector ($n_y = 2$).',
          '$\\hat{\\mathbf{y}} = [\\hat{y}_1, \\dots, \\hat{y}_{n_y}]^T$: the network’s predictions.',
        ], ordered: false},
        {p: '**Weights and biases:**'},
        {list: [
          '$\\mathbf{W}^{(1)}$: the hidden layer’s weight matrix (size $n_h \\times n_x$).',
          '$\\mathbf{b}^{(1)}$: the hidden layer’s bias vector (size $n_h$).',
          '$\\mathbf{W}^{(2)}$: the output layer’s weight matrix (size $n_y \\times n_h$).',
          '$\\mathbf{b}^{(2)}$: the output layer’s bias vector (size $n_y$).',
          '$W^{(l)}_{ij}$ is the weight that connects neuron $j$ of layer $l-1$ to neuron $i$ of layer ' +
            '$l$ (row $i$, column $j$).',
        ], ordered: false},
        {p: '**Pre-activations and activations:**'},
        {list: [
          '$\\mathbf{z}^{(1)} = \\mathbf{W}^{(1)} \\mathbf{a}^{(0)} + \\mathbf{b}^{(1)}$: the inputs ' +
            '(pre-activations) of the hidden layer.',
          '$\\mathbf{a}^{(1)} = f(\\mathbf{z}^{(1)})$: the outputs of the hidden layer.',
          '$\\mathbf{z}^{(2)} = \\mathbf{W}^{(2)} \\mathbf{a}^{(1)} + \\mathbf{b}^{(2)}$: the inputs ' +
            '(pre-activations) of the output layer.',
          '$\\mathbf{a}^{(2)} = f(\\mathbf{z}^{(2)})$: the network’s outputs (the predictions ' +
            '$\\hat{\\mathbf{y}}$).',
        ], ordered: false},
        {p: 'We write $f$ for the activation function, applied element-wise; in the lesson’s network it is ' +
          'the sigmoid, $f = \\sigma$, in both layers. The page lets each layer have its own activation, ' +
          "and the formulas do not change: each layer’s $f$ and $f'$ are used. With more hidden layers, " +
          'layer $l$ ($l = 1, \\dots, L$) has its own $\\mathbf{W}^{(l)}$, $\\mathbf{b}^{(l)}$, ' +
          '$\\mathbf{z}^{(l)}$ and $\\mathbf{a}^{(l)}$, and the output is ' +
          '$\\hat{\\mathbf{y}} = \\mathbf{a}^{(L)}$.'},
        {p: 'The page’s “Classic 2-2-2 example (fixed weights)” uses this same data with known weights, so ' +
          'that every number can be checked by hand.'},
      ],
    },
    {
      id: 'paso-1',
      title: 'Phase 1: forward pass',
      blocks: [
        {p: '**1. Computing $\\mathbf{z}^{(1)}$**, from the input $\\mathbf{a}^{(0)} = \\mathbf{x}$:',
          steps: ['forward-z']},
        {math: maths.forwardZ1, steps: ['forward-z']},
        {p: '**2. Computing $\\mathbf{a}^{(1)}$**', steps: ['forward-a']},
        {math: maths.forwardA1('in the lesson'), steps: ['forward-a']},
        {p: '**3. Computing $\\mathbf{z}^{(2)}$**', steps: ['forward-z']},
        {math: maths.forwardZ2, steps: ['forward-z']},
        {p: '**4. Computing the predictions $\\hat{\\mathbf{y}}$**', steps: ['output']},
        {math: maths.forwardOutput, steps: ['output']},
        {p: '**5. Computing the loss $L$**, with half the sum of the squared errors (`half_sse`):',
          steps: ['loss']},
        {math: maths.loss, steps: ['loss']},
        {p: 'With `nn.MSELoss` it would be $L_{\\text{MSE}} = \\frac{1}{n_y} \\sum_{i=1}^{n_y} (y_i - \\hat{y}_i)^2$. ' +
          'With several samples, the page averages the loss of each one.', steps: ['loss']},
        {p: 'In general, for a network of $L$ layers, the forward pass repeats the same two operations in ' +
          'every layer:', steps: ['forward-z', 'forward-a', 'output']},
        {math: maths.forwardGeneral, steps: ['forward-z', 'forward-a', 'output']},
        {p: 'Every $\\mathbf{z}^{(l)}$ and $\\mathbf{a}^{(l)}$ is kept: the backward pass needs them.'},
      ],
    },
    {
      id: 'paso-2',
      title: 'Phase 2: backward pass',
      blocks: [
        {p: 'The goal is to compute $\\frac{\\partial L}{\\partial \\mathbf{W}^{(1)}}$, ' +
          '$\\frac{\\partial L}{\\partial \\mathbf{b}^{(1)}}$, $\\frac{\\partial L}{\\partial \\mathbf{W}^{(2)}}$ ' +
          'and $\\frac{\\partial L}{\\partial \\mathbf{b}^{(2)}}$, each with the shape of its parameter. The ' +
          'key piece is each layer’s **error**, $\\boldsymbol{\\delta}^{(l)} = ' +
          '\\frac{\\partial L}{\\partial \\mathbf{z}^{(l)}}$, the derivative of the loss with respect to ' +
          'its pre-activation, which is computed from the output back towards the input.'},
        {p: '**1. Gradient in the output layer**'},
        {p: '**Error at the output ($\\boldsymbol{\\delta}^{(2)}$):**', steps: ['delta-output']},
        {math: maths.deltaOutput, steps: ['delta-output']},
        {p: "Where $\\circ$ denotes the element-wise product and $f'$ is the derivative of the activation " +
          'function. For the sigmoid,', steps: ['delta-output']},
        {math: maths.sigmoidDerivativeAtOutput('so'), steps: ['delta-output']},
        {p: 'The factor $\\hat{\\mathbf{y}} - \\mathbf{y}$ is $\\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}}$ ' +
          'for `half_sse`; with `mse` (`nn.MSELoss`) it is $\\tfrac{2}{n}(\\hat{\\mathbf{y}} - \\mathbf{y})$, ' +
          'and with softmax and cross-entropy the whole error is $\\boldsymbol{\\delta}^{(L)} = ' +
          "\\hat{\\mathbf{y}} - \\mathbf{y}$, with no factor $f'$.", steps: ['delta-output']},
        {p: '**Gradient of the output layer’s weights and biases:**', steps: ['dW', 'db']},
        {math: maths.gradW2, steps: ['dW']},
        {math: maths.gradB2, steps: ['db']},
        {p: 'The product $\\boldsymbol{\\delta}^{(2)} (\\mathbf{a}^{(1)})^T$ is an outer product: an ' +
          '$n_y \\times n_h$ matrix, of the same shape as $\\mathbf{W}^{(2)}$, whose entry $(i, j)$ is ' +
          '$\\delta^{(2)}_i a^{(1)}_j$.', steps: ['dW']},
        {p: '**2. Gradient in the hidden layer**'},
        {p: '**Error in the hidden layer ($\\boldsymbol{\\delta}^{(1)}$):** the output error travels back to ' +
          'the hidden layer through the same weights that carried the signal forward, transposed:',
          steps: ['delta-hidden']},
        {math: maths.deltaHidden, steps: ['delta-hidden']},
        {p: 'The parentheses give the order: first the matrix-vector product ' +
          '$(\\mathbf{W}^{(2)})^T \\boldsymbol{\\delta}^{(2)} = \\frac{\\partial L}{\\partial \\mathbf{a}^{(1)}}$, ' +
          "then the element-wise product with $f'(\\mathbf{z}^{(1)})$.", steps: ['delta-hidden']},
        {p: '**Gradient of the hidden layer’s weights and biases:**', steps: ['dW', 'db']},
        {math: maths.gradW1, steps: ['dW']},
        {math: maths.gradB1, steps: ['db']},
        {p: 'In general, for a network of $L$ layers:', steps: ['delta-output', 'delta-hidden', 'dW', 'db']},
        {math: maths.backwardGeneral, steps: ['delta-output', 'delta-hidden', 'dW', 'db']},
        {p: 'With several samples, the page’s loss is an average, and the gradients are the average of ' +
          'each sample’s gradients.'},
      ],
    },
    {
      id: 'paso-3',
      title: 'Phase 3: parameter update',
      blocks: [
        {p: 'With gradient descent, the parameters of each layer $l$ are updated by taking a step in the ' +
          'direction opposite to their gradient:', steps: ['update']},
        {p: '**Weights:**', steps: ['update']},
        {math: maths.updateW, steps: ['update']},
        {p: '**Biases:**', steps: ['update']},
        {math: maths.updateB, steps: ['update']},
        {p: 'Where $\\eta$ is the learning rate (`lr` in PyTorch; $0.5$ in the lesson’s code). The arrow ' +
          '$\\leftarrow$ means assignment: the new value replaces the old one. All the gradients are ' +
          'computed before anything is updated: $\\boldsymbol{\\delta}^{(1)}$ uses $\\mathbf{W}^{(2)}$ as ' +
          'it was in the forward pass.', steps: ['update']},
      ],
    },
    {
      id: 'derivacion',
      title: 'Derivation of the backpropagation equations',
      blocks: [
        {p: '**1. Computing $\\boldsymbol{\\delta}^{(2)}$**', steps: ['delta-output']},
        {p: 'The derivative of the loss with respect to $z^{(2)}_i$: since the activation is applied ' +
          'element-wise, $z^{(2)}_i$ influences the loss only through $\\hat{y}_i$:', steps: ['delta-output']},
        {math: maths.deltaOutputChain, steps: ['delta-output']},
        {p: 'Given that (differentiating $\\tfrac{1}{2}(y_i - \\hat{y}_i)^2$, the only term of $L$ that ' +
          'contains $\\hat{y}_i$):', steps: ['delta-output']},
        {math: maths.lossByOutput, steps: ['delta-output']},
        {p: 'And:', steps: ['delta-output']},
        {math: maths.outputByZ, steps: ['delta-output']},
        {p: 'Then:', steps: ['delta-output']},
        {math: maths.deltaOutputComponent, steps: ['delta-output']},
        {p: 'which, for the whole vector, is $\\boldsymbol{\\delta}^{(2)} = (\\hat{\\mathbf{y}} - \\mathbf{y}) ' +
          "\\circ f'(\\mathbf{z}^{(2)})$.", steps: ['delta-output']},
        {p: '**2. Gradients of the weights and biases**', steps: ['dW', 'db']},
        {p: 'The weight $W^{(l)}_{ij}$ and the bias $b^{(l)}_i$ appear only in ' +
          '$z^{(l)}_i = \\sum_k W^{(l)}_{ik} a^{(l-1)}_k + b^{(l)}_i$, so:', steps: ['dW', 'db']},
        {math: maths.gradWComponent, steps: ['dW', 'db']},
        {p: 'Gathered into a matrix, the entries $\\delta^{(l)}_i a^{(l-1)}_j$ form the outer product ' +
          '$\\boldsymbol{\\delta}^{(l)} (\\mathbf{a}^{(l-1)})^T$.', steps: ['dW']},
        {p: '**3. Computing $\\boldsymbol{\\delta}^{(1)}$**', steps: ['delta-hidden']},
        {p: 'For each neuron $j$ of the hidden layer, $z^{(1)}_j$ influences the loss through $a^{(1)}_j$, ' +
          'which in turn reaches every output pre-activation $z^{(2)}_i$; by the multivariable chain rule, ' +
          'all those paths are added:', steps: ['delta-hidden']},
        {math: maths.deltaHiddenChain, steps: ['delta-hidden']},
        {p: 'Given that:', steps: ['delta-hidden']},
        {math: maths.zByHiddenActivation, steps: ['delta-hidden']},
        {p: 'And:', steps: ['delta-hidden']},
        {math: maths.hiddenActivationByZ, steps: ['delta-hidden']},
        {p: 'Then:', steps: ['delta-hidden']},
        {math: maths.deltaHiddenComponent, steps: ['delta-hidden']},
        {p: 'The sum $\\sum_i \\delta^{(2)}_i W^{(2)}_{ij}$ runs down column $j$ of $\\mathbf{W}^{(2)}$: it ' +
          'is component $j$ of $(\\mathbf{W}^{(2)})^T \\boldsymbol{\\delta}^{(2)}$, which gives the vector ' +
          'form of Phase 2. The same reasoning, layer by layer, gives $\\boldsymbol{\\delta}^{(l)}$ for any ' +
          'hidden layer.', steps: ['delta-hidden']},
      ],
    },
    {
      id: 'intuicion',
      title: 'An intuitive reading of the algorithm',
      blocks: [
        {list: [
          '**Error propagation**: the errors travel from the output layer back to the earlier layers, ' +
            'adjusting each layer’s weights to reduce the error at the output.',
          '**Use of the chain rule**: it breaks the global gradient down into local gradients (each layer ' +
            "only needs its own $f'$, its weights and the $\\boldsymbol{\\delta}$ that reaches it), which " +
            'makes computing derivatives in deep networks manageable.',
          '**Efficiency**: each $\\boldsymbol{\\delta}^{(l)}$ is computed only once and serves both for its ' +
            'layer’s gradients and for the $\\boldsymbol{\\delta}$ of the layer before; that is why the ' +
            'backward pass costs about as much as the forward pass, instead of differentiating the loss ' +
            'separately with respect to each weight.',
          '**Each weight’s responsibility**: $\\frac{\\partial L}{\\partial W^{(l)}_{ij}} = \\delta^{(l)}_i ' +
            'a^{(l-1)}_j$ is large when the destination neuron has a large error and the source neuron is ' +
            'very active; if $a^{(l-1)}_j = 0$, that weight does not change with this example.',
          '**Incremental update**: the weights are updated in small increments, moving in the direction ' +
            'that reduces the loss.',
        ], ordered: false},
      ],
    },
    {
      id: 'sigmoide',
      title: 'Considerations about the sigmoid activation function',
      blocks: [
        {p: 'Although the sigmoid is popular for its probabilistic interpretation and its output in the ' +
          'range $(0, 1)$, it raises some difficulties:'},
        {list: [
          "**Vanishing gradient**: for extreme values of $z$ the sigmoid saturates and $\\sigma'(z)$ gets " +
            "close to zero, which can slow learning down. Moreover, $\\sigma'(z) \\le 0.25$ (its maximum, " +
            'at $z = 0$): each sigmoid layer multiplies the error passing backwards by a factor of at most ' +
            '$0.25$ (besides the weights), so in deep networks the $\\boldsymbol{\\delta}$ of the first ' +
            'layers can become tiny.',
          '**Output not centered on zero**: the sigmoid’s output is always positive. Since ' +
            '$\\frac{\\partial L}{\\partial W^{(l)}_{ij}} = \\delta^{(l)}_i a^{(l-1)}_j$ with ' +
            '$a^{(l-1)}_j > 0$, on each example all the weights that reach one neuron get gradients of the ' +
            'same sign, which forces a zigzag path and can affect the training dynamics.',
        ], ordered: false},
        {p: 'Alternatives such as ReLU, or zero-centered activation functions such as tanh, can mitigate ' +
          'these problems.'},
      ],
    },
    {
      id: 'pytorch',
      title: 'Implementing the algorithm in PyTorch',
      blocks: [
        {p: 'PyTorch makes implementing backpropagation easy with its `autograd` module, which automates ' +
          'the computation of gradients.'},
        {p: '**1. Defining the model.** With `nn.Module`, the layers and the activation functions are ' +
          'defined. Each `nn.Linear(n_in, n_out)` holds a weight, `weight`, of shape ' +
          '$n_{\\text{out}} \\times n_{\\text{in}}$ (our $\\mathbf{W}^{(l)}$), and a bias, `bias` (our ' +
          '$\\mathbf{b}^{(l)}$): `hidden_layer` is layer 1 and `output_layer` layer 2. PyTorch stores one ' +
          'example per row and computes $\\mathbf{x}\\mathbf{W}^T + \\mathbf{b}$, which is the same ' +
          'operation as $\\mathbf{W}\\mathbf{x} + \\mathbf{b}$ with column vectors.'},
        {code: modelCode, lang: 'python'},
        {p: '**2. The training process.** Each iteration of the loop goes through the three steps:'},
        {list: [
          '**Forward pass** (Phase 1): `outputs = model(inputs)`',
          '**Computing the loss**: `loss = criterion(outputs, targets)`',
          '**Backpropagation** (Phase 2): `loss.backward()`',
          '**Parameter update** (Phase 3): `optimizer.step()`; with `optim.SGD` it is ' +
            '$\\mathbf{W} \\leftarrow \\mathbf{W} - \\eta\\, \\frac{\\partial L}{\\partial \\mathbf{W}}$.',
        ], ordered: false},
        {p: 'Before that, `model.zero_grad()` sets the gradients to zero, because PyTorch accumulates them ' +
          '(adds them up) on every call to `backward()`.'},
        {p: '**3. Automatic gradients.** PyTorch records the operations on tensors automatically and ' +
          'computes the gradients needed during `loss.backward()`. It leaves them in each parameter’s ' +
          '`.grad` attribute: for example, `model.output_layer.weight.grad` is ' +
          '$\\frac{\\partial L}{\\partial \\mathbf{W}^{(2)}}$.'},
        {p: 'The full program trains the 2-2-2 network on a single example, $\\mathbf{x} = [0.05, 0.1]^T$ and ' +
          '$\\mathbf{y} = [0.01, 0.99]^T$, for 10,000 iterations of gradient descent with ' +
          '$\\eta = 0.5$; since the data set has a single example, each iteration is one epoch. At the end ' +
          'it evaluates the network on a validation example:'},
        {code: trainingCode, lang: 'python'},
        {p: 'This is what the lesson’s run printed (in float32 and with PyTorch’s own random ' +
          'initialization). Each epoch’s loss is the one computed before the parameters are updated in ' +
          'that iteration:'},
        {table: {
          head: ['Epoch', 'Loss'],
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
            ['Validation', '0.0014848790597170591'],
          ],
        }},
        {p: 'The code sets no seed (`torch.manual_seed`), so each run starts from other weights and prints ' +
          'other numbers. On the page, “The lesson’s PyTorch code” (under “Load an example”) reproduces ' +
          'this program: the same 2-2-2 network with sigmoids, the same data, `nn.MSELoss`, SGD with ' +
          '$\\eta = 0.5$ and a PyTorch-style random initialization (weights and biases uniform in ' +
          '$\\pm 1/\\sqrt{n_{\\text{in}}}$, like `nn.Linear`) from a seed, computing in float64. Its numbers ' +
          'will differ, but the loss should fall in a similar way. Since there is one sample and two ' +
          'outputs here, `nn.MSELoss` equals $\\tfrac{1}{2}\\sum_i (y_i - \\hat{y}_i)^2$: the same loss and ' +
          'the same gradients as the derivation.'},
      ],
    },
    {
      id: 'limitaciones',
      title: 'Limitations and practical considerations',
      blocks: [
        {p: '**1. Learning rate**'},
        {list: [
          '**Choosing it well**: a learning rate that is too high can cause oscillations or divergence; one ' +
            'that is too low can slow learning down.',
          '**Adaptive algorithms**: optimizers such as Adam or RMSprop adapt the step size of each ' +
            'parameter during training, from the history of its gradients.',
        ], ordered: false},
        {p: '**2. Overfitting**'},
        {list: [
          '**Definition**: the model learns the training data too well (noise included) and does not ' +
            'generalize to new data.',
          '**Mitigation**: regularization (L2, L1), early stopping or data augmentation.',
        ], ordered: false},
        {p: '**3. Weight initialization**'},
        {list: [
          '**Why it matters**: a bad initialization can make training hard. Weights that are too large ' +
            "saturate the sigmoids ($f' \\approx 0$) and weights that are too small fade the signal out; " +
            'if all the weights of a layer start equal, all its neurons get the same gradient and never ' +
            'become different. That is why weights are initialised at random.',
          '**Strategies**: random initialization with distributions scaled by the number of inputs (and ' +
            'outputs) of the layer, such as Xavier (Glorot) initialization, designed for sigmoid and tanh, ' +
            'or He initialization, designed for ReLU. `nn.Linear` uses a uniform distribution in ' +
            '$\\pm 1/\\sqrt{n_{\\text{in}}}$ by default.',
        ], ordered: false},
        {p: '**4. Alternative activation functions**'},
        {list: [
          '**ReLU**: mitigates the vanishing gradient in deep networks, because its derivative is $1$ for ' +
            '$z > 0$; in return, a neuron whose pre-activation is always negative stops learning (a ' +
            '“dead” ReLU).',
          '**Leaky ReLU**: a variant that allows a small gradient when the input is negative.',
        ], ordered: false},
      ],
    },
    {
      id: 'avances',
      title: 'Advances after the backpropagation algorithm',
      blocks: [
        {p: 'Although backpropagation is still the standard method for computing the gradients that neural ' +
          'networks are trained with, techniques and improvements have been developed that complement ' +
          'it:'},
        {p: '**1. Batch normalization**'},
        {list: [
          '**Goal**: to speed up training and make it more stable.',
          '**Method**: normalize each layer’s activations (or pre-activations) with the mean and variance ' +
            'of the mini-batch, then apply a scale and a shift that are learned too. At evaluation, means ' +
            'accumulated during training are used.',
        ], ordered: false},
        {p: '**2. Dropout**'},
        {list: [
          '**Goal**: to prevent overfitting.',
          '**Method**: during training, neurons are randomly “switched off” (their output is set to zero ' +
            'with probability $p$ and the others are scaled by $\\frac{1}{1-p}$); at evaluation ' +
            '(`model.eval()`) all of them are used.',
        ], ordered: false},
        {p: '**3. Advanced optimizers**'},
        {list: [
          '**Momentum**: accumulates an average of the previous gradients, which smooths and speeds up the ' +
            'descent.',
          '**Adam**: combines momentum with RMSprop’s adaptive scaling; its authors present it as combining ' +
            'the advantages of AdaGrad and RMSprop.',
          '**Adadelta, AdaMax**: adapt the learning rate based on the history of the gradients (AdaMax is a ' +
            'variant of Adam).',
        ], ordered: false},
      ],
    },
    {
      id: 'ejercicios',
      title: 'Exercises',
      blocks: [
        {p: '**Exercise 1: implementing backpropagation by hand**'},
        {p: 'Build a simple neural network (for example, one with a single hidden layer) from scratch in ' +
          'Python. Implement the backpropagation algorithm by hand to update the network’s weights. Use ' +
          'this network to train a model that classifies points into two classes by their position in a 2D ' +
          'plane. Generate synthetic data that is linearly separable.'},
        {p: '**Exercise 2: comparing activation functions**'},
        {p: 'Modify the network of exercise 1 to try different activation functions (ReLU, sigmoid, tanh) ' +
          'in the hidden layer. Compare how training performs with each activation function. Watch how the ' +
          'speed of convergence changes and whether some configuration is particularly prone to problems ' +
          'such as vanishing or exploding gradients.'},
        {p: '**Exercise 3: backpropagation with regularization**'},
        {p: 'Add L2 (ridge) or L1 (lasso) regularization to the neural network you built in exercise 1. ' +
          'Train the network on a more complex data set that introduces some noise and see whether ' +
          'regularization helps the model generalize better.'},
        {p: '**Exercise 4: experimenting with batch sizes**'},
        {p: 'Implement backpropagation with different batch sizes: from stochastic gradient descent (one ' +
          'example at a time) to batch gradient descent (the whole data set at once). Analyze how the ' +
          'stability and the speed of convergence of training change with the different batch sizes. ' +
          'Consider plotting the decrease of the loss over the iterations for each batch-size ' +
          'configuration.'},
        {p: '**Exercise 5: hyperparameter optimization**'},
        {p: 'Take the neural network of exercise 1 and experiment with different learning rates and ' +
          'numbers of training epochs. Implement a grid search or a random search to find the best ' +
          'combination of learning rate and number of epochs. Evaluate the model’s performance on a ' +
          'validation set to determine the best hyperparameter configuration.'},
      ],
    },
  ],
};
