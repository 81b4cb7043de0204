#include "norms.hpp"

#include "error.hpp"
#include "trace_keys.hpp"
#include "trainer.hpp"

namespace backprop {

namespace {
const Matrix& named(const NamedValues& values, const char* name) {
  for (const NamedValue& v : values)
    if (v.name == name) return v.value;
  throw std::logic_error(std::string("trace without ") + name);
}
}  // namespace

GradientNorms gradient_norms(const Scenario& scenario) {
  if (scenario.kind != ModelKind::rnn) throw ScenarioError("model.kind", Reason::norms_need_rnn);
  const Trace t = trace(scenario);
  if (t.time_steps.empty())
    throw ScenarioError("train.batch_size", Reason::norms_one_sequence);
  GradientNorms out;
  out.loss = t.loss;
  const Matrix& h_grad = named(t.backward, keys::rnn::h_grad);
  for (Index k = 0; k < h_grad.rows(); ++k) out.h_grad.push_back(h_grad.row(k).norm());
  for (const NamedValues& step : t.time_steps) {
    out.dU.push_back(named(step, keys::rnn::dU).norm());
    out.dV.push_back(named(step, keys::rnn::dV).norm());
    out.dW.push_back(named(step, keys::rnn::dW).norm());
  }
  return out;
}

}  // namespace backprop
