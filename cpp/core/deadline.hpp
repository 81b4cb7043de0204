// The core's time budget: a request that the cost model accepts may still run slowly (numbers
// below 2.2e-308, subnormal, make the processor's arithmetic up to 100 times slower), so long
// loops stop once max_seconds have passed and refuse with Reason::too_slow, naming `field`.
#pragma once

#include <chrono>
#include <string>

#include "error.hpp"

namespace backprop {

inline constexpr double max_seconds = 10.0;

class Deadline {
 public:
  explicit Deadline(double seconds = max_seconds)
      : end_(std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                      std::chrono::duration<double>(seconds))) {}
  bool passed() const { return std::chrono::steady_clock::now() > end_; }
  // The refusal once the time is up; `done` says how far the work got.
  static ScenarioError refusal(const char* field, long long done) {
    return ScenarioError(field, Reason::too_slow, {{"seconds", std::to_string(int(max_seconds))}, {"done", std::to_string(done)}});
  }
  void check(const char* field, long long done) const {
    if (passed()) throw refusal(field, done);
  }

 private:
  std::chrono::steady_clock::time_point end_;
};

}  // namespace backprop
