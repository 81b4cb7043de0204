// Gradient check: the analytic (backprop / BPTT) gradient of the first batch's loss,
// penalty included, against central finite differences (L(w + ε) − L(w − ε)) / 2ε.
// relative error = |analytic − numeric| / max(|analytic|, |numeric|, 1e-7).
#pragma once

#include <string>
#include <vector>

#include "scenario.hpp"
#include "matrix.hpp"

namespace backprop {

struct ParamCheck {
  std::string name;
  bool is_vector;
  Matrix analytic, numeric, relative_error;
  double max_relative_error;
};

struct GradCheck {
  double epsilon;
  std::vector<ParamCheck> params;
  double max_relative_error;
};

inline constexpr double gradcheck_epsilon = 1e-5;

GradCheck gradcheck(const Scenario& scenario, double epsilon = gradcheck_epsilon);

}  // namespace backprop
