#include "mlp.hpp"

#include "dropout.hpp"
#include "product.hpp"

namespace backprop {

namespace {

// The products of small layers (the lesson's 2-2-2; Playground's 2-8-8-1 and lab 5's 2-16-2 on
// batches of 10, whose largest products take 1,280 and 640 operations) run as plain loops: for
// them Eigen's run-time choice of a product kernel, and its blocked kernel (scalar in
// WebAssembly), cost more than the arithmetic (issue 15). Each entry is summed in order over its
// inner index; the sums of different entries run side by side (no chain of dependent additions
// through a whole row). They are not counted for the deadline (deadline.hpp): one cannot be slow,
// and the loops that run them check the time.
constexpr double small_product_ops = 1300;
// Their loops run a handful of times: g++'s vectorised versions only add checks around them.
#if defined(__GNUC__) && !defined(__clang__)
#define BACKPROP_SCALAR_LOOPS [[gnu::optimize("no-tree-vectorize")]]
#else
#define BACKPROP_SCALAR_LOOPS
#endif
double product_ops(Index m, Index k, Index n) { return 2.0 * double(m) * double(k) * double(n); }

using InputMap = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
InputMap map(const Rows& r) { return InputMap(r.data, r.rows, r.cols, Eigen::OuterStride<>(r.stride)); }

// Each kernel keeps four sums in locals (registers) while it runs over the inner index: with
// sizes known only at run time, summing into the destination's memory made each product a chain
// of loads and stores (and in WebAssembly slower than Eigen's kernel). Each sum still starts with
// the first term and adds the others in order of the inner index.

// z = input Wᵀ + b: z(i, j) = Σ_k input(i, k) W(j, k) + b(j)
// NIn > 0: the inputs' width known at compile time (the same code, its inner loops unrolled).
template <int NIn>
BACKPROP_SCALAR_LOOPS void affine_small(const Rows& input, const Matrix& W, const Matrix& b, Matrix& z) {
  const Index n_in = NIn > 0 ? NIn : W.cols(), n = W.rows();
  const double* w = W.data();
  const double* bias = b.data();
  for (Index i = 0; i < input.rows; ++i) {
    const double* x = input.row(i);
    double* zi = z.data() + i * n;
    Index j = 0;
    for (; j + 4 <= n; j += 4) {
      const double *w0 = w + j * n_in, *w1 = w0 + n_in, *w2 = w1 + n_in, *w3 = w2 + n_in;
      double s0 = x[0] * w0[0], s1 = x[0] * w1[0], s2 = x[0] * w2[0], s3 = x[0] * w3[0];
      for (Index k = 1; k < n_in; ++k) {
        s0 += x[k] * w0[k];
        s1 += x[k] * w1[k];
        s2 += x[k] * w2[k];
        s3 += x[k] * w3[k];
      }
      zi[j] = s0 + bias[j];
      zi[j + 1] = s1 + bias[j + 1];
      zi[j + 2] = s2 + bias[j + 2];
      zi[j + 3] = s3 + bias[j + 3];
    }
    for (; j < n; ++j) {
      const double* wj = w + j * n_in;
      double s = x[0] * wj[0];
      for (Index k = 1; k < n_in; ++k) s += x[k] * wj[k];
      zi[j] = s + bias[j];
    }
  }
}

// dst = δ W: dst(i, k) = Σ_j δ(i, j) W(j, k)
BACKPROP_SCALAR_LOOPS void delta_times_w_small(const Matrix& delta, const Matrix& W, Matrix& dst) {
  const Index n = W.rows(), n_in = W.cols();
  const double* w = W.data();
  for (Index i = 0; i < delta.rows(); ++i) {
    const double* d = delta.data() + i * n;
    double* out = dst.data() + i * n_in;
    Index k = 0;
    for (; k + 4 <= n_in; k += 4) {
      const double* wk = w + k;
      double s0 = d[0] * wk[0], s1 = d[0] * wk[1], s2 = d[0] * wk[2], s3 = d[0] * wk[3];
      for (Index j = 1; j < n; ++j) {
        const double* wj = wk + j * n_in;
        s0 += d[j] * wj[0];
        s1 += d[j] * wj[1];
        s2 += d[j] * wj[2];
        s3 += d[j] * wj[3];
      }
      out[k] = s0;
      out[k + 1] = s1;
      out[k + 2] = s2;
      out[k + 3] = s3;
    }
    for (; k < n_in; ++k) {
      double s = d[0] * w[k];
      for (Index j = 1; j < n; ++j) s += d[j] * w[j * n_in + k];
      out[k] = s;
    }
  }
}

// ∂L/∂W(j, k) = Σ_i δ(i, j) input(i, k), ∂L/∂b(j) = Σ_i δ(i, j)
template <int NIn>
BACKPROP_SCALAR_LOOPS void weight_grad_small(const Rows& input, const Matrix& delta, LayerGrad& grad) {
  const Index n = delta.cols(), n_in = NIn > 0 ? NIn : input.cols, m = delta.rows();
  const double* d = delta.data();
  double* dW = grad.dW.data();
  double* db = grad.db.data();
  for (Index j = 0; j < n; ++j) {
    double* row = dW + j * n_in;
    Index k = 0;
    for (; k + 4 <= n_in; k += 4) {
      const double* x = input.row(0) + k;
      const double dj = d[j];
      double s0 = dj * x[0], s1 = dj * x[1], s2 = dj * x[2], s3 = dj * x[3];
      for (Index i = 1; i < m; ++i) {
        const double* xi = input.row(i) + k;
        const double di = d[i * n + j];
        s0 += di * xi[0];
        s1 += di * xi[1];
        s2 += di * xi[2];
        s3 += di * xi[3];
      }
      row[k] = s0;
      row[k + 1] = s1;
      row[k + 2] = s2;
      row[k + 3] = s3;
    }
    for (; k < n_in; ++k) {
      double s = d[j] * input.row(0)[k];
      for (Index i = 1; i < m; ++i) s += d[i * n + j] * input.row(i)[k];
      row[k] = s;
    }
    double s = d[j];
    for (Index i = 1; i < m; ++i) s += d[i * n + j];
    db[j] = s;
  }
}

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
  delta_times_w_small(delta, W, dst);
}

}  // namespace

void forward(const Layer& layer, const Rows& input, LayerTape& tape, bool training) {
  const double ops = product_ops(input.rows, layer.W.cols(), layer.W.rows());
  if (ops <= small_product_ops && input.cols == 2) affine_small<2>(input, layer.W, layer.b, tape.z);
  else if (ops <= small_product_ops) affine_small<0>(input, layer.W, layer.b, tape.z);
  else affine_large(input, layer, tape.z);
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
  if (ops <= small_product_ops && input.cols == 2) weight_grad_small<2>(input, tape.delta, grad);
  else if (ops <= small_product_ops) weight_grad_small<0>(input, tape.delta, grad);
  else weight_grad_large(input, tape.delta, grad);
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
