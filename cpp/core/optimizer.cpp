#include "optimizer.hpp"

#include <algorithm>
#include <cmath>

namespace backprop {

Optimizer::Optimizer(const OptimizerConfig& config, const ParamViews& params) : config_(config) {
  for (const ParamView& p : params) {
    if (!p.is_weight && !config.update_biases) continue;
    params_.push_back(p);
    const double start = config.kind == OptimizerKind::adagrad ? config.initial_accumulator_value : 0.0;
    first_.push_back(RowVector::Constant(p.size(), start));
    second_.push_back(RowVector::Zero(p.size()));
  }
}

void Optimizer::step() {
  ++t_;
  const OptimizerConfig& c = config_;
  if (c.kind == OptimizerKind::sgd && c.momentum == 0.0) {  // the lesson's loop: the commonest, kept short
    const double step = -c.lr;
    for (const ParamView& p : params_) {
      double* w = p.value;
      const double* g = p.grad;
      for (Index i = 0, n = p.size(); i < n; ++i) w[i] += step * g[i];
    }
    return;
  }
  for (size_t k = 0; k < params_.size(); ++k) {
    double* w = params_[k].value;
    const double* g = params_[k].grad;
    double* m = first_[k].data();
    double* v = second_[k].data();
    const Index n = params_[k].size();
    switch (c.kind) {
      case OptimizerKind::sgd:  // with momentum (without: above)
        // buf = momentum·buf + g (dampening 0); the first step gives buf = g, as in PyTorch.
        for (Index i = 0; i < n; ++i) {
          m[i] = m[i] * c.momentum + g[i];
          w[i] += -c.lr * m[i];
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
      case OptimizerKind::adadelta:
        // v = ρv + (1−ρ)g²; Δ = √(u + ε)/√(v + ε)·g; u = ρu + (1−ρ)Δ²; W −= lr·Δ.
        for (Index i = 0; i < n; ++i) {
          m[i] = m[i] * c.rho + (1.0 - c.rho) * g[i] * g[i];
          const double delta = std::sqrt(v[i] + c.eps) / std::sqrt(m[i] + c.eps) * g[i];
          v[i] = v[i] * c.rho + (1.0 - c.rho) * delta * delta;
          w[i] += -c.lr * delta;
        }
        break;
      case OptimizerKind::adamax: {
        // m = β₁m + (1−β₁)g; u = max(β₂u, |g| + ε); W −= lr/(1−β₁ᵗ)·m/u.
        const double clr = c.lr / (1.0 - std::pow(c.beta1, double(t_)));
        for (Index i = 0; i < n; ++i) {
          m[i] = m[i] * c.beta1 + (1.0 - c.beta1) * g[i];
          v[i] = std::max(v[i] * c.beta2, std::abs(g[i]) + c.eps);
          w[i] += -clr * (m[i] / v[i]);
        }
        break;
      }
      case OptimizerKind::adagrad: {
        // sum += g², W −= clr·g/(√sum + ε), clr = lr/(1 + (t−1)·lr_decay).
        const double clr = c.lr / (1.0 + double(t_ - 1) * c.lr_decay);
        for (Index i = 0; i < n; ++i) {
          m[i] = m[i] + g[i] * g[i];
          w[i] += -clr * (g[i] / (std::sqrt(m[i]) + c.eps));
        }
        break;
      }
    }
  }
}

OptimizerState Optimizer::state() const {
  OptimizerState out;
  out.step = t_;
  const auto buffer = [&](const char* name, const std::vector<RowVector>& values, double scale = 1.0) {
    NamedValues named;
    for (size_t k = 0; k < params_.size(); ++k) {
      const ParamView& p = params_[k];
      Matrix value = Eigen::Map<const Matrix>(values[k].data(), p.rows, p.cols);
      if (scale != 1.0) value /= scale;
      named.push_back({p.name, std::move(value), p.is_vector});
    }
    out.buffers.emplace_back(name, std::move(named));
  };
  switch (config_.kind) {
    case OptimizerKind::sgd:
      if (config_.momentum != 0.0) buffer("momentum_buffer", first_);
      break;
    case OptimizerKind::adam:
      buffer("exp_avg", first_);
      buffer("exp_avg_sq", second_);
      if (t_ > 0) {
        buffer("exp_avg_hat", first_, 1.0 - std::pow(config_.beta1, double(t_)));
        buffer("exp_avg_sq_hat", second_, 1.0 - std::pow(config_.beta2, double(t_)));
      }
      break;
    case OptimizerKind::rmsprop:
      buffer("square_avg", second_);
      break;
    case OptimizerKind::adagrad:
      buffer("sum", first_);
      break;
    case OptimizerKind::adadelta:
      buffer("square_avg", first_);
      buffer("acc_delta", second_);
      break;
    case OptimizerKind::adamax:
      buffer("exp_avg", first_);
      buffer("exp_inf", second_);
      break;
  }
  return out;
}

}  // namespace backprop
