#include "objective.hpp"

#include <algorithm>

#include "activation.hpp"
#include "error.hpp"

namespace backprop {

std::unique_ptr<Objective> make_mlp_objective(const Scenario& scenario);
std::unique_ptr<Objective> make_rnn_objective(const Scenario& scenario);

std::unique_ptr<Objective> make_objective(const Scenario& scenario) {
  return scenario.kind == ModelKind::mlp ? make_mlp_objective(scenario) : make_rnn_objective(scenario);
}

double dead_fraction(Activation f, const Matrix& z, const Matrix& a, std::vector<bool>& alive) {
  if (f == Activation::softmax || z.cols() == 0) return 0.0;
  alive.assign(size_t(z.cols()), false);
  for (Index i = 0; i < z.rows(); ++i)
    for (Index j = 0; j < z.cols(); ++j)
      if (!alive[size_t(j)] && derivative(f, z(i, j), a(i, j)) != 0.0) alive[size_t(j)] = true;
  const auto dead = std::count(alive.begin(), alive.end(), false);
  return double(dead) / double(z.cols());
}

void Objective::grid(const GridSpec&, double*) {
  throw ScenarioError("model.kind", Reason::grid_needs_mlp);
}

}  // namespace backprop
