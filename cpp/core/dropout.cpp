#include "dropout.hpp"

namespace backprop {

void draw_mask(double p, Rng& rng, Matrix& mask) {
  for (Index i = 0; i < mask.rows(); ++i)
    for (Index j = 0; j < mask.cols(); ++j) mask(i, j) = rng.uniform() >= p ? 1.0 : 0.0;
}

void apply_dropout(double p, const Matrix& mask, const Matrix& a, Matrix& a_drop) {
  const double scale = 1.0 / (1.0 - p);
  a_drop.array() = a.array() * (mask.array() * scale);
}

void dropout_backward(double p, const Matrix& mask, const Matrix& a_drop_grad, Matrix& a_grad) {
  const double scale = 1.0 / (1.0 - p);
  a_grad.array() = a_drop_grad.array() * (mask.array() * scale);
}

}  // namespace backprop
