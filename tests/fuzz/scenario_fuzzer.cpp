// libFuzzer target for the scenario JSON edge (see tests/fuzz/run.sh).
//
// For any input text:
//  - parse_scenario either succeeds or throws ScenarioError whose message is "<field>: <reason>",
//    the field being a path into the document; any other exception is a bug;
//  - a parsed scenario survives serialise → parse unchanged, and serialising again gives the
//    same text;
//  - the work/memory oracle: every verb (trace, train, gradcheck, norms, predict) whose cost the
//    cost model (work.hpp) estimates below a hundredth of its limits runs through run_command, as
//    the CLI runs it, and so do the Trainer's checked calls (run, fullLoss, evaluate, grid); run.sh
//    gives libFuzzer -timeout=2 -rss_limit_mb=256, so an input that the model underestimates (runs
//    longer than 2 s or takes more than 256 MB) is a finding; the results serialise to JSON;
//  - the same text as a data spec (the data verb) is parsed or refused the same way, and a small
//    spec's data set serialises to JSON that a scenario accepts as its data.
// A broken expectation prints what went wrong and aborts, which libFuzzer reports as a crash.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "data_json.hpp"
#include "error.hpp"
#include "gradcheck.hpp"
#include "predict.hpp"
#include "result_json.hpp"
#include "scenario_json.hpp"
#include "command.hpp"
#include "limits.hpp"
#include "work.hpp"
#include "trainer.hpp"

