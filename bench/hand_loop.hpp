// The reference for the core's training step (issue 15): the lesson's 2-2-2 loop written by hand
// over plain arrays — sigmoid, MSE, SGD, one sample, four exp per iteration. What a step costs
// with no generality at all; compiled with -O2 -ffp-contract=off (CMakeLists.txt).
#pragma once

namespace backprop::bench {

struct HandNet {
  double W1[2][2], b1[2], W2[2][2], b2[2];
  double x[2], y[2];
  double lr;
};

// One iteration: forward, the loss (returned, before the update), backward, the SGD update.
double hand_step(HandNet& n);

}  // namespace backprop::bench
