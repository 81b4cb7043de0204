#include "init.hpp"

#include <cmath>

namespace backprop {

namespace {
void fill_uniform(Matrix& m, double bound, Rng& rng) {
  if (bound == 0.0) {
    m.setZero();
    return;
  }
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(-bound, bound);
}
}  // namespace

void init_weight(Matrix& W, const InitConfig& init, Index fan_in, Index fan_out, Rng& rng) {
  double bound = 0.0;
  switch (init.scheme) {
    case InitScheme::uniform: bound = init.scale; break;
    case InitScheme::xavier_uniform: bound = std::sqrt(6.0 / double(fan_in + fan_out)); break;
    case InitScheme::he_uniform: bound = std::sqrt(6.0 / double(fan_in)); break;
    case InitScheme::pytorch_default: bound = 1.0 / std::sqrt(double(fan_in)); break;
  }
  fill_uniform(W, bound, rng);
}

void init_bias(Matrix& b, const InitConfig& init, Index fan_in, Rng& rng) {
  double bound = 0.0;
  if (init.scheme == InitScheme::uniform) bound = init.scale;
  if (init.scheme == InitScheme::pytorch_default) bound = 1.0 / std::sqrt(double(fan_in));
  fill_uniform(b, bound, rng);
}

}  // namespace backprop
