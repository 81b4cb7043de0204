#include "surface.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "deadline.hpp"
#include "objective.hpp"
#include "optimizer.hpp"

namespace backprop {

const std::vector<NetworkEntry>& network_entries() {
  static const std::vector<NetworkEntry> entries = [] {
    const Scenario s = classic_network_scenario();
    const char* names[] = {"W1", "b1", "W2", "b2"};
    std::vector<NetworkEntry> out;
    for (int p = 0; p < 4; ++p) {
      const Matrix& m = s.parameters.at(names[p]);
      const bool vector = p % 2 == 1;
      for (Index i = 0; i < m.size(); ++i) {
        const std::string index = vector ? "[" + std::to_string(i) + "]"
                                         : "[" + std::to_string(i / m.cols()) + "][" + std::to_string(i % m.cols()) + "]";
        out.push_back({names[p] + index, p, i, m.data()[i]});
      }
    }
    return out;
  }();
  return entries;
}

Scenario classic_network_scenario() {
  Scenario s;
  s.kind = ModelKind::mlp;
  s.mlp.layers = {2, 2, 2};
  s.mlp.activations = {Activation::sigmoid, Activation::sigmoid};
  s.mlp.loss = Loss::half_sse;
  Matrix W1(2, 2), b1(1, 2), W2(2, 2), b2(1, 2), x(1, 2), y(1, 2);
  W1 << 0.15, 0.20, 0.25, 0.30;
  b1 << 0.35, 0.35;
  W2 << 0.40, 0.45, 0.50, 0.55;
  b2 << 0.60, 0.60;
  x << 0.05, 0.10;
  y << 0.01, 0.99;
  s.parameters = {{"W1", W1}, {"b1", b1}, {"W2", W2}, {"b2", b2}};
  s.inputs = x;
  s.targets = y;
  s.optimizer.lr = 0.5;
  return s;
}

SurfaceDefaults surface_defaults(SurfaceKind kind, const std::array<int, 2>& weights) {
  switch (kind) {
    case SurfaceKind::quadratic: return {{-2, 2}, {-2, 2}, {-1.5, 1.0}, Pair{0, 0}, 0.0};
    case SurfaceKind::rosenbrock: return {{-2, 2}, {-1, 3}, {-1.2, 1.0}, Pair{1, 1}, 0.0};
    case SurfaceKind::saddle: return {{-2, 2}, {-2, 2}, {-1.5, 1e-3}, std::nullopt, std::nullopt, true};
    case SurfaceKind::network: {
      const auto& e = network_entries();
      return {{-6, 6}, {-6, 6}, {e[size_t(weights[0])].value, e[size_t(weights[1])].value}, std::nullopt, std::nullopt};
    }
  }
  return {};
}

// The classic network with two of its entries free: the training's own objective (forward and
// backward of cpp/core/mlp), read at two entries.
struct SurfaceFunction::Network {
  explicit Network(const std::array<int, 2>& weights) : objective(make_objective(classic_network_scenario())) {
    ParamViews& params = objective->params();
    for (int k = 0; k < 2; ++k) {
      const NetworkEntry& e = network_entries()[size_t(weights[size_t(k)])];
      value[k] = params[size_t(e.parameter)].value + e.offset;
      grad[k] = params[size_t(e.parameter)].grad + e.offset;
    }
  }
  std::unique_ptr<Objective> objective;
  double* value[2];
  const double* grad[2];
  Index row = 0;
  Batch all{&row, 1, true};
};

SurfaceFunction::SurfaceFunction(const SurfaceObjective& objective) : objective_(objective) {
  if (objective.kind == SurfaceKind::network) network_ = std::make_unique<Network>(objective.weights);
}
SurfaceFunction::~SurfaceFunction() = default;

double SurfaceFunction::value(double x, double y) {
  switch (objective_.kind) {
    case SurfaceKind::quadratic: return 0.5 * (x * x + objective_.condition * (y * y));
    case SurfaceKind::rosenbrock: return (1.0 - x) * (1.0 - x) + 100.0 * ((y - x * x) * (y - x * x));
    case SurfaceKind::saddle: return x * x - y * y;
    case SurfaceKind::network:
      *network_->value[0] = x;
      *network_->value[1] = y;
      return network_->objective->loss(network_->all);
  }
  return 0;
}

double SurfaceFunction::value_and_gradient(double x, double y, double g[2]) {
  switch (objective_.kind) {
    case SurfaceKind::quadratic:
      g[0] = x;
      g[1] = objective_.condition * y;
      break;
    case SurfaceKind::rosenbrock:
      g[0] = -2.0 * (1.0 - x) - 400.0 * x * (y - x * x);
      g[1] = 200.0 * (y - x * x);
      break;
    case SurfaceKind::saddle:
      g[0] = 2.0 * x;
      g[1] = -2.0 * y;
      break;
    case SurfaceKind::network: {
      *network_->value[0] = x;
      *network_->value[1] = y;
      const double f = network_->objective->loss_and_gradient(network_->all);
      g[0] = *network_->grad[0];
      g[1] = *network_->grad[1];
      return f;
    }
  }
  return value(x, y);
}

const char* name(SurfaceOutcome outcome) {
  switch (outcome) {
    case SurfaceOutcome::converged: return "converged";
    case SurfaceOutcome::diverged: return "diverged";
    case SurfaceOutcome::oscillating: return "oscillating";
    case SurfaceOutcome::slow: return "slow";
    case SurfaceOutcome::escaped: return "escaped";
  }
  return "";
}

SurfaceOutcome classify(const Trajectory& t, const std::vector<double>& gradient_norms, const SurfaceSpec& spec,
                        const SurfaceDefaults& known, double range_min, std::optional<long long>& steps_to_tolerance) {
  const auto& p = t.points;
  const long long last = static_cast<long long>(p.size()) - 1;
  const bool bounded = known.minimum_value.has_value();
  // Escaped: unbounded below, and below every value the range shows.
  const bool below_range = known.unbounded && p.back()[2] < range_min;
  if (t.diverged_at) return below_range ? SurfaceOutcome::escaped : SurfaceOutcome::diverged;
  // Converged: within tolerance of the minimum (without one: ‖∇f‖ ≤ tolerance) from a step on.
  const auto within = [&](long long k) {
    return bounded ? std::abs(p[size_t(k)][2] - *known.minimum_value) <= spec.tolerance
                   : gradient_norms[size_t(k)] <= spec.tolerance;
  };
  if (within(last)) {
    long long first = last;
    while (first > 0 && within(first - 1)) --first;
    steps_to_tolerance = first;
    return SurfaceOutcome::converged;
  }
  if (below_range) return SurfaceOutcome::escaped;
  // Oscillating: over the last half of the steps (4 at least), the step along one axis reverses
  // its direction at half of the steps or more, and f fails to decrease at least once.
  const long long from = last / 2 + 1;
  if (last - from >= 3) {
    bool rises = false;
    long long reversals[2] = {0, 0};
    for (long long k = from + 1; k <= last; ++k) {
      const auto& a = p[size_t(k - 2)];
      const auto& b = p[size_t(k - 1)];
      const auto& c = p[size_t(k)];
      for (int axis = 0; axis < 2; ++axis)
        if ((b[size_t(axis)] - a[size_t(axis)]) * (c[size_t(axis)] - b[size_t(axis)]) < 0) ++reversals[axis];
      if (c[2] >= b[2]) rises = true;
    }
    const long long pairs = last - from;
    if (rises && 2 * std::max(reversals[0], reversals[1]) >= pairs) return SurfaceOutcome::oscillating;
  }
  return SurfaceOutcome::slow;
}

namespace {

std::vector<double> axis(const Pair& range, int n) {
  std::vector<double> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out[size_t(i)] = range[0] + double(i) * (range[1] - range[0]) / double(n - 1);
  out.back() = range[1];  // the end exactly
  return out;
}

Trajectory race(SurfaceFunction& f, const OptimizerConfig& config, const SurfaceSpec& spec, const SurfaceDefaults& known,
                double range_min, const Deadline& deadline) {
  Trajectory t;
  t.optimizer = config;
  double p[2] = {spec.start[0], spec.start[1]}, g[2];
  Optimizer optimizer(config, {ParamView{"p", p, g, 1, 2, true, true}});  // the training's update code
  std::vector<double> norms;
  t.points.reserve(size_t(spec.steps) + 1);
  norms.reserve(size_t(spec.steps) + 1);
  double value = f.value_and_gradient(p[0], p[1], g);
  t.points.push_back({p[0], p[1], value});
  norms.push_back(std::hypot(g[0], g[1]));
  for (long long k = 1; k <= spec.steps; ++k) {
    if (k % 256 == 0) deadline.check("steps", k);
    optimizer.step();
    value = f.value_and_gradient(p[0], p[1], g);
    const bool finite = std::isfinite(p[0]) && std::isfinite(p[1]) && std::isfinite(value);
    if (finite) {
      t.points.push_back({p[0], p[1], value});
      norms.push_back(std::hypot(g[0], g[1]));
    }
    if (!finite || !std::isfinite(g[0]) || !std::isfinite(g[1]) || std::abs(p[0]) > surface_divergence_bound ||
        std::abs(p[1]) > surface_divergence_bound) {
      t.diverged_at = k;
      break;
    }
  }
  t.outcome = classify(t, norms, spec, known, range_min, t.steps_to_tolerance);
  return t;
}

}  // namespace

SurfaceResult surface(const SurfaceSpec& spec) {
  const Deadline deadline("grid");
  SurfaceResult r;
  r.known = surface_defaults(spec.objective.kind, spec.objective.weights);
  SurfaceFunction f(spec.objective);
  r.xs = axis(spec.objective.x, spec.nx);
  r.ys = axis(spec.objective.y, spec.ny);
  r.values.resize(spec.ny, spec.nx);
  r.min = std::numeric_limits<double>::infinity();
  r.max = -r.min;
  for (int j = 0; j < spec.ny; ++j) {
    deadline.check("grid", j);
    for (int i = 0; i < spec.nx; ++i) {
      const double v = f.value(r.xs[size_t(i)], r.ys[size_t(j)]);
      r.values(j, i) = v;
      if (std::isfinite(v)) r.min = std::min(r.min, v), r.max = std::max(r.max, v);
    }
  }
  for (const OptimizerConfig& config : spec.optimizers)
    r.trajectories.push_back(race(f, config, spec, r.known, r.min, deadline));
  return r;
}

}  // namespace backprop
