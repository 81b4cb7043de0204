#include "batch_norm.hpp"

#include <cmath>

namespace backprop {

void BatchNormTape::resize(Index rows, Index n) {
  mu.resize(1, n);
  var.resize(1, n);
  inv_std.resize(1, n);
  xhat.resize(rows, n);
  y.resize(rows, n);
  dy.resize(rows, n);
  dxhat.resize(rows, n);
}

void normalize_batch(const BatchNorm& bn, const Matrix& z, BatchNormTape& t) {
  const double rows = double(z.rows());
  t.mu.noalias() = z.colwise().sum() / rows;
  t.xhat.noalias() = z.rowwise() - t.mu.row(0);  // centred, for now
  t.var.noalias() = t.xhat.cwiseAbs2().colwise().sum() / rows;
  for (Index j = 0; j < z.cols(); ++j) t.inv_std(0, j) = 1.0 / std::sqrt(t.var(0, j) + batch_norm_eps);
  t.xhat.array().rowwise() *= t.inv_std.row(0).array();
  t.y.noalias() = t.xhat;
  t.y.array().rowwise() *= bn.gamma.row(0).array();
  t.y.rowwise() += bn.beta.row(0);
}

void normalize_running(const BatchNorm& bn, const Matrix& z, BatchNormTape& t) {
  t.xhat.noalias() = z.rowwise() - bn.running_mean.row(0);
  for (Index j = 0; j < z.cols(); ++j) t.xhat.col(j) /= std::sqrt(bn.running_var(0, j) + batch_norm_eps);
  t.y.noalias() = t.xhat;
  t.y.array().rowwise() *= bn.gamma.row(0).array();
  t.y.rowwise() += bn.beta.row(0);
}

void update_running(BatchNorm& bn, const BatchNormTape& t) {
  const double rows = double(t.xhat.rows()), m = batch_norm_momentum;
  for (Index j = 0; j < bn.running_mean.cols(); ++j) {
    bn.running_mean(0, j) = (1.0 - m) * bn.running_mean(0, j) + m * t.mu(0, j);
    bn.running_var(0, j) = (1.0 - m) * bn.running_var(0, j) + m * (t.var(0, j) * rows / (rows - 1.0));
  }
}

void normalize_backward(const BatchNorm& bn, BatchNormTape& t, Matrix& dgamma, Matrix& dbeta, Matrix& delta) {
  const double rows = double(t.dy.rows());
  dbeta.noalias() = t.dy.colwise().sum();
  dgamma.noalias() = t.dy.cwiseProduct(t.xhat).colwise().sum();
  t.dxhat.noalias() = t.dy;
  t.dxhat.array().rowwise() *= bn.gamma.row(0).array();
  for (Index j = 0; j < t.dy.cols(); ++j) {
    const double sum = t.dxhat.col(j).sum(), dot = t.dxhat.col(j).dot(t.xhat.col(j));
    const double scale = t.inv_std(0, j) / rows;
    for (Index i = 0; i < t.dy.rows(); ++i)
      delta(i, j) = scale * (rows * t.dxhat(i, j) - sum - t.xhat(i, j) * dot);
  }
}

}  // namespace backprop
