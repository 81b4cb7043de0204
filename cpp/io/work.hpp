// The cost model: what a verb (or a Trainer call) would cost on a scenario, estimated before it
// starts, and the refusal of a request above a limit (limits.hpp) as a ScenarioError naming the
// field a student would change. One model for the CLI, the wasm `run` and the wasm Trainer, so
// that native and wasm refuse the same requests with the same words (docs/scenario.md, "Limits").
#pragma once

#include <string>
#include <vector>

#include "scenario.hpp"
#include "surface.hpp"

namespace backprop {

enum class Command { trace, train, gradcheck, norms, predict };

// One part of a request: what it does, the field that sizes it, its operations and bytes.
struct CostPart {
  std::string field;  // "train.steps", "data.inputs", …
  std::string what;   // "5,000 training steps of this model and batch"
  double work = 0;    // operations (≈ multiply-adds)
  double memory = 0;  // bytes held at once
  double output = 0;  // numbers in the result
};

struct Cost {
  std::vector<CostPart> parts;
  double recorded_losses = 0;  // train: entries of `losses`
  double output_values = 0;    // numbers in the result
  double work() const;
  double memory() const;
};

Cost estimate_cost(const Scenario& scenario, Command command);
// Refuses (ScenarioError naming the field of the largest part) a request above any limit.
void check_work(const Scenario& scenario, Command command);
// Totals of estimate_cost, for `resolve`.
double estimated_work(const Scenario& scenario, Command command);
double estimated_memory(const Scenario& scenario, Command command);
double parameter_count(const Scenario& scenario);

// The wasm Trainer (cpp/wasm/bindings.cpp): constructing one (its data, work space, and each later
// fullLoss, validationLoss or evaluate over every row) …
void check_trainer(const Scenario& scenario);
// … one run(steps) call (field run.steps; also refuses steps that are not a whole number ≥ 0) …
void check_trainer_run(const Scenario& scenario, double steps);
// … and one grid of nx·ny points (the forward passes; grid.ny names it).
void check_grid_work(const Scenario& scenario, double nx, double ny);

// The surface verb: the grid's and the trajectories' evaluations (field of the largest part: grid.ny
// or steps), and the numbers its result holds.
Cost surface_cost(const SurfaceSpec& spec);
void check_surface(const SurfaceSpec& spec);

// The init_stats verb on its equivalent scenario (init_stats_scenario): one forward and backward
// pass over the batch, and the sorting of every value for the quantiles.
void check_init_stats(const Scenario& scenario);

}  // namespace backprop
