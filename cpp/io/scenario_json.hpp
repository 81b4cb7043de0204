// The scenario's JSON form: parsing with validation (every refusal names its field, see
// docs/scenario.md), and serialisation back to JSON.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scenario.hpp"

namespace backprop {

// The scenario's top-level fields, in the order the format lists them.
inline constexpr std::string_view scenario_fields[] = {"model",          "init",  "parameters", "buffers", "data",
                                                       "optimizer", "regularization", "train", "iteration"};

// Throws ScenarioError("model.layers[1]", "must be between 1 and 4096") and the like.
Scenario parse_scenario(std::string_view text);
std::string serialise_scenario(const Scenario& scenario);
// The same as a JSON value (resolve places it in its result).
nlohmann::ordered_json scenario_document(const Scenario& scenario);

// The parameters a scenario's model has, in the core's order, with their shapes.
struct ParameterShape {
  std::string name;
  Index rows, cols;
  bool is_vector;  // written as a flat list
};
std::vector<ParameterShape> parameter_shapes(const Scenario& scenario);

}  // namespace backprop
