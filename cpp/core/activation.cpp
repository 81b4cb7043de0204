#include "activation.hpp"

#include <cmath>

namespace backprop {

namespace {
constexpr std::string_view names[] = {"sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"};

void softmax_row(const double* z, double* a, Index n) {
  double top = z[0];
  for (Index j = 1; j < n; ++j) top = std::max(top, z[j]);
  double sum = 0.0;
  for (Index j = 0; j < n; ++j) sum += a[j] = std::exp(z[j] - top);
  for (Index j = 0; j < n; ++j) a[j] /= sum;
}
}  // namespace

std::string_view name(Activation f) { return names[static_cast<int>(f)]; }

std::optional<Activation> activation_from_name(std::string_view name) {
  for (int i = 0; i < 6; ++i)
    if (names[i] == name) return static_cast<Activation>(i);
  return std::nullopt;
}

double derivative(Activation f, double z, double a) {
  switch (f) {
    case Activation::sigmoid: return a * (1.0 - a);
    case Activation::tanh: return 1.0 - a * a;
    case Activation::relu: return z > 0.0 ? 1.0 : 0.0;
    case Activation::leaky_relu: return z > 0.0 ? 1.0 : leaky_relu_slope;
    case Activation::linear: return 1.0;
    case Activation::softmax: break;
  }
  return 0.0;
}

Matrix derivatives(Activation f, const Matrix& z, const Matrix& a) {
  Matrix out(z.rows(), z.cols());
  for (Index i = 0; i < z.size(); ++i) out.data()[i] = derivative(f, z.data()[i], a.data()[i]);
  return out;
}

void activate(Activation f, const double* z, double* a, Index rows, Index cols) {
  const Index n = rows * cols;
  switch (f) {
    case Activation::sigmoid:
      for (Index i = 0; i < n; ++i) a[i] = 1.0 / (1.0 + std::exp(-z[i]));
      return;
    case Activation::tanh:
      for (Index i = 0; i < n; ++i) a[i] = std::tanh(z[i]);
      return;
    case Activation::relu:
      for (Index i = 0; i < n; ++i) a[i] = z[i] > 0.0 ? z[i] : 0.0;
      return;
    case Activation::leaky_relu:
      for (Index i = 0; i < n; ++i) a[i] = z[i] > 0.0 ? z[i] : leaky_relu_slope * z[i];
      return;
    case Activation::linear:
      for (Index i = 0; i < n; ++i) a[i] = z[i];
      return;
    case Activation::softmax:
      for (Index r = 0; r < rows; ++r) softmax_row(z + r * cols, a + r * cols, cols);
      return;
  }
}

void activation_backward(Activation f, const double* z, const double* a, const double* a_grad,
                         double* z_grad, Index rows, Index cols) {
  if (f == Activation::softmax) {
    // ∂L/∂z_j = a_j (∂L/∂a_j − Σ_k ∂L/∂a_k a_k)
    for (Index r = 0; r < rows; ++r) {
      const Index o = r * cols;
      double dot = 0.0;
      for (Index j = 0; j < cols; ++j) dot += a_grad[o + j] * a[o + j];
      for (Index j = 0; j < cols; ++j) z_grad[o + j] = a[o + j] * (a_grad[o + j] - dot);
    }
    return;
  }
  const Index n = rows * cols;
  for (Index i = 0; i < n; ++i) z_grad[i] = a_grad[i] * derivative(f, z[i], a[i]);
}

}  // namespace backprop
