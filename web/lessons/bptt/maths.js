// Lesson 2's display formulas by name, written once for both texts (./text.js in Spanish,
// ./text.en.js in English). A formula with words in it (\text{…}) takes them in the text's
// language. tests/web/lesson-texts-languages.test.js checks that every display formula comes
// from here.

// Display TeX is written raw so that backslashes stay single.
const tex = String.raw;

export const state = tex`\begin{aligned} r_t &= U x_t + V h_{t-1} + b \\ h_t &= f(r_t) \end{aligned}`;
export const output = tex`\begin{aligned} s_t &= W h_t + c \\ y_t &= g(s_t) \end{aligned}`;
export const stateActivations = (or) => tex`f(r_t) = \tanh(r_t) \quad \text{${or}} \quad f(r_t) = \sigma(r_t)`;
export const activationDerivatives = tex`\tanh'(r) = 1 - \tanh^2(r), \qquad \sigma'(r) = \sigma(r)\,\bigl(1 - \sigma(r)\bigr)`;
export const softmax = tex`g(s_t)_i = \frac{e^{s_{t,i}}}{\sum_{j=1}^{d_o} e^{s_{t,j}}}`;
export const lossOverTime = tex`L = \sum_{t=1}^{T} \ell(y_t, t_t)`;
export const squaredLoss = tex`L = \frac{1}{2} \sum_{t=1}^{T} \sum_{i=1}^{d_o} \bigl(y_{t,i} - t_{t,i}\bigr)^2, \qquad \frac{\partial L}{\partial y_t} = y_t - t_t`;
export const crossEntropy = tex`L = -\sum_{t=1}^{T} \sum_{i=1}^{d_o} t_{t,i} \log y_{t,i}`;
export const gradWChain = tex`\frac{\partial L}{\partial W_{ij}} = \sum_k \frac{\partial L}{\partial (s_t)_k} \frac{\partial (s_t)_k}{\partial W_{ij}}`;
export const sByW = (otherwise) => tex`\frac{\partial (s_t)_k}{\partial W_{ij}} = \begin{cases} 0 & k \neq i \\ (h_t)_j & \text{${otherwise}} \end{cases}`;
export const gradWComponent = tex`\frac{\partial L}{\partial W_{ij}} = \frac{\partial L}{\partial (s_t)_i}\,(h_t)_j`;
export const gradWStep = tex`\overline{W} = \overline{s}_t h_t^{\mathsf{T}}`;
export const gradW = tex`\overline{W} = \sum_{t=1}^{T} \overline{s}_t h_t^{\mathsf{T}}`;
export const gradUV = tex`\begin{aligned} \overline{U} &= \sum_{t=1}^{T} \overline{r}_t x_t^{\mathsf{T}} \\ \overline{V} &= \sum_{t=1}^{T} \overline{r}_t h_{t-1}^{\mathsf{T}} \end{aligned}`;
export const gradBiases = tex`\overline{b} = \sum_{t=1}^{T} \overline{r}_t, \qquad \overline{c} = \sum_{t=1}^{T} \overline{s}_t`;
export const rBarDerivation = tex`\begin{aligned} \frac{\partial L}{\partial (r_t)_i} &= \sum_j \frac{\partial L}{\partial (h_t)_j} \frac{\partial (h_t)_j}{\partial (r_t)_i} \\ &= \frac{\partial L}{\partial (h_t)_i}\, f'\bigl((r_t)_i\bigr) \end{aligned}`;
export const rBar = tex`\overline{r}_t = \overline{h}_t \circ f'(r_t)`;
export const sBar = tex`\overline{s}_t = \overline{y}_t \circ g'(s_t)`;
export const hBarLastDerivation = tex`\begin{aligned} \frac{\partial L}{\partial (h_T)_i} &= \sum_j \frac{\partial L}{\partial (s_T)_j} \frac{\partial (s_T)_j}{\partial (h_T)_i} \\ &= \sum_j \frac{\partial L}{\partial (s_T)_j}\, W_{ji} \end{aligned}`;
export const hBarDerivation = tex`\begin{aligned} \frac{\partial L}{\partial (h_t)_i} &= \sum_j \frac{\partial L}{\partial (s_t)_j} \frac{\partial (s_t)_j}{\partial (h_t)_i} + \sum_k \frac{\partial L}{\partial (r_{t+1})_k} \frac{\partial (r_{t+1})_k}{\partial (h_t)_i} \\ &= \sum_j \frac{\partial L}{\partial (s_t)_j}\, W_{ji} + \sum_k \frac{\partial L}{\partial (r_{t+1})_k}\, V_{ki} \end{aligned}`;
export const hBar = (ifWord) => tex`\overline{h}_t = W^{\mathsf{T}} \overline{s}_t + \begin{cases} 0 & \text{${ifWord} } t = T \\ V^{\mathsf{T}} \overline{r}_{t+1} & \text{${ifWord} } t < T \end{cases}`;
export const backwardStep = tex`\begin{aligned} \overline{s}_t &= \overline{y}_t \circ g'(s_t) \\ \overline{h}_t &= W^{\mathsf{T}} \overline{s}_t + V^{\mathsf{T}} \overline{r}_{t+1} \qquad (\overline{r}_{T+1} = 0) \\ \overline{r}_t &= \overline{h}_t \circ f'(r_t) \\ \overline{U} &\leftarrow \overline{U} + \overline{r}_t x_t^{\mathsf{T}}, \quad \overline{V} \leftarrow \overline{V} + \overline{r}_t h_{t-1}^{\mathsf{T}}, \quad \overline{W} \leftarrow \overline{W} + \overline{s}_t h_t^{\mathsf{T}} \end{aligned}`;
export const hBarInitial = tex`\overline{h}_0 = \frac{\partial L}{\partial h_0} = V^{\mathsf{T}} \overline{r}_1`;
export const update = tex`\begin{aligned} U &\leftarrow U - \eta\, \overline{U} \\ V &\leftarrow V - \eta\, \overline{V} \\ W &\leftarrow W - \eta\, \overline{W} \end{aligned} \qquad \begin{aligned} b &\leftarrow b - \eta\, \overline{b} \\ c &\leftarrow c - \eta\, \overline{c} \end{aligned}`;
