#include "init_stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "datasets.hpp"
#include "objective.hpp"
#include "mlp.hpp"

namespace backprop {

Scenario init_stats_scenario(const InitStatsSpec& spec) {
  Scenario s;
  s.kind = ModelKind::mlp;
  s.mlp.layers.assign(size_t(spec.depth) + 2, spec.width);
  s.mlp.activations.assign(size_t(spec.depth), spec.activation);
  s.mlp.activations.push_back(Activation::linear);
  s.mlp.loss = Loss::half_sse;
  s.init = spec.init;
  s.init.seed = spec.seed;
  Rng rng(spec.seed + 1);
  s.inputs.resize(spec.batch, spec.width);
  s.targets.resize(spec.batch, spec.width);
  for (Index i = 0; i < s.inputs.size(); ++i) s.inputs.data()[i] = gaussian(rng);
  for (Index i = 0; i < s.targets.size(); ++i) s.targets.data()[i] = gaussian(rng);
  return s;
}

namespace {

// The order statistic k of v[first, last), which holds exactly the order statistics first … last − 1.
double select(std::vector<double>& v, size_t first, size_t last, size_t k) {
  std::nth_element(v.begin() + std::ptrdiff_t(first), v.begin() + std::ptrdiff_t(k), v.begin() + std::ptrdiff_t(last));
  return v[k];
}

}  // namespace

Spread spread(std::vector<double>& v) {
  Spread out;
  const size_t n = v.size();
  if (n == 0) return out;
  double sum = 0, low = v[0], high = v[0];
  for (double x : v) sum += x, low = std::min(low, x), high = std::max(high, x);
  out.mean = sum / double(n);
  double squares = 0;
  for (double x : v) squares += (x - out.mean) * (x - out.mean);
  out.std = std::sqrt(squares / double(n));
  // Quantile q: position q·(n − 1), between its two order statistics (numpy's default). The median
  // first, then each quartile within its half, then 5% and 95% within their quarter: every
  // selection works on the part of v that holds its order statistics.
  const auto position = [&](double q) { return q * double(n - 1); };
  if (n < 64) {  // few values: sorted (the nested selections below need the levels' positions apart)
    std::sort(v.begin(), v.end());
    for (size_t k = 0; k < quantile_levels.size(); ++k) {
      const double p = position(quantile_levels[k]);
      const size_t i = size_t(std::floor(p));
      out.quantiles[k] = i + 1 < n ? v[i] + (p - double(i)) * (v[i + 1] - v[i]) : v[i];
    }
    return out;
  }
  const auto order = [&](double q) { return size_t(std::floor(position(q))); };
  struct Bound {
    size_t first, last;
  };
  // Selected order statistics, each with the range it was selected in.
  const size_t k50 = order(0.5), k25 = order(0.25), k75 = order(0.75), k05 = order(0.05), k95 = order(0.95);
  const auto value = [&](double q, size_t k, Bound b) {
    double x = select(v, b.first, b.last, k);
    const double fraction = position(q) - double(k);
    if (fraction > 0 && k + 1 < n) {
      // The next order statistic: the least value right of k within the range, or the range's bound.
      const double next = k + 1 < b.last ? *std::min_element(v.begin() + std::ptrdiff_t(k + 1), v.begin() + std::ptrdiff_t(b.last))
                                         : v[b.last];
      x += fraction * (next - x);
    }
    return x;
  };
  out.quantiles[0] = low;
  out.quantiles[6] = high;
  out.quantiles[3] = value(0.5, k50, {0, n});
  out.quantiles[2] = value(0.25, k25, {0, k50});
  out.quantiles[1] = value(0.05, k05, {0, k25});
  out.quantiles[4] = value(0.75, k75, {k50 + 1, n});
  out.quantiles[5] = value(0.95, k95, {k75 + 1, n});
  return out;
}

std::vector<LayerStats> init_stats(const InitStatsSpec& spec) {
  const Scenario s = init_stats_scenario(spec);
  const std::unique_ptr<Objective> objective = make_objective(s);
  std::vector<Index> rows(size_t(spec.batch));
  std::iota(rows.begin(), rows.end(), Index{0});
  objective->loss_and_gradient({rows.data(), Index(rows.size()), true});
  const std::vector<LayerTape>& tape = *objective->last_tape();  // the pass's a and δ
  const ParamViews& params = objective->params();                // W1, b1, W2, …: ∂L/∂W in grad
  std::vector<LayerStats> out;
  std::vector<double> values;
  const auto spread_of = [&](const double* data, Index size) {
    values.assign(data, data + size);
    return spread(values);
  };
  for (int l = 1; l <= spec.depth + 1; ++l) {
    LayerStats stats;
    stats.layer = l;
    const Matrix& a = tape[size_t(l - 1)].a;
    const ParamView& W = params[size_t(2 * (l - 1))];
    stats.activation = spread_of(a.data(), a.size());
    stats.gradient = spread_of(W.grad, W.size());
    stats.delta = spread_of(tape[size_t(l - 1)].delta.data(), a.size());
    const Activation f = l <= spec.depth ? spec.activation : Activation::linear;
    double saturated = 0, zero = 0;
    for (Index i = 0; i < a.size(); ++i) {
      const double x = a.data()[i];
      if (f == Activation::tanh && std::abs(x) > 0.99) ++saturated;
      if (f == Activation::sigmoid && (x < 0.01 || x > 0.99)) ++saturated;
      if (x == 0) ++zero;
    }
    stats.saturated = saturated / double(a.size());
    stats.zero = zero / double(a.size());
    out.push_back(stats);
  }
  return out;
}

}  // namespace backprop
