// Inverted dropout after a hidden layer's activation, in training only:
//   a_drop = a ∘ m/(1 − p),  ∂L/∂a = ∂L/∂a_drop ∘ m/(1 − p)
// m is 0 or 1 per unit and row: given (the scenario's model.dropout_masks, the same at every step)
// or drawn each step, kept with probability 1 − p (docs/scenario.md, "Dropout").
#pragma once

#include "matrix.hpp"
#include "rng.hpp"

namespace backprop {

// Each entry 1 when a uniform draw in [0, 1) is ≥ p, else 0; row by row, unit by unit.
void draw_mask(double p, Rng& rng, Matrix& mask);
// a_drop = a ∘ mask/(1 − p)
void apply_dropout(double p, const Matrix& mask, const Matrix& a, Matrix& a_drop);
// a_grad = a_drop_grad ∘ mask/(1 − p)
void dropout_backward(double p, const Matrix& mask, const Matrix& a_drop_grad, Matrix& a_grad);

}  // namespace backprop
