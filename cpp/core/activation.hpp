// Activation functions f and their backward pass, row by row.
// softmax normalises each row (one sample, or one time step).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "matrix.hpp"

namespace backprop {

enum class Activation { sigmoid, tanh, relu, leaky_relu, linear, softmax };

inline constexpr double leaky_relu_slope = 0.01;

std::string_view name(Activation f);
std::optional<Activation> activation_from_name(std::string_view name);

// Defined here, inline: the layers' passes (mlp.cpp) take them into their own code, so that a
// small network's step is a few large functions rather than many small calls (issue 15).

// The activations' loops call exp for each element: clang's vectorised versions move lanes in and
// out of SIMD registers around each call, slower in WebAssembly than the scalar loops (the lesson's
// step 143 -> 135 ns, the wider networks unchanged; issue 15).
#if defined(__clang__)
#define BACKPROP_SCALAR_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#else
#define BACKPROP_SCALAR_LOOP
#endif

namespace detail {
// tanh from one exp, the same code natively and in WebAssembly (issue 15): libm's tanh goes
// through expm1 and took most of a tanh network's step (Playground's 2-8-8-1: 64% natively),
// and Emscripten's (musl's) ran 1.4 times glibc's. Within 3.6 ulp of tanh (glibc's: 1.9).
inline double tanh_of(double x) {
  const double a = std::abs(x);
  double r;
  if (a < 0.125) {
    // The Taylor series to a¹⁵ (the terms left out are below 2e-18 of the sum): no cancellation.
    const double s = a * a;
    double p = -0.0014558343870513183;
    p = p * s + 0.003592128036572481;
    p = p * s - 0.008863235529902197;
    p = p * s + 0.021869488536155203;
    p = p * s - 0.05396825396825397;
    p = p * s + 0.13333333333333333;
    p = p * s - 0.3333333333333333;
    r = a + a * (s * p);
  } else {
    const double e = std::exp(-2.0 * a);  // ≤ 0.78: 1 − e loses at most two bits
    r = (1.0 - e) / (1.0 + e);
  }
  return std::copysign(r, x);  // and tanh(−0) = −0
}

inline void softmax_row(const double* z, double* a, Index n) {
  double top = z[0];
  for (Index j = 1; j < n; ++j) top = std::max(top, z[j]);
  double sum = 0.0;
  for (Index j = 0; j < n; ++j) sum += a[j] = std::exp(z[j] - top);
  for (Index j = 0; j < n; ++j) a[j] /= sum;
}
}  // namespace detail

// f′(z) element by element (not defined for softmax, whose Jacobian is not diagonal).
inline double derivative(Activation f, double z, double a) {
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

// a = f(z), for a block of `rows` rows of `cols` contiguous values.
inline void activate(Activation f, const double* z, double* a, Index rows, Index cols) {
  const Index n = rows * cols;
  switch (f) {
    case Activation::sigmoid:
      BACKPROP_SCALAR_LOOP for (Index i = 0; i < n; ++i) a[i] = 1.0 / (1.0 + std::exp(-z[i]));
      return;
    case Activation::tanh:
      BACKPROP_SCALAR_LOOP for (Index i = 0; i < n; ++i) a[i] = detail::tanh_of(z[i]);
      return;
    case Activation::relu:
      BACKPROP_SCALAR_LOOP for (Index i = 0; i < n; ++i) a[i] = z[i] > 0.0 ? z[i] : 0.0;
      return;
    case Activation::leaky_relu:
      BACKPROP_SCALAR_LOOP for (Index i = 0; i < n; ++i) a[i] = z[i] > 0.0 ? z[i] : leaky_relu_slope * z[i];
      return;
    case Activation::linear:
      BACKPROP_SCALAR_LOOP for (Index i = 0; i < n; ++i) a[i] = z[i];
      return;
    case Activation::softmax:
      for (Index r = 0; r < rows; ++r) detail::softmax_row(z + r * cols, a + r * cols, cols);
      return;
  }
}

#if defined(__clang__)
namespace detail {
// z_grad = a_grad ∘ f′(z) with F known at compile time: derivative() folds to its one case.
template <Activation F>
inline void times_derivative(const double* z, const double* a, const double* a_grad, double* z_grad, Index n) {
  if constexpr (F == Activation::tanh) {
    // Vectorised (no call in it): Playground's step 3-4% faster in V8.
    for (Index i = 0; i < n; ++i) z_grad[i] = a_grad[i] * derivative(F, z[i], a[i]);
  } else {
    BACKPROP_SCALAR_LOOP for (Index i = 0; i < n; ++i) z_grad[i] = a_grad[i] * derivative(F, z[i], a[i]);
  }
}
}  // namespace detail
#endif

// z_grad = ∂L/∂z from a_grad = ∂L/∂a: a_grad ∘ f′(z), or the softmax Jacobian product.
inline void activation_backward(Activation f, const double* z, const double* a, const double* a_grad,
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
#if !defined(__clang__)
  // g++ keeps derivative() per element: given one loop per f, as clang's build has below, it
  // vectorised them, and the lesson's step (two units a layer) ran 6% slower natively.
  for (Index i = 0; i < n; ++i) z_grad[i] = a_grad[i] * derivative(f, z[i], a[i]);
#else
  // One loop per f, the switch out of the loop (in WebAssembly a switch per element made
  // Playground's step 5% slower).
  switch (f) {
    case Activation::sigmoid: return detail::times_derivative<Activation::sigmoid>(z, a, a_grad, z_grad, n);
    case Activation::tanh: return detail::times_derivative<Activation::tanh>(z, a, a_grad, z_grad, n);
    case Activation::relu: return detail::times_derivative<Activation::relu>(z, a, a_grad, z_grad, n);
    case Activation::leaky_relu: return detail::times_derivative<Activation::leaky_relu>(z, a, a_grad, z_grad, n);
    case Activation::linear: return detail::times_derivative<Activation::linear>(z, a, a_grad, z_grad, n);
    case Activation::softmax: return;  // above
  }
#endif
}

// f′(z) of a whole matrix, for traces.
Matrix derivatives(Activation f, const Matrix& z, const Matrix& a);

}  // namespace backprop
