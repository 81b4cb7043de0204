// L1 and L2 on weights only (never biases): l2 adds ½·λ·ΣW², l1 adds λ·Σ|W|.
// The derivative of |w| at 0 is taken as 0.
#pragma once

#include "param.hpp"
#include "scenario.hpp"
#include "trace.hpp"

namespace backprop {

struct PenaltyParts {
  double l1 = 0.0, l2 = 0.0;  // λ₁Σ|W| and ½λ₂ΣW²
  double total = 0.0;         // l1 + l2
};

PenaltyParts penalty_parts(const ParamViews& params, const Regularization& reg);
inline double penalty(const ParamViews& params, const Regularization& reg) { return penalty_parts(params, reg).total; }
void add_penalty_gradient(const ParamViews& params, const Regularization& reg);
// What add_penalty_gradient adds to each weight's gradient (λ₂W + λ₁ sign W), named d<weight>.
NamedValues penalty_gradients(const ParamViews& params, const Regularization& reg);
// Each weight's gradient as it is now, named d<weight>.
NamedValues weight_gradients(const ParamViews& params);

}  // namespace backprop
