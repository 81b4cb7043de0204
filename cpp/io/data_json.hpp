// The data verb's JSON edge: a data spec (docs/scenario.md, "Synthetic data") parsed with refusals
// naming the field (data.count, data.shape, …), and the data set as JSON directly usable as a
// scenario's `data` (sequences) or close to it (points, which add `labels`).
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "datasets.hpp"

namespace backprop {

using DataSpec = std::variant<PointsSpec, SequencesSpec>;

// Throws ScenarioError("data.count", "must be between 4 and 10000, got 2") and the like.
DataSpec parse_data_spec(std::string_view text);
// Generates the data set of a spec and writes it as JSON.
std::string data_json(const DataSpec& spec);

}  // namespace backprop
