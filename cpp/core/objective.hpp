// What a trainer needs of a model: its parameters and the loss (and gradient) of a batch.
#pragma once

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "param.hpp"
#include "scenario.hpp"
#include "trace.hpp"

namespace backprop {

struct LayerTape;  // mlp.hpp

// Forward over a whole set: the data loss (mean over samples, without penalty) and the accuracy
// (see accuracy.hpp); NaN where not defined (no such set, or targets that are not all 0 or 1).
struct SetEvaluation {
  double loss = std::numeric_limits<double>::quiet_NaN();
  double accuracy = std::numeric_limits<double>::quiet_NaN();
};

// An MLP's output `unit` at the centres of an nx × ny grid over [x0, x1] × [y0, y1]: row 0 at the
// top (y1), value j·nx + i at x = x0 + (i + ½)(x1 − x0)/nx, y = y1 − (j + ½)(y1 − y0)/ny.
inline constexpr long long max_grid_points = 1'000'000;

struct GridSpec {
  double x0 = -1, x1 = 1, y0 = -1, y1 = 1;
  double nx = 1, ny = 1, unit = 0;  // whole numbers (checked by Trainer::grid)
};

// Samples (MLP rows or RNN sequences) index[0..size).
struct Batch {
  const Index* index;
  Index size;
  bool contiguous;  // index[i] == index[0] + i
};

// The fraction of the columns (units) of z whose f′ is 0 on every row; `alive` is work space.
double dead_fraction(Activation f, const Matrix& z, const Matrix& a, std::vector<bool>& alive);

class Objective {
 public:
  virtual ~Objective() = default;
  Objective() = default;
  Objective(const Objective&) = delete;
  Objective& operator=(const Objective&) = delete;

  virtual Index sample_count() const = 0;
  // Views stay valid for the life of the objective.
  virtual ParamViews& params() = 0;
  // Data loss of the batch (mean over samples), forward only, as the last loss_and_gradient
  // computed it: training mode (batch statistics, that step's dropout masks), nothing updated.
  virtual double loss(const Batch& batch) = 0;
  // Data loss in evaluation mode (batch norm's running statistics, no dropout): the same as loss()
  // for a model without them.
  virtual double eval_loss(const Batch& batch) { return loss(batch); }
  // Buffers that are not parameters (batch norm's running_mean{l}, running_var{l}), empty if none.
  virtual NamedValues buffers() const { return {}; }
  // Sets them back, as buffers() gave them (early stopping's best step).
  virtual void set_buffers(const NamedValues& /*values*/) {}
  // Data loss, and its gradient written into every ParamView::grad.
  virtual double loss_and_gradient(const Batch& batch) = 0;
  // Forward and backward values of the last loss_and_gradient call, named for the trace.
  virtual void describe(Trace& trace) const = 0;
  // Loss on the optional validation set; NaN when there is none.
  double validation_loss() { return evaluate(true).loss; }
  // The training set (validation false) or the validation set; with `outputs`, each sample's
  // outputs too (one B × n_y matrix for an MLP, one T × n_y matrix per sequence for an RNN).
  virtual SetEvaluation evaluate(bool validation, std::vector<Matrix>* outputs = nullptr) = 0;
  virtual bool has_validation() const = 0;
  // MLP with two inputs only: writes nx·ny values into `out` (ScenarioError otherwise). Allocates
  // nothing after the first call of a size.
  virtual void grid(const GridSpec& spec, double* out);
  // MLP: the tape (z, a, ∂L/∂a, δ of every layer) of the last loss_and_gradient call; nullptr
  // before one, and for an RNN.
  virtual const std::vector<LayerTape>* last_tape() const { return nullptr; }
  // For each hidden layer (an RNN: its one), the fraction of units that are dead with the current
  // parameters: f′(z) = 0 on every training row (every time step of every training sequence), as a
  // relu unit whose z ≤ 0 everywhere outputs 0 everywhere. A softmax hidden layer has none. A
  // forward pass over the training set; `out` keeps its capacity, and nothing is allocated after
  // the first call.
  virtual void dead_units(std::vector<double>& out) = 0;
  // RNN: ‖h̄_t‖, t = 1..T, of the first sequence of the last loss_and_gradient (empty before it,
  // and for an MLP). `out` keeps its capacity.
  virtual void h_grad_norms(std::vector<double>& out) const { out.clear(); }
};

std::unique_ptr<Objective> make_objective(const Scenario& scenario);

}  // namespace backprop
