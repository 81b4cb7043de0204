// The lesson's RNN as an Objective: batches of whole sequences, BPTT for the gradient.
// The loss of a sequence is summed over time; a batch averages over its sequences.
#include <algorithm>
#include <limits>

#include "accuracy.hpp"
#include "init.hpp"
#include "objective.hpp"
#include "rnn.hpp"
#include "trace_keys.hpp"

namespace backprop {

namespace {

namespace key = keys::rnn;

class RnnObjective final : public Objective {
 public:
  explicit RnnObjective(const Scenario& s) : sequences_(s.sequences), validation_(s.validation_sequences) {
    const RnnSpec& spec = s.rnn;
    const Index I = spec.input_size, H = spec.hidden_size, O = spec.output_size;
    cell_.f = spec.hidden_activation;
    cell_.g = spec.output_activation;
    cell_.loss = spec.loss;
    cell_.bias = spec.bias;
    cell_.U.resize(H, I);
    cell_.V.resize(H, H);
    cell_.W.resize(O, H);
    cell_.b = Matrix::Zero(1, H);
    cell_.c = Matrix::Zero(1, O);
    cell_.h0 = Matrix::Zero(1, H);
    // nn.RNN draws every recurrent parameter with fan_in = hidden; the output layer has fan_in = hidden.
    Rng rng(s.init.seed);
    init_weight(cell_.U, s.init, s.init.scheme == InitScheme::pytorch_default ? H : I, H, rng);
    init_weight(cell_.V, s.init, H, H, rng);
    init_weight(cell_.W, s.init, H, O, rng);
    if (spec.bias) {
      init_bias(cell_.b, s.init, H, rng);
      init_bias(cell_.c, s.init, H, rng);
    }
    for (auto [name, m] : {std::pair{key::U, &cell_.U}, {key::V, &cell_.V}, {key::W, &cell_.W}, {key::b, &cell_.b},
                           {key::c, &cell_.c}, {key::h0, &cell_.h0}})
      if (auto it = s.parameters.find(name); it != s.parameters.end()) *m = it->second;

    grads_ = make_grads(cell_);
    views_.push_back({key::U, cell_.U.data(), grads_.dU.data(), H, I, true, false});
    views_.push_back({key::V, cell_.V.data(), grads_.dV.data(), H, H, true, false});
    views_.push_back({key::W, cell_.W.data(), grads_.dW.data(), O, H, true, false});
    if (spec.bias) {
      views_.push_back({key::b, cell_.b.data(), grads_.db.data(), 1, H, false, true});
      views_.push_back({key::c, cell_.c.data(), grads_.dc.data(), 1, O, false, true});
    }
    for (const Sequence& seq : sequences_) tapes_.push_back(make_tape(cell_, seq.inputs.rows()));
    for (const Sequence& seq : validation_) validation_tapes_.push_back(make_tape(cell_, seq.inputs.rows()));
    binary_ = all_binary(sequences_);
    validation_binary_ = all_binary(validation_);
  }

  Index sample_count() const override { return static_cast<Index>(sequences_.size()); }
  ParamViews& params() override { return views_; }

  double loss(const Batch& batch) override {
    double sum = 0.0;
    for (Index i = 0; i < batch.size; ++i) {
      const Index k = batch.index[i];
      sum += forward(cell_, sequences_[k].inputs, sequences_[k].targets, sequences_[k].has_target, tapes_[k]);
    }
    return sum / double(batch.size);
  }

  double loss_and_gradient(const Batch& batch) override {
    for (Matrix* g : {&grads_.dU, &grads_.dV, &grads_.dW, &grads_.db, &grads_.dc, &grads_.dh0}) g->setZero();
    const double scale = 1.0 / double(batch.size);
    double sum = 0.0;
    for (Index i = 0; i < batch.size; ++i) {
      const Index k = batch.index[i];
      const Sequence& seq = sequences_[k];
      sum += forward(cell_, seq.inputs, seq.targets, seq.has_target, tapes_[k]);
      bptt(cell_, seq.inputs, seq.targets, seq.has_target, scale, tapes_[k], grads_);
    }
    last_first_ = batch.index[0];
    last_size_ = batch.size;
    return sum * scale;
  }

