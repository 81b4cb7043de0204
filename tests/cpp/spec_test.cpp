// `backprop spec` is what the parsers enforce: every range it states is accepted at its ends and
// refused just outside them (naming the field), every option it lists is accepted, and every
// default it states is what `resolve` fills in.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "command.hpp"
#include "work.hpp"
#include "data_json.hpp"
#include "error.hpp"
#include "scenario_json.hpp"
#include "spec_json.hpp"
#include "test_support.hpp"

namespace backprop {
namespace {

using test::json;

const json& spec() {
  static const json s = json::parse(spec_json());
  return s;
}

json rnn_scenario() {
  return json::parse(R"({"model": {"kind": "rnn", "input_size": 2, "hidden_size": 3, "output_size": 1},
    "data": {"sequences": [{"inputs": [[1, 2], [3, 4]], "targets": [[0.5], [0.2]]}]}})");
}

// Whether the scenario with `value` at `pointer` parses; a refusal must name `field`.
bool accepts(json scenario, const std::string& pointer, const json& value, const std::string& field) {
  scenario[json::json_pointer(pointer)] = value;
  try {
    parse_scenario(scenario.dump());
    return true;
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), field) << e.what();
    return false;
  }
}

bool data_accepts(json data_spec, const std::string& key, const json& value) {
  data_spec[key] = value;
  try {
    parse_data_spec(data_spec.dump());
    return true;
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), "data." + key) << e.what();
    return false;
  }
}

// A value just outside a range's end.
double below(double x) { return x == 0 ? -1e-9 : std::nextafter(x, -INFINITY) - std::abs(x) * 1e-9; }
double above(double x) { return std::nextafter(x, INFINITY) + std::abs(x) * 1e-9; }

void check_range(const json& range, const std::function<bool(const json&)>& ok, const std::string& what) {
  SCOPED_TRACE(what + " " + range.dump());
  const double min = range["min"], step = range.value("integer", false) ? 1.0 : 0.0;
  EXPECT_TRUE(ok(min));
  EXPECT_FALSE(ok(step ? min - step : below(min)));
  if (range.contains("max")) {
    const double max = range["max"];
    const bool excluded = range.value("max_excluded", false);
    EXPECT_EQ(ok(max), !excluded);
    if (!excluded) {
      EXPECT_FALSE(ok(step ? max + step : above(max)));
    }
    if (excluded) {
      EXPECT_TRUE(ok(std::nextafter(max, -INFINITY)));
    }
  }
  if (range.contains("default")) {
    EXPECT_TRUE(range["default"].is_null() || ok(range["default"]));
  }
  if (step) {
    EXPECT_FALSE(ok(min + 0.5));
  }
}

TEST(Spec, ScenarioRangesAreWhatTheParserEnforces) {
  const json& s = spec()["scenario"];
  const json mlp = test::classic_scenario();
  auto at = [&](const json& base, const std::string& pointer, const std::string& field) {
    return [=](const json& v) { return accepts(base, pointer, v, field); };
  };
  check_range(s["init"]["scale"], at(mlp, "/init/scale", "init.scale"), "init.scale");
  check_range(s["init"]["seed"], at(mlp, "/init/seed", "init.seed"), "init.seed");
  check_range(s["regularization"]["l1"], at(mlp, "/regularization/l1", "regularization.l1"), "l1");
  check_range(s["regularization"]["l2"], at(mlp, "/regularization/l2", "regularization.l2"), "l2");
  check_range(s["train"]["record_every"], at(mlp, "/train/record_every", "train.record_every"), "record_every");
  json dropout = mlp;  // the classic example has one hidden layer
  dropout["model"]["dropout"] = {0.5};
  check_range(s["mlp"]["dropout"], at(dropout, "/model/dropout/0", "model.dropout[0]"), "dropout");
  json drawn = mlp;  // a hidden layer's size, with its weights drawn (nothing else depends on it)
  drawn.erase("parameters");
  check_range(s["units"], at(drawn, "/model/layers/1", "model.layers[1]"), "units");
  // train.steps at its maximum is refused by the work limit, not by its range: check with no data work.
  EXPECT_FALSE(accepts(mlp, "/train/steps", double(s["train"]["steps"]["max"]) + 1, "train.steps"));
  EXPECT_FALSE(accepts(mlp, "/train/steps", -1, "train.steps"));
  for (const auto& [kind, fields] : s["optimizer"].items()) {
    if (kind == "kind" || kind == "update_biases") continue;
    for (const auto& [name, range] : fields.items()) {
      json base = mlp;
      base["optimizer"] = {{"kind", kind}};
      check_range(range, at(base, "/optimizer/" + name, "optimizer." + name), kind + "." + name);
    }
  }
}

