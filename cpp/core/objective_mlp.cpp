// The MLP as an Objective: parameters from the scenario (or init), batches of rows.
#include <cmath>
#include <algorithm>
#include <deque>
#include <limits>

#include "accuracy.hpp"
#include "dropout.hpp"
#include "error.hpp"
#include "init.hpp"
#include "mlp.hpp"
#include "objective.hpp"
#include "trace_keys.hpp"

namespace backprop {

namespace {

class MlpObjective final : public Objective {
 public:
  explicit MlpObjective(const Scenario& s)
      : inputs_(s.inputs), targets_(s.targets), dropout_rng_(s.train.seed ^ dropout_seed_mix) {
    mlp_.loss = s.mlp.loss;
    Rng rng(s.init.seed);
    const auto& sizes = s.mlp.layers;
    for (size_t l = 1; l < sizes.size(); ++l) {
      Layer layer{Matrix(sizes[l], sizes[l - 1]), Matrix(1, sizes[l]), s.mlp.activations[l - 1], BatchNorm{}, 0.0};
      init_weight(layer.W, s.init, sizes[l - 1], sizes[l], rng);
      init_bias(layer.b, s.init, sizes[l - 1], rng);
      if (auto it = s.parameters.find(keys::W(l)); it != s.parameters.end()) layer.W = it->second;
      if (auto it = s.parameters.find(keys::b(l)); it != s.parameters.end()) layer.b = it->second;
      grads_.push_back({Matrix::Zero(sizes[l], sizes[l - 1]), Matrix::Zero(1, sizes[l]), Matrix(), Matrix()});
      if (s.mlp.batch_norm_at(l - 1)) add_batch_norm(s, l, layer, grads_.back());
      layer.dropout = s.mlp.dropout_at(l - 1);
      if (auto it = s.mlp.dropout_masks.find(int(l)); it != s.mlp.dropout_masks.end() && layer.dropout > 0)
        given_masks_.emplace(l - 1, it->second);
      mlp_.layers.push_back(std::move(layer));
    }
    for (size_t l = 0; l < mlp_.layers.size(); ++l) {
      Layer& layer = mlp_.layers[l];
      views_.push_back({keys::W(l + 1), layer.W.data(), grads_[l].dW.data(), layer.W.rows(), layer.W.cols(), true, false});
      views_.push_back({keys::b(l + 1), layer.b.data(), grads_[l].db.data(), 1, layer.b.cols(), false, true});
      if (!layer.batch_norm.enabled()) continue;
      const Index n = layer.b.cols();
      // γ is updated as a weight (whatever update_biases) but never penalized; β is a bias.
      views_.push_back({keys::gamma(l + 1), layer.batch_norm.gamma.data(), grads_[l].dgamma.data(), 1, n, true, true, false});
      views_.push_back({keys::beta(l + 1), layer.batch_norm.beta.data(), grads_[l].dbeta.data(), 1, n, false, true});
    }
    for (const Layer& layer : mlp_.layers) dropout_ |= layer.dropout > 0;
    if (s.validation_inputs) {
      validation_inputs_ = *s.validation_inputs;
      validation_targets_ = *s.validation_targets;
      validation_tape_ = make_tape(mlp_, validation_inputs_.rows());
    }
    binary_ = binary_targets(targets_);
    validation_binary_ = binary_targets(validation_targets_);
  }

  Index sample_count() const override { return inputs_.rows(); }
  ParamViews& params() override { return views_; }

  double loss(const Batch& batch) override { return forward_loss(batch, true); }
  double eval_loss(const Batch& batch) override { return forward_loss(batch, false); }

  double loss_and_gradient(const Batch& batch) override {
    last_ = &slot_for(batch.size);
    Slot& slot = *last_;
    if (dropout_) set_masks(batch, slot.tape);
    if (batch.contiguous) {
      return train_pass(mlp_, Rows(inputs_, batch.index[0], batch.size), Rows(targets_, batch.index[0], batch.size),
                        slot.tape, grads_);
    }
    gather(batch, slot);
    return train_pass(mlp_, slot.x, slot.y, slot.tape, grads_);
  }

  NamedValues buffers() const override {
    NamedValues out;
    for (size_t l = 0; l < mlp_.layers.size(); ++l) {
      const BatchNorm& bn = mlp_.layers[l].batch_norm;
      if (!bn.enabled()) continue;
      out.push_back({keys::running_mean(l + 1), bn.running_mean, true});
      out.push_back({keys::running_var(l + 1), bn.running_var, true});
    }
    return out;
  }
  void set_buffers(const NamedValues& values) override {
    auto value = values.begin();
    for (auto& layer : mlp_.layers) {
      if (!layer.batch_norm.enabled()) continue;
      layer.batch_norm.running_mean = (value++)->value;
      layer.batch_norm.running_var = (value++)->value;
    }
  }

