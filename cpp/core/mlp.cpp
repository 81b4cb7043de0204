#include "mlp.hpp"

#include "product.hpp"

namespace backprop {

void forward(const Layer& layer, const ConstMatrixRef& input, LayerTape& tape) {
  multiply(tape.z, input, layer.W.transpose());
  tape.z.rowwise() += layer.b.row(0);
  activate(layer.activation, tape.z.data(), tape.a.data(), tape.z.rows(), tape.z.cols());
}

void backward(const ConstMatrixRef& input, const LayerTape& tape, LayerGrad& grad) {
  multiply(grad.dW, tape.delta.transpose(), input);
  grad.db.noalias() = tape.delta.colwise().sum();
}

void backward_delta(const Layer& layer, const LayerTape& tape, Activation below, LayerTape& below_tape) {
  multiply(below_tape.a_grad, tape.delta, layer.W);
  activation_backward(below, below_tape.z.data(), below_tape.a.data(), below_tape.a_grad.data(),
                      below_tape.delta.data(), below_tape.z.rows(), below_tape.z.cols());
}

MlpTape make_tape(const Mlp& mlp, Index batch_size) {
  MlpTape tape(mlp.layers.size());
  for (size_t l = 0; l < mlp.layers.size(); ++l) {
    const Index n = mlp.layers[l].W.rows();
    tape[l].z.resize(batch_size, n);
    tape[l].a.resize(batch_size, n);
    tape[l].a_grad.resize(batch_size, n);
    tape[l].delta.resize(batch_size, n);
  }
  return tape;
}

void forward(const Mlp& mlp, const ConstMatrixRef& x, MlpTape& tape) {
  forward(mlp.layers[0], x, tape[0]);
  for (size_t l = 1; l < mlp.layers.size(); ++l) forward(mlp.layers[l], tape[l - 1].a, tape[l]);
}

namespace {
// The factor that turns a sum over the batch into the lesson's mean.
double loss_scale(const Mlp& mlp, Index batch_size) {
  const double scale = 1.0 / double(batch_size);
  return mlp.loss == Loss::mse ? scale / double(mlp.output_size()) : scale;
}
}  // namespace

double loss(const Mlp& mlp, const MlpTape& tape, const ConstMatrixRef& y) {
  const LayerTape& out = tape.back();
  return loss_scale(mlp, y.rows()) *
         sum_loss(mlp.loss, mlp.layers.back().activation, out.z.data(), out.a.data(), y.data(),
                  out.z.rows(), out.z.cols());
}

void backward(const Mlp& mlp, const ConstMatrixRef& x, const ConstMatrixRef& y, MlpTape& tape,
              MlpGrads& grads) {
  const size_t L = mlp.layers.size();
  LayerTape& out = tape[L - 1];
  output_delta(mlp.loss, mlp.layers[L - 1].activation, out.z.data(), out.a.data(), y.data(),
               loss_scale(mlp, y.rows()), out.a_grad.data(), out.delta.data(), out.z.rows(), out.z.cols());
  for (size_t l = L - 1; l > 0; --l) {
    backward(tape[l - 1].a, tape[l], grads[l]);
    backward_delta(mlp.layers[l], tape[l], mlp.layers[l - 1].activation, tape[l - 1]);
  }
  backward(x, tape[0], grads[0]);
}

}  // namespace backprop
