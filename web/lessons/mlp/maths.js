// Lesson 1's display formulas by name, written once for both texts (./text.js in Spanish,
// ./text.en.js in English). A formula with words in it (\text{…}) takes them in the text's
// language. tests/web/lesson-texts-languages.test.js checks that every display formula comes
// from here.

// Display TeX is written raw so that backslashes stay single.
const tex = String.raw;

export const neuron = tex`a = \phi\left(\sum_{i=1}^{n} w_i x_i + b\right) = \phi(z), \qquad z = \sum_{i=1}^{n} w_i x_i + b`;
export const sigmoid = tex`\sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)`;
export const relu = tex`\operatorname{ReLU}(z) = \max(0, z), \qquad \operatorname{ReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}`;
export const tanh = tex`\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}, \qquad \tanh'(z) = 1 - \tanh^2(z)`;
export const leakyRelu = tex`\operatorname{LeakyReLU}(z) = \begin{cases} z & z > 0 \\ 0.01\,z & z \le 0 \end{cases}, \qquad \operatorname{LeakyReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0.01 & z \le 0 \end{cases}`;
export const linear = tex`f(z) = z, \qquad f'(z) = 1`;
export const softmax = tex`\hat{y}_i = \operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{k} e^{z_k}}`;
export const mse = tex`L_{\text{MSE}}(\mathbf{y}, \hat{\mathbf{y}}) = \frac{1}{n} \sum_{i=1}^{n} (y_i - \hat{y}_i)^2`;
export const mseDerivative = tex`\frac{\partial L_{\text{MSE}}}{\partial \hat{y}_i} = \frac{2}{n}\,(\hat{y}_i - y_i)`;
export const halfSse = tex`L = \frac{1}{2} \sum_{i=1}^{n_y} (y_i - \hat{y}_i)^2, \qquad \frac{\partial L}{\partial \hat{y}_i} = \hat{y}_i - y_i`;
export const chainRule = tex`\frac{dy}{dx} = \frac{dy}{du} \cdot \frac{du}{dx}`;
export const multivariableChainRule = tex`\frac{\partial y}{\partial x} = \sum_{i=1}^{m} \frac{\partial y}{\partial u_i}\,\frac{\partial u_i}{\partial x}`;
export const forwardZ1 = tex`\mathbf{z}^{(1)} = \mathbf{W}^{(1)} \mathbf{a}^{(0)} + \mathbf{b}^{(1)}`;
export const forwardA1 = (inTheLesson) => tex`\mathbf{a}^{(1)} = f(\mathbf{z}^{(1)}) \qquad (\text{${inTheLesson}, } f = \sigma)`;
export const forwardZ2 = tex`\mathbf{z}^{(2)} = \mathbf{W}^{(2)} \mathbf{a}^{(1)} + \mathbf{b}^{(2)}`;
export const forwardOutput = tex`\hat{\mathbf{y}} = \mathbf{a}^{(2)} = f(\mathbf{z}^{(2)})`;
export const loss = tex`L = \frac{1}{2} \sum_{i=1}^{n_y} (y_i - \hat{y}_i)^2`;
export const forwardGeneral = tex`\begin{aligned} \mathbf{z}^{(l)} &= \mathbf{W}^{(l)} \mathbf{a}^{(l-1)} + \mathbf{b}^{(l)} \\ \mathbf{a}^{(l)} &= f(\mathbf{z}^{(l)}) \end{aligned} \qquad l = 1, \dots, L, \qquad \hat{\mathbf{y}} = \mathbf{a}^{(L)}`;
export const deltaOutput = tex`\boldsymbol{\delta}^{(2)} = \frac{\partial L}{\partial \mathbf{z}^{(2)}} = (\hat{\mathbf{y}} - \mathbf{y}) \circ f'(\mathbf{z}^{(2)})`;
export const sigmoidDerivativeAtOutput = (so) => tex`\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr), \qquad \text{${so}} \qquad \sigma'(\mathbf{z}^{(2)}) = \hat{\mathbf{y}} \circ (\mathbf{1} - \hat{\mathbf{y}})`;
export const gradW2 = tex`\frac{\partial L}{\partial \mathbf{W}^{(2)}} = \boldsymbol{\delta}^{(2)} (\mathbf{a}^{(1)})^T`;
export const gradB2 = tex`\frac{\partial L}{\partial \mathbf{b}^{(2)}} = \boldsymbol{\delta}^{(2)}`;
export const deltaHidden = tex`\boldsymbol{\delta}^{(1)} = \bigl((\mathbf{W}^{(2)})^T \boldsymbol{\delta}^{(2)}\bigr) \circ f'(\mathbf{z}^{(1)})`;
export const gradW1 = tex`\frac{\partial L}{\partial \mathbf{W}^{(1)}} = \boldsymbol{\delta}^{(1)} (\mathbf{a}^{(0)})^T = \boldsymbol{\delta}^{(1)} \mathbf{x}^T`;
export const gradB1 = tex`\frac{\partial L}{\partial \mathbf{b}^{(1)}} = \boldsymbol{\delta}^{(1)}`;
export const backwardGeneral = tex`\begin{aligned} \boldsymbol{\delta}^{(L)} &= \frac{\partial L}{\partial \hat{\mathbf{y}}} \circ f'(\mathbf{z}^{(L)}) \\ \boldsymbol{\delta}^{(l)} &= \bigl((\mathbf{W}^{(l+1)})^T \boldsymbol{\delta}^{(l+1)}\bigr) \circ f'(\mathbf{z}^{(l)}), \quad l = L-1, \dots, 1 \\ \frac{\partial L}{\partial \mathbf{W}^{(l)}} &= \boldsymbol{\delta}^{(l)} (\mathbf{a}^{(l-1)})^T, \qquad \frac{\partial L}{\partial \mathbf{b}^{(l)}} = \boldsymbol{\delta}^{(l)} \end{aligned}`;
export const updateW = tex`\mathbf{W}^{(l)} \leftarrow \mathbf{W}^{(l)} - \eta \frac{\partial L}{\partial \mathbf{W}^{(l)}}`;
export const updateB = tex`\mathbf{b}^{(l)} \leftarrow \mathbf{b}^{(l)} - \eta \frac{\partial L}{\partial \mathbf{b}^{(l)}}`;
export const deltaOutputChain = tex`\frac{\partial L}{\partial z^{(2)}_i} = \frac{\partial L}{\partial \hat{y}_i} \cdot \frac{\partial \hat{y}_i}{\partial z^{(2)}_i}`;
export const lossByOutput = tex`\frac{\partial L}{\partial \hat{y}_i} = -(y_i - \hat{y}_i) = \hat{y}_i - y_i`;
export const outputByZ = tex`\frac{\partial \hat{y}_i}{\partial z^{(2)}_i} = f'(z^{(2)}_i)`;
export const deltaOutputComponent = tex`\delta^{(2)}_i = (\hat{y}_i - y_i)\, f'(z^{(2)}_i)`;
export const gradWComponent = tex`\frac{\partial L}{\partial W^{(l)}_{ij}} = \frac{\partial L}{\partial z^{(l)}_i} \cdot \frac{\partial z^{(l)}_i}{\partial W^{(l)}_{ij}} = \delta^{(l)}_i\, a^{(l-1)}_j, \qquad \frac{\partial L}{\partial b^{(l)}_i} = \delta^{(l)}_i \cdot 1 = \delta^{(l)}_i`;
export const deltaHiddenChain = tex`\frac{\partial L}{\partial z^{(1)}_j} = \sum_{i} \frac{\partial L}{\partial z^{(2)}_i} \cdot \frac{\partial z^{(2)}_i}{\partial a^{(1)}_j} \cdot \frac{\partial a^{(1)}_j}{\partial z^{(1)}_j}`;
export const zByHiddenActivation = tex`\frac{\partial z^{(2)}_i}{\partial a^{(1)}_j} = W^{(2)}_{ij}`;
export const hiddenActivationByZ = tex`\frac{\partial a^{(1)}_j}{\partial z^{(1)}_j} = f'(z^{(1)}_j)`;
export const deltaHiddenComponent = tex`\delta^{(1)}_j = \left( \sum_{i} \delta^{(2)}_i W^{(2)}_{ij} \right) f'(z^{(1)}_j)`;
