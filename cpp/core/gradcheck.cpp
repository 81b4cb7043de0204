#include "gradcheck.hpp"

#include <algorithm>
#include <cmath>

#include "deadline.hpp"
#include "regularization.hpp"
#include "trainer.hpp"

namespace backprop {

GradCheck gradcheck(const Scenario& scenario, double epsilon) {
  Trainer trainer(scenario);
  Objective& objective = trainer.objective();
  const Regularization& reg = trainer.regularization();
  const Batch batch = trainer.next_batch();
  ParamViews& params = objective.params();
  objective.loss_and_gradient(batch);
  add_penalty_gradient(params, reg);

  auto loss_at = [&] { return objective.loss(batch) + penalty(params, reg); };
  GradCheck result{epsilon, {}, 0.0};
  const Deadline deadline("model");
  long long evaluations = 0;
  for (const ParamView& p : params) {
    ParamCheck check{p.name, p.is_vector, Eigen::Map<const Matrix>(p.grad, p.rows, p.cols),
                     Matrix(p.rows, p.cols), Matrix(p.rows, p.cols), 0.0};
    for (Index i = 0; i < p.size(); ++i) {
      deadline.check("model", evaluations);
      evaluations += 2;
      const double saved = p.value[i];
      p.value[i] = saved + epsilon;
      const double plus = loss_at();
      p.value[i] = saved - epsilon;
      const double minus = loss_at();
      p.value[i] = saved;
      const double numeric = (plus - minus) / (2.0 * epsilon);
      const double analytic = check.analytic.data()[i];
      const double scale = std::max({std::abs(analytic), std::abs(numeric), 1e-7});
      check.numeric.data()[i] = numeric;
      check.relative_error.data()[i] = std::abs(analytic - numeric) / scale;
    }
    check.max_relative_error = p.size() ? check.relative_error.maxCoeff() : 0.0;
    result.max_relative_error = std::max(result.max_relative_error, check.max_relative_error);
    result.params.push_back(std::move(check));
  }
  return result;
}

}  // namespace backprop
