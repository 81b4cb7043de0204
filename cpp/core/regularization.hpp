// L1 and L2 on weights only (never biases): l2 adds ½·λ·ΣW², l1 adds λ·Σ|W|.
// The derivative of |w| at 0 is taken as 0.
#pragma once

#include "param.hpp"
#include "scenario.hpp"

namespace backprop {

double penalty(const ParamViews& params, const Regularization& reg);
void add_penalty_gradient(const ParamViews& params, const Regularization& reg);

}  // namespace backprop
