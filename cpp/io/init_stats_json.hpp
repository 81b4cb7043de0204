// The init_stats verb's JSON edge (docs/labs.md, "Verb init_stats"): its spec with refusals naming
// the field (depth, init.scheme, …), and the statistics as JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "init_stats.hpp"

namespace backprop {

InitStatsSpec parse_init_stats_spec(std::string_view text);
std::string init_stats_json(const InitStatsSpec& spec, const std::vector<LayerStats>& layers);

}  // namespace backprop
