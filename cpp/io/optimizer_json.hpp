// An optimizer's JSON form, shared by the scenario (`optimizer`) and the surface verb
// (`optimizers[k]`): the same fields, defaults (PyTorch's) and refusals wherever it appears.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario.hpp"

namespace backprop {

// `given` may be null (every default); `path` names it in refusals ("optimizer", "optimizers[2]").
OptimizerConfig parse_optimizer(const nlohmann::ordered_json* given, const std::string& path);
// Every field of the optimizer's kind, as the parser resolved it.
nlohmann::ordered_json optimizer_json(const OptimizerConfig& config);

}  // namespace backprop