TEST(Spec, EveryOptionListedIsAccepted) {
  const json& s = spec()["scenario"];
  for (const auto& f : s["activations"]) {
    json rnn = rnn_scenario();
    rnn["model"]["hidden_activation"] = f;
    EXPECT_NO_THROW(parse_scenario(rnn.dump())) << f;
  }
  for (const auto& scheme : s["init"]["scheme"]["values"]) {
    json mlp = test::classic_scenario();
    mlp["init"] = {{"scheme", scheme}};
    EXPECT_NO_THROW(parse_scenario(mlp.dump())) << scheme;
  }
  for (const auto& kind : s["optimizer"]["kind"]["values"]) {
    json mlp = test::classic_scenario();
    mlp["optimizer"] = {{"kind", kind}};
    EXPECT_NO_THROW(parse_scenario(mlp.dump())) << kind;
    EXPECT_TRUE(s["optimizer"].contains(kind.get<std::string>())) << kind;
  }
  EXPECT_FALSE(accepts(test::classic_scenario(), "/optimizer/kind", "adagradx", "optimizer.kind"));
}

TEST(Spec, DefaultsAreWhatResolveFillsIn) {
  const json& s = spec()["scenario"];
  json mlp = test::classic_scenario();
  mlp.erase("optimizer");
  mlp.erase("train");
  mlp.erase("init");
  const CommandResult r = run_command("resolve", mlp.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json resolved = json::parse(r.out)["scenario"];
  const std::string kind = s["optimizer"]["kind"]["default"];
  EXPECT_EQ(resolved["optimizer"]["kind"], kind);
  EXPECT_EQ(resolved["optimizer"]["lr"], s["optimizer"][kind]["lr"]["default"]);
  EXPECT_EQ(resolved["optimizer"]["momentum"], s["optimizer"]["sgd"]["momentum"]["default"]);
  EXPECT_EQ(resolved["init"]["scheme"], s["init"]["scheme"]["default"]);
  EXPECT_EQ(resolved["init"]["scale"], s["init"]["scale"]["default"]);
  EXPECT_EQ(resolved["train"]["steps"], s["train"]["steps"]["default"]);
  EXPECT_EQ(resolved["model"]["loss"], s["mlp"]["loss"]["default"]);
  for (const std::string opt : {"adam", "rmsprop"}) {
    json other = mlp;
    other["optimizer"] = {{"kind", opt}};
    const json o = json::parse(run_command("resolve", other.dump()).out)["scenario"]["optimizer"];
    for (const auto& [name, range] : s["optimizer"][opt].items()) EXPECT_EQ(o[name], range["default"]) << opt << name;
  }
  const json rnn = json::parse(run_command("resolve", rnn_scenario().dump()).out)["scenario"]["model"];
  for (const std::string key : {"hidden_activation", "output_activation", "loss", "bias"})
    EXPECT_EQ(rnn[key], s["rnn"][key]["default"]) << key;
}

TEST(Spec, DataRangesAreWhatTheDataParserEnforces) {
  const json& d = spec()["data"];
  const json points = {{"kind", "points"}, {"shape", "xor"}, {"count", 100}};
  for (const std::string key : {"count", "noise", "validation", "seed"})
    check_range(d["points"][key], [&](const json& v) { return data_accepts(points, key, v); }, key);
  const json sequences = {{"kind", "sequences"}, {"task", "running_sum"}, {"count", 50}, {"min_length", 1}};
  for (const std::string key : {"count", "max_length"})
    check_range(d["sequences"][key], [&](const json& v) { return data_accepts(sequences, key, v); }, key);
  for (const auto& shape : d["points"]["shape"]["values"]) EXPECT_TRUE(data_accepts(points, "shape", shape));
  json longer = sequences;
  longer["min_length"] = 4;  // echo's default delay needs it
  for (const auto& task : d["sequences"]["task"]["values"]) EXPECT_TRUE(data_accepts(longer, "task", task));
}

TEST(Spec, TheGradientChecksEpsilonIsTheOneTheCheckUses) {
  const json& g = spec()["lesson"]["gradcheck"];
  const json check = json::parse(run_command("gradcheck", test::classic_scenario().dump()).out);
  EXPECT_EQ(g["epsilon"], check["epsilon"]);
  // The verdict's bound sits well above a correct check's error (the classic network: ~1e-10).
  EXPECT_GT(g["agree_below"].get<double>(), check["max_relative_error"].get<double>());
}

TEST(Spec, ResolveReportsTheWorkThatCheckWorkLimits) {
  json mlp = test::classic_scenario();
  mlp["train"] = {{"steps", 1000}};
  const json r = json::parse(run_command("resolve", mlp.dump()).out);
  EXPECT_EQ(r["parameter_count"], 12);
  const Scenario parsed = test::parse(mlp);
  for (const auto& [name, verb] : {std::pair{"train", Command::train}, {"gradcheck", Command::gradcheck},
                                   {"trace", Command::trace}, {"predict", Command::predict}}) {
    EXPECT_EQ(r["work"][name], estimated_work(parsed, verb)) << name;
    EXPECT_EQ(r["memory"][name], estimated_memory(parsed, verb)) << name;
  }
  // Training work grows with the steps: 1,000 more steps of 12 parameters and one row at least.
  mlp["train"] = {{"steps", 2000}};
  EXPECT_GE(estimated_work(test::parse(mlp), Command::train) - double(r["work"]["train"]), 1000.0 * 12 * 1);
  EXPECT_EQ(run_command("resolve", "{}").exit_code, 2);
}

}  // namespace
}  // namespace backprop