  void describe(Trace& trace) const override {
    // The per-time values of the batch's first sequence (the whole batch when it has one).
    const RnnTape& tape = tapes_[last_first_];
    const Sequence& seq = sequences_[last_first_];
    trace.parameters.push_back({key::h0, cell_.h0, true});  // the state before t = 1 (not trained)
    trace.forward = {{key::r, tape.r}, {key::h, tape.h}, {key::s, tape.s}, {key::y, tape.y}};
    trace.backward = {{key::y_grad, tape.y_grad}};
    if (cell_.g != Activation::softmax) trace.backward.push_back({key::gprime, derivatives(cell_.g, tape.s, tape.y)});
    trace.backward.insert(trace.backward.end(), {{key::s_grad, tape.s_grad},
                      {key::h_grad_output, tape.h_grad_output},
                      {key::h_grad_next, tape.h_grad_next},
                      {key::h_grad, tape.h_grad},
                      {key::r_grad, tape.r_grad}});
    if (cell_.f != Activation::softmax) trace.backward.push_back({key::fprime, derivatives(cell_.f, tape.r, tape.h)});
    trace.backward.insert(trace.backward.end(), {{key::dU, grads_.dU}, {key::dV, grads_.dV}, {key::dW, grads_.dW}});
    if (cell_.bias) {
      trace.backward.push_back({key::db, grads_.db, true});
      trace.backward.push_back({key::dc, grads_.dc, true});
    }
    trace.backward.push_back({key::dh0, grads_.dh0, true});
    if (last_size_ != 1) return;
    // What each time step adds to the gradients, and the running sums from T down to t.
    const Index T = seq.inputs.rows();
    RnnGrads sum = make_grads(cell_);
    trace.time_steps.assign(T, {});
    RnnTape copy = tape;  // backward() rewrites row t with the values it already holds
    for (Index t = T - 1; t >= 0; --t) {
      RnnGrads step = make_grads(cell_);
      backward(cell_, seq.inputs, t, copy, step);
      sum.dU += step.dU, sum.dV += step.dV, sum.dW += step.dW, sum.db += step.db, sum.dc += step.dc;
      NamedValues& out = trace.time_steps[t];
      out = {{key::dU, step.dU}, {key::dV, step.dV}, {key::dW, step.dW}};
      if (cell_.bias) out.insert(out.end(), {{key::db, step.db, true}, {key::dc, step.dc, true}});
      out.insert(out.end(), {{key::dU_sum, sum.dU}, {key::dV_sum, sum.dV}, {key::dW_sum, sum.dW}});
      if (cell_.bias) out.insert(out.end(), {{key::db_sum, sum.db, true}, {key::dc_sum, sum.dc, true}});
    }
  }

  bool has_validation() const override { return !validation_.empty(); }

  SetEvaluation evaluate(bool validation, std::vector<Matrix>* outputs) override {
    SetEvaluation out;
    const std::vector<Sequence>& set = validation ? validation_ : sequences_;
    std::vector<RnnTape>& tapes = validation ? validation_tapes_ : tapes_;
    if (set.empty()) return out;
    double sum = 0.0;
    long long right = 0, total = 0;
    const bool binary = validation ? validation_binary_ : binary_;
    for (size_t k = 0; k < set.size(); ++k) {
      sum += forward(cell_, set[k].inputs, set[k].targets, set[k].has_target, tapes[k]);
      if (binary) count_right(tapes[k].y, set[k].targets, set[k].has_target, right, total);
      if (outputs) outputs->push_back(tapes[k].y);
    }
    out.loss = sum / double(set.size());
    if (binary && total > 0) out.accuracy = double(right) / double(total);
    return out;
  }

  // The hidden units over every time step of every training sequence: dead when f′(r_t) = 0 at all.
  void dead_units(std::vector<double>& out) override {
    out.clear();
    const Index H = cell_.V.rows();
    if (cell_.f == Activation::softmax) return out.push_back(0.0);
    alive_.assign(size_t(H), false);
    for (size_t k = 0; k < sequences_.size(); ++k) {
      const Sequence& seq = sequences_[k];
      forward(cell_, seq.inputs, seq.targets, seq.has_target, tapes_[k]);
      const RnnTape& tape = tapes_[k];
      for (Index t = 0; t < tape.r.rows(); ++t)
        for (Index j = 0; j < H; ++j)
          if (!alive_[size_t(j)] && derivative(cell_.f, tape.r(t, j), tape.h(t, j)) != 0.0) alive_[size_t(j)] = true;
    }
    out.push_back(double(std::count(alive_.begin(), alive_.end(), false)) / double(H));
  }

  void h_grad_norms(std::vector<double>& out) const override {
    out.clear();
    if (last_size_ == 0) return;
    const Matrix& h_grad = tapes_[size_t(last_first_)].h_grad;
    for (Index t = 0; t < h_grad.rows(); ++t) out.push_back(h_grad.row(t).norm());
  }

 private:
  RnnCell cell_;
  RnnGrads grads_;
  ParamViews views_;
  std::vector<Sequence> sequences_;
  std::vector<RnnTape> tapes_;
  std::vector<bool> alive_;  // dead_units' work space
  std::vector<Sequence> validation_;
  std::vector<RnnTape> validation_tapes_;
  bool binary_ = false, validation_binary_ = false;

  static bool all_binary(const std::vector<Sequence>& set) {
    for (const Sequence& seq : set)
      if (!binary_targets(seq.targets, seq.has_target)) return false;
    return true;
  }
  Index last_first_ = 0, last_size_ = 0;
};

}  // namespace

std::unique_ptr<Objective> make_rnn_objective(const Scenario& scenario) {
  return std::make_unique<RnnObjective>(scenario);
}

}  // namespace backprop
