// Loss functions, summed over rows (samples or time steps); the caller scales.
//   half_sse:      ½ Σ (ŷ − y)²          (the lesson's derivation)
//   mse:           Σ (ŷ − y)²            (scaled by 1/(B·n) it is torch.nn.MSELoss)
//   cross_entropy: −Σ y log ŷ            (with a softmax output, computed as log-softmax)
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "activation.hpp"
#include "matrix.hpp"

namespace backprop {

enum class Loss { half_sse, mse, cross_entropy };

std::string_view name(Loss loss);
std::optional<Loss> loss_from_name(std::string_view name);

// Defined here, inline, as the activations are (activation.hpp).
namespace detail {
inline double log_sum_exp(const double* z, Index n) {
  double top = z[0];
  for (Index j = 1; j < n; ++j) top = std::max(top, z[j]);
  double sum = 0.0;
  for (Index j = 0; j < n; ++j) sum += std::exp(z[j] - top);
  return top + std::log(sum);
}
}  // namespace detail

// Σ over the rows of the per-row loss; z and a are the output layer's z and a = g(z).
inline double sum_loss(Loss loss, Activation g, const double* z, const double* a, const double* y,
                       Index rows, Index cols) {
  double sum = 0.0;
  const Index n = rows * cols;
  switch (loss) {
    case Loss::half_sse:
      for (Index i = 0; i < n; ++i) sum += (a[i] - y[i]) * (a[i] - y[i]);
      return 0.5 * sum;
    case Loss::mse:
      for (Index i = 0; i < n; ++i) sum += (a[i] - y[i]) * (a[i] - y[i]);
      return sum;
    case Loss::cross_entropy:
      for (Index r = 0; r < rows; ++r) {
        const Index o = r * cols;
        if (g == Activation::softmax) {
          const double lse = detail::log_sum_exp(z + o, cols);
          for (Index j = 0; j < cols; ++j)
            if (y[o + j] != 0.0) sum -= y[o + j] * (z[o + j] - lse);
        } else {
          for (Index j = 0; j < cols; ++j)
            if (y[o + j] != 0.0) sum -= y[o + j] * std::log(a[o + j]);
        }
      }
      return sum;
  }
  return sum;
}

// a_grad = scale · ∂(sum_loss)/∂ŷ, and delta = scale · ∂(sum_loss)/∂z: the output delta,
// (ŷ − y) ∘ g′(z) for half_sse. For softmax with cross_entropy delta is the fused, stable
// scale · (ŷ Σy − y). a_grad and delta may be the same buffer.
inline void output_delta(Loss loss, Activation g, const double* z, const double* a, const double* y,
                         double scale, double* a_grad, double* delta, Index rows, Index cols) {
  const Index n = rows * cols;
  switch (loss) {
    case Loss::half_sse:
      for (Index i = 0; i < n; ++i) a_grad[i] = scale * (a[i] - y[i]);
      break;
    case Loss::mse:
      for (Index i = 0; i < n; ++i) a_grad[i] = 2.0 * scale * (a[i] - y[i]);
      break;
    case Loss::cross_entropy:
      if (g == Activation::softmax) {
        for (Index r = 0; r < rows; ++r) {
          const Index o = r * cols;
          double y_sum = 0.0;
          for (Index j = 0; j < cols; ++j) y_sum += y[o + j];
          for (Index j = 0; j < cols; ++j) {
            const double fused = scale * (a[o + j] * y_sum - y[o + j]);
            a_grad[o + j] = y[o + j] == 0.0 ? 0.0 : -scale * y[o + j] / a[o + j];
            delta[o + j] = fused;
          }
        }
        return;
      }
      for (Index i = 0; i < n; ++i) a_grad[i] = y[i] == 0.0 ? 0.0 : -scale * y[i] / a[i];
      break;
  }
  activation_backward(g, z, a, a_grad, delta, rows, cols);
}

}  // namespace backprop
