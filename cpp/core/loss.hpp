// Loss functions, summed over rows (samples or time steps); the caller scales.
//   half_sse:      ½ Σ (ŷ − y)²          (the lesson's derivation)
//   mse:           Σ (ŷ − y)²            (scaled by 1/(B·n) it is torch.nn.MSELoss)
//   cross_entropy: −Σ y log ŷ            (with a softmax output, computed as log-softmax)
#pragma once

#include <optional>
#include <string_view>

#include "activation.hpp"
#include "matrix.hpp"

namespace backprop {

enum class Loss { half_sse, mse, cross_entropy };

std::string_view name(Loss loss);
std::optional<Loss> loss_from_name(std::string_view name);

// Σ over the rows of the per-row loss; z and a are the output layer's z and a = g(z).
double sum_loss(Loss loss, Activation g, const double* z, const double* a, const double* y,
                Index rows, Index cols);

// a_grad = scale · ∂(sum_loss)/∂ŷ, and delta = scale · ∂(sum_loss)/∂z: the output delta,
// (ŷ − y) ∘ g′(z) for half_sse. For softmax with cross_entropy delta is the fused, stable
// scale · (ŷ Σy − y). a_grad and delta may be the same buffer.
void output_delta(Loss loss, Activation g, const double* z, const double* a, const double* y,
                  double scale, double* a_grad, double* delta, Index rows, Index cols);

}  // namespace backprop
