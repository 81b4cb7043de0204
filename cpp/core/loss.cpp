#include "loss.hpp"

namespace backprop {

namespace {
constexpr std::string_view names[] = {"half_sse", "mse", "cross_entropy"};

}  // namespace

std::string_view name(Loss loss) { return names[static_cast<int>(loss)]; }

std::optional<Loss> loss_from_name(std::string_view name) {
  for (int i = 0; i < 3; ++i)
    if (names[i] == name) return static_cast<Loss>(i);
  return std::nullopt;
}

}  // namespace backprop
