#include "regularization.hpp"

#include <cmath>

namespace backprop {

namespace {
double sign(double w) { return w > 0.0 ? 1.0 : (w < 0.0 ? -1.0 : 0.0); }
}  // namespace

PenaltyParts penalty_parts(const ParamViews& params, const Regularization& reg) {
  if (reg.l1 == 0.0 && reg.l2 == 0.0) return {};
  double l1 = 0.0, l2 = 0.0;
  for (const ParamView& p : params) {
    if (!p.regularized()) continue;
    for (Index i = 0; i < p.size(); ++i) {
      l1 += std::abs(p.value[i]);
      l2 += p.value[i] * p.value[i];
    }
  }
  PenaltyParts out{reg.l1 * l1, 0.5 * reg.l2 * l2};
  out.total = out.l1 + out.l2;
  return out;
}

void add_penalty_gradient(const ParamViews& params, const Regularization& reg) {
  if (reg.l1 == 0.0 && reg.l2 == 0.0) return;
  for (const ParamView& p : params) {
    if (!p.regularized()) continue;
    for (Index i = 0; i < p.size(); ++i) p.grad[i] += reg.l2 * p.value[i] + reg.l1 * sign(p.value[i]);
  }
}

NamedValues penalty_gradients(const ParamViews& params, const Regularization& reg) {
  NamedValues out;
  for (const ParamView& p : params) {
    if (!p.regularized()) continue;
    Matrix g(p.rows, p.cols);
    for (Index i = 0; i < p.size(); ++i) g.data()[i] = reg.l2 * p.value[i] + reg.l1 * sign(p.value[i]);
    out.push_back({"d" + p.name, std::move(g), p.is_vector});
  }
  return out;
}

NamedValues weight_gradients(const ParamViews& params) {
  NamedValues out;
  for (const ParamView& p : params)
    if (p.regularized()) out.push_back({"d" + p.name, Eigen::Map<const Matrix>(p.grad, p.rows, p.cols), p.is_vector});
  return out;
}

}  // namespace backprop
