#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "deadline.hpp"
#include "error.hpp"
#include "regularization.hpp"
#include "trace_keys.hpp"

namespace backprop {

Trainer::Trainer(const Scenario& s)
    : objective_(make_objective(s)),
      params_(&objective_->params()),
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
  ParamViews& params = *params_;
  if (trace) trace->buffers_before = objective_->buffers();
  const double data_loss = objective_->loss_and_gradient(batch);
  const bool regularized = regularization_.l1 != 0.0 || regularization_.l2 != 0.0;
  const PenaltyParts penalty = regularized ? penalty_parts(params, regularization_) : PenaltyParts{};
  const double loss = data_loss + penalty.total;
  if (trace && regularized) {
    trace->gradient_data = weight_gradients(params);
    trace->gradient_penalty = penalty_gradients(params, regularization_);
  }
  if (regularized) add_penalty_gradient(params, regularization_);
  if (trace) {
    trace->iteration = steps_ + 1;
    trace->loss = loss;
    trace->data_loss = data_loss;
    trace->penalty_l1 = penalty.l1;
    trace->penalty_l2 = penalty.l2;
    trace->parameters = snapshot(params);
    objective_->describe(*trace);
    trace->optimizer_before = optimizer_.state();
  }
  optimizer_.step();
  if (trace) {
    trace->updated = snapshot(params);
    trace->buffers_after = objective_->buffers();
    trace->optimizer_after = optimizer_.state();
  }
  ++steps_;
  position_ += batch.size;
  if (position_ >= Index(order_.size())) {
    position_ = 0;
    if (shuffle_) advance();
  }
  return loss;
}

double Trainer::full_loss() {
  const Batch all{all_.data(), Index(all_.size()), true};
  return objective_->eval_loss(all) + penalty(objective_->params(), regularization_);
}

std::vector<std::string> Trainer::parameter_names() {
  std::vector<std::string> names;
  for (const ParamView& p : objective_->params()) names.push_back(p.name);
  return names;
}

void Trainer::gradient_norms(std::vector<double>& out) {
  out.clear();
  for (const ParamView& p : objective_->params())
    out.push_back(Eigen::Map<const Matrix>(p.grad, p.rows, p.cols).norm());
}

Trainer::Evaluation Trainer::evaluate() { return {objective_->evaluate(false), objective_->evaluate(true)}; }

namespace {

std::string show(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", x);
  return buffer;
}

// A whole number in [low, high], or ScenarioError naming the field.
void check_whole(const char* field, double x, double low, double high) {
  if (std::isnan(x)) throw ScenarioError(field, Reason::not_number, {{"type", "NaN"}});
  if (!std::isfinite(x) || x != std::floor(x)) throw ScenarioError(field, Reason::not_whole, {{"got", show(x)}});
  if (x < low || x > high)
    throw ScenarioError(field, Reason::between, {{"low", show(low)}, {"high", show(high)}, {"got", show(x)}});
}

void check_grid(const GridSpec& g) {
  for (auto [name, x] : {std::pair{"grid.x0", g.x0}, {"grid.x1", g.x1}, {"grid.y0", g.y0}, {"grid.y1", g.y1}})
    if (std::isnan(x)) throw ScenarioError(name, Reason::not_number, {{"type", "NaN"}});
    else if (!std::isfinite(x)) throw ScenarioError(name, Reason::not_finite, {{"got", show(x)}});
  check_whole("grid.nx", g.nx, 1, double(max_grid_points));
  check_whole("grid.ny", g.ny, 1, double(max_grid_points));
  if (g.nx * g.ny > double(max_grid_points))
    throw ScenarioError("grid.ny", Reason::too_many_points,
                        {{"count", show(g.nx * g.ny)}, {"limit", show(double(max_grid_points))}});
}

}  // namespace

void Trainer::grid(const GridSpec& spec, std::vector<double>& out) {
  check_grid(spec);
  const ParamViews& params = objective_->params();
  if (params.empty() || params[0].name != keys::W(1))
    throw ScenarioError("model.kind", Reason::grid_needs_mlp);
  check_whole("grid.unit", spec.unit, 0, double(params[params.size() - 2].rows - 1));
  out.resize(size_t(spec.nx * spec.ny));
  objective_->grid(spec, out.data());
}

NamedValues snapshot(const ParamViews& params) {
  NamedValues out;
  for (const ParamView& p : params)
    out.push_back({p.name, Eigen::Map<const Matrix>(p.value, p.rows, p.cols), p.is_vector});
  return out;
}

namespace {

// Every parameter's values, copied into (or back from) one buffer allocated once.
void save(const ParamViews& params, std::vector<double>& into) {
  size_t at = 0;
  for (const ParamView& p : params) {
    std::copy(p.value, p.value + p.size(), into.begin() + std::ptrdiff_t(at));
    at += size_t(p.size());
  }
}
void restore(ParamViews& params, const std::vector<double>& from) {
  size_t at = 0;
  for (const ParamView& p : params) {
    std::copy(from.begin() + std::ptrdiff_t(at), from.begin() + std::ptrdiff_t(at + size_t(p.size())), p.value);
    at += size_t(p.size());
  }
}

}  // namespace

TrainResult train(const Scenario& scenario) {
  Trainer trainer(scenario);
  TrainResult result;
  const long long steps = scenario.train.steps, every = scenario.train.record_every;
  const long long patience = scenario.train.patience;
  result.losses.reserve(size_t(steps / every + 1));
  // Early stopping: the validation loss after each recorded step's update; the best parameters
  // and batch norm's running statistics with them.
  std::vector<double> best;
  NamedValues best_buffers;
  long long waited = 0;
  if (patience > 0) {
    result.validation_losses.reserve(size_t(steps / every + 1));
    result.early_stopping.emplace();
    size_t count = 0;
    for (const ParamView& p : trainer.params()) count += size_t(p.size());
    best.resize(count);
  }
  const Deadline deadline("train.steps");
  for (long long i = 0; i < steps; ++i) {
    deadline.check("train.steps", i);
    const double loss = trainer.step();
    if (!std::isfinite(loss)) {
      result.divergence = Divergence{i, loss};
      break;
    }
    if (i % every != 0) continue;
    result.losses.emplace_back(i, loss);
    if (patience == 0) continue;
    const double validation = trainer.validation_loss();
    result.validation_losses.emplace_back(i, validation);
    EarlyStopping& e = *result.early_stopping;
    if (std::isfinite(validation) && (!e.best_step || validation < e.best_validation_loss)) {
      e.best_step = i;
      e.best_validation_loss = validation;
      save(trainer.params(), best);
      best_buffers = trainer.objective().buffers();
      waited = 0;
    } else if (++waited >= patience) {
      e.stopped_at = i;
      break;
    }
  }
  if (result.early_stopping && result.early_stopping->best_step) {
    restore(trainer.params(), best);
    trainer.objective().set_buffers(best_buffers);
  }
  result.final_loss = trainer.full_loss();
  if (!result.divergence && !std::isfinite(result.final_loss))
    result.divergence = Divergence{steps, result.final_loss};
  result.validation_loss = trainer.validation_loss();
  result.parameters = snapshot(trainer.params());
  result.buffers = trainer.objective().buffers();
  return result;
}

Trace trace(const Scenario& scenario) {
  Trainer trainer(scenario);
  const Deadline deadline("iteration");
  for (long long k = 1; k < scenario.iteration; ++k) {
    deadline.check("iteration", k - 1);
    trainer.step();
  }
  Trace result;
  trainer.step(&result);
  return result;
}

}  // namespace backprop
