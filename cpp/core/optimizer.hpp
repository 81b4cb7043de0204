// Optimizers with PyTorch's update rules (torch.optim.SGD, Adam, RMSprop, Adagrad, Adadelta, Adamax),
// written in the same order of floating-point operations, so that results agree to the last bits.
#pragma once

#include <string>
#include <vector>

#include "param.hpp"
#include "scenario.hpp"
#include "trace.hpp"

namespace backprop {

class Optimizer {
 public:
  // Keeps the views; biases are left out when config.update_biases is false.
  Optimizer(const OptimizerConfig& config, const ParamViews& params);
  // One update of every parameter from its gradient.
  void step();
  // The state now (a copy). Adam's also gives the bias-corrected exp_avg_hat = m/(1−β₁ᵗ) and
  // exp_avg_sq_hat = v/(1−β₂ᵗ) of its last update.
  OptimizerState state() const;

 private:
  OptimizerConfig config_;
  ParamViews params_;
  std::vector<RowVector> first_, second_;  // momentum / Adam's m / Adagrad's sum; Adam's v / RMSprop's square average
  long long t_ = 0;
};

}  // namespace backprop
