// The lesson's recurrent cell and backpropagation through time (BPTT):
//   forward,  t = 1..T:  r_t = U x_t + V h_{t−1} + b,  h_t = f(r_t),  s_t = W h_t + c,  y_t = g(s_t)
//   backward, t = T..1:  s̄_t = ȳ_t ∘ g′(s_t)
//                        h̄_t = Wᵀ s̄_t + Vᵀ r̄_{t+1}     (the second term is 0 at t = T)
//                        r̄_t = h̄_t ∘ f′(r_t)
//                        Ū += r̄_t x_tᵀ,  V̄ += r̄_t h_{t−1}ᵀ,  W̄ += s̄_t h_tᵀ,  b̄ += r̄_t,  c̄ += s̄_t
// Vectors over time are stored as rows: row t of `r` is r_t.
#pragma once

#include <vector>

#include "activation.hpp"
#include "loss.hpp"
#include "matrix.hpp"
#include "mlp.hpp"

namespace backprop {

struct RnnCell {
  Matrix U, V, W;   // hidden × input, hidden × hidden, output × hidden
  Matrix b, c;      // 1 × hidden, 1 × output (zero and never trained when bias is off)
  Matrix h0;        // 1 × hidden
  Activation f = Activation::sigmoid, g = Activation::sigmoid;
  Loss loss = Loss::half_sse;
  bool bias = false;
};

// One sequence's forward values and gradients, T rows each.
struct RnnTape {
  Matrix r, h, s, y;
  Matrix y_grad, r_grad, h_grad, s_grad;
  Matrix h_grad_output, h_grad_next;  // the two parts of h̄_t: Wᵀ s̄_t and Vᵀ r̄_{t+1}
};

struct RnnGrads {
  Matrix dU, dV, dW, db, dc, dh0;
};

RnnTape make_tape(const RnnCell& cell, Index steps);
RnnGrads make_grads(const RnnCell& cell);

// Forward over the whole sequence; returns the loss summed over the time steps that have a
// target (all of them when has_target is empty).
double forward(const RnnCell& cell, const ConstMatrixRef& xs, const ConstMatrixRef& targets,
               const std::vector<bool>& has_target, RnnTape& tape);

// BPTT for the last forward; adds scale × the gradients into `grads` (the caller zeroes them).
void bptt(const RnnCell& cell, const ConstMatrixRef& xs, const ConstMatrixRef& targets,
          const std::vector<bool>& has_target, double scale, RnnTape& tape, RnnGrads& grads);

// One time step of the backward pass (0-based t): the lesson's RNNCell.backward.
// Uses tape.r_grad row t + 1 when t + 1 < T; accumulates into grads.
void backward(const RnnCell& cell, const ConstMatrixRef& xs, Index t, RnnTape& tape, RnnGrads& grads);

}  // namespace backprop
