// A multilayer perceptron, layer by layer as the lesson writes it:
//   forward:  z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = f(z⁽ˡ⁾)
//   backward: δ⁽ᴸ⁾ = ∂L/∂ŷ ∘ g′(z⁽ᴸ⁾),  δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ∘ f′(z⁽ˡ⁾),
//             ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ,  ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾
// With a batch, each quantity is B × n (a row per sample), so z = A Wᵀ + b.
// A hidden layer may normalize its z (batch_norm.hpp: a = f(y), y = γ∘x̂ + β) and drop units of
// its a in training (dropout.hpp: the next layer reads a_drop); without them nothing changes.
#pragma once

#include <vector>

#include "activation.hpp"
#include "batch_norm.hpp"
#include "loss.hpp"
#include "matrix.hpp"

namespace backprop {

using ConstMatrixRef = Eigen::Ref<const Matrix>;

// A read-only block of rows (a batch of samples, one per row): what the layer functions read. An
// Eigen::Ref costs more to make than a tiny layer's whole pass (issue 15); this costs nothing.
struct Rows {
  const double* data;
  Index rows, cols, stride;  // stride: between the starts of two rows
  Rows(const Matrix& m) : data(m.data()), rows(m.rows()), cols(m.cols()), stride(m.cols()) {}
  Rows(const ConstMatrixRef& m) : data(m.data()), rows(m.rows()), cols(m.cols()), stride(m.outerStride()) {}
  // Rows start .. start + count of m.
  Rows(const Matrix& m, Index start, Index count)
      : data(m.data() + start * m.cols()), rows(count), cols(m.cols()), stride(m.cols()) {}
  const double* row(Index i) const { return data + i * stride; }
};

struct Layer {
  Matrix W;  // n_out × n_in
  Matrix b;  // 1 × n_out
  Activation activation;
  BatchNorm batch_norm;   // empty: none
  double dropout = 0.0;   // p; 0: none
};

struct LayerTape {
  Matrix z, a, a_grad, delta;  // B × n_out; a_grad = ∂L/∂a, delta = ∂L/∂z
  BatchNormTape norm;          // batch norm only
  Matrix mask, a_drop, a_drop_grad;  // dropout only: m, a ∘ m/(1 − p), ∂L/∂a_drop
};

struct LayerGrad {
  Matrix dW, db;
  Matrix dgamma, dbeta;  // batch norm only
};

// z = input Wᵀ + b, a = f(z) (f(y) with batch norm; then a_drop in training with dropout, from
// tape.mask). `training`: batch statistics and dropout; otherwise running statistics, no dropout.
void forward(const Layer& layer, const Rows& input, LayerTape& tape, bool training = false);
// What the next layer reads: a_drop in training with dropout, a otherwise.
inline const Matrix& output(const Layer& layer, const LayerTape& tape, bool training) {
  return training && layer.dropout > 0 ? tape.a_drop : tape.a;
}
// ∂L/∂W = δᵀ input, ∂L/∂b = Σ over samples of δ
void backward(const Rows& input, const LayerTape& tape, LayerGrad& grad);
// δ of the layer below: ∂L/∂a_below = δ W (through its dropout mask), then
// δ_below = ∂L/∂a_below ∘ f′(z_below) (through f′(y) and the batch statistics with batch norm)
void backward_delta(const Layer& layer, const LayerTape& tape, const Layer& below, LayerTape& below_tape,
                    LayerGrad& below_grad);

struct Mlp {
  std::vector<Layer> layers;
  Loss loss = Loss::half_sse;
  Index output_size() const { return layers.back().W.rows(); }
};

using MlpTape = std::vector<LayerTape>;
using MlpGrads = std::vector<LayerGrad>;

MlpTape make_tape(const Mlp& mlp, Index batch_size);

void forward(const Mlp& mlp, const Rows& x, MlpTape& tape, bool training = false);
// After a training forward: batch norm's running statistics (none without batch norm).
void update_running(Mlp& mlp, const MlpTape& tape);
// The batch loss of the last forward: half_sse and cross_entropy average over samples,
// mse over every element. The targets y, like the tape, are contiguous rows.
double loss(const Mlp& mlp, const MlpTape& tape, const Rows& y);
// After a training forward. A batch-norm layer's ∂L/∂b is exactly 0 (b cancels in z − μ_B).
void backward(const Mlp& mlp, const Rows& x, const Rows& y, MlpTape& tape, MlpGrads& grads);
// A training step's pass: forward in training mode, update_running, the loss (returned), backward.
double train_pass(Mlp& mlp, const Rows& x, const Rows& y, MlpTape& tape, MlpGrads& grads);

}  // namespace backprop
