// The surface verb: optimizers racing on a two-parameter objective (docs/labs.md).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "command.hpp"
#include "test_support.hpp"

namespace backprop {
namespace {

using test::json;

json run(const json& spec, int expected_exit = 0) { return test::run_verb("surface", spec, expected_exit); }

json spec_of(const json& objective, const json& optimizers, int steps = 100) {
  return {{"objective", objective}, {"grid", {{"nx", 5}, {"ny", 4}}}, {"steps", steps}, {"optimizers", optimizers}};
}

// Every trajectory of every fixture case equals torch.optim's (tests/fixtures/generate_surface.py).
TEST(Surface, TrajectoriesFollowPyTorch) {
  const json fixture = test::load_json("tests/fixtures/surface.json");
  ASSERT_GE(fixture["cases"].size(), 14u);
  for (const json& c : fixture["cases"]) {
    const json got = run(c["spec"]);
    ASSERT_EQ(got["trajectories"].size(), 1u) << c["name"];
    std::string where;
    const double worst = test::compare_json(c["expected"]["points"], got["trajectories"][0]["points"], 1e-9, where);
    EXPECT_LE(worst, 1e-9) << c["name"] << " " << where;
    EXPECT_EQ(got["trajectories"][0]["points"].size(), c["expected"]["points"].size()) << c["name"];
  }
}

TEST(Surface, GridValuesAreTheFormulas) {
  const json sgd = json::array({{{"kind", "sgd"}, {"lr", 0.01}}});
  struct Case {
    json objective;
    double (*f)(double, double);
  };
  const Case cases[] = {
      {{{"kind", "quadratic"}, {"condition", 25}}, [](double x, double y) { return 0.5 * (x * x + 25 * y * y); }},
      {{{"kind", "rosenbrock"}}, [](double x, double y) { return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x); }},
      {{{"kind", "saddle"}, {"x", {-1, 3}}}, [](double x, double y) { return x * x - y * y; }},
  };
  for (const Case& c : cases) {
    const json got = run(spec_of(c.objective, sgd));
    const json& g = got["grid"];
    ASSERT_EQ(g["x"].size(), 5u);
    ASSERT_EQ(g["y"].size(), 4u);
    EXPECT_EQ(g["x"][0], got["objective"]["x"][0]);
    EXPECT_EQ(g["x"][4], got["objective"]["x"][1]);
    EXPECT_EQ(g["y"][3], got["objective"]["y"][1]);
    double lo = INFINITY, hi = -INFINITY;
    for (int j = 0; j < 4; ++j)
      for (int i = 0; i < 5; ++i) {
        const double expected = c.f(g["x"][i].get<double>(), g["y"][j].get<double>());
        EXPECT_NEAR(g["values"][j][i].get<double>(), expected, 1e-12 * std::max(1.0, std::abs(expected))) << c.objective;
        lo = std::min(lo, expected), hi = std::max(hi, expected);
      }
    EXPECT_NEAR(g["min"].get<double>(), lo, 1e-12);
    EXPECT_NEAR(g["max"].get<double>(), hi, 1e-9);
  }
}

// The network objective is the classic example's loss: `predict`'s loss with the two entries set.
TEST(Surface, NetworkIsTheClassicExamplesLoss) {
  const json sgd = json::array({{{"kind", "sgd"}, {"lr", 0.5}}});
  json spec = spec_of({{"kind", "network"}, {"weights", {"b1[1]", "W2[1][0]"}}, {"x", {-1, 2}}, {"y", {-3, 1}}}, sgd, 3);
  const json got = run(spec);
  EXPECT_EQ(got["objective"]["weights"], json({"b1[1]", "W2[1][0]"}));
  EXPECT_EQ(got["objective"]["start"], json({0.35, 0.50}));  // their classic values
  EXPECT_TRUE(got["objective"]["minimum"].is_null());
  for (const auto& [j, i] : {std::pair{0, 0}, {2, 3}, {3, 4}}) {
    json classic = test::classic_scenario();
    classic["parameters"]["b1"][1] = got["grid"]["x"][i];
    classic["parameters"]["W2"][1][0] = got["grid"]["y"][j];
    const CommandResult p = run_command("predict", classic.dump());
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_NEAR(got["grid"]["values"][j][i].get<double>(), json::parse(p.out)["loss"].get<double>(), 1e-15);
  }
  // The start's loss is the lesson's 0.298371109; SGD's first step is the trace's update.
  const json& points = got["trajectories"][0]["points"];
  EXPECT_NEAR(points[0][2].get<double>(), 0.298371109, 1e-9);
  json classic = test::classic_scenario();
  const json trace = json::parse(run_command("trace", classic.dump()).out);
  EXPECT_NEAR(points[1][0].get<double>(), trace["updated"]["b1"][1].get<double>(), 1e-15);
  EXPECT_NEAR(points[1][1].get<double>(), trace["updated"]["W2"][1][0].get<double>(), 1e-15);
}

TEST(Surface, OutcomesAreClassifiedInTheCore) {
  const json quadratic = {{"kind", "quadratic"}, {"condition", 10}};
  const json got = run(spec_of(quadratic,
                               {{{"kind", "adagrad"}, {"lr", 0.5}},   // converges
                                {{"kind", "sgd"}, {"lr", 0.3}},       // lr·c = 3 > 2: diverges
                                {{"kind", "sgd"}, {"lr", 0.2}},       // lr·c = 2: y flips for ever
                                {{"kind", "sgd"}, {"lr", 0.001}}},    // far from the minimum still
                               2000));
  const json& t = got["trajectories"];
  EXPECT_EQ(t[0]["outcome"], "converged");
  const long long reached = t[0]["steps_to_tolerance"].get<long long>();
  EXPECT_GT(reached, 0);
  EXPECT_LE(t[0]["points"][reached][2].get<double>(), 1e-6);
  EXPECT_GT(t[0]["points"][reached - 1][2].get<double>(), 1e-6);
  EXPECT_TRUE(t[0]["diverged_at"].is_null());
  EXPECT_EQ(t[1]["outcome"], "diverged");
  const long long at = t[1]["diverged_at"].get<long long>();
  EXPECT_EQ(t[1]["points"].size(), size_t(at + 1));  // the last point is beyond 1e6, still finite
  EXPECT_GT(std::abs(t[1]["points"][at][1].get<double>()), 1e6);
  EXPECT_EQ(t[2]["outcome"], "oscillating");
  EXPECT_EQ(t[3]["outcome"], "slow");
  EXPECT_TRUE(t[3]["steps_to_tolerance"].is_null());
  EXPECT_EQ(t[3]["points"].size(), 2001u);

  const json saddle = run(spec_of({{"kind", "saddle"}}, {{{"kind", "sgd"}, {"lr", 0.05}}}, 300));
  EXPECT_EQ(saddle["trajectories"][0]["outcome"], "escaped");
  EXPECT_TRUE(saddle["objective"]["minimum_value"].is_null());
  const json bowl = run(spec_of({{"kind", "rosenbrock"}}, {{{"kind", "adam"}, {"lr", 0.02}}}, 10000));
  EXPECT_EQ(bowl["objective"]["minimum"], json({1, 1}));
  EXPECT_EQ(bowl["trajectories"][0]["optimizer"]["beta2"], 0.999);  // resolved, PyTorch's defaults
}

TEST(Surface, BadInputsAreRefusedNamingTheField) {
  const json ok = spec_of({{"kind", "quadratic"}}, {{{"kind", "sgd"}}});
  const auto refused = [&](const std::function<void(json&)>& change, const std::string& field, const std::string& reason) {
    json spec = ok;
    change(spec);
    const json r = run(spec, 2);
    EXPECT_EQ(r["field"], field) << r["err"];
    EXPECT_EQ(r["reason"], reason) << r["err"];
  };
  refused([](json& s) { s["objective"]["kind"] = "himmelblau"; }, "objective.kind", "not_one_of");
  refused([](json& s) { s["objective"]["condition"] = 0.5; }, "objective.condition", "between");
  refused([](json& s) { s["objective"] = {{"kind", "saddle"}, {"condition", 3}}; }, "objective.condition", "unknown_field_for");
  refused([](json& s) { s["objective"]["x"] = {1, 1}; }, "objective.x[1]", "not_above");
  refused([](json& s) { s["objective"]["y"] = {1}; }, "objective.y", "wrong_length");
  refused([](json& s) { s["objective"] = {{"kind", "network"}, {"weights", {"W1[0][0]", "W1[0][0]"}}}; },
          "objective.weights[1]", "same_entry");
  refused([](json& s) { s["objective"] = {{"kind", "network"}, {"weights", {"W3[0][0]", "b1[0]"}}}; },
          "objective.weights[0]", "not_one_of");
  refused([](json& s) { s["grid"]["nx"] = 1; }, "grid.nx", "between");
  refused([](json& s) { s["grid"]["ny"] = 401; }, "grid.ny", "between");
  refused([](json& s) { s["steps"] = 10001; }, "steps", "between");
  refused([](json& s) { s["tolerance"] = -1; }, "tolerance", "between");
  refused([](json& s) { s["start"] = {0, 2e6}; }, "start[1]", "between");
  refused([](json& s) { s["optimizers"] = json::array(); }, "optimizers", "empty");
  refused([](json& s) { s.erase("optimizers"); }, "optimizers", "required");
  refused([](json& s) { s["optimizers"] = json::array({json::object(), 1}); }, "optimizers[1]", "not_object");
  refused([](json& s) { s["optimizers"] = json(std::vector<json>(9, json::object())); }, "optimizers", "too_many_entries");
  refused([](json& s) { s["optimizers"][0] = {{"kind", "adam"}, {"momentum", 0.9}}; }, "optimizers[0].momentum",
          "unknown_field_for");
  refused([](json& s) { s["optimizers"][0] = {{"kind", "sgd"}, {"lr", -1}}; }, "optimizers[0].lr", "between");
  refused([](json& s) { s["speed"] = 1; }, "speed", "unknown_field");
  const CommandResult r = run_command("surface", "[1]");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.field, "surface");
}

}  // namespace
}  // namespace backprop
