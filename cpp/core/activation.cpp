#include "activation.hpp"

#include <cmath>

namespace backprop {

namespace {
constexpr std::string_view names[] = {"sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"};

}  // namespace

std::string_view name(Activation f) { return names[static_cast<int>(f)]; }

std::optional<Activation> activation_from_name(std::string_view name) {
  for (int i = 0; i < 6; ++i)
    if (names[i] == name) return static_cast<Activation>(i);
  return std::nullopt;
}

Matrix derivatives(Activation f, const Matrix& z, const Matrix& a) {
  Matrix out(z.rows(), z.cols());
  for (Index i = 0; i < z.size(); ++i) out.data()[i] = derivative(f, z.data()[i], a.data()[i]);
  return out;
}

}  // namespace backprop
