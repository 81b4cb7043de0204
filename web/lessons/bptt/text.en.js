// Lesson 2 in English: the twin of ./text.js (the Spanish text, with its list of corrections to
// ../shared/seed/leccion-retropropagacion-bptt.md), with the same sections, blocks, step tags and
// formulas (./maths.js); only the prose, the \text{…} words and the code's comments and docstrings change.
// tests/web/lesson-texts-languages.test.js checks that the two match.
//
// Blocks: {p}, {math} (display TeX of ./maths.js), {list, ordered}, {code, lang}, {table: {head, rows}}.
// Prose carries inline $…$, **bold** and `code` (web/math.js richText). `steps` tags a block with
// the stepper steps it explains (docs/web.md, "Lesson 2"): rnn-forward, rnn-loss, s-grad, h-grad,
// r-grad, accumulate, naive, update.

import * as maths from './maths.js';
import {lossCode, autogradCode, compareCode} from './code.js';

const cellCode = `import torch

class RNNCell:
    """An RNN cell responsible for a single time step.

    It uses the sigmoid as f and as g, and has no biases (b = c = 0).
    For example, RNNCell(2, 4, 5): input 2, hidden state 4, output 5.

    Args:
        inp_sz (int): Size of the input.
        hid_sz (int): Size of the hidden state.
        out_sz (int): Size of the output.
    """
    def __init__(self, inp_sz, hid_sz, out_sz):
        self.inp_sz = inp_sz
        self.hid_sz = hid_sz
        self.out_sz = out_sz

        # U, V, W are the parameters, so we set requires_grad=True
        # to tell PyTorch that we need to compute their gradients
        self.U = torch.empty(hid_sz, inp_sz, requires_grad=True)
        self.V = torch.empty(hid_sz, hid_sz, requires_grad=True)
        self.W = torch.empty(out_sz, hid_sz, requires_grad=True)

        # These are the gradients on U, V and W that we will compute
        # by hand. We will also compare them with
        # the gradients computed by PyTorch to see whether our
        # gradient computation is correct.
        self.U_grad = torch.zeros_like(self.U)
        self.V_grad = torch.zeros_like(self.V)
        self.W_grad = torch.zeros_like(self.W)

        self.reset_parameters()

    def reset_parameters(self):
        """Initialize the parameters.

        The parameters are drawn from the uniform distribution U(-0.1, 0.1).
        """
        s = 0.1  # a larger value can make the gradients explode
        torch.nn.init.uniform_(self.U, -s, s)
        torch.nn.init.uniform_(self.V, -s, s)
        torch.nn.init.uniform_(self.W, -s, s)

    def zero_grad(self):
        """Set the gradients to zero"""
        self.U_grad.zero_()
        self.V_grad.zero_()
        self.W_grad.zero_()

    def forward(self, x, hp):
        """Perform the forward computation.

        Args:
            x (Tensor): Input at the current time step.
            hp (Tensor): Hidden state at the previous time step.

        Returns:
            Tensor: Output at the current time step.
            Tensor: Hidden state at the current time step.
        """
        _, h, _, y = self._get_internals(x, hp)
        return y, h

    def backward(self, y_grad, rn_grad, x, hp):
        """Perform the backward computation.

        Args:
            y_grad (Tensor): Gradient on the output at the current time step.
            rn_grad (Tensor): Gradient on the vector r at the next time step.
            x (Tensor): Input at the current time step that was passed to \`forward\`.
            hp (Tensor): Hidden state at the previous time step that was passed to \`forward\`.

        Returns:
            Tensor: Gradient on the vector r at the current time step.
        """
        # Get the internal vectors r, h and s from the forward computation
        r, h, s, _ = self._get_internals(x, hp)

        s_grad = y_grad * torch.sigmoid(s) * (1-torch.sigmoid(s))
        h_grad = self.W.t().matmul(s_grad) + self.V.t().matmul(rn_grad)
        r_grad = h_grad * torch.sigmoid(r) * (1-torch.sigmoid(r))

        # The parameters' gradients are accumulated
        self.U_grad += r_grad.view(-1, 1).matmul(x.view(1, -1))
        self.V_grad += r_grad.view(-1, 1).matmul(hp.view(1, -1))
        self.W_grad += s_grad.view(-1, 1).matmul(h.view(1, -1))

        return r_grad

    def _get_internals(self, x, hp):
        # These are the forward computations: r, h, s and y (f = g = sigmoid, no biases)
        r = self.U.matmul(x) + self.V.matmul(hp)
        h = torch.sigmoid(r)
        s = self.W.matmul(h)
        y = torch.sigmoid(s)

        return r, h, s, y`;