  void describe(Trace& trace) const override {
    const size_t L = mlp_.layers.size();
    for (size_t l = 0; l < L; ++l) {
      const size_t n = l + 1;
      const LayerTape& tape = last_->tape[l];
      const Layer& layer = mlp_.layers[l];
      trace.forward.push_back({keys::z(n), tape.z, false});
      if (layer.batch_norm.enabled()) {
        trace.forward.push_back({keys::mu(n), tape.norm.mu, true});
        trace.forward.push_back({keys::var(n), tape.norm.var, true});
        trace.forward.push_back({keys::xhat(n), tape.norm.xhat, false});
        trace.forward.push_back({keys::y(n), tape.norm.y, false});
      }
      trace.forward.push_back({keys::a(n), tape.a, false});
      if (layer.dropout > 0) {
        trace.forward.push_back({keys::mask(n), tape.mask, false});
        trace.forward.push_back({keys::a_drop(n), tape.a_drop, false});
      }
    }
    for (size_t l = L; l-- > 0;) {
      const size_t n = l + 1;
      const LayerTape& tape = last_->tape[l];
      const Layer& layer = mlp_.layers[l];
      const bool norm = layer.batch_norm.enabled();
      if (layer.dropout > 0) trace.backward.push_back({keys::a_drop_grad(n), tape.a_drop_grad, false});
      trace.backward.push_back({keys::a_grad(n), tape.a_grad, false});
      if (layer.activation != Activation::softmax)  // f′ at its argument: y with batch norm, z otherwise
        trace.backward.push_back(
            {keys::fprime(n), derivatives(layer.activation, norm ? tape.norm.y : tape.z, tape.a), false});
      if (norm) {
        trace.backward.push_back({keys::dy(n), tape.norm.dy, false});
        trace.backward.push_back({keys::dgamma(n), grads_[l].dgamma, true});
        trace.backward.push_back({keys::dbeta(n), grads_[l].dbeta, true});
        trace.backward.push_back({keys::dxhat(n), tape.norm.dxhat, false});
      }
      trace.backward.push_back({keys::delta(n), tape.delta, false});
      trace.backward.push_back({keys::dW(n), grads_[l].dW, false});
      trace.backward.push_back({keys::db(n), grads_[l].db, true});
    }
  }

  void dead_units(std::vector<double>& out) override {
    out.clear();
    MlpTape& tape = slot_for(inputs_.rows()).tape;
    forward(mlp_, inputs_, tape);
    for (size_t l = 0; l + 1 < mlp_.layers.size(); ++l)
      out.push_back(dead_fraction(mlp_.layers[l].activation, tape[l].z, tape[l].a, alive_));
  }

  const std::vector<LayerTape>* last_tape() const override { return last_ ? &last_->tape : nullptr; }

  bool has_validation() const override { return validation_inputs_.rows() > 0; }

  SetEvaluation evaluate(bool validation, std::vector<Matrix>* outputs) override {
    SetEvaluation out;
    if (validation && !has_validation()) return out;
    const Matrix& x = validation ? validation_inputs_ : inputs_;
    const Matrix& y = validation ? validation_targets_ : targets_;
    MlpTape& tape = validation ? validation_tape_ : slot_for(inputs_.rows()).tape;
    forward(mlp_, x, tape);  // evaluation mode
    out.loss = backprop::loss(mlp_, tape, y);
    const Matrix& y_hat = tape.back().a;
    if (validation ? validation_binary_ : binary_) {
      long long right = 0, total = 0;
      count_right(y_hat, y, {}, right, total);
      out.accuracy = double(right) / double(total);
    }
    if (outputs) outputs->push_back(y_hat);
    return out;
  }

  // In chunks of rows, so that memory stays bounded whatever nx·ny: the full chunk's work space is
  // kept, and that of the last, shorter chunk for the last few sizes seen.
  void grid(const GridSpec& g, double* out) override {
    if (inputs_.cols() != 2)
      throw ScenarioError("model.layers[0]", Reason::grid_needs_two_inputs, {{"got", std::to_string(inputs_.cols())}});
    const Index nx = Index(g.nx), unit = Index(g.unit), rows = nx * Index(g.ny);
    Index widest = 1;
    for (const Layer& layer : mlp_.layers) widest = std::max(widest, layer.W.rows());
    const Index chunk = std::min(rows, std::max(Index{1}, grid_chunk_values / widest));
    const double dx = (g.x1 - g.x0) / g.nx, dy = (g.y1 - g.y0) / g.ny;
    for (Index start = 0; start < rows; start += chunk) {
      const Index n = std::min(chunk, rows - start);
      Slot& slot = grid_slot(n);
      for (Index k = 0; k < n; ++k) {
        const Index j = (start + k) / nx, i = (start + k) % nx;
        slot.x(k, 0) = g.x0 + (double(i) + 0.5) * dx;
        slot.x(k, 1) = g.y1 - (double(j) + 0.5) * dy;
      }
      forward(mlp_, slot.x, slot.tape);
      const Matrix& a = slot.tape.back().a;
      for (Index k = 0; k < n; ++k) out[start + k] = a(k, unit);
    }
  }

