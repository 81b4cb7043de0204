// What a trainer needs of a model: its parameters and the loss (and gradient) of a batch.
#pragma once

#include <memory>

#include "param.hpp"
#include "scenario.hpp"
#include "trace.hpp"

namespace backprop {

// Samples (MLP rows or RNN sequences) index[0..size).
struct Batch {
  const Index* index;
  Index size;
  bool contiguous;  // index[i] == index[0] + i
};

class Objective {
 public:
  virtual ~Objective() = default;
  Objective() = default;
  Objective(const Objective&) = delete;
  Objective& operator=(const Objective&) = delete;

  virtual Index sample_count() const = 0;
  // Views stay valid for the life of the objective.
  virtual ParamViews& params() = 0;
  // Data loss of the batch (mean over samples), forward only.
  virtual double loss(const Batch& batch) = 0;
  // Data loss, and its gradient written into every ParamView::grad.
  virtual double loss_and_gradient(const Batch& batch) = 0;
  // Forward and backward values of the last loss_and_gradient call, named for the trace.
  virtual void describe(Trace& trace) const = 0;
  // Loss on the optional validation set; NaN when there is none.
  virtual double validation_loss() = 0;
};

std::unique_ptr<Objective> make_objective(const Scenario& scenario);

}  // namespace backprop
