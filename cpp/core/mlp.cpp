#include "mlp.hpp"

#include "dropout.hpp"
#include "product.hpp"

namespace backprop {

void forward(const Layer& layer, const ConstMatrixRef& input, LayerTape& tape, bool training) {
  multiply(tape.z, input, layer.W.transpose());
  tape.z.rowwise() += layer.b.row(0);
  if (!layer.batch_norm.enabled()) {
    activate(layer.activation, tape.z.data(), tape.a.data(), tape.z.rows(), tape.z.cols());
  } else {
    if (training) normalize_batch(layer.batch_norm, tape.z, tape.norm);
    else normalize_running(layer.batch_norm, tape.z, tape.norm);
    activate(layer.activation, tape.norm.y.data(), tape.a.data(), tape.z.rows(), tape.z.cols());
  }
  if (training && layer.dropout > 0) apply_dropout(layer.dropout, tape.mask, tape.a, tape.a_drop);
}

void backward(const ConstMatrixRef& input, const LayerTape& tape, LayerGrad& grad) {
  multiply(grad.dW, tape.delta.transpose(), input);
  grad.db.noalias() = tape.delta.colwise().sum();
}

void backward_delta(const Layer& layer, const LayerTape& tape, const Layer& below, LayerTape& below_tape,
                    LayerGrad& below_grad) {
  LayerTape& t = below_tape;
  if (below.dropout > 0) {
    multiply(t.a_drop_grad, tape.delta, layer.W);
    dropout_backward(below.dropout, t.mask, t.a_drop_grad, t.a_grad);
  } else {
    multiply(t.a_grad, tape.delta, layer.W);
  }
  if (!below.batch_norm.enabled()) {
    activation_backward(below.activation, t.z.data(), t.a.data(), t.a_grad.data(), t.delta.data(), t.z.rows(),
                        t.z.cols());
    return;
  }
  activation_backward(below.activation, t.norm.y.data(), t.a.data(), t.a_grad.data(), t.norm.dy.data(), t.z.rows(),
                      t.z.cols());
  normalize_backward(below.batch_norm, t.norm, below_grad.dgamma, below_grad.dbeta, t.delta);
}

MlpTape make_tape(const Mlp& mlp, Index batch_size) {
  MlpTape tape(mlp.layers.size());
  for (size_t l = 0; l < mlp.layers.size(); ++l) {
    const Index n = mlp.layers[l].W.rows();
    tape[l].z.resize(batch_size, n);
    tape[l].a.resize(batch_size, n);
    tape[l].a_grad.resize(batch_size, n);
    tape[l].delta.resize(batch_size, n);
    if (mlp.layers[l].batch_norm.enabled()) tape[l].norm.resize(batch_size, n);
    if (mlp.layers[l].dropout > 0) {
      tape[l].mask = Matrix::Ones(batch_size, n);
      tape[l].a_drop.resize(batch_size, n);
      tape[l].a_drop_grad.resize(batch_size, n);
    }
  }
  return tape;
}

void forward(const Mlp& mlp, const ConstMatrixRef& x, MlpTape& tape, bool training) {
  forward(mlp.layers[0], x, tape[0], training);
  for (size_t l = 1; l < mlp.layers.size(); ++l)
    forward(mlp.layers[l], output(mlp.layers[l - 1], tape[l - 1], training), tape[l], training);
}

void update_running(Mlp& mlp, const MlpTape& tape) {
  for (size_t l = 0; l < mlp.layers.size(); ++l)
    if (mlp.layers[l].batch_norm.enabled()) update_running(mlp.layers[l].batch_norm, tape[l].norm);
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
    backward(output(mlp.layers[l - 1], tape[l - 1], true), tape[l], grads[l]);
    backward_delta(mlp.layers[l], tape[l], mlp.layers[l - 1], tape[l - 1], grads[l - 1]);
  }
  backward(x, tape[0], grads[0]);
}

}  // namespace backprop
