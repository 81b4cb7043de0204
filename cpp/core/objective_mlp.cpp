// The MLP as an Objective: parameters from the scenario (or init), batches of rows.
#include <cmath>
#include <deque>
#include <limits>

#include "init.hpp"
#include "mlp.hpp"
#include "objective.hpp"

namespace backprop {

namespace {

class MlpObjective final : public Objective {
 public:
  explicit MlpObjective(const Scenario& s) : inputs_(s.inputs), targets_(s.targets) {
    mlp_.loss = s.mlp.loss;
    Rng rng(s.init.seed);
    const auto& sizes = s.mlp.layers;
    for (size_t l = 1; l < sizes.size(); ++l) {
      Layer layer{Matrix(sizes[l], sizes[l - 1]), Matrix(1, sizes[l]), s.mlp.activations[l - 1]};
      init_weight(layer.W, s.init, sizes[l - 1], sizes[l], rng);
      init_bias(layer.b, s.init, sizes[l - 1], rng);
      const std::string n = std::to_string(l);
      if (auto it = s.parameters.find("W" + n); it != s.parameters.end()) layer.W = it->second;
      if (auto it = s.parameters.find("b" + n); it != s.parameters.end()) layer.b = it->second;
      mlp_.layers.push_back(std::move(layer));
      grads_.push_back({Matrix::Zero(sizes[l], sizes[l - 1]), Matrix::Zero(1, sizes[l])});
    }
    for (size_t l = 0; l < mlp_.layers.size(); ++l) {
      const std::string n = std::to_string(l + 1);
      Layer& layer = mlp_.layers[l];
      views_.push_back({"W" + n, layer.W.data(), grads_[l].dW.data(), layer.W.rows(), layer.W.cols(), true, false});
      views_.push_back({"b" + n, layer.b.data(), grads_[l].db.data(), 1, layer.b.cols(), false, true});
    }
    if (s.validation_inputs) {
      validation_inputs_ = *s.validation_inputs;
      validation_targets_ = *s.validation_targets;
    }
  }

  Index sample_count() const override { return inputs_.rows(); }
  ParamViews& params() override { return views_; }

  double loss(const Batch& batch) override {
    Slot& slot = slot_for(batch.size);
    if (batch.contiguous) {
      forward(mlp_, inputs_.middleRows(batch.index[0], batch.size), slot.tape);
      return backprop::loss(mlp_, slot.tape, targets_.middleRows(batch.index[0], batch.size));
    }
    gather(batch, slot);
    forward(mlp_, slot.x, slot.tape);
    return backprop::loss(mlp_, slot.tape, slot.y);
  }

  double loss_and_gradient(const Batch& batch) override {
    last_ = &slot_for(batch.size);
    Slot& slot = *last_;
    if (batch.contiguous) {
      const auto x = inputs_.middleRows(batch.index[0], batch.size);
      const auto y = targets_.middleRows(batch.index[0], batch.size);
      forward(mlp_, x, slot.tape);
      const double value = backprop::loss(mlp_, slot.tape, y);
      backward(mlp_, x, y, slot.tape, grads_);
      return value;
    }
    gather(batch, slot);
    forward(mlp_, slot.x, slot.tape);
    const double value = backprop::loss(mlp_, slot.tape, slot.y);
    backward(mlp_, slot.x, slot.y, slot.tape, grads_);
    return value;
  }

  void describe(Trace& trace) const override {
    const size_t L = mlp_.layers.size();
    for (size_t l = 0; l < L; ++l) {
      const std::string n = std::to_string(l + 1);
      trace.forward.push_back({"z" + n, last_->tape[l].z, false});
      trace.forward.push_back({"a" + n, last_->tape[l].a, false});
    }
    for (size_t l = L; l-- > 0;) {
      const std::string n = std::to_string(l + 1);
      const LayerTape& tape = last_->tape[l];
      trace.backward.push_back({"a_grad" + n, tape.a_grad, false});
      if (mlp_.layers[l].activation != Activation::softmax)
        trace.backward.push_back({"fprime" + n, derivatives(mlp_.layers[l].activation, tape.z, tape.a), false});
      trace.backward.push_back({"delta" + n, tape.delta, false});
      trace.backward.push_back({"dW" + n, grads_[l].dW, false});
      trace.backward.push_back({"db" + n, grads_[l].db, true});
    }
  }

  double validation_loss() override {
    if (validation_inputs_.rows() == 0) return std::numeric_limits<double>::quiet_NaN();
    MlpTape tape = make_tape(mlp_, validation_inputs_.rows());
    forward(mlp_, validation_inputs_, tape);
    return backprop::loss(mlp_, tape, validation_targets_);
  }

 private:
  // Work space for one batch size (a data set that does not divide by the batch size has two).
  struct Slot {
    Index rows;
    MlpTape tape;
    Matrix x, y;
  };

  Slot& slot_for(Index rows) {
    for (Slot& slot : slots_)
      if (slot.rows == rows) return slot;
    slots_.push_back({rows, make_tape(mlp_, rows), Matrix(rows, inputs_.cols()), Matrix(rows, targets_.cols())});
    return slots_.back();
  }

  void gather(const Batch& batch, Slot& slot) {
    for (Index i = 0; i < batch.size; ++i) {
      slot.x.row(i) = inputs_.row(batch.index[i]);
      slot.y.row(i) = targets_.row(batch.index[i]);
    }
  }

  Mlp mlp_;
  MlpGrads grads_;
  ParamViews views_;
  Matrix inputs_, targets_, validation_inputs_, validation_targets_;
  std::deque<Slot> slots_;  // stable references
  Slot* last_ = nullptr;
};

}  // namespace

std::unique_ptr<Objective> make_mlp_objective(const Scenario& scenario) {
  return std::make_unique<MlpObjective>(scenario);
}

}  // namespace backprop
