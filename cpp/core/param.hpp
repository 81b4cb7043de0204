// A named view of one parameter and its gradient, for optimizers, regularization,
// gradient checks and traces, whatever the model.
#pragma once

#include <string>
#include <vector>

#include "matrix.hpp"

namespace backprop {

struct ParamView {
  std::string name;   // as in the lesson: W1, b1, … or U, V, W, b, c
  double* value;
  double* grad;
  Index rows, cols;
  bool is_weight;     // weights are updated even with update_biases false; biases are not
  bool is_vector;     // serialised as a flat list
  bool penalized = true;  // a weight under l1/l2 (batch norm's gamma is a weight that is not)

  bool regularized() const { return is_weight && penalized; }

  Index size() const { return rows * cols; }
};

using ParamViews = std::vector<ParamView>;

}  // namespace backprop
