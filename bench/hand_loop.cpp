#include "hand_loop.hpp"

#include <cmath>

namespace backprop::bench {

double hand_step(HandNet& n) {
  double a1[2], a2[2], d2[2], d1[2];
  for (int j = 0; j < 2; ++j) a1[j] = 1.0 / (1.0 + std::exp(-(n.W1[j][0] * n.x[0] + n.W1[j][1] * n.x[1] + n.b1[j])));
  for (int j = 0; j < 2; ++j) a2[j] = 1.0 / (1.0 + std::exp(-(n.W2[j][0] * a1[0] + n.W2[j][1] * a1[1] + n.b2[j])));
  const double e0 = a2[0] - n.y[0], e1 = a2[1] - n.y[1];
  const double loss = (e0 * e0 + e1 * e1) / 2.0;  // MSE: the mean over the two outputs
  // ∂L/∂ŷ = 2(ŷ − y)/2, times σ′ = a(1 − a)
  d2[0] = e0 * (a2[0] * (1.0 - a2[0]));
  d2[1] = e1 * (a2[1] * (1.0 - a2[1]));
  for (int k = 0; k < 2; ++k) d1[k] = (d2[0] * n.W2[0][k] + d2[1] * n.W2[1][k]) * (a1[k] * (1.0 - a1[k]));
  for (int j = 0; j < 2; ++j) {
    for (int k = 0; k < 2; ++k) n.W2[j][k] -= n.lr * (d2[j] * a1[k]);
    n.b2[j] -= n.lr * d2[j];
    for (int k = 0; k < 2; ++k) n.W1[j][k] -= n.lr * (d1[j] * n.x[k]);
    n.b1[j] -= n.lr * d1[j];
  }
  return loss;
}

}  // namespace backprop::bench
