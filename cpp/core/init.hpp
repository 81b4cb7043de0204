// Parameter initialisation from a seed, identical on every platform.
//   uniform:          weights and biases ~ U(−scale, scale)
//   xavier_uniform:   W ~ U(±√(6/(fan_in + fan_out))), biases 0
//   he_uniform:       W ~ U(±√(6/fan_in)), biases 0
//   pytorch_default:  W, b ~ U(±1/√fan_in), as nn.Linear (the RNN uses fan_in = hidden, as nn.RNN)
// Draws are made in parameter order, row by row, so a given seed always gives the same values.
#pragma once

#include "matrix.hpp"
#include "rng.hpp"
#include "scenario.hpp"

namespace backprop {

void init_weight(Matrix& W, const InitConfig& init, Index fan_in, Index fan_out, Rng& rng);
void init_bias(Matrix& b, const InitConfig& init, Index fan_in, Rng& rng);

}  // namespace backprop
