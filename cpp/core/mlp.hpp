// A multilayer perceptron, layer by layer as the lesson writes it:
//   forward:  z⁽ˡ⁾ = W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  a⁽ˡ⁾ = f(z⁽ˡ⁾)
//   backward: δ⁽ᴸ⁾ = ∂L/∂ŷ ∘ g′(z⁽ᴸ⁾),  δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ∘ f′(z⁽ˡ⁾),
//             ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ,  ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾
// With a batch, each quantity is B × n (a row per sample), so z = A Wᵀ + b.
#pragma once

#include <vector>

#include "activation.hpp"
#include "loss.hpp"
#include "matrix.hpp"

namespace backprop {

using ConstMatrixRef = Eigen::Ref<const Matrix>;

struct Layer {
  Matrix W;  // n_out × n_in
  Matrix b;  // 1 × n_out
  Activation activation;
};

struct LayerTape {
  Matrix z, a, a_grad, delta;  // B × n_out; a_grad = ∂L/∂a, delta = ∂L/∂z
};

struct LayerGrad {
  Matrix dW, db;
};

// z = input Wᵀ + b, a = f(z)
void forward(const Layer& layer, const ConstMatrixRef& input, LayerTape& tape);
// ∂L/∂W = δᵀ input, ∂L/∂b = Σ over samples of δ
void backward(const ConstMatrixRef& input, const LayerTape& tape, LayerGrad& grad);
// δ of the layer below: ∂L/∂a_below = δ W, then δ_below = ∂L/∂a_below ∘ f′(z_below)
void backward_delta(const Layer& layer, const LayerTape& tape, Activation below, LayerTape& below_tape);

struct Mlp {
  std::vector<Layer> layers;
  Loss loss = Loss::half_sse;
  Index output_size() const { return layers.back().W.rows(); }
};

using MlpTape = std::vector<LayerTape>;
using MlpGrads = std::vector<LayerGrad>;

MlpTape make_tape(const Mlp& mlp, Index batch_size);

void forward(const Mlp& mlp, const ConstMatrixRef& x, MlpTape& tape);
// The batch loss of the last forward: half_sse and cross_entropy average over samples,
// mse over every element.
double loss(const Mlp& mlp, const MlpTape& tape, const ConstMatrixRef& y);
void backward(const Mlp& mlp, const ConstMatrixRef& x, const ConstMatrixRef& y, MlpTape& tape,
              MlpGrads& grads);

}  // namespace backprop
