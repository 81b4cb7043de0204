#include "optimizer.hpp"

#include <cmath>

namespace backprop {

Optimizer::Optimizer(const OptimizerConfig& config, const ParamViews& params) : config_(config) {
  for (const ParamView& p : params) {
    if (!p.is_weight && !config.update_biases) continue;
    params_.push_back(p);
    first_.push_back(RowVector::Zero(p.size()));
    second_.push_back(RowVector::Zero(p.size()));
  }
}

void Optimizer::step() {
  ++t_;
  const OptimizerConfig& c = config_;
  for (size_t k = 0; k < params_.size(); ++k) {
    double* w = params_[k].value;
    const double* g = params_[k].grad;
    double* m = first_[k].data();
    double* v = second_[k].data();
    const Index n = params_[k].size();
    switch (c.kind) {
      case OptimizerKind::sgd:
        if (c.momentum == 0.0) {
          for (Index i = 0; i < n; ++i) w[i] += -c.lr * g[i];
        } else {
          // buf = momentum·buf + g (dampening 0); the first step gives buf = g, as in PyTorch.
          for (Index i = 0; i < n; ++i) {
            m[i] = m[i] * c.momentum + g[i];
            w[i] += -c.lr * m[i];
          }
        }
        break;
      case OptimizerKind::adam: {
        const double bias_correction1 = 1.0 - std::pow(c.beta1, double(t_));
        const double bias_correction2 = 1.0 - std::pow(c.beta2, double(t_));
        const double step_size = c.lr / bias_correction1;
        const double bias_correction2_sqrt = std::sqrt(bias_correction2);
        for (Index i = 0; i < n; ++i) {
          m[i] = m[i] * c.beta1 + (1.0 - c.beta1) * g[i];
          v[i] = v[i] * c.beta2 + (1.0 - c.beta2) * g[i] * g[i];
          const double denom = std::sqrt(v[i]) / bias_correction2_sqrt + c.eps;
          w[i] += -step_size * (m[i] / denom);
        }
        break;
      }
      case OptimizerKind::rmsprop:
        for (Index i = 0; i < n; ++i) {
          v[i] = v[i] * c.rho + (1.0 - c.rho) * g[i] * g[i];
          w[i] += -c.lr * (g[i] / (std::sqrt(v[i]) + c.eps));
        }
        break;
    }
  }
}

}  // namespace backprop
