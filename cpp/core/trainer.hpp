// Training, one step at a time: take the batch, forward, record the loss, backward, update
// (the lesson's loop). Batches are consecutive slices of the data in order, cycling; with
// shuffle the order is redrawn from the seed at the start of every epoch.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "objective.hpp"
#include "optimizer.hpp"
#include "rng.hpp"
#include "scenario.hpp"
#include "trace.hpp"

namespace backprop {

class Trainer {
 public:
  explicit Trainer(const Scenario& scenario);

  // One parameter update; returns the loss (with the penalty) before it. With `trace`,
  // records every intermediate of the step. Allocates nothing in the steady state.
  double step(Trace* trace = nullptr);
  // The batch the next step will use.
  Batch next_batch() const;
  long long steps_done() const { return steps_; }

  // Loss (with the penalty) of the current parameters on the whole data set, in evaluation mode
  // (batch norm's running statistics, no dropout).
  double full_loss();
  // Loss on the validation set (MLP `data.validation`), NaN when there is none.
  double validation_loss() { return objective_->validation_loss(); }
  ParamViews& params() { return *params_; }

  // For the labs (docs/labs.md). Parameter names in order: W1, b1, … or U, V, W (b, c).
  std::vector<std::string> parameter_names();
  // ‖∂L/∂p‖ (Frobenius, penalty included, as the optimizer saw it) of each parameter at the last
  // step, in parameter order; zeros before the first step. `out` keeps its capacity.
  void gradient_norms(std::vector<double>& out);
  // Data loss (no penalty) and accuracy of the current parameters on the training and validation
  // sets; NaN where not defined.
  struct Evaluation {
    SetEvaluation train, validation;
  };
  Evaluation evaluate();
  // An MLP's output unit over a grid (GridSpec); refuses a bad spec or model with ScenarioError
  // naming grid.nx, grid.ny, grid.unit, grid.x0 … or model.layers[0]. `out` is resized to nx·ny;
  // nothing is allocated after the first call of a size.
  void grid(const GridSpec& spec, std::vector<double>& out);
  // For each hidden layer, the fraction of dead units with the current parameters over every
  // training row (Objective::dead_units). `out` keeps its capacity.
  void dead_units(std::vector<double>& out) { objective_->dead_units(out); }
  // RNN: ‖h̄_t‖ of the first sequence of the last step (empty for an MLP or before a step).
  void h_norms(std::vector<double>& out) const { objective_->h_grad_norms(out); }
  Objective& objective() { return *objective_; }
  const Regularization& regularization() const { return regularization_; }

 private:
  void advance();

  std::unique_ptr<Objective> objective_;
  ParamViews* params_;  // the objective's, stable for its life (no virtual call per step)
  Optimizer optimizer_;
  Regularization regularization_;
  Index batch_size_;
  bool shuffle_;
  Rng rng_;
  std::vector<Index> order_, all_;
  Index position_ = 0;  // start of the next batch in order_
  long long steps_ = 0;
};

struct Divergence {
  long long step;  // the step whose loss was not finite (== steps for the final loss)
  double loss;     // NaN or ±∞
};

// Early stopping's outcome (TrainConfig::patience): the evaluations, and where it stopped.
struct EarlyStopping {
  std::optional<long long> stopped_at;  // the step whose evaluation ran out of patience; none: all steps ran
  std::optional<long long> best_step;   // the best evaluation (none when no loss was finite)
  double best_validation_loss = 0.0;
};

struct TrainResult {
  std::vector<std::pair<long long, double>> losses;  // [step, loss before that step's update]
  // With early stopping: [step i, validation loss after update i] at every recorded step.
  std::vector<std::pair<long long, double>> validation_losses;
  std::optional<EarlyStopping> early_stopping;
  double final_loss = 0.0;
  double validation_loss = 0.0;                      // NaN when there is no validation set
  NamedValues parameters;
  NamedValues buffers;                               // batch norm's running statistics, if any
  std::optional<Divergence> divergence;
};

NamedValues snapshot(const ParamViews& params);
TrainResult train(const Scenario& scenario);
// The trace of update number scenario.iteration (the first by default), after the ones before it.
Trace trace(const Scenario& scenario);

}  // namespace backprop
