// The work a verb would do on a scenario, estimated before it starts, and the refusal of absurd
// work (ScenarioError naming the field): the page and the CLI must stay responsive.
#pragma once

#include "scenario.hpp"

namespace backprop {

enum class Command { trace, train, gradcheck, norms, predict };

void check_work(const Scenario& scenario, Command command);
// What check_work compares with its limit: operations (train, predict, gradcheck) or numbers
// held (trace, norms).
double estimated_work(const Scenario& scenario, Command command);
double parameter_count(const Scenario& scenario);

}  // namespace backprop
