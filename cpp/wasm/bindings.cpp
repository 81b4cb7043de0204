// embind bindings: thin. Scenario text in, JSON text out; no exception crosses into JavaScript
// (web/core/core.js turns a failed Outcome into an Error). A Trainer keeps a model alive across
// calls for long runs and hands its losses back as a typed array without a JSON round trip.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <memory>
#include <new>
#include <vector>

#include "command.hpp"
#include "deadline.hpp"
#include "error.hpp"
#include "result_json.hpp"
#include "scenario_json.hpp"
#include "trainer.hpp"
#include "work.hpp"

namespace backprop::wasm {

// The outcome of a call: ok and its JSON, or the refusal as the CLI would print it.
struct Outcome {
  int code = 0;           // the CLI's exit code: 0, 2 bad scenario, 3 non-finite loss
  std::string json;       // the result when code is 0
  std::string message;    // "field: what is wrong" otherwise
  std::string field;      // the field named by the message ("" when none)
  std::string reason;     // the reason's code ("between"; docs/scenario.md, "Errors")
  std::string args;       // its arguments, a JSON object of strings
};

Outcome outcome_of(const CommandResult& r) {
  if (r.exit_code == 0) return {0, r.out, "", "", "", "{}"};
  std::string message = r.err;
  const std::string prefix = "backprop: ";
  if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
  if (!message.empty() && message.back() == '\n') message.pop_back();
  return {r.exit_code, "", message, r.field, r.reason, r.args};
}

// A refusal the bindings catch themselves, worded as run_command words it.
Outcome refusal(int code, const ScenarioError& e) { return outcome_of(refused(code, e)); }

Outcome run(const std::string& command, const std::string& text) { return outcome_of(run_command(command, text)); }

// A model under training, for runs of many steps driven from a worker.
class TrainerHandle {
 public:
  explicit TrainerHandle(const std::string& text) {
    try {
      scenario_ = parse_scenario(text);
      check_trainer(scenario_);  // the cost model: data, work space, and each full-set loss
      trainer_ = std::make_unique<Trainer>(scenario_);
    } catch (const ScenarioError& e) {
      error_ = refusal(2, e);
    } catch (const std::bad_alloc&) {
      error_ = refusal(2, ScenarioError("scenario", Reason::out_of_memory));
    }
  }

  Outcome error() const { return error_; }

  // Runs up to `steps` more steps, stopping after the first non-finite loss; returns how many ran.
  // losses() then holds the loss of each of those steps. A number of steps that is not a whole
  // number ≥ 0, or more than the cost model allows in one call, runs none: error() says why. A run
  // still going after the core's time budget (deadline.hpp) stops there, error() saying so.
  double run(double steps) {
    losses_.clear();
    if (!trainer_) return 0;
    try {
      check_trainer_run(scenario_, steps);
      error_ = {};
    } catch (const ScenarioError& e) {
      error_ = refusal(2, e);
      return 0;
    }
    const long long n = static_cast<long long>(steps);
    // Sized once and cut to the steps done: a push_back per step is a call in this -Oz code.
    losses_.resize(size_t(n));
    long long done = 0;
    const Deadline deadline("run.steps");
    try {
      while (done < n) {
        deadline.check("run.steps", done);  // the steps so far are kept; error() says why it stopped
        const double loss = trainer_->step();
        losses_[size_t(done++)] = loss;
        if (!std::isfinite(loss)) break;
      }
    } catch (const ScenarioError& e) {
      error_ = refusal(2, e);
    }
    losses_.resize(size_t(done));
    return double(done);
  }

  // The core's refusal of a training whose loss at `step` was `loss` (NaN or ±∞), as `backprop
  // train` words it (exit 3, field train).
  Outcome divergence(double step, double loss) const {
    return refusal(3, divergence_error(Divergence{static_cast<long long>(step), loss}, scenario_));
  }

  emscripten::val losses() const {
    return emscripten::val(emscripten::typed_memory_view(losses_.size(), losses_.data()));
  }
  double steps_done() const { return trainer_ ? double(trainer_->steps_done()) : 0.0; }
  double full_loss() { return trainer_ ? trainer_->full_loss() : NAN; }
  double validation_loss() { return trainer_ ? trainer_->validation_loss() : NAN; }
  std::string parameters() {
    if (!trainer_) return "{}";
    return to_json(snapshot(trainer_->params()));
  }
  // Batch norm's running statistics ({} without batch norm), as train's `buffers`.
  std::string buffers() {
    if (!trainer_) return "{}";
    return to_json(trainer_->objective().buffers());
  }

