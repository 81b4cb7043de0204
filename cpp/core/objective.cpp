#include "objective.hpp"

#include "error.hpp"

namespace backprop {

std::unique_ptr<Objective> make_mlp_objective(const Scenario& scenario);
std::unique_ptr<Objective> make_rnn_objective(const Scenario& scenario);

std::unique_ptr<Objective> make_objective(const Scenario& scenario) {
  return scenario.kind == ModelKind::mlp ? make_mlp_objective(scenario) : make_rnn_objective(scenario);
}

void Objective::grid(const GridSpec&, double*) {
  throw ScenarioError("model.kind", Reason::grid_needs_mlp);
}

}  // namespace backprop
