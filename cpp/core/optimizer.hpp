// Optimizers with PyTorch's update rules (torch.optim.SGD, Adam, RMSprop), written in the
// same order of floating-point operations, so that results agree to the last bits.
#pragma once

#include <vector>

#include "param.hpp"
#include "scenario.hpp"

namespace backprop {

class Optimizer {
 public:
  // Keeps the views; biases are left out when config.update_biases is false.
  Optimizer(const OptimizerConfig& config, const ParamViews& params);
  // One update of every parameter from its gradient.
  void step();

 private:
  OptimizerConfig config_;
  ParamViews params_;
  std::vector<RowVector> first_, second_;  // momentum / Adam's m; Adam's v / RMSprop's square average
  long long t_ = 0;
};

}  // namespace backprop
