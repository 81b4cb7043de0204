#include "rnn.hpp"

#include "deadline.hpp"

namespace backprop {

RnnTape make_tape(const RnnCell& cell, Index steps) {
  const Index H = cell.U.rows(), O = cell.W.rows();
  RnnTape tape;
  for (Matrix* m : {&tape.r, &tape.h, &tape.r_grad, &tape.h_grad, &tape.h_grad_output, &tape.h_grad_next})
    m->resize(steps, H);
  for (Matrix* m : {&tape.s, &tape.y, &tape.y_grad, &tape.s_grad}) m->resize(steps, O);
  return tape;
}

RnnGrads make_grads(const RnnCell& cell) {
  return {Matrix::Zero(cell.U.rows(), cell.U.cols()), Matrix::Zero(cell.V.rows(), cell.V.cols()),
          Matrix::Zero(cell.W.rows(), cell.W.cols()), Matrix::Zero(1, cell.b.cols()),
          Matrix::Zero(1, cell.c.cols()),             Matrix::Zero(1, cell.h0.cols())};
}

// The operations of one time step's forward products, for the deadline (deadline.hpp): one time
// step is at most a few times 4096² of them, so the RNN counts them step by step.
static double step_ops(const RnnCell& cell) {
  const double H = double(cell.U.rows());
  return 2.0 * H * (double(cell.U.cols()) + H + double(cell.W.rows()));
}

double forward(const RnnCell& cell, const ConstMatrixRef& xs, const ConstMatrixRef& targets,
               const std::vector<bool>& has_target, RnnTape& tape) {
  const Index T = xs.rows(), H = cell.U.rows(), O = cell.W.rows();
  for (Index t = 0; t < T; ++t) {
    auto r = tape.r.row(t);
    r.noalias() = xs.row(t) * cell.U.transpose();
    if (t == 0) r.noalias() += cell.h0.row(0) * cell.V.transpose();
    else r.noalias() += tape.h.row(t - 1) * cell.V.transpose();
    if (cell.bias) r += cell.b.row(0);
    activate(cell.f, r.data(), tape.h.row(t).data(), 1, H);
    auto s = tape.s.row(t);
    s.noalias() = tape.h.row(t) * cell.W.transpose();
    if (cell.bias) s += cell.c.row(0);
    activate(cell.g, s.data(), tape.y.row(t).data(), 1, O);
    Deadline::count(step_ops(cell));
  }
  if (has_target.empty()) return sum_loss(cell.loss, cell.g, tape.s.data(), tape.y.data(), targets.data(), T, O);
  double sum = 0.0;
  for (Index t = 0; t < T; ++t)
    if (has_target[size_t(t)])
      sum += sum_loss(cell.loss, cell.g, tape.s.row(t).data(), tape.y.row(t).data(), targets.row(t).data(), 1, O);
  return sum;
}

void backward(const RnnCell& cell, const ConstMatrixRef& xs, Index t, RnnTape& tape, RnnGrads& grads) {
  const Index T = xs.rows(), H = cell.U.rows();
  auto h_grad = tape.h_grad.row(t);
  tape.h_grad_output.row(t).noalias() = tape.s_grad.row(t) * cell.W;
  if (t + 1 < T) tape.h_grad_next.row(t).noalias() = tape.r_grad.row(t + 1) * cell.V;
  else tape.h_grad_next.row(t).setZero();
  h_grad = tape.h_grad_output.row(t) + tape.h_grad_next.row(t);
  activation_backward(cell.f, tape.r.row(t).data(), tape.h.row(t).data(), h_grad.data(),
                      tape.r_grad.row(t).data(), 1, H);

  const auto r_grad = tape.r_grad.row(t);
  const auto s_grad = tape.s_grad.row(t);
  grads.dU.noalias() += r_grad.transpose() * xs.row(t);
  if (t == 0) grads.dV.noalias() += r_grad.transpose() * cell.h0.row(0);
  else grads.dV.noalias() += r_grad.transpose() * tape.h.row(t - 1);
  grads.dW.noalias() += s_grad.transpose() * tape.h.row(t);
  if (cell.bias) {
    grads.db += r_grad;
    grads.dc += s_grad;
  }
  Deadline::count(2 * step_ops(cell));
}

void bptt(const RnnCell& cell, const ConstMatrixRef& xs, const ConstMatrixRef& targets,
          const std::vector<bool>& has_target, double scale, RnnTape& tape, RnnGrads& grads) {
  const Index T = xs.rows(), O = cell.W.rows();
  // s̄_t for every t at once: the loss couples only y_t and its own target.
  output_delta(cell.loss, cell.g, tape.s.data(), tape.y.data(), targets.data(), scale,
               tape.y_grad.data(), tape.s_grad.data(), T, O);
  for (size_t t = 0; t < has_target.size(); ++t)
    if (!has_target[t]) {
      tape.y_grad.row(Index(t)).setZero();
      tape.s_grad.row(Index(t)).setZero();
    }
  for (Index t = T - 1; t >= 0; --t) backward(cell, xs, t, tape, grads);
  grads.dh0.noalias() += tape.r_grad.row(0) * cell.V;
}

}  // namespace backprop
