// The products of small layers as plain loops (mlp.cpp): for them Eigen's run-time choice of a
// product kernel, and its blocked kernel (scalar in WebAssembly), cost more than the arithmetic
// (issue 15). Each entry is summed in order over its inner index; the sums of different entries
// run side by side (no chain of dependent additions through a whole row).
//
// Each kernel keeps four sums in locals (registers) while it runs over the inner index: with
// sizes known only at run time, summing into the destination's memory made each product a chain
// of loads and stores (and in WebAssembly slower than Eigen's kernel). Each sum still starts with
// the first term and adds the others in order of the inner index.
//
// NIn, NOut > 0: the layer's widths known at compile time (0: read at run time). The same code,
// its loops over the widths unrolled: a loop of a few turns costs more than its arithmetic, in
// WebAssembly most (V8 checks for interrupts at every turn). with_width() picks the kernel once
// per layer.
#pragma once

#include <type_traits>

#include "mlp.hpp"

namespace backprop::small {

// Their loops run a handful of times: g++'s vectorised versions only add checks around them.
#if defined(__GNUC__) && !defined(__clang__)
#define BACKPROP_SCALAR_LOOPS [[gnu::optimize("no-tree-vectorize")]]
#else
#define BACKPROP_SCALAR_LOOPS
#endif

// z = input Wᵀ + b: z(i, j) = Σ_k input(i, k) W(j, k) + b(j)
template <int NIn, int NOut>
BACKPROP_SCALAR_LOOPS void affine(const Rows& input, const Matrix& W, const Matrix& b, Matrix& z) {
  const Index n_in = NIn > 0 ? NIn : W.cols(), n = NOut > 0 ? NOut : W.rows();
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
template <int NIn, int NOut>
BACKPROP_SCALAR_LOOPS void delta_times_w(const Matrix& delta, const Matrix& W, Matrix& dst) {
  const Index n_in = NIn > 0 ? NIn : W.cols(), n = NOut > 0 ? NOut : W.rows();
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
template <int NIn, int NOut>
BACKPROP_SCALAR_LOOPS void weight_grad(const Rows& input, const Matrix& delta, LayerGrad& grad) {
  const Index n = NOut > 0 ? NOut : delta.cols(), n_in = NIn > 0 ? NIn : input.cols, m = delta.rows();
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

// f(N) as std::integral_constant: the widths with kernels of their own known at compile time,
// others 0. In clang's build (WebAssembly) those of the lesson's networks and of Playground's
// (Playground's 2-8-8-1 step 9% faster in V8). g++ keeps only 2: it takes the kernels into
// train_pass (gnu::flatten) and vectorises their unrolled loops there, whatever their attribute,
// with many shuffles (Playground's step 1.6 -> 2.0 µs).
template <class F>
void with_width(Index n, F&& f) {
  switch (n) {
#if defined(__clang__)
    case 1: return f(std::integral_constant<int, 1>{});
    case 4: return f(std::integral_constant<int, 4>{});
    case 8: return f(std::integral_constant<int, 8>{});
#endif
    case 2: return f(std::integral_constant<int, 2>{});
    default: return f(std::integral_constant<int, 0>{});
  }
}

}  // namespace backprop::small
