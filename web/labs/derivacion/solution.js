// Lab 6's solution: for each field, the chain-rule formula, the same with the trace's numbers and
// the result, as one aligned TeX block. Every number is read from the scenario or the core's trace.
import {texNumber as n} from '../../format.js';
import {factor} from '../../lessons/mlp/tex.js';
import {scalar} from './hints.js';

const OUTPUT_PRIME = {sigmoid: "\\sigma'", linear: "g'"};

// lhs = first · second … as "lhs &= a \\ &= b \\ …".
const aligned = (lhs, lines) => `\\begin{aligned} ${lhs} ${lines.map((line) => `&= ${line}`).join(' \\\\ ')} \\end{aligned}`;

// field {kind, t} → TeX.
export function solutionTex(field, {scenario, trace}) {
  const T = trace.forward.h.length;
  const bw = trace.backward;
  const fw = trace.forward;
  const p = trace.parameters;
  const at = (values, t) => scalar(values[t - 1]);
  const hPrev = (t) => (t === 1 ? scalar(p.h0) : at(fw.h, t - 1));
  const x = (t) => scalar(scenario.data.sequences[0].inputs[t - 1]);
  const {kind, t} = field;
  const steps = Array.from({length: T}, (_, k) => k + 1);
  // One time step per line, its product braced over what the step adds (time_steps): the sums
  // stay narrow enough for the answers' column.
  const products = (key, left, right) => steps.map((tt) =>
    `\\underbrace{${factor(left(tt))} \\cdot ${factor(right(tt))}}_{${n(scalar(trace.time_steps[tt - 1][key]))}}`).join(' \\\\ &\\quad + ');

  switch (kind) {
    case 's': {
      const g = OUTPUT_PRIME[scenario.model.output_activation] ?? "g'";
      return aligned(`\\overline{s}_{${t}}`, [
        `(y_{${t}} - t_{${t}})\\, ${g}(s_{${t}})`,
        `${factor(at(bw.y_grad, t))} \\cdot ${factor(at(bw.gprime, t))}`,
        n(at(bw.s_grad, t)),
      ]);
    }
    case 'h':
      return t === T
        ? aligned(`\\overline{h}_{${t}}`, [
          `W\\, \\overline{s}_{${t}} \\quad (t = T)`,
          `${factor(scalar(p.W))} \\cdot ${factor(at(bw.s_grad, t))}`,
          n(at(bw.h_grad, t)),
        ])
        : aligned(`\\overline{h}_{${t}}`, [
          `W\\, \\overline{s}_{${t}} + V\\, \\overline{r}_{${t + 1}}`,
          `${factor(scalar(p.W))} \\cdot ${factor(at(bw.s_grad, t))} + ${factor(scalar(p.V))} \\cdot ${factor(at(bw.r_grad, t + 1))}`,
          `${n(at(bw.h_grad_output, t))} + ${factor(at(bw.h_grad_next, t))}`,
          n(at(bw.h_grad, t)),
        ]);
    case 'r':
      return aligned(`\\overline{r}_{${t}}`, [
        `\\overline{h}_{${t}}\\, \\sigma'(r_{${t}}) = \\overline{h}_{${t}}\\, h_{${t}} (1 - h_{${t}})`,
        `${factor(at(bw.h_grad, t))} \\cdot ${factor(at(bw.fprime, t))}`,
        n(at(bw.r_grad, t)),
      ]);
    case 'dU':
      return aligned('\\frac{\\partial L}{\\partial U}', [
        `\\sum_{t=1}^{${T}} \\overline{r}_t\\, x_t`,
        products('dU', (tt) => at(bw.r_grad, tt), x),
        n(scalar(bw.dU)),
      ]);
    case 'dV':
      return aligned('\\frac{\\partial L}{\\partial V}', [
        `\\sum_{t=1}^{${T}} \\overline{r}_t\\, h_{t-1}`,
        products('dV', (tt) => at(bw.r_grad, tt), hPrev),
        n(scalar(bw.dV)),
      ]);
    case 'dW':
      return aligned('\\frac{\\partial L}{\\partial W}', [
        `\\sum_{t=1}^{${T}} \\overline{s}_t\\, h_t`,
        products('dW', (tt) => at(bw.s_grad, tt), (tt) => at(fw.h, tt)),
        n(scalar(bw.dW)),
      ]);
    default:
      throw new Error(`unknown field ${kind}`);
  }
}
