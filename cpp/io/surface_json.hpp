// The surface verb's JSON edge (docs/labs.md, "Verb surface"): its spec parsed with refusals naming
// the field (objective.condition, optimizers[2].lr, …), and the race as JSON.
#pragma once

#include <string>
#include <string_view>

#include "surface.hpp"

namespace backprop {

SurfaceSpec parse_surface_spec(std::string_view text);
std::string surface_json(const SurfaceSpec& spec, const SurfaceResult& result);

}  // namespace backprop
