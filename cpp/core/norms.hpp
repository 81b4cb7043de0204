// How far the gradient reaches back through time, for the vanishing/exploding-gradient explorer:
// for one sequence, ‖∂L/∂h_t‖ and the size (Frobenius norm) of what each time step t adds to Ū,
// V̄ and W̄.
#pragma once

#include <vector>

#include "scenario.hpp"

namespace backprop {

struct GradientNorms {
  double loss = 0.0;
  std::vector<double> h_grad, dU, dV, dW;  // one per time step t = 1..T
};

// Throws ScenarioError unless the scenario is an RNN whose first batch is one sequence.
GradientNorms gradient_norms(const Scenario& scenario);

}  // namespace backprop
