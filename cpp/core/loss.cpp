#include "loss.hpp"

#include <cmath>

namespace backprop {

namespace {
constexpr std::string_view names[] = {"half_sse", "mse", "cross_entropy"};

double log_sum_exp(const double* z, Index n) {
  double top = z[0];
  for (Index j = 1; j < n; ++j) top = std::max(top, z[j]);
  double sum = 0.0;
  for (Index j = 0; j < n; ++j) sum += std::exp(z[j] - top);
  return top + std::log(sum);
}
}  // namespace

std::string_view name(Loss loss) { return names[static_cast<int>(loss)]; }

std::optional<Loss> loss_from_name(std::string_view name) {
  for (int i = 0; i < 3; ++i)
    if (names[i] == name) return static_cast<Loss>(i);
  return std::nullopt;
}

double sum_loss(Loss loss, Activation g, const double* z, const double* a, const double* y,
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
          const double lse = log_sum_exp(z + o, cols);
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

void output_delta(Loss loss, Activation g, const double* z, const double* a, const double* y,
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