const rnnCode = `class RNN:
    def __init__(self, cell):
        self.cell = cell

    def forward(self, xs, h0):
        """Perform the forward computation for all the time steps.

        Args:
            xs (Tensor): 2-D tensor of inputs, one per time step. The
                first dimension is the number of time steps.
            h0 (Tensor): Initial hidden state.

        Returns:
            Tensor: 2-D tensor of outputs, one per time step. The first
                dimension is the number of time steps.
            Tensor: 2-D tensor of hidden states: \`h0\` and one per time
                step, so its first dimension is the number of time
                steps plus 1.
        """
        ys, hs = [], [h0]  # Start empty lists to store the outputs and the hidden states
        for x in xs:
            y, h = self.cell.forward(x, hs[-1])  # Compute the output and the next hidden state
            ys.append(y)  # Add the output to the list of outputs
            hs.append(h)  # Add the hidden state to the end of the list of hidden states
        return torch.stack(ys), torch.stack(hs)  # Stack the outputs and the hidden states into tensors

    def backward(self, ys_grad, xs, hs):
        """Perform the backward computation for all the time steps.

        Args:
            ys_grad (Tensor): 2-D tensor of the gradients on the outputs,
                one per time step. The first dimension is the number of
                time steps.
            xs (Tensor): 2-D tensor of inputs, one per time step, that
                was passed to \`forward\`.
            hs (Tensor): 2-D tensor of hidden states returned by
                \`forward\`.
        """
        # There is no time step T + 1: the gradient on its r is zero
        rn_grad = torch.zeros(self.cell.hid_sz)

        for y_grad, x, hp in reversed(list(zip(ys_grad, xs, hs))):
            rn_grad = self.cell.backward(y_grad, rn_grad, x, hp)  # Compute the gradient for each time step`;

const buildCode = `cell = RNNCell(2, 4, 5)  # input 2, hidden state 4, output 5
rnn = RNN(cell)`;

const dataCode = `xs = torch.rand(3, cell.inp_sz)   # 3 time steps
hp = torch.rand(cell.hid_sz)      # initial state h0
ts = torch.rand(3, cell.out_sz)   # targets`;

const forwardCode = `ys, hs = rnn.forward(xs, hp)
loss = compute_loss(ys, ts)
print(loss)  # in the lesson's run: tensor(0.6165, grad_fn=<MulBackward0>)`;

const manualCode = `# This comes from our sum-of-squares loss function
ys_grad = ys - ts

with torch.no_grad():  # needed so that PyTorch does not raise an error
    rnn.cell.zero_grad()
    rnn.backward(ys_grad, xs, hs)`;

// The gradients printed by the lesson's run (float32, PyTorch's unseeded random numbers), as
// PyTorch printed them; autograd's and the manual BPTT's were the same.
const columns = (n) => Array.from({length: n}, (_, j) => `$j = ${j + 1}$`);
const rowsOf = (values) => values.map((row, i) => [`$i = ${i + 1}$`, ...row]);

