#include "trainer.hpp"

#include <cmath>
#include <numeric>

#include "regularization.hpp"

namespace backprop {

Trainer::Trainer(const Scenario& s)
    : objective_(make_objective(s)),
      optimizer_(s.optimizer, objective_->params()),
      regularization_(s.regularization),
      shuffle_(s.train.shuffle),
      rng_(s.train.seed) {
  const Index n = objective_->sample_count();
  batch_size_ = s.train.batch_size > 0 && s.train.batch_size < n ? s.train.batch_size : n;
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), Index{0});
  all_ = order_;
  if (shuffle_) advance();  // draws the first epoch's order
}

void Trainer::advance() {
  // Called at the start of an epoch: Fisher–Yates with our own portable draws.
  if (!shuffle_) return;
  std::iota(order_.begin(), order_.end(), Index{0});
  for (Index i = Index(order_.size()) - 1; i > 0; --i)
    std::swap(order_[i], order_[rng_.below(std::uint64_t(i) + 1)]);
}

Batch Trainer::next_batch() const {
  const Index size = std::min(batch_size_, Index(order_.size()) - position_);
  return {order_.data() + position_, size, !shuffle_};
}

double Trainer::step(Trace* trace) {
  const Batch batch = next_batch();
  ParamViews& params = objective_->params();
  const double loss = objective_->loss_and_gradient(batch) + penalty(params, regularization_);
  add_penalty_gradient(params, regularization_);
  if (trace) {
    trace->loss = loss;
    trace->parameters = snapshot(params);
    objective_->describe(*trace);
  }
  optimizer_.step();
  if (trace) trace->updated = snapshot(params);
  ++steps_;
  position_ += batch.size;
  if (position_ >= Index(order_.size())) {
    position_ = 0;
    advance();
  }
  return loss;
}

double Trainer::full_loss() {
  const Batch all{all_.data(), Index(all_.size()), true};
  return objective_->loss(all) + penalty(objective_->params(), regularization_);
}

NamedValues snapshot(const ParamViews& params) {
  NamedValues out;
  for (const ParamView& p : params)
    out.push_back({p.name, Eigen::Map<const Matrix>(p.value, p.rows, p.cols), p.is_vector});
  return out;
}

TrainResult train(const Scenario& scenario) {
  Trainer trainer(scenario);
  TrainResult result;
  const long long steps = scenario.train.steps, every = scenario.train.record_every;
  result.losses.reserve(size_t(steps / every + 1));
  for (long long i = 0; i < steps; ++i) {
    const double loss = trainer.step();
    if (!std::isfinite(loss)) {
      result.divergence = Divergence{i, loss};
      break;
    }
    if (i % every == 0) result.losses.emplace_back(i, loss);
  }
  result.final_loss = trainer.full_loss();
  if (!result.divergence && !std::isfinite(result.final_loss))
    result.divergence = Divergence{steps, result.final_loss};
  result.validation_loss = trainer.validation_loss();
  result.parameters = snapshot(trainer.params());
  return result;
}

Trace trace(const Scenario& scenario) {
  Trainer trainer(scenario);
  Trace result;
  trainer.step(&result);
  return result;
}

}  // namespace backprop
