// Batch normalization of a hidden layer's z, as torch.nn.BatchNorm1d(n, eps=1e-5, momentum=0.1):
//   training:   μ_B, σ²_B (biased) of the batch, x̂ = (z − μ_B)/√(σ²_B + ε), y = γ∘x̂ + β;
//               running_mean ← (1 − m)·running_mean + m·μ_B,
//               running_var  ← (1 − m)·running_var + m·σ²_B·B/(B − 1)
//   evaluation: x̂ = (z − running_mean)/√(running_var + ε), y = γ∘x̂ + β
//   backward:   ∂L/∂γ = Σ dy∘x̂, ∂L/∂β = Σ dy, dx̂ = dy∘γ,
//               δ = (1/B)·(1/√(σ²_B + ε))·(B dx̂ − Σ dx̂ − x̂ Σ(dx̂∘x̂))  (the batch statistics' part)
#pragma once

#include "matrix.hpp"

namespace backprop {

inline constexpr double batch_norm_eps = 1e-5;
inline constexpr double batch_norm_momentum = 0.1;

struct BatchNorm {
  Matrix gamma, beta;                 // parameters, 1 × n
  Matrix running_mean, running_var;   // buffers, 1 × n
  bool enabled() const { return gamma.size() > 0; }
};

// A batch-norm layer's part of the tape; empty matrices for a layer without it.
struct BatchNormTape {
  Matrix mu, var, inv_std;       // 1 × n: μ_B, σ²_B (biased), 1/√(σ²_B + ε)
  Matrix xhat, y, dy, dxhat;     // B × n
  void resize(Index rows, Index n);
};

// Training: batch statistics from z into t (mu, var, inv_std, xhat, y).
void normalize_batch(const BatchNorm& bn, const Matrix& z, BatchNormTape& t);
// Evaluation: the running statistics; writes t.xhat and t.y.
void normalize_running(const BatchNorm& bn, const Matrix& z, BatchNormTape& t);
// After a training forward: the running statistics move towards the batch's.
void update_running(BatchNorm& bn, const BatchNormTape& t);
// From t.dy: dgamma, dbeta (1 × n), t.dxhat and delta = ∂L/∂z (B × n).
void normalize_backward(const BatchNorm& bn, BatchNormTape& t, Matrix& dgamma, Matrix& dbeta, Matrix& delta);

}  // namespace backprop
