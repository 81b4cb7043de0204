#include "result_json.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "trace_keys.hpp"

namespace backprop {

namespace {

using ojson = nlohmann::ordered_json;

ojson value_json(const Matrix& m, bool is_vector) {
  if (is_vector) return std::vector<double>(m.data(), m.data() + m.size());
  ojson rows = ojson::array();
  for (Index i = 0; i < m.rows(); ++i) rows.push_back(std::vector<double>(m.row(i).begin(), m.row(i).end()));
  return rows;
}

ojson section(const NamedValues& values) {
  ojson out = ojson::object();
  for (const NamedValue& v : values) out[v.name] = value_json(v.value, v.is_vector);
  return out;
}

ojson optimizer_state(const OptimizerState& state) {
  ojson out = ojson::object();
  for (const auto& [name, values] : state.buffers) out[name] = section(values);
  return out;
}

}  // namespace

std::string to_json(const Trace& trace) {
  ojson out;
  out["iteration"] = trace.iteration;
  out["loss"] = trace.loss;
  out["loss_parts"] = {{"data", trace.data_loss}, {"l1", trace.penalty_l1}, {"l2", trace.penalty_l2}};
  out["parameters"] = section(trace.parameters);
  out["forward"] = section(trace.forward);
  out["backward"] = section(trace.backward);
  if (!trace.gradient_data.empty())
    out["gradient_parts"] = {{"data", section(trace.gradient_data)}, {"penalty", section(trace.gradient_penalty)}};
  out["optimizer"] = {{"step", trace.optimizer_after.step},
                      {"before", optimizer_state(trace.optimizer_before)},
                      {"after", optimizer_state(trace.optimizer_after)}};
  out["updated"] = section(trace.updated);
  if (!trace.buffers_after.empty())
    out["buffers"] = {{"before", section(trace.buffers_before)}, {"after", section(trace.buffers_after)}};
  if (!trace.time_steps.empty()) {
    ojson steps = ojson::array();
    for (const NamedValues& step : trace.time_steps) steps.push_back(section(step));
    out["time_steps"] = std::move(steps);
  }
  return out.dump();
}

std::string to_json(const TrainResult& result) {
  ojson out;
  ojson losses = ojson::array();
  for (const auto& [step, loss] : result.losses) losses.push_back({step, loss});
  out["losses"] = std::move(losses);
  out["final_loss"] = result.final_loss;
  if (!std::isnan(result.validation_loss)) out["validation_loss"] = result.validation_loss;
  if (const auto& e = result.early_stopping) {
    ojson validation = ojson::array();
    for (const auto& [step, loss] : result.validation_losses)
      validation.push_back({step, std::isfinite(loss) ? ojson(loss) : ojson(nullptr)});
    out["validation_losses"] = std::move(validation);
    const auto optional = [](const std::optional<long long>& n) { return n ? ojson(*n) : ojson(nullptr); };
    out["early_stopping"] = {{"stopped_at", optional(e->stopped_at)},
                             {"best_step", optional(e->best_step)},
                             {"best_validation_loss", e->best_step ? ojson(e->best_validation_loss) : ojson(nullptr)}};
  }
  out["parameters"] = section(result.parameters);
  if (!result.buffers.empty()) out["buffers"] = section(result.buffers);
  return out.dump();
}

std::string to_json(const GradCheck& check) {
  ojson out;
  out["epsilon"] = check.epsilon;
  out["max_relative_error"] = check.max_relative_error;
  ojson params = ojson::object();
  for (const ParamCheck& p : check.params)
    params[p.name] = {{"max_relative_error", p.max_relative_error},
                      {"analytic", value_json(p.analytic, p.is_vector)},
                      {"numeric", value_json(p.numeric, p.is_vector)},
                      {"relative_error", value_json(p.relative_error, p.is_vector)}};
  out["parameters"] = std::move(params);
  return out.dump();
}

std::string to_json(const GradientNorms& norms) {
  ojson out;
  out["loss"] = norms.loss;
  out["h_grad_norm"] = norms.h_grad;
  out["contribution_norm"] = {{keys::rnn::dU, norms.dU}, {keys::rnn::dV, norms.dV}, {keys::rnn::dW, norms.dW}};
  return out.dump();
}

namespace {

// A number, or null when it is not defined (NaN) or not finite.
ojson number_or_null(double x) { return std::isfinite(x) ? ojson(x) : ojson(nullptr); }

ojson prediction_set(const PredictionSet& set, ModelKind kind) {
  ojson out;
  if (kind == ModelKind::mlp) {
    out["outputs"] = value_json(set.outputs.at(0), false);
  } else {
    ojson sequences = ojson::array();
    for (const Matrix& y : set.outputs) sequences.push_back({{"outputs", value_json(y, false)}});
    out["sequences"] = std::move(sequences);
  }
  out["loss"] = number_or_null(set.evaluation.loss);
  out["accuracy"] = number_or_null(set.evaluation.accuracy);
  return out;
}

}  // namespace

std::string to_json(const Prediction& prediction) {
  ojson out = prediction_set(prediction.train, prediction.kind);
  if (prediction.validation) out["validation"] = prediction_set(*prediction.validation, prediction.kind);
  return out.dump();
}

std::string to_json(const NamedValues& values) { return section(values).dump(); }

ScenarioError divergence_error(const Divergence& d, const Scenario& s) {
  char lr[32];
  std::snprintf(lr, sizeof lr, "%g", s.optimizer.lr);
  const std::string loss = std::isnan(d.loss) ? "NaN" : "infinite";
  // Before any update the learning rate has done nothing yet: the values themselves overflow.
  if (d.step == 0) return ScenarioError("train", Reason::diverged_at_start, {{"loss", loss}});
  const bool penalty = s.regularization.l1 > 0 || s.regularization.l2 > 0;
  return ScenarioError("train", penalty ? Reason::diverged_penalty : Reason::diverged,
                       {{"step", std::to_string(d.step)}, {"loss", loss}, {"lr", lr}});
}

}  // namespace backprop
