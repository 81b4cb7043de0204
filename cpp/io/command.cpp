#include "command.hpp"

#include <cmath>
#include <new>
#include <nlohmann/json.hpp>

#include "data_json.hpp"
#include "deadline.hpp"
#include "error.hpp"
#include "gradcheck.hpp"
#include "predict.hpp"
#include "result_json.hpp"
#include "scenario_json.hpp"
#include "work.hpp"
#include "surface_json.hpp"
#include "init_stats_json.hpp"
#include "trainer.hpp"

namespace backprop {

CommandResult refused(int code, const ScenarioError& e) {
  CommandResult r{code, "", "backprop: " + std::string(e.what()) + "\n"};
  r.field = e.field();
  r.reason = code_of(e.reason());
  nlohmann::ordered_json args = nlohmann::ordered_json::object();
  for (const ReasonArg& a : e.args()) args[a.name] = a.value;
  r.args = args.dump();
  return r;
}

namespace {

CommandResult failure(int code, const std::string& message) { return {code, "", "backprop: " + message + "\n"}; }
CommandResult ok(const std::string& json) { return {0, json + "\n", ""}; }

// run(), with a refused input (or one too large for memory) as exit 2 naming the field.
template <class Run>
CommandResult refusing(const char* what, Run run) {
  try {
    return run();
  } catch (const ScenarioError& e) {
    return refused(2, e);
  } catch (const std::bad_alloc&) {
    return refused(2, ScenarioError(what, Reason::out_of_memory));
  }
}

// What a request that runs out of time blames, until its loops say more (deadline.hpp).
const char* deadline_field(Command which) {
  switch (which) {
    case Command::train: return "train.steps";
    case Command::trace: return "iteration";
    case Command::predict: return "data";
    default: return "model";
  }
}

}  // namespace

const char* usage() {
  return R"(usage: backprop COMMAND FILE|-
       backprop spec

Runs one scenario (JSON, see docs/scenario.md) through the backprop core and writes JSON on stdout.
FILE is a path, or - to read standard input.

commands:
  trace      every intermediate value of one training iteration: loss, forward (z1, a1, ... or
             r, h, s, y), backward (delta, dW, db, ... or r_grad, h_grad, s_grad, dU, dV, dW, ...)
             and the parameters after one update
  train      train.steps updates: {"losses": [[step, loss], ...], "final_loss", "parameters"}
  gradcheck  backprop's gradient against central finite differences, every parameter entry,
             with the relative error of each
  norms      (rnn) how the gradient reaches back through time: |dL/dh_t| and the size of what
             each time step adds to dU, dV, dW: {"h_grad_norm": [...], "contribution_norm": {...}}
  predict    the outputs of the model with the scenario's parameters, forward only, with the data
             loss (no penalty) and the accuracy: {"outputs" or "sequences", "loss", "accuracy",
             "validation"}
  data       FILE is a data spec, not a scenario: a synthetic data set drawn from its seed, points
             in the plane ({"kind": "points", "shape": "linear|xor|circles|spiral", "count",
             "noise", "validation", "seed"}) or sequences for an RNN ({"kind": "sequences",
             "task": "running_sum|echo|parity", "count", "min_length", "max_length", "delay",
             "validation", "seed"})
  surface    FILE is a surface spec, not a scenario: optimizers racing on a two-parameter objective
             ({"objective": {"kind": "quadratic|rosenbrock|saddle|network", "condition", "weights",
             "x", "y"}, "grid": {"nx", "ny"}, "start", "steps", "tolerance", "optimizers": [{"kind",
             "lr", ...}, ...]}): the objective over a grid and each optimizer's trajectory with its
             outcome (converged, diverged, oscillating, slow, escaped); docs/labs.md
  init_stats FILE is a spec, not a scenario: a deep MLP at initialisation ({"depth", "width",
             "activation", "init": {"scheme", "scale"}, "batch", "seed"}): per layer, the quantiles,
             mean and std of its activations, of dL/dW and of delta on one batch, and the fraction
             of saturated and of zero activations; docs/labs.md
  resolve    the scenario with every default filled in, its parameter count and the work (operations)
             and memory (bytes) each command would take: {"scenario", "parameter_count", "work":
             {"trace", "train", ...}, "memory": {...}}
  spec       (no FILE) the core's limits, option lists, ranges and defaults, and the reasons a
             refusal gives: {"limits", "scenario", "data", "lesson", "reasons"}
             (docs/scenario.md, "The core's spec")

options:
  -h, --help  show this help

exit status:
  0  success
  1  usage error, or the file cannot be read
  2  the scenario (or data spec) is not valid: one line on stderr names the field, e.g.
     "model.layers[1]: must be between 1 and 4096, got 0" or "data.count: must be between 4 and
     10000, got 2"
  3  the loss became NaN or infinite (the line on stderr names the step)
)";
}