  // The labs' additions (docs/labs.md). Typed arrays are views of memory the next call reuses:
  // web/core/core.js copies them.
  emscripten::val parameter_names() {
    emscripten::val names = emscripten::val::array();
    if (trainer_)
      for (const std::string& name : trainer_->parameter_names()) names.call<void>("push", name);
    return names;
  }

  emscripten::val gradient_norms() {
    if (trainer_) trainer_->gradient_norms(norms_);
    return view(norms_);
  }

  // {loss, accuracy, validationLoss, validationAccuracy}, null where not defined.
  emscripten::val evaluate() {
    emscripten::val out = emscripten::val::object();
    Trainer::Evaluation e;
    if (trainer_) e = trainer_->evaluate();
    const auto number = [](double x) { return std::isfinite(x) ? emscripten::val(x) : emscripten::val::null(); };
    out.set("loss", number(e.train.loss));
    out.set("accuracy", number(e.train.accuracy));
    out.set("validationLoss", number(e.validation.loss));
    out.set("validationAccuracy", number(e.validation.accuracy));
    return out;
  }

  // nx·ny outputs, or an empty array with error() saying why.
  emscripten::val grid(double x0, double x1, double y0, double y1, double nx, double ny, double unit) {
    grid_.clear();
    if (!trainer_) return view(grid_);
    try {
      check_grid_work(scenario_, nx, ny);
      const Deadline deadline("grid");
      trainer_->grid({x0, x1, y0, y1, nx, ny, unit}, grid_);
      error_ = {};
    } catch (const ScenarioError& e) {
      grid_.clear();
      error_ = refusal(2, e);
    } catch (const std::bad_alloc&) {
      grid_.clear();
      error_ = refusal(2, ScenarioError("grid", Reason::out_of_memory));
    }
    return view(grid_);
  }

  // Per hidden layer, the fraction of dead units (f′ = 0 on every training row).
  emscripten::val dead_units() {
    if (trainer_) trainer_->dead_units(dead_);
    return view(dead_);
  }

  emscripten::val h_norms() {
    if (trainer_) trainer_->h_norms(h_norms_);
    return view(h_norms_);
  }

 private:
  static emscripten::val view(const std::vector<double>& v) {
    return emscripten::val(emscripten::typed_memory_view(v.size(), v.data()));
  }

  Scenario scenario_;
  std::unique_ptr<Trainer> trainer_;
  std::vector<double> losses_, norms_, grid_, h_norms_, dead_;
  Outcome error_;
};

}  // namespace backprop::wasm

EMSCRIPTEN_BINDINGS(backprop) {
  using namespace emscripten;
  using namespace backprop::wasm;
  value_object<Outcome>("Outcome")
      .field("code", &Outcome::code)
      .field("json", &Outcome::json)
      .field("message", &Outcome::message)
      .field("field", &Outcome::field)
      .field("reason", &Outcome::reason)
      .field("args", &Outcome::args);
  function("run", &run);
  function("usage", optional_override([] { return std::string(backprop::usage()); }));
  class_<TrainerHandle>("Trainer")
      .constructor<std::string>()
      .function("error", &TrainerHandle::error)
      .function("run", &TrainerHandle::run)
      .function("losses", &TrainerHandle::losses)
      .function("divergence", &TrainerHandle::divergence)
      .function("stepsDone", &TrainerHandle::steps_done)
      .function("fullLoss", &TrainerHandle::full_loss)
      .function("validationLoss", &TrainerHandle::validation_loss)
      .function("parameters", &TrainerHandle::parameters)
      .function("buffers", &TrainerHandle::buffers)
      .function("parameterNames", &TrainerHandle::parameter_names)
      .function("gradientNorms", &TrainerHandle::gradient_norms)
      .function("evaluate", &TrainerHandle::evaluate)
      .function("grid", &TrainerHandle::grid)
      .function("hNorms", &TrainerHandle::h_norms)
      .function("deadUnits", &TrainerHandle::dead_units);
}