export const lesson = {
  title: 'Backpropagation through time (BPTT)',
  sections: [
    {
      id: 'introduccion',
      title: 'Introduction',
      blocks: [
        {p: 'In this lesson we explain the backpropagation through time algorithm (BPTT), a form of ' +
          'backpropagation used to train recurrent neural networks (RNNs). We show both the mathematical ' +
          'derivation and an implementation in code with PyTorch, which lets us compare the gradients ' +
          'computed automatically by PyTorch with the ones computed by hand.'},
        {p: 'Beside this text, the stepper computes each equation with real numbers on a ' +
          'sequence of $T$ time steps: first the forward pass, from $t = 1$ to $t = T$; then the backward ' +
          'pass, from $t = T$ to $t = 1$. As you step forward, the paragraph that explains each step is ' +
          'highlighted here.'},
      ],
    },
    {
      id: 'definicion',
      title: 'Mathematical definition of an RNN',
      blocks: [
        {p: 'First, let us define mathematically how an RNN works at each time step $t$.',
          steps: ['rnn-forward']},
        {p: 'Let $x_t \\in \\mathbb{R}^{d_x}$ be an input vector at time step $t$. An RNN of size $d_h$ ' +
          'computes its hidden state $h_t \\in \\mathbb{R}^{d_h}$, from the input $x_t$ and the previous ' +
          'hidden state $h_{t-1}$, as:', steps: ['rnn-forward']},
        {math: maths.state, steps: ['rnn-forward']},
        {p: 'where:', steps: ['rnn-forward']},
        {list: [
          '$U \\in \\mathbb{R}^{d_h \\times d_x}$ and $V \\in \\mathbb{R}^{d_h \\times d_h}$ are weight ' +
            'matrices: $U$ carries the input to the hidden state and $V$ the previous hidden state to the ' +
            'new one,',
          '$b \\in \\mathbb{R}^{d_h}$ is a bias vector,',
          '$r_t$ is the hidden state’s pre-activation (the $\\mathbf{z}$ of part one),',
          '$f$ is a non-linear activation function, applied element-wise, commonly the hyperbolic tangent ' +
            '($\\tanh$).',
        ], ordered: false, steps: ['rnn-forward']},
        {p: 'At the first step, $r_1$ needs an initial state $h_0$, which is given: often a vector of ' +
          'zeros (in the lesson’s code, random numbers).', steps: ['rnn-forward']},
        {p: 'The output vector $y_t \\in \\mathbb{R}^{d_o}$ is computed as:', steps: ['rnn-forward']},
        {math: maths.output, steps: ['rnn-forward']},
        {p: 'where:', steps: ['rnn-forward']},
        {list: [
          '$W \\in \\mathbb{R}^{d_o \\times d_h}$ is a weight matrix,',
          '$c \\in \\mathbb{R}^{d_o}$ is a bias vector,',
          '$g$ is an output function, such as softmax for classification tasks.',
        ], ordered: false, steps: ['rnn-forward']},
        {p: '**Note:** the parameters $U$, $V$, $W$, $b$ and $c$ are shared across all the time steps: ' +
          'there are no separate weight matrices for each time step. From one step to the next only the ' +
          'vectors change: $x_t$, $r_t$, $h_t$, $s_t$ and $y_t$.', steps: ['rnn-forward']},
        {p: 'In the lesson’s example, $d_x = 2$, $d_h = 4$ and $d_o = 5$, so $U$ is $4 \\times 2$, $V$ is ' +
          '$4 \\times 4$ and $W$ is $5 \\times 4$. Its code uses no biases ($b = c = 0$); on the page they ' +
          'are optional.'},
      ],
    },
    {
      id: 'activaciones',
      title: 'Activation functions',
      blocks: [
        {p: '**Hidden activation function ($f$):** the hyperbolic tangent ($\\tanh$) or the sigmoid ' +
          '($\\sigma$) is commonly used, for its ability to bring non-linearity into the model.'},
        {math: maths.stateActivations('or')},
        {p: "BPTT also needs its derivative $f'$, which is obtained from the output itself:"},
        {math: maths.activationDerivatives},
        {p: 'The page also offers ReLU, leaky ReLU (which lets a fraction $0.01$ of the negative values ' +
          "through) and the linear function (identity), with the derivatives of part one: $f'(r) = 1$ for " +
          '$r > 0$ and, for $r \\le 0$, $0$ (ReLU) or $0.01$ (leaky ReLU); the linear function has ' +
          "$f'(r) = 1$. With them $h_t$ is not bounded, as it is with tanh, in $(-1, 1)$, or with the " +
          'sigmoid, in $(0, 1)$.'},
        {p: '**Output function ($g$):** depends on the specific task. For example, for classification ' +
          'problems the softmax function is used:'},
        {math: maths.softmax},
        {p: 'Softmax turns $s_t$ into positive probabilities that add up to $1$. Each of its outputs ' +
          "depends on every component of $s_t$, so it has no element-wise derivative $g'$. For regression " +
          'the linear function is used, $g(s_t) = s_t$, and for outputs in $(0, 1)$, the sigmoid. The ' +
          'lesson’s code uses the sigmoid both as $f$ and as $g$. For $g$, the page offers softmax, ' +
          'sigmoid, linear and the other functions of $f$.'},
      ],
    },
    {
      id: 'perdida',
      title: 'The loss over time',
      blocks: [
        {p: 'To train an RNN, a loss function is defined that accumulates the differences between the ' +
          'predictions $y_t$ and the true labels $t_t$ (the targets; `ts` in the code) over all the time ' +
          'steps: the loss of the sequence is the sum of the losses of each step.', steps: ['rnn-loss']},
        {math: maths.lossOverTime, steps: ['rnn-loss']},
        {p: 'The lesson’s code uses half the sum of the squared errors (on the page, `half_sse`), summed ' +
          'over the time steps and over the outputs. Its derivative with respect to each output is simply ' +
          'the error:', steps: ['rnn-loss']},
        {math: maths.squaredLoss, steps: ['rnn-loss']},
        {p: 'For classification, with softmax as $g$, the cross-entropy is used, also summed over time:',
          steps: ['rnn-loss']},
        {math: maths.crossEntropy, steps: ['rnn-loss']},
        {p: 'Here the subscript $t$ is always the time step: $t_{t,i}$ is component $i$ of the target at ' +
          'step $t$. The page offers both losses (the “Classification” example uses softmax and ' +
          'cross-entropy); with several sequences, it averages the loss of each one. The stepper ' +
          'uses a single sequence, and its loss is exactly the one above.', steps: ['rnn-loss']},
      ],
    },
    {
      id: 'bptt',
      title: 'Backpropagation through time',
      blocks: [
        {p: 'Because of the recurrent nature of RNNs, the errors must be propagated backwards through all ' +
          'the time steps to update the parameters $U$, $V$, $W$, $b$ and $c$. This process is called ' +
          'backpropagation through time (BPTT).'},
        {p: 'The BPTT algorithm extends standard backpropagation by unrolling the RNN through time and ' +
          'applying backpropagation to this expanded structure. This makes it possible to compute the ' +
          'gradients of the loss function with respect to each of the network’s parameters, taking the ' +
          'temporal dependencies into account.'},
        {p: 'Unrolled over a sequence of $T$ steps, the RNN is a network of $T$ layers, one per time step, ' +
          'in which every layer uses the same $U$, $V$ and $W$. Each $h_t$ influences the loss along two ' +
          'paths: through its output $y_t$ and, if $t < T$, through the next step, $r_{t+1}$.'},
      ],
    },
    {
      id: 'proceso',
      title: 'How the algorithm works',
      blocks: [
        {p: 'Let $L$ be the loss of our RNN, which depends on all the outputs $y_1, \\dots, y_T$. One might ' +
          'try to derive the gradients of $U$, $V$, $W$ naively, by looking at a single time step $t$. For ' +
          'example, to compute the gradient on $W$:', steps: ['naive']},
        {math: maths.gradWChain, steps: ['naive']},
        {p: 'Since', steps: ['naive']},
        {math: maths.sByW('otherwise'), steps: ['naive']},
        {p: 'we have', steps: ['naive']},
        {math: maths.gradWComponent, steps: ['naive']},
        {p: 'To write it in matrix notation we use the **bar notation**: the bar denotes the gradient of ' +
          '$L$ with respect to the corresponding matrix or vector, that is, ' +
          '$\\overline{A}_{ij} = \\frac{\\partial L}{\\partial A_{ij}}$ and ' +
          '$\\overline{a}_i = \\frac{\\partial L}{\\partial a_i}$. Each $\\overline{A}$ has the same shape ' +
          'as $A$. So, in matrix notation:', steps: ['naive']},
        {math: maths.gradWStep, steps: ['naive']},
        {p: 'However, this is **wrong**. Since $W$ is shared across the time steps, it contributes to $s_t$ ' +
          'at every time step $t$, not just at one: $L$ depends on $W$ through $s_1, \\dots, s_T$. By the ' +
          'multivariable chain rule, which adds up the contributions of all the paths, computing the ' +
          'gradient means summing the gradients of all the time steps. The naive formula only gives the ' +
          'contribution of one step. In other words, what we need is:', steps: ['naive']},
        {math: maths.gradW, steps: ['naive', 'accumulate']},
        {p: 'On the page, the “naive” step shows $\\overline{s}_T h_T^{\\mathsf{T}}$ (the last step’s, the ' +
          'first one the backward pass computes) next to the correct sum: they agree only when $T = 1$.',
          steps: ['naive']},
        {p: 'The gradients on $U$ and $V$ can be computed in a similar way, that is', steps: ['accumulate']},
        {math: maths.gradUV, steps: ['accumulate']},
        {p: 'and, if there are biases, since $b$ is added into every $r_t$ and $c$ into every $s_t$:',
          steps: ['accumulate']},
        {math: maths.gradBiases, steps: ['accumulate']},
        {p: 'Each term of these sums has the form of a layer’s gradient in part one, ' +
          '$\\boldsymbol{\\delta}^{(l)} (\\mathbf{a}^{(l-1)})^{\\mathsf{T}}$: $\\overline{r}_t$ and ' +
          '$\\overline{s}_t$ play the role of $\\boldsymbol{\\delta}$. The $t = 1$ term of $\\overline{V}$ ' +
          'contains the initial state $h_0$. The stepper adds these terms up from $t = T$ to ' +
          '$t = 1$ and shows, at each step, what that step adds and the running sum. What remains is to ' +
          'compute $\\overline{r}_t$ and $\\overline{s}_t$.', steps: ['accumulate']},
      ],
    },
    {
      id: 'gradiente-preactivaciones',
      title: 'Gradients on the pre-activations',
      blocks: [
        {p: '**Gradient on $r_t$.** Since $f$ is applied element-wise, $(r_t)_i$ influences only ' +
          '$(h_t)_i$, and the gradient on $r_t$ is:', steps: ['r-grad']},
        {math: maths.rBarDerivation, steps: ['r-grad']},
        {p: 'Or, in vector notation', steps: ['r-grad']},
        {math: maths.rBar, steps: ['r-grad']},
        {p: 'where $\\circ$ is the element-wise product, as in part one. It needs $\\overline{h}_t$, which ' +
          'we compute below.', steps: ['r-grad']},
        {p: '**Gradient on $s_t$.** In a similar way, the gradient on $s_t$ can be shown to be',
          steps: ['s-grad']},
        {math: maths.sBar, steps: ['s-grad']},
        {p: 'where $\\overline{y}_t = \\frac{\\partial L}{\\partial y_t}$ comes from the loss: with ' +
          '`half_sse`, $\\overline{y}_t = y_t - t_t$ (the code’s `ys_grad = ys - ts`). Unlike ' +
          '$\\overline{h}_t$, $\\overline{s}_t$ depends only on step $t$.', steps: ['s-grad']},
        {p: 'This formula holds for an element-wise $g$ (sigmoid, tanh, linear…). Softmax is not one: with ' +
          'the cross-entropy, the two together give $\\overline{s}_t = y_t - t_t$ (when each $t_t$ adds up ' +
          'to $1$), and with another loss its full Jacobian must be used.', steps: ['s-grad']},
      ],
    },
    {
      id: 'gradiente-h',
      title: 'Gradient on the hidden state',
      blocks: [
        {p: '**Gradient on $h_t$.** Finally, we need to compute $\\overline{h}_t$. Notice that $h_t$ ' +
          'contributes to $s_t$ and, if $t$ is not the last time step, also to $r_{t+1}$. Therefore, if ' +
          '$T$ denotes the last time step, then', steps: ['h-grad']},
        {math: maths.hBarLastDerivation, steps: ['h-grad']},
        {p: 'and for $t < T$', steps: ['h-grad']},
        {math: maths.hBarDerivation, steps: ['h-grad']},
        {p: 'In matrix notation (and combining the two)', steps: ['h-grad']},
        {math: maths.hBar('if'), steps: ['h-grad']},
        {p: 'The first term is the path through the same step’s output; the second, the path through the ' +
          'next step. The page shows the two parts separately. It is the same idea as ' +
          '$\\boldsymbol{\\delta}^{(l)}$ in part one: the error travels back through the same weights that ' +
          'carried the signal forward, transposed. That is why the backward pass goes from $t = T$ to ' +
          '$t = 1$: $\\overline{h}_t$ needs $\\overline{r}_{t+1}$. If we take $\\overline{r}_{T+1} = 0$ ' +
          '(there is no step $T + 1$), the two formulas become one, and that is what the code does.',
          steps: ['h-grad']},
        {p: 'To sum up, the backward pass runs through $t = T, T-1, \\dots, 1$ and, starting from ' +
          '$\\overline{U} = \\overline{V} = \\overline{W} = 0$, at each step computes, in this order:',
          steps: ['s-grad', 'h-grad', 'r-grad', 'accumulate']},
        {math: maths.backwardStep, steps: ['s-grad', 'h-grad', 'r-grad', 'accumulate']},
        {p: '(and, with biases, $\\overline{b} \\leftarrow \\overline{b} + \\overline{r}_t$ and ' +
          '$\\overline{c} \\leftarrow \\overline{c} + \\overline{s}_t$).', steps: ['accumulate']},
        {p: '**Gradient on $h_0$.** The initial state influences the loss only through $r_1$ (it has no ' +
          'output of its own), so its gradient is the same formula for $t = 0$, without the first term:'},
        {math: maths.hBarInitial},
        {p: 'The page shows it too, although $h_0$ is not trained: it is given. It is the gradient that ' +
          'would have to be passed further back if $h_0$ came from another network. In the code below, it ' +
          'is `V.t().matmul(rn_grad)` with the `rn_grad` left when the loop of `RNN.backward` ends, which ' +
          'is $\\overline{r}_1$.'},
      ],
    },
    {
      id: 'actualizacion',
      title: 'Parameter update',
      blocks: [
        {p: 'BPTT computes the gradients; with them, gradient descent updates each shared parameter once ' +
          'per sequence, with its gradient summed over all the time steps:', steps: ['update']},
        {math: maths.update, steps: ['update']},
        {p: 'Where $\\eta$ is the learning rate and $\\overline{U} = \\frac{\\partial L}{\\partial U}$ (and ' +
          'likewise for the others). As in part one, all the gradients are computed before anything is ' +
          'updated, with the parameters of the forward pass. The initial state $h_0$ is not updated. The ' +
          'lesson’s code does not take this step: it only computes the gradients and compares them with ' +
          'PyTorch’s.', steps: ['update']},
      ],
    },
    {
      id: 'implementacion',
      title: 'Implementation in PyTorch',
      blocks: [
        {p: 'Implementing the forward computation is fairly straightforward. We start at time step 1 and compute ' +
          '$r_t$, $h_t$, $s_t$ and $y_t$, given the inputs $x_t$ and $h_{t-1}$, up to the last time step ' +
          '$T$. We start at time step 1 because, in the recurrence relation, computing $r_t$ needs ' +
          '$h_{t-1}$. So the previous time step must be completed first.', steps: ['rnn-forward']},
        {p: 'Implementing the backward computation is similar, but this time we start at the last time ' +
          'step $T$ and go back to the first. This is because, in the recurrence relation, we need ' +
          '$\\overline{r}_{t+1}$ to compute $\\overline{h}_t$. So the next time step must be completed ' +
          'first. Also, as we iterate, we need to accumulate the gradients on $U$, $V$ and $W$.',
          steps: ['h-grad', 'accumulate']},
        {p: 'First, we create a class `RNNCell`. This class is responsible for a single time step and has ' +
          'methods `forward` and `backward` that perform the forward and backward computations, ' +
          'respectively.'},
        {code: cellCode, lang: 'python'},
        {p: 'Each method follows the equations: `_get_internals` computes $r_t$, $h_t$, $s_t$ and $y_t$, and ' +
          '`backward` computes $\\overline{s}_t$ (`s_grad`), $\\overline{h}_t$ (`h_grad`) and ' +
          '$\\overline{r}_t$ (`r_grad`) and adds this step’s contribution to `U_grad`, `V_grad` and ' +
          '`W_grad`. Instead of storing the vectors of the forward pass, `backward` computes them again ' +
          'from `x` ($x_t$) and `hp` ($h_{t-1}$).'},
        {p: 'This cell fixes $f = g = \\sigma$ and has no biases: `_get_internals` uses `torch.sigmoid` for ' +
          'both functions, and `backward` writes out the sigmoid’s derivative by hand, ' +
          "$\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, in `s_grad` and in `r_grad`. If the activation " +
          'in `_get_internals` were changed without changing `backward`, the gradients would be wrong. ' +
          'The page’s core generalizes the cell: $f$ and $g$ are chosen among the functions above, ' +
          '$\\overline{s}_t$ and $\\overline{r}_t$ use the derivative of the chosen function (for ' +
          'softmax, its Jacobian), and the biases $b$ and $c$ are optional.'},
        {p: 'Now we create a class `RNN`. This class takes an `RNNCell` and is responsible for iterating ' +
          'over the time steps.'},
        {code: rnnCode, lang: 'python'},
        {p: '`backward` walks through the steps in reverse. `zip(ys_grad, xs, hs)` pairs $\\overline{y}_t$ ' +
          'and $x_t$ with $h_{t-1}$: `hs` starts with $h_0$ and has $T + 1$ rows, and `zip` stops at the ' +
          'shortest list. `rn_grad` is $\\overline{r}_{t+1}$: it starts at zero, because there is no step ' +
          '$T + 1$, and each call to `self.cell.backward` returns the $\\overline{r}_t$ that the step ' +
          'before needs.'},
        {p: 'Next, the loss function. Here we use a simple sum-of-squares loss: half the sum of the squared ' +
          'errors over all the time steps and all the outputs (`half_sse`).'},
        {code: lossCode, lang: 'python'},
        {p: 'Now we build our RNN. It will have an input size of 2, a hidden size of 4 and an output size ' +
          'of 5: `RNNCell(2, 4, 5)`, that is, $d_x = 2$, $d_h = 4$ and $d_o = 5$.'},
        {code: buildCode, lang: 'python'},
        {p: 'Then we create dummy inputs and targets for our RNN. We set the number of time steps to 3. ' +
          'The initial state $h_0$ (`hp`) is random too.'},
        {code: dataCode, lang: 'python'},
        {p: 'Next, we run the forward computation and compute the loss.'},
        {code: forwardCode, lang: 'python'},
        {p: 'The code sets no seed (`torch.manual_seed`): `torch.rand` and `reset_parameters` give other ' +
          'numbers on each run, so the loss and the gradients that follow are those of one particular run. ' +
          'The page’s default example, “The lesson’s RNN”, uses the same configuration (input 2, hidden ' +
          'state 4, output 5, sigmoid as $f$ and as $g$, no biases, `half_sse`, weights uniform in ' +
          '$(-0.1, 0.1)$ and 3 time steps) with its own numbers, fixed and generated from a seed, and ' +
          'computes in float64: its results will differ.'},
      ],
    },
    {
      id: 'comprobacion',
      title: 'Checking against autograd',
      blocks: [
        {p: 'Let us look at the gradients computed by PyTorch.'},
        {code: autogradCode, lang: 'python'},
        {p: 'Now let us run our backward computation and compare the result with PyTorch’s.'},
        {code: manualCode, lang: 'python'},
        {p: '`torch.no_grad()` keeps autograd from recording these operations: here we compute the ' +
          'gradients ourselves.'},
        {p: 'Now let us see whether our hand-computed gradients are correct, that is, whether they equal ' +
          'PyTorch’s.'},
        {code: compareCode, lang: 'python'},
        {p: 'This is what the lesson’s run printed (in float32 and with PyTorch’s own random numbers, ' +
          'unseeded; loss $0.6165$). Autograd (`U.grad`, `V.grad`, `W.grad`) and our BPTT (`U_grad`, ' +
          '`V_grad`, `W_grad`) printed exactly the same values. Row $i$, column $j$:'},
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
        {p: 'And they are equal! So our computation is indeed correct. The comparison is by eye, on the ' +
          'digits PyTorch prints; `torch.allclose(rnn.cell.U.grad, rnn.cell.U_grad)` would make it on all ' +
          'of them.'},
        {p: 'On the page, the “Gradient check” panel makes the same check without PyTorch: it compares ' +
          'each component of the BPTT gradients with a finite-difference estimate, ' +
          '$\\frac{L(w + \\varepsilon) - L(w - \\varepsilon)}{2\\varepsilon}$ with $\\varepsilon = 10^{-5}$, ' +
          'which only needs the loss (the forward pass), and shows the largest relative error. If BPTT had ' +
          'a bug, such as forgetting the term $V^{\\mathsf{T}} \\overline{r}_{t+1}$ or using the naive ' +
          'gradient, that error would be large.'},
      ],
    },
    {
      id: 'ejercicios',
      title: 'Exercises',
      blocks: [
        {p: '**Exercise 1: deriving BPTT by hand**'},
        {p: 'Given a simple RNN with one hidden layer and a sigmoid activation function, derive by hand the ' +
          'gradients for the parameters $U$, $V$ and $W$ with BPTT. Assume that the RNN has a single ' +
          'hidden unit and processes sequences of three time steps.'},
        {p: 'This case is one of the page’s examples, “Exercise 1: one hidden unit, three steps”: you can ' +
          'check your derivation against its numbers, step by step.'},
        {p: '**Exercise 2: implementing BPTT from scratch**'},
        {p: 'Implement a simple RNN in Python without deep learning libraries such as TensorFlow or ' +
          'PyTorch. Your RNN must have methods `forward` and `backward`, and must be able to process ' +
          'sequences of variable length.'},
        {p: '**Exercise 3: comparing gradients**'},
        {p: 'Use PyTorch to build a simple RNN and compare the gradients it computes automatically with ' +
          'the ones you derived by hand in exercise 1 or implemented in exercise 2.'},
        {p: '**Exercise 4: exploring exploding and vanishing gradients**'},
        {p: 'Modify the RNN implemented in exercise 2 to take input sequences of different lengths. ' +
          'Experiment with parameter initializations and observe how they affect the magnitude of the ' +
          'gradients during training.'},
        {p: '**Exercise 5: BPTT with different activation functions**'},
        {p: 'Implement several activation functions (ReLU, tanh, sigmoid) in your RNN of exercise 2. Train ' +
          'your model on a simple test data set (it can be generated synthetically) and compare how the ' +
          'choice of activation function affects performance.'},
      ],
    },
  ],
};
