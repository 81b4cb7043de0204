#include "accuracy.hpp"

namespace backprop {

namespace {
Index argmax(const double* v, Index n) {
  Index best = 0;
  for (Index k = 1; k < n; ++k)
    if (v[k] > v[best]) best = k;
  return best;
}
}  // namespace

bool binary_targets(const Matrix& targets, const std::vector<bool>& has_target) {
  for (Index i = 0; i < targets.rows(); ++i) {
    if (!has_target.empty() && !has_target[size_t(i)]) continue;
    for (Index k = 0; k < targets.cols(); ++k)
      if (targets(i, k) != 0.0 && targets(i, k) != 1.0) return false;
  }
  return true;
}

bool row_right(const double* output, const double* target, Index cols) {
  if (cols == 1) return (output[0] >= 0.5) == (target[0] >= 0.5);
  return argmax(output, cols) == argmax(target, cols);
}

void count_right(const Matrix& outputs, const Matrix& targets, const std::vector<bool>& has_target,
                 long long& right, long long& total) {
  for (Index i = 0; i < targets.rows(); ++i) {
    if (!has_target.empty() && !has_target[size_t(i)]) continue;
    ++total;
    right += row_right(outputs.row(i).data(), targets.row(i).data(), targets.cols());
  }
}

}  // namespace backprop
