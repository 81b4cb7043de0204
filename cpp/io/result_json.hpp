// Traces, training results and gradient checks as JSON text (the format of docs/scenario.md).
#pragma once

#include <string>

#include "error.hpp"
#include "gradcheck.hpp"
#include "norms.hpp"
#include "predict.hpp"
#include "trainer.hpp"

namespace backprop {

std::string to_json(const Trace& trace);
std::string to_json(const TrainResult& result);
std::string to_json(const GradCheck& check);
std::string to_json(const GradientNorms& norms);
std::string to_json(const Prediction& prediction);
// Named values (such as a snapshot of the parameters) as one JSON object.
std::string to_json(const NamedValues& values);

// A diverged training as the core refuses it (field train): the step, and what to blame — the
// starting values when the first loss is not finite, else the learning rate (and the penalty).
ScenarioError divergence_error(const Divergence& divergence, const Scenario& scenario);

}  // namespace backprop
