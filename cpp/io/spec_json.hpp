// `backprop spec`: the core's limits, option lists, ranges and defaults as JSON, for the page and
// the docs (docs/scenario.md, "The core's spec"), written from the tables the parsers check against.
#pragma once

#include <string>

namespace backprop {

std::string spec_json();

}  // namespace backprop
