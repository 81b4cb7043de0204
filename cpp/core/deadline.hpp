// The core's time budget: a request that the cost model accepts may still run slowly (numbers
// below 2.2e-308, subnormal, make the processor's arithmetic up to 100 times slower), so work
// stops once max_seconds have passed and refuses with Reason::too_slow.
//
// The first Deadline alive on a thread (a request's) sets the end for all the work done while it
// lives; the loops inside open their own, which share that end and say where the work is with
// check(field, done), which reads the clock at its first call and then at every 64th (a clock read
// costs more than a step of a small network, and far more in WebAssembly, where it is a call into
// JavaScript). The passes report their work with Deadline::count(ops), which reads the clock
// every few million operations, so that even one slow product stops in time.
#pragma once

#include <algorithm>
#include <chrono>
#include <string>

#include "error.hpp"

namespace backprop {

inline constexpr double max_seconds = 10.0;
inline constexpr double ops_between_clock_reads = double(1 << 22);
inline constexpr int checks_between_clock_reads = 64;

class Deadline {
  using Clock = std::chrono::steady_clock;

 public:
  explicit Deadline(const char* field, double seconds = max_seconds) : saved_(state()) {
    State& s = state();
    const Clock::time_point end =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    s.end = s.active ? std::min(s.end, end) : end;
    s.active = true;
    s.field = field;
    s.done = 0;
    s.unchecked = 0;
  }
  ~Deadline() {
    State& s = state();
    const double ops = s.ops;
    s = saved_;
    s.ops = ops;
  }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  bool passed() const { return Clock::now() > state().end; }
  // Records where the work is (`done` steps or evaluations of `field`); throws once the time is up
  // (seen at the first check after this Deadline began, and at every 64th after it).
  void check(const char* field, long long done) const {
    State& s = state();
    s.field = field;
    s.done = done;
    if (s.unchecked-- > 0) return;
    s.unchecked = checks_between_clock_reads - 1;
    if (passed()) throw refusal(field, done);
  }
  // `ops` more operations done inside a pass; throws once the time of the active Deadline is up.
  static void count(double ops) {
    State& s = state();
    if (!s.active) return;
    s.ops += ops;
    if (s.ops < ops_between_clock_reads) return;
    s.ops = 0;
    if (Clock::now() > s.end) throw refusal(s.field, s.done);
  }
  static ScenarioError refusal(const char* field, long long done) {
    return ScenarioError(field, Reason::too_slow, {{"seconds", std::to_string(int(max_seconds))}, {"done", std::to_string(done)}});
  }

 private:
  struct State {
    bool active = false;
    Clock::time_point end{};
    const char* field = "scenario";
    long long done = 0;
    double ops = 0;
    int unchecked = 0;  // checks left before the next clock read
  };
  static State& state() {
    static thread_local State s;
    return s;
  }
  State saved_;
};

}  // namespace backprop
