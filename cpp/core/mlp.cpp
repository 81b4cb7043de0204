#include "mlp.hpp"

#include "dropout.hpp"
#include "product.hpp"
#include "small_products.hpp"

namespace backprop {

namespace {

// The products of small layers (the lesson's 2-2-2; Playground's 2-8-8-1 and lab 5's 2-16-2 on
// batches of 10, whose largest products take 1,280 and 640 operations) run as plain loops
// (small_products.hpp). They are not counted for the deadline (deadline.hpp): one cannot be slow,
// and the loops that run them check the time.
constexpr double small_product_ops = 1300;
double product_ops(Index m, Index k, Index n) { return 2.0 * double(m) * double(k) * double(n); }

using InputMap = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
InputMap map(const Rows& r) { return InputMap(r.data, r.rows, r.cols, Eigen::OuterStride<>(r.stride)); }

// The larger products, through Eigen, out of line: a small network's pass (train_pass) takes the
// rest into one function, and not these.
[[gnu::noinline]] void affine_large(const Rows& input, const Layer& layer, Matrix& z) {
  multiply(z, map(input), layer.W.transpose());
  z.rowwise() += layer.b.row(0);
}
[[gnu::noinline]] void weight_grad_large(const Rows& input, const Matrix& delta, LayerGrad& grad) {
  multiply(grad.dW, delta.transpose(), map(input));
  grad.db.noalias() = delta.colwise().sum();
}
[[gnu::noinline]] void delta_times_w_large(const Matrix& delta, const Matrix& W, Matrix& dst) {
  multiply(dst, delta, W);
}

void delta_times_w(const Matrix& delta, const Matrix& W, Matrix& dst) {
  const double ops = product_ops(delta.rows(), W.rows(), W.cols());
  if (ops > small_product_ops) return delta_times_w_large(delta, W, dst);
  small::with_width(W.rows(), [&](auto out) { small::delta_times_w<0, decltype(out)::value>(delta, W, dst); });
}

}  // namespace

void forward(const Layer& layer, const Rows& input, LayerTape& tape, bool training) {
  const double ops = product_ops(input.rows, layer.W.cols(), layer.W.rows());
  if (ops <= small_product_ops) {
    small::with_width(input.cols, [&](auto in) { small::affine<decltype(in)::value, 0>(input, layer.W, layer.b, tape.z); });
  } else {
    affine_large(input, layer, tape.z);
  }
  if (!layer.batch_norm.enabled()) {
    activate(layer.activation, tape.z.data(), tape.a.data(), tape.z.rows(), tape.z.cols());
  } else {
    if (training) normalize_batch(layer.batch_norm, tape.z, tape.norm);
    else normalize_running(layer.batch_norm, tape.z, tape.norm);
    activate(layer.activation, tape.norm.y.data(), tape.a.data(), tape.z.rows(), tape.z.cols());
  }
  if (training && layer.dropout > 0) apply_dropout(layer.dropout, tape.mask, tape.a, tape.a_drop);
}

void backward(const Rows& input, const LayerTape& tape, LayerGrad& grad) {
  const double ops = product_ops(tape.delta.cols(), tape.delta.rows(), input.cols);
  if (ops > small_product_ops) return weight_grad_large(input, tape.delta, grad);
  small::with_width(input.cols, [&](auto in) { small::weight_grad<decltype(in)::value, 0>(input, tape.delta, grad); });
}

void backward_delta(const Layer& layer, const LayerTape& tape, const Layer& below, LayerTape& below_tape,
                    LayerGrad& below_grad) {
  LayerTape& t = below_tape;
  if (below.dropout > 0) {
    delta_times_w(tape.delta, layer.W, t.a_drop_grad);
    dropout_backward(below.dropout, t.mask, t.a_drop_grad, t.a_grad);
  } else {
    delta_times_w(tape.delta, layer.W, t.a_grad);
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

void forward(const Mlp& mlp, const Rows& x, MlpTape& tape, bool training) {
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

double loss(const Mlp& mlp, const MlpTape& tape, const Rows& y) {
  const LayerTape& out = tape.back();
  return loss_scale(mlp, y.rows) *
         sum_loss(mlp.loss, mlp.layers.back().activation, out.z.data(), out.a.data(), y.data,
                  out.z.rows(), out.z.cols());
}

void backward(const Mlp& mlp, const Rows& x, const Rows& y, MlpTape& tape,
              MlpGrads& grads) {
  const size_t L = mlp.layers.size();
  LayerTape& out = tape[L - 1];
  output_delta(mlp.loss, mlp.layers[L - 1].activation, out.z.data(), out.a.data(), y.data,
               loss_scale(mlp, y.rows), out.a_grad.data(), out.delta.data(), out.z.rows(), out.z.cols());
  for (size_t l = L - 1; l > 0; --l) {
    backward(output(mlp.layers[l - 1], tape[l - 1], true), tape[l], grads[l]);
    backward_delta(mlp.layers[l], tape[l], mlp.layers[l - 1], tape[l - 1], grads[l - 1]);
  }
  backward(x, tape[0], grads[0]);
  // b cancels in batch norm's forward (z − μ_B): its gradient is exactly 0. Σδ computes it only up
  // to rounding (~1e-17, PyTorch's value), which Adam or RMSprop would turn into steps of about lr
  // that differ between any two builds; the exact 0 keeps b where it is.
  for (size_t l = 0; l + 1 < L; ++l)
    if (mlp.layers[l].batch_norm.enabled()) grads[l].db.setZero();
}

// [[gnu::flatten]]: its calls inlined. g++ inlines their calls too, so that natively a small
// network's whole pass is one function (the lesson's step 85 -> 72 ns); clang 14 (the WebAssembly
// build) only forward, loss and backward: one call instead of three. Inlining the rest as well
// (always_inline down to the loops) made V8 run every workload's step some 20% slower.
[[gnu::flatten]] double train_pass(Mlp& mlp, const Rows& x, const Rows& y, MlpTape& tape, MlpGrads& grads) {
  forward(mlp, x, tape, true);
  update_running(mlp, tape);
  const double value = loss(mlp, tape, y);
  backward(mlp, x, y, tape, grads);
  return value;
}

}  // namespace backprop
