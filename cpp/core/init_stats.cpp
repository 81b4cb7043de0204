#include "init_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
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

// Doubles as unsigned keys in the same order (negative values flipped), so that selection needs no
// floating-point comparison (a NaN, from an overflowing initialisation, sorts beyond ±∞).
std::uint64_t key_of(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b >> 63 ? ~b : b | (std::uint64_t{1} << 63);
}
double value_of(std::uint64_t k) {
  const std::uint64_t b = k >> 63 ? k & ~(std::uint64_t{1} << 63) : ~k;
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// The order statistics `wanted` of `keys` (ranks in any order): one pass counts the keys by their top 16 bits, a second
// gathers the buckets that hold a wanted rank, and each of those is selected in alone.
void order_statistics(const std::vector<std::uint64_t>& keys, const std::vector<size_t>& wanted, std::vector<double>& values) {
  std::vector<size_t> ranks = wanted;  // ascending, each once
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  std::vector<double> out;
  constexpr int shift = 48;
  std::vector<std::uint32_t> count(size_t(1) << (64 - shift), 0);
  for (std::uint64_t k : keys) ++count[k >> shift];
  std::vector<int> slot(count.size(), -1);  // bucket → index in `buckets`
  std::vector<std::vector<std::uint64_t>> buckets;
  std::vector<std::pair<int, size_t>> where(ranks.size());  // each rank's bucket and offset in it
  size_t below = 0, r = 0;
  for (size_t b = 0; b < count.size() && r < ranks.size(); ++b) {
    for (; r < ranks.size() && ranks[r] < below + count[b]; ++r) {
      if (slot[b] < 0) slot[b] = int(buckets.size()), buckets.emplace_back();
      where[r] = {slot[b], ranks[r] - below};
    }
    below += count[b];
  }
  for (std::uint64_t k : keys)
    if (const int s = slot[k >> shift]; s >= 0) buckets[size_t(s)].push_back(k);
  out.resize(ranks.size());
  for (size_t i = 0; i < ranks.size(); ++i) {
    std::vector<std::uint64_t>& bucket = buckets[size_t(where[i].first)];
    const auto nth = bucket.begin() + std::ptrdiff_t(where[i].second);
    std::nth_element(bucket.begin(), nth, bucket.end());
    out[i] = value_of(*nth);
  }
  values.resize(wanted.size());
  for (size_t i = 0; i < wanted.size(); ++i)
    values[i] = out[size_t(std::lower_bound(ranks.begin(), ranks.end(), wanted[i]) - ranks.begin())];
}

}  // namespace

Spread spread(const double* v, size_t n) {
  Spread out;
  if (n == 0) return out;
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += v[i];
  out.mean = sum / double(n);
  double squares = 0;
  for (size_t i = 0; i < n; ++i) squares += (v[i] - out.mean) * (v[i] - out.mean);
  out.std = std::sqrt(squares / double(n));
  // Quantile q: position q·(n − 1), between its two order statistics (numpy's default).
  std::vector<std::uint64_t> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = key_of(v[i]);
  std::vector<size_t> ranks;
  for (double q : quantile_levels) {
    const size_t low = size_t(std::floor(q * double(n - 1)));
    ranks.push_back(low);
    ranks.push_back(std::min(low + 1, n - 1));
  }
  std::vector<double> stats;
  order_statistics(keys, ranks, stats);
  for (size_t k = 0; k < quantile_levels.size(); ++k) {
    const double position = quantile_levels[k] * double(n - 1), fraction = position - std::floor(position);
    const double low = stats[2 * k], high = stats[2 * k + 1];
    out.quantiles[k] = fraction > 0 ? low + fraction * (high - low) : low;
  }
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
  const auto spread_of = [](const double* data, Index size) { return spread(data, size_t(size)); };
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
