#include "regularization.hpp"

#include <cmath>

namespace backprop {

double penalty(const ParamViews& params, const Regularization& reg) {
  if (reg.l1 == 0.0 && reg.l2 == 0.0) return 0.0;
  double l1 = 0.0, l2 = 0.0;
  for (const ParamView& p : params) {
    if (!p.is_weight) continue;
    for (Index i = 0; i < p.size(); ++i) {
      l1 += std::abs(p.value[i]);
      l2 += p.value[i] * p.value[i];
    }
  }
  return reg.l1 * l1 + 0.5 * reg.l2 * l2;
}

void add_penalty_gradient(const ParamViews& params, const Regularization& reg) {
  if (reg.l1 == 0.0 && reg.l2 == 0.0) return;
  for (const ParamView& p : params) {
    if (!p.is_weight) continue;
    for (Index i = 0; i < p.size(); ++i) {
      const double w = p.value[i];
      const double sign = w > 0.0 ? 1.0 : (w < 0.0 ? -1.0 : 0.0);
      p.grad[i] += reg.l2 * w + reg.l1 * sign;
    }
  }
}

}  // namespace backprop
