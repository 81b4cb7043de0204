// A deep MLP at initialisation (the `init_stats` verb, docs/labs.md): how activations, δ and
// ∂L/∂W are spread layer by layer before any training, for one batch. The model is the core's own
// (init_stats_scenario), its forward and backward the training's.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "scenario.hpp"

namespace backprop {

struct InitStatsSpec {
  int depth = 10;    // hidden layers, 1–20
  int width = 128;   // units of every layer (input, hidden, output), 1–128
  Activation activation = Activation::tanh;
  InitConfig init;   // scheme and scale; its seed is `seed`
  int batch = 256;   // rows, 1–1024
  std::uint64_t seed = 0;
};

inline constexpr std::array<double, 7> quantile_levels{0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};

struct Spread {
  std::array<double, 7> quantiles{};  // at quantile_levels, linear interpolation between order statistics
  double mean = 0, std = 0;           // std over all entries (divided by n)
};

struct LayerStats {
  int layer = 1;  // 1 … depth, then depth + 1 the linear output layer
  Spread activation, gradient, delta;
  double saturated = 0;  // tanh |a| > 0.99; sigmoid a < 0.01 or a > 0.99; other activations 0
  double zero = 0;       // a exactly 0
};

// The equivalent scenario: layers [width] × (depth + 2), `activation` on the hidden layers, a linear
// output, half_sse; inputs then targets N(0, 1) (Box–Muller, datasets.hpp's gaussian), batch × width
// each, row by row from Rng(seed + 1); parameters drawn by `init` from Rng(seed) as any scenario's.
Scenario init_stats_scenario(const InitStatsSpec& spec);
std::vector<LayerStats> init_stats(const InitStatsSpec& spec);
Spread spread(const double* values, size_t n);

}  // namespace backprop
