#include "predict.hpp"

namespace backprop {

Prediction predict(const Scenario& scenario) {
  const std::unique_ptr<Objective> objective = make_objective(scenario);
  Prediction out;
  out.kind = scenario.kind;
  out.train.evaluation = objective->evaluate(false, &out.train.outputs);
  if (objective->has_validation()) {
    out.validation.emplace();
    out.validation->evaluation = objective->evaluate(true, &out.validation->outputs);
  }
  return out;
}

}  // namespace backprop