 private:
  // The dropout masks' generator is seeded from train.seed mixed with this constant, so that its
  // draws are not the shuffle's (docs/scenario.md, "Dropout").
  static constexpr std::uint64_t dropout_seed_mix = 0x9E3779B97F4A7C15ull;

  static void add_batch_norm(const Scenario& s, size_t l, Layer& layer, LayerGrad& grad) {
    const Index n = layer.b.cols();
    BatchNorm& bn = layer.batch_norm;
    bn.gamma = Matrix::Ones(1, n);
    bn.beta = Matrix::Zero(1, n);
    bn.running_mean = Matrix::Zero(1, n);
    bn.running_var = Matrix::Ones(1, n);
    const auto given = [](const std::map<std::string, Matrix>& from, const std::string& key, Matrix& to) {
      if (auto it = from.find(key); it != from.end()) to = it->second;
    };
    given(s.parameters, keys::gamma(l), bn.gamma);
    given(s.parameters, keys::beta(l), bn.beta);
    given(s.buffers, keys::running_mean(l), bn.running_mean);
    given(s.buffers, keys::running_var(l), bn.running_var);
    grad.dgamma = Matrix::Zero(1, n);
    grad.dbeta = Matrix::Zero(1, n);
  }

  // Training: each dropout layer's mask for this batch, the given rows or fresh draws.
  void set_masks(const Batch& batch, MlpTape& tape) {
    for (size_t l = 0; l < mlp_.layers.size(); ++l) {
      const double p = mlp_.layers[l].dropout;
      if (p <= 0) continue;
      Matrix& mask = tape[l].mask;
      if (auto it = given_masks_.find(l); it != given_masks_.end()) {
        for (Index i = 0; i < batch.size; ++i) mask.row(i) = it->second.row(batch.index[i]);
      } else {
        draw_mask(p, dropout_rng_, mask);
      }
    }
  }

  double forward_loss(const Batch& batch, bool training) {
    Slot& slot = slot_for(batch.size);
    if (batch.contiguous) {
      forward(mlp_, Rows(inputs_, batch.index[0], batch.size), slot.tape, training);
      return backprop::loss(mlp_, slot.tape, Rows(targets_, batch.index[0], batch.size));
    }
    gather(batch, slot);
    forward(mlp_, slot.x, slot.tape, training);
    return backprop::loss(mlp_, slot.tape, slot.y);
  }

  // Work space for one batch size (a data set that does not divide by the batch size has two).
  struct Slot {
    Index rows;
    MlpTape tape;
    Matrix x, y;
  };

  Slot& slot_for(Index rows) {
    if (last_ && last_->rows == rows) return *last_;  // a training step's, without a walk through the deque
    for (Slot& slot : slots_)
      if (slot.rows == rows) return slot;
    slots_.push_back({rows, make_tape(mlp_, rows), Matrix(rows, inputs_.cols()), Matrix(rows, targets_.cols())});
    return slots_.back();
  }

  // Work space for a grid chunk of `rows` rows: a few sizes are kept, the oldest replaced.
  static constexpr Index grid_chunk_values = 1 << 16;  // rows × widest layer per chunk
  static constexpr size_t grid_slots_kept = 4;
  Slot& grid_slot(Index rows) {
    for (Slot& slot : grid_slots_)
      if (slot.rows == rows) return slot;
    if (grid_slots_.size() == grid_slots_kept) grid_slots_.pop_front();
    grid_slots_.push_back({rows, make_tape(mlp_, rows), Matrix(rows, 2), Matrix()});
    return grid_slots_.back();
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
  MlpTape validation_tape_;
  std::deque<Slot> grid_slots_;
  bool binary_ = false, validation_binary_ = false;
  std::deque<Slot> slots_;  // stable references
  Slot* last_ = nullptr;
  std::map<size_t, Matrix> given_masks_;  // by layer index from 0: N × n
  Rng dropout_rng_;
  bool dropout_ = false;
  std::vector<bool> alive_;  // dead_units' work space
};

}  // namespace

std::unique_ptr<Objective> make_mlp_objective(const Scenario& scenario) {
  return std::make_unique<MlpObjective>(scenario);
}

}  // namespace backprop
