// Optimizers racing on a two-parameter objective (the `surface` verb, docs/labs.md): the objective's
// values over a grid and each optimizer's trajectory from one start, every update made by the
// training's own Optimizer on a two-entry parameter.
//   quadratic:  f = ½(x² + condition·y²), minimum 0 at (0, 0)
//   rosenbrock: f = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1)
//   saddle:     f = x² − y², a saddle at (0, 0), unbounded below
//   network:    the lesson's classic 2-2-2 sigmoid example (half_sse, one sample) as a function of
//               two of its twelve parameter entries, the others fixed at their classic values
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "matrix.hpp"
#include "scenario.hpp"

namespace backprop {

enum class SurfaceKind { quadratic, rosenbrock, saddle, network };
enum class SurfaceOutcome { converged, diverged, oscillating, slow, escaped };

using Pair = std::array<double, 2>;

inline constexpr double surface_divergence_bound = 1e6;  // |x| or |y| beyond: diverged

struct SurfaceObjective {
  SurfaceKind kind = SurfaceKind::quadratic;
  double condition = 10;             // quadratic
  std::array<int, 2> weights{0, 6};  // network: indices into network_entries() (W1[0][0], W2[0][0])
  Pair x{-2, 2}, y{-2, 2};           // the range shown
};

struct SurfaceSpec {
  SurfaceObjective objective;
  int nx = 100, ny = 100;
  Pair start{-1.5, 1.0};
  long long steps = 500;
  double tolerance = 1e-6;
  std::vector<OptimizerConfig> optimizers;
};

// What each kind offers by default: its range, start and minimum (when known).
struct SurfaceDefaults {
  Pair x, y, start;
  std::optional<Pair> minimum;
  std::optional<double> minimum_value;
  bool unbounded = false;  // unbounded below (the saddle): a trajectory may escape
};
SurfaceDefaults surface_defaults(SurfaceKind kind, const std::array<int, 2>& weights = {0, 6});

// The classic example's twelve entries, "W1[0][0]" … "b2[1]", in parameter order, and their values.
struct NetworkEntry {
  std::string name;
  int parameter;  // 0 W1, 1 b1, 2 W2, 3 b2
  Index offset;   // row-major within the parameter
  double value;
};
const std::vector<NetworkEntry>& network_entries();
// The classic 2-2-2 scenario (docs: lesson 1): its numbers, half_sse, SGD lr 0.5.
Scenario classic_network_scenario();

// f and ∇f at a point. One object per thread of work; not copyable.
class SurfaceFunction {
 public:
  explicit SurfaceFunction(const SurfaceObjective& objective);
  ~SurfaceFunction();
  SurfaceFunction(const SurfaceFunction&) = delete;
  SurfaceFunction& operator=(const SurfaceFunction&) = delete;
  double value(double x, double y);
  double value_and_gradient(double x, double y, double gradient[2]);

 private:
  struct Network;
  SurfaceObjective objective_;
  std::unique_ptr<Network> network_;
};

struct Trajectory {
  OptimizerConfig optimizer;
  std::vector<std::array<double, 3>> points;  // [x, y, f]: the start, then one per step
  SurfaceOutcome outcome = SurfaceOutcome::slow;
  std::optional<long long> steps_to_tolerance, diverged_at;
};

struct SurfaceResult {
  SurfaceDefaults known;       // minimum and minimum_value of the objective
  std::vector<double> xs, ys;  // nx and ny grid coordinates, ends included
  Matrix values;               // ny × nx: values(j, i) = f(xs[i], ys[j])
  double min = 0, max = 0;
  std::vector<Trajectory> trajectories;
};

SurfaceResult surface(const SurfaceSpec& spec);

// How a trajectory ended (docs/labs.md, "Verb surface"); `gradient_norms` has one per point.
SurfaceOutcome classify(const Trajectory& t, const std::vector<double>& gradient_norms, const SurfaceSpec& spec,
                        const SurfaceDefaults& known, double range_min, std::optional<long long>& steps_to_tolerance);

const char* name(SurfaceOutcome outcome);

}  // namespace backprop