// The scenario with every default filled in, its parameter count and the work of each verb.
std::string resolve_json(const Scenario& s) {
  const std::pair<const char*, Command> verbs[] = {{"trace", Command::trace},
                                                   {"train", Command::train},
                                                   {"gradcheck", Command::gradcheck},
                                                   {"predict", Command::predict},
                                                   {"norms", Command::norms}};
  nlohmann::ordered_json work = nlohmann::ordered_json::object(), memory = nlohmann::ordered_json::object();
  for (const auto& [name, verb] : verbs) {
    const Cost cost = estimate_cost(s, verb);
    work[name] = cost.work();
    memory[name] = cost.memory();
  }
  const nlohmann::ordered_json out = {{"scenario", scenario_document(s)},
                                      {"parameter_count", parameter_count(s)},
                                      {"work", work},
                                      {"memory", memory}};
  return out.dump(2);
}

CommandResult run_command(std::string_view command, std::string_view text) {
  if (command == "resolve") return refusing("scenario", [&] { return ok(resolve_json(parse_scenario(text))); });
  if (command == "data") return refusing("data", [&] { return ok(data_json(parse_data_spec(text))); });
  if (command == "surface")
    return refusing("surface", [&] {
      const Deadline deadline("surface");
      const SurfaceSpec spec = parse_surface_spec(text);
      check_surface(spec);
      return ok(surface_json(spec, surface(spec)));
    });
  if (command == "init_stats")
    return refusing("init_stats", [&] {
      const Deadline deadline("batch");
      const InitStatsSpec spec = parse_init_stats_spec(text);
      check_init_stats(init_stats_scenario(spec));
      return ok(init_stats_json(spec, init_stats(spec)));
    });
  Command which;
  if (command == "trace") which = Command::trace;
  else if (command == "train") which = Command::train;
  else if (command == "gradcheck") which = Command::gradcheck;
  else if (command == "norms") which = Command::norms;
  else if (command == "predict") which = Command::predict;
  else return failure(1, "unknown command '" + std::string(command.substr(0, 40)) +
                             "' (trace, train, gradcheck, norms, predict, data, surface, init_stats, resolve or spec; see --help)");

  return refusing("scenario", [&] {
    const Deadline deadline(deadline_field(which));  // from the start: reading a large file counts
    const Scenario scenario = parse_scenario(text);
    check_work(scenario, which);
    switch (which) {
      case Command::trace: {
        const Trace result = trace(scenario);
        if (!std::isfinite(result.loss))
          return refused(3, ScenarioError("trace", Reason::nonfinite_loss,
                                          {{"loss", std::isnan(result.loss) ? "NaN" : "infinite"}}));
        return ok(to_json(result));
      }
      case Command::train: {
        const TrainResult result = train(scenario);
        if (result.divergence) return refused(3, divergence_error(*result.divergence, scenario));
        return ok(to_json(result));
      }
      case Command::gradcheck:
        return ok(to_json(gradcheck(scenario)));
      case Command::norms:
        return ok(to_json(gradient_norms(scenario)));
      case Command::predict:
        return ok(to_json(predict(scenario)));
    }
    return failure(1, "unreachable");
  });
}

}  // namespace backprop
