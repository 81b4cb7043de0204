#include "mlp.hpp"

#include "dropout.hpp"
#include "product.hpp"

namespace backprop {

namespace {

// The products of small layers (the lesson's 2-2-2, Playground's 2-8-8-1 on batches of 10) run as
// plain loops: for them Eigen's run-time choice of a product kernel costs more than the
// arithmetic (issue 15). Each entry is summed in order over its inner index; the sums of
// different entries run side by side (no chain of dependent additions through a whole row).
// They are not counted for the deadline (deadline.hpp): one cannot be slow, and the loops that
// run them check the time.
constexpr double small_product_ops = 600;
// Their loops run a handful of times: g++'s vectorised versions only add checks around them.
#if defined(__GNUC__) && !defined(__clang__)
#define BACKPROP_SCALAR_LOOPS [[gnu::optimize("no-tree-vectorize")]]
#else
#define BACKPROP_SCALAR_LOOPS
#endif
double product_ops(Index m, Index k, Index n) { return 2.0 * double(m) * double(k) * double(n); }

using InputMap = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
InputMap map(const Rows& r) { return InputMap(r.data, r.rows, r.cols, Eigen::OuterStride<>(r.stride)); }

// z = input Wᵀ + b: z(i, j) = Σ_k input(i, k) W(j, k) + b(j)
BACKPROP_SCALAR_LOOPS void affine_small(const Rows& input, const Matrix& W, const Matrix& b, Matrix& z) {
  const Index n_in = W.cols(), n = W.rows();
  const double* w = W.data();
  for (Index i = 0; i < input.rows; ++i) {
    const double* x = input.row(i);
    double* zi = z.data() + i * n;
    for (Index j = 0; j < n; ++j) zi[j] = x[0] * w[j * n_in];
    for (Index k = 1; k < n_in; ++k)
      for (Index j = 0; j < n; ++j) zi[j] += x[k] * w[j * n_in + k];
    for (Index j = 0; j < n; ++j) zi[j] += b.data()[j];
  }
}

// dst = δ W: dst(i, k) = Σ_j δ(i, j) W(j, k)
BACKPROP_SCALAR_LOOPS void delta_times_w_small(const Matrix& delta, const Matrix& W, Matrix& dst) {
  const Index n = W.rows(), n_in = W.cols();
  const double* w = W.data();
  for (Index i = 0; i < delta.rows(); ++i) {
    const double* d = delta.data() + i * n;
    double* out = dst.data() + i * n_in;
    for (Index k = 0; k < n_in; ++k) out[k] = d[0] * w[k];
    for (Index j = 1; j < n; ++j)
      for (Index k = 0; k < n_in; ++k) out[k] += d[j] * w[j * n_in + k];
  }
}

// ∂L/∂W(j, k) = Σ_i δ(i, j) input(i, k), ∂L/∂b(j) = Σ_i δ(i, j)
BACKPROP_SCALAR_LOOPS void weight_grad_small(const Rows& input, const Matrix& delta, LayerGrad& grad) {
  const Index n = delta.cols(), n_in = input.cols;
  double* dW = grad.dW.data();
  double* db = grad.db.data();
  for (Index i = 0; i < delta.rows(); ++i) {
    const double* x = input.row(i);
    const double* d = delta.data() + i * n;
    for (Index j = 0; j < n; ++j) {
      double* row = dW + j * n_in;
      if (i == 0) {
        for (Index k = 0; k < n_in; ++k) row[k] = d[j] * x[k];
        db[j] = d[j];
      } else {
        for (Index k = 0; k < n_in; ++k) row[k] += d[j] * x[k];
        db[j] += d[j];
      }
    }
  }
}

void delta_times_w(const Matrix& delta, const Matrix& W, Matrix& dst) {
  const double ops = product_ops(delta.rows(), W.rows(), W.cols());
  if (ops > small_product_ops) return multiply(dst, delta, W);
  delta_times_w_small(delta, W, dst);
}

}  // namespace

void forward(const Layer& layer, const Rows& input, LayerTape& tape, bool training) {
  const double ops = product_ops(input.rows, layer.W.cols(), layer.W.rows());
  if (ops <= small_product_ops) {
    affine_small(input, layer.W, layer.b, tape.z);
  } else {
    multiply(tape.z, map(input), layer.W.transpose());
    tape.z.rowwise() += layer.b.row(0);
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
  if (ops <= small_product_ops) {
    weight_grad_small(input, tape.delta, grad);
    return;
  }
  multiply(grad.dW, tape.delta.transpose(), map(input));
  grad.db.noalias() = tape.delta.colwise().sum();
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

void forward(const Mlp& mlp, const ConstMatrixRef& x, MlpTape& tape, bool training) {
  forward(mlp.layers[0], Rows(x), tape[0], training);
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
  backward(Rows(x), tape[0], grads[0]);
  // b cancels in batch norm's forward (z − μ_B): its gradient is exactly 0. Σδ computes it only up
  // to rounding (~1e-17, PyTorch's value), which Adam or RMSprop would turn into steps of about lr
  // that differ between any two builds; the exact 0 keeps b where it is.
  for (size_t l = 0; l + 1 < L; ++l)
    if (mlp.layers[l].batch_norm.enabled()) grads[l].db.setZero();
}

}  // namespace backprop
