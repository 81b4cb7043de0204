// The trace of one iteration: every intermediate value, named as the lesson names it.
#pragma once

#include <string>
#include <vector>

#include "matrix.hpp"

namespace backprop {

struct NamedValue {
  std::string name;
  Matrix value;          // rows: samples or time steps; a vector is one row
  bool is_vector = false;
};

using NamedValues = std::vector<NamedValue>;

// An optimizer's state, one entry per kind of buffer, named as PyTorch's `optimizer.state` names
// them: momentum_buffer (SGD with momentum), exp_avg and exp_avg_sq (Adam, with the
// bias-corrected exp_avg_hat and exp_avg_sq_hat after an update), square_avg (RMSprop), sum
// (Adagrad); each holds one value per parameter the optimizer updates.
struct OptimizerState {
  long long step = 0;  // updates done
  std::vector<std::pair<std::string, NamedValues>> buffers;
};

struct Trace {
  long long iteration = 1;  // which update this is (Scenario::iteration)
  double loss = 0.0;        // data_loss + penalty_l1 + penalty_l2
  double data_loss = 0.0;
  double penalty_l1 = 0.0;  // λ₁Σ|W|
  double penalty_l2 = 0.0;  // ½λ₂ΣW²
  // With regularization, each weight's gradient in its two parts, named as in `backward` (dW1,
  // or dU, dV, dW): the data's (δaᵀ, summed over time for an RNN) and the penalty's
  // (λ₂W + λ₁ sign W); backward holds their sum. Empty without regularization.
  NamedValues gradient_data, gradient_penalty;
  // The optimizer's state as the update starts and as it ends.
  OptimizerState optimizer_before, optimizer_after;
  NamedValues parameters; // the parameters the step starts from (before the update)
  NamedValues forward;    // z1, a1, … (MLP) or r, h, s, y (RNN)
  NamedValues backward;   // delta{l}, dW{l}, db{l} (MLP) or r_grad, h_grad, s_grad, dU, … (RNN)
  NamedValues updated;    // parameters after one optimizer step
  // Batch norm's running statistics as the step starts and after its forward (empty without).
  NamedValues buffers_before, buffers_after;
  // RNN only: what each time step t = 1..T adds to the gradients, and the running sums
  // from t = T down to t (the BPTT accumulation, the lesson's Σ_t).
  std::vector<NamedValues> time_steps;
};

}  // namespace backprop
