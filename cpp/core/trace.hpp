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

struct Trace {
  double loss = 0.0;
  NamedValues parameters; // the parameters the step starts from (before the update)
  NamedValues forward;    // z1, a1, … (MLP) or r, h, s, y (RNN)
  NamedValues backward;   // delta{l}, dW{l}, db{l} (MLP) or r_grad, h_grad, s_grad, dU, … (RNN)
  NamedValues updated;    // parameters after one optimizer step
  // RNN only: what each time step t = 1..T adds to the gradients, and the running sums
  // from t = T down to t (the BPTT accumulation, the lesson's Σ_t).
  std::vector<NamedValues> time_steps;
};

}  // namespace backprop
