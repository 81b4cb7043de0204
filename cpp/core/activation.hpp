// Activation functions f and their backward pass, row by row.
// softmax normalises each row (one sample, or one time step).
#pragma once

#include <optional>
#include <string_view>

#include "matrix.hpp"

namespace backprop {

enum class Activation { sigmoid, tanh, relu, leaky_relu, linear, softmax };

inline constexpr double leaky_relu_slope = 0.01;

std::string_view name(Activation f);
std::optional<Activation> activation_from_name(std::string_view name);

// a = f(z), for a block of `rows` rows of `cols` contiguous values.
void activate(Activation f, const double* z, double* a, Index rows, Index cols);

// z_grad = ∂L/∂z from a_grad = ∂L/∂a: a_grad ∘ f′(z), or the softmax Jacobian product.
void activation_backward(Activation f, const double* z, const double* a, const double* a_grad,
                         double* z_grad, Index rows, Index cols);

// f′(z) element by element (not defined for softmax, whose Jacobian is not diagonal).
double derivative(Activation f, double z, double a);
// f′(z) of a whole matrix, for traces.
Matrix derivatives(Activation f, const Matrix& z, const Matrix& a);

}  // namespace backprop
