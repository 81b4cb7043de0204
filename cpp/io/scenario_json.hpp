// The scenario's JSON form: parsing with validation (every refusal names its field, see
// docs/scenario.md), and serialisation back to JSON.
#pragma once

#include <string>
#include <string_view>

#include "scenario.hpp"

namespace backprop {

// Throws ScenarioError("model.layers[1]", "must be between 1 and 4096") and the like.
Scenario parse_scenario(std::string_view text);
std::string serialise_scenario(const Scenario& scenario);

// The work a command would do, refused when absurd (ScenarioError naming the field).
enum class Command { trace, train, gradcheck, norms, predict };
void check_work(const Scenario& scenario, Command command);
// What check_work compares with its limit: operations (train, predict, gradcheck) or numbers
// held (trace, norms).
double estimated_work(const Scenario& scenario, Command command);
double parameter_count(const Scenario& scenario);

}  // namespace backprop