namespace {

using namespace backprop;

[[noreturn]] void bug(const std::string& what) {
  std::fprintf(stderr, "scenario_fuzzer: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

void expect(bool ok, const std::string& what) {
  if (!ok) bug(what);
}

// The oracle's budget: requests the cost model estimates below these run (under ASan and UBSan,
// about ten times slower than Release, well within libFuzzer's -timeout=2 and -rss_limit_mb=256
// when the model is right).
constexpr double fuzz_work = limits::max_work / 100;
constexpr double fuzz_memory = limits::max_memory_bytes / 16;

// ---- error messages --------------------------------------------------------------------------

// A refusal of the whole document is named "scenario"; any other starts at one of the core's
// top-level fields.
bool names_a_root(const std::string& field, std::string_view root) {
  return field.compare(0, root.size(), root) == 0 &&
         (field.size() == root.size() || field[root.size()] == '.' || field[root.size()] == '[');
}

// One line of valid UTF-8 without control characters: fit for a terminal and for JSON.
bool printable(const std::string& message) {
  try {
    (void)nlohmann::json(message).dump();  // throws on invalid UTF-8
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
  for (size_t i = 0; i < message.size(); ++i) {
    const auto c = static_cast<unsigned char>(message[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < message.size() && static_cast<unsigned char>(message[i + 1]) < 0xA0) return false;
  }
  return true;
}

// A path built from the format's own names: "model.layers[1]", "data.sequences[0].inputs".
bool plain_path(const std::string& field) {
  const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  size_t i = 0;
  bool first = true;
  while (i < field.size()) {
    if (field[i] == '[') {
      const size_t close = field.find(']', i);
      if (first || close == std::string::npos || close == i + 1) return false;
      for (size_t k = i + 1; k < close; ++k)
        if (!std::isdigit(static_cast<unsigned char>(field[k]))) return false;
      i = close + 1;
      continue;
    }
    if (!first && field[i++] != '.') return false;
    const size_t start = i;
    while (i < field.size() && word(field[i])) ++i;
    if (i == start) return false;
    first = false;
  }
  return !first;
}

void collect_keys(const nlohmann::json& j, std::vector<std::string>& keys) {
  if (j.is_object())
    for (const auto& item : j.items()) keys.push_back(item.key()), collect_keys(item.value(), keys);
  else if (j.is_array())
    for (const auto& item : j) collect_keys(item, keys);
}

// An unknown key ends the path, shown as it is when short and plain ("" when empty).
bool ends_with_key(const std::string& field, std::string_view text) {
  std::vector<std::string> keys;
  collect_keys(nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false), keys);
  for (const std::string& key : keys) {
    const bool plain = key.size() <= 60 && std::all_of(key.begin(), key.end(), [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return b >= 0x20 && b < 0x7F;
    });
    if (!plain) return true;  // escaped or shortened: not checked
    const std::string shown = key.empty() ? "\"\"" : key;
    if (field == shown) return true;
    if (field.size() > shown.size() && field.compare(field.size() - shown.size(), shown.size(), shown) == 0 &&
        field[field.size() - shown.size() - 1] == '.')
      return true;
  }
  return false;
}

// The field is a path from a part of the format ("model.layers[1]", "scenario", ...); for an
// unknown field or a key given twice it ends with that key, and may be the key alone at the top
// level.
bool names_a_field(const std::string& field, Reason reason, std::string_view text) {
  if (reason == Reason::unknown_field || reason == Reason::unknown_field_for) return ends_with_key(field, text);
  // Found while reading, so the text may be invalid further on: the key is in it, quoted.
  // A key may hold dots itself: some tail of the field after a dot (or all of it) is the key; one
  // written with escapes, or shortened, is not checked (as for unknown fields).
  if (reason == Reason::duplicate_key) {
    for (size_t start = 0; start != std::string::npos;) {
      const std::string key = field.substr(start);
      const bool plain = std::all_of(key.begin(), key.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x20 && b < 0x7F && c != '\\' && c != '"';
      });
      if (!plain || key.size() > 60 || text.find("\"" + (key == "\"\"" ? "" : key) + "\"") != std::string_view::npos) return true;
      const size_t next = field.find_first_of(".]", start);
      start = next == std::string::npos ? next : next + 1;
    }
    return false;
  }
  if (!plain_path(field)) return false;
  if (names_a_root(field, "scenario")) return true;
  return std::any_of(std::begin(scenario_fields), std::end(scenario_fields),
                     [&](std::string_view root) { return names_a_root(field, root); });
}

void check_error(const ScenarioError& e, std::string_view text) {
  // what() is a C string: a NUL inside would cut the message short.
  const std::string what = e.what();
  const std::string& field = e.field();
  expect(!field.empty(), "ScenarioError with an empty field: \"" + what + "\"");
  expect(what.size() > field.size() + 2 && what.compare(0, field.size(), field) == 0 &&
             what.compare(field.size(), 2, ": ") == 0,
         "ScenarioError message is not \"<field>: <reason>\": \"" + what + "\" (field \"" + field + "\")");
  expect(printable(what), "ScenarioError message is not one line of UTF-8: \"" + what + "\"");
  expect(names_a_field(field, e.reason(), text), "ScenarioError field is not a path into the scenario: \"" + what + "\"");
  for (const ReasonArg& a : e.args())
    expect(printable(a.value), "ScenarioError argument " + a.name + " is not one line of UTF-8: \"" + what + "\"");
}

// ---- scenario equality -------------------------------------------------------------------------

bool same_number(double a, double b) { return a == b && std::signbit(a) == std::signbit(b); }

bool same_matrix(const Matrix& a, const Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Index i = 0; i < a.size(); ++i)
    if (!same_number(a.data()[i], b.data()[i])) return false;
  return true;
}

// Field by field; returns the first difference, empty when equal.
std::string difference(const Scenario& a, const Scenario& b) {
  if (a.kind != b.kind) return "kind";
  if (a.kind == ModelKind::mlp) {
    if (a.mlp.layers != b.mlp.layers) return "model.layers";
    if (a.mlp.activations != b.mlp.activations) return "model.activations";
    if (a.mlp.loss != b.mlp.loss) return "model.loss";
    if (!same_matrix(a.inputs, b.inputs)) return "data.inputs";
    if (!same_matrix(a.targets, b.targets)) return "data.targets";
    if (a.validation_inputs.has_value() != b.validation_inputs.has_value()) return "data.validation";
    if (a.validation_inputs && (!same_matrix(*a.validation_inputs, *b.validation_inputs) ||
                                !same_matrix(*a.validation_targets, *b.validation_targets)))
      return "data.validation";
  } else {
    const RnnSpec &r = a.rnn, &q = b.rnn;
    if (r.input_size != q.input_size || r.hidden_size != q.hidden_size || r.output_size != q.output_size)
      return "model sizes";
    if (r.hidden_activation != q.hidden_activation || r.output_activation != q.output_activation)
      return "model activations";
    if (r.loss != q.loss) return "model.loss";
    if (r.bias != q.bias) return "model.bias";
    if (a.sequences.size() != b.sequences.size()) return "data.sequences";
    for (size_t i = 0; i < a.sequences.size(); ++i)
      if (!same_matrix(a.sequences[i].inputs, b.sequences[i].inputs) ||
          !same_matrix(a.sequences[i].targets, b.sequences[i].targets))
        return "data.sequences[" + std::to_string(i) + "]";
    if (a.validation_sequences.size() != b.validation_sequences.size()) return "data.validation";
    for (size_t i = 0; i < a.validation_sequences.size(); ++i)
      if (!same_matrix(a.validation_sequences[i].inputs, b.validation_sequences[i].inputs) ||
          !same_matrix(a.validation_sequences[i].targets, b.validation_sequences[i].targets))
        return "data.validation.sequences[" + std::to_string(i) + "]";
  }
  if (a.parameters.size() != b.parameters.size()) return "parameters";
  for (const auto& [name, value] : a.parameters) {
    const auto it = b.parameters.find(name);
    if (it == b.parameters.end() || !same_matrix(value, it->second)) return "parameters." + name;
  }
  if (a.init.scheme != b.init.scheme || !same_number(a.init.scale, b.init.scale) || a.init.seed != b.init.seed)
    return "init";
  const OptimizerConfig &o = a.optimizer, &p = b.optimizer;
  if (o.kind != p.kind || !same_number(o.lr, p.lr) || !same_number(o.momentum, p.momentum) ||
      !same_number(o.beta1, p.beta1) || !same_number(o.beta2, p.beta2) || !same_number(o.rho, p.rho) ||
      !same_number(o.eps, p.eps) || !same_number(o.lr_decay, p.lr_decay) ||
      !same_number(o.initial_accumulator_value, p.initial_accumulator_value) || o.update_biases != p.update_biases)
    return "optimizer";
  if (!same_number(a.regularization.l1, b.regularization.l1) || !same_number(a.regularization.l2, b.regularization.l2))
    return "regularization";
  const TrainConfig &t = a.train, &u = b.train;
  if (t.steps != u.steps || t.record_every != u.record_every || t.batch_size != u.batch_size ||
      t.shuffle != u.shuffle || t.seed != u.seed)
    return "train";
  if (a.iteration != b.iteration) return "iteration";
  return "";
}

// ---- running the core ------------------------------------------------------------------------

// check_work refusing the work is fine; anything else it throws is not.
bool work_allowed(const Scenario& s, Command command) {
  try {
    check_work(s, command);
    return true;
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    expect(!e.field().empty() && what.compare(0, e.field().size() + 2, e.field() + ": ") == 0,
           "check_work: bad ScenarioError message \"" + what + "\"");
    return false;
  }
}

// Within the oracle's budget: small enough to run here.
bool cheap(const Scenario& s, Command command) {
  const Cost cost = estimate_cost(s, command);
  return cost.work() <= fuzz_work && cost.memory() <= fuzz_memory;
}

void expect_json(const std::string& text, const char* what) {
  expect(nlohmann::json::accept(text), std::string(what) + " is not valid JSON");
}

// A verb as the CLI runs it: the cost model, then the work. A refusal is one line naming a field.
void run_verb(const char* verb, std::string_view text) {
  const CommandResult r = run_command(verb, text);
  if (r.exit_code == 0) {
    expect_json(r.out, verb);
    return;
  }
  expect(r.exit_code == 2 || r.exit_code == 3, std::string(verb) + ": exit code " + std::to_string(r.exit_code));
  expect(std::count(r.err.begin(), r.err.end(), '\n') == 1 && r.err.rfind("backprop: ", 0) == 0,
         std::string(verb) + ": not one line: " + r.err);
}

void run_core(const Scenario& s, std::string_view text) {
  constexpr std::pair<const char*, Command> verbs[] = {{"trace", Command::trace},
                                                       {"gradcheck", Command::gradcheck},
                                                       {"predict", Command::predict},
                                                       {"norms", Command::norms},
                                                       {"train", Command::train}};
  for (const auto& [verb, command] : verbs) {
    if (!cheap(s, command)) continue;
    work_allowed(s, command);  // refusals are well formed
    run_verb(verb, text);
  }

  // The labs' trainer, as the wasm binding drives it: its constructor's and run's checks first.
  // Three steps cost less than a train verb of three steps, which holds what a trainer holds.
  Scenario three = s;
  three.train.steps = 3;
  if (!cheap(three, Command::train)) return;
  try {
    check_trainer(s);
    check_trainer_run(s, 3);
  } catch (const ScenarioError& e) {
    bug(std::string("the trainer refuses what a train verb of 3 steps accepts: ") + e.what());
  }
  Trainer trainer(s);
  trainer.step();
  std::vector<double> values;
  trainer.gradient_norms(values);
  expect(values.size() == trainer.parameter_names().size(), "gradient_norms: one per parameter");
  trainer.h_norms(values);
  expect(values.empty() == (s.kind == ModelKind::mlp), "h_norms: empty for an mlp only");
  const Trainer::Evaluation e = trainer.evaluate();
  expect(std::isnan(e.validation.loss) == !trainer.objective().has_validation(), "evaluate: validation loss");
  for (double accuracy : {e.train.accuracy, e.validation.accuracy})
    expect(std::isnan(accuracy) || (accuracy >= 0 && accuracy <= 1), "evaluate: accuracy in [0, 1]");
  (void)trainer.full_loss();
  (void)trainer.validation_loss();
  if (s.kind == ModelKind::mlp && s.mlp.layers.front() == 2) {
    check_grid_work(s, 3, 2);
    trainer.grid({-1, 1, -1, 1, 3, 2, double(s.mlp.layers.back() - 1)}, values);
    expect(values.size() == 6, "grid: nx·ny values");
  }
}

// The text as a data spec: parsed or refused with a field; a small one's data is a scenario's data.
void run_data_spec(std::string_view text) {
  DataSpec spec;
  try {
    spec = parse_data_spec(text);
  } catch (const ScenarioError& e) {
    check_error(e, text);
    return;
  }
  if (const auto* p = std::get_if<PointsSpec>(&spec)) {
    if (p->count > 400) return;
    expect_json(data_json(spec), "data_json(points)");
    return;
  }
  const SequencesSpec& q = std::get<SequencesSpec>(spec);
  if (double(q.count) * q.max_length > 4000) return;
  nlohmann::json data = nlohmann::json::parse(data_json(spec));
  const nlohmann::json scenario = {{"model", {{"kind", "rnn"}, {"input_size", 1}, {"hidden_size", 2},
                                              {"output_size", data["output_size"]}}},
                                   {"data", data}};
  try {
    parse_scenario(scenario.dump());
  } catch (const ScenarioError& e) {
    bug(std::string("a data verb's sequences are refused as a scenario's data: ") + e.what());
  }
}

void run(std::string_view text) {
  run_data_spec(text);
  Scenario s;
  try {
    s = parse_scenario(text);
  } catch (const ScenarioError& e) {
    check_error(e, text);
    return;
  }

  // Round trip.
  const std::string once = serialise_scenario(s);
  Scenario again;
  try {
    again = parse_scenario(once);
  } catch (const ScenarioError& e) {
    bug(std::string("the serialised scenario is refused: ") + e.what() + "\n" + once);
  }
  if (const std::string field = difference(s, again); !field.empty())
    bug("serialise → parse changes " + field + "\n" + once);
  const std::string twice = serialise_scenario(again);
  expect(once == twice, "serialising twice gives different text:\n" + once + "\n----\n" + twice);

  run_core(s, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    run(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception& e) {
    bug(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    bug("unexpected exception of an unknown type");
  }
  return 0;
}
