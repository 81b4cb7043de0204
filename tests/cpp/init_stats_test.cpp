// The init_stats verb: a deep MLP at initialisation (docs/labs.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "command.hpp"
#include "init_stats.hpp"
#include "scenario_json.hpp"
#include "test_support.hpp"

namespace backprop {
namespace {

using test::json;

json run(const json& spec, int expected_exit = 0) { return test::run_verb("init_stats", spec, expected_exit); }

// Every entry of a trace's matrix (a list of rows, or one row).
std::vector<double> entries(const json& m) {
  std::vector<double> out;
  for (const json& row : m)
    if (row.is_array()) for (const json& x : row) out.push_back(x.get<double>());
    else out.push_back(row.get<double>());
  return out;
}

// The statistics computed here from a full sort, to compare with the verb's.
void expect_spread(std::vector<double> v, const json& got, const std::string& what) {
  std::sort(v.begin(), v.end());
  const double n = double(v.size());
  double mean = 0;
  for (double x : v) mean += x;
  mean /= n;
  double var = 0;
  for (double x : v) var += (x - mean) * (x - mean);
  const double tol = 1e-12;
  EXPECT_NEAR(got["mean"].get<double>(), mean, tol * std::max(1.0, std::abs(mean))) << what;
  EXPECT_NEAR(got["std"].get<double>(), std::sqrt(var / n), 1e-12) << what;
  const double levels[] = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};
  for (int k = 0; k < 7; ++k) {
    const double pos = levels[k] * (n - 1);
    const size_t low = size_t(std::floor(pos));
    const double expected = low + 1 < v.size() ? v[low] + (pos - double(low)) * (v[low + 1] - v[low]) : v[low];
    EXPECT_NEAR(got["quantiles"][k].get<double>(), expected, 1e-12 * std::max(1.0, std::abs(expected))) << what << " q" << k;
  }
}

// The verb's statistics are those of the trace of its equivalent scenario, as written by the CLI.
TEST(InitStats, QuantilesAndStdAreThoseOfTheEquivalentTrace) {
  for (const char* activation : {"tanh", "relu", "sigmoid"}) {
    const json spec = {{"depth", 3}, {"width", 8}, {"activation", activation},
                       {"init", {{"scheme", "xavier_uniform"}}}, {"batch", 16}, {"seed", 5}};
    const json got = run(spec);
    InitStatsSpec s;
    s.depth = 3, s.width = 8, s.batch = 16, s.seed = 5;
    s.activation = *activation_from_name(activation);
    s.init.scheme = InitScheme::xavier_uniform;
    const CommandResult t = run_command("trace", serialise_scenario(init_stats_scenario(s)));
    ASSERT_EQ(t.exit_code, 0) << t.err;
    const json trace = json::parse(t.out);
    ASSERT_EQ(got["layers"].size(), 4u);
    EXPECT_EQ(got["quantile_levels"], json({0, 0.05, 0.25, 0.5, 0.75, 0.95, 1}));
    for (int l = 1; l <= 4; ++l) {
      const json& layer = got["layers"][l - 1];
      EXPECT_EQ(layer["layer"], l);
      const std::string n = std::to_string(l);
      expect_spread(entries(trace["forward"]["a" + n]), layer["activation"], std::string(activation) + " a" + n);
      expect_spread(entries(trace["backward"]["dW" + n]), layer["gradient"], std::string(activation) + " dW" + n);
      expect_spread(entries(trace["backward"]["delta" + n]), layer["delta"], std::string(activation) + " delta" + n);
    }
  }
}

// Orders of magnitude, the lesson's point: small uniform weights make tanh's activations vanish
// layer by layer; He keeps relu's spread; large weights saturate sigmoid; relu zeroes about half.
TEST(InitStats, DepthShrinksOrKeepsTheSpreadAsTheLessonSays) {
  const json small = run({{"depth", 10}, {"width", 128}, {"activation", "tanh"},
                          {"init", {{"scheme", "uniform"}, {"scale", 0.01}}}, {"batch", 256}});
  // From layer 2 on, a⁽ˡ⁾ is about W a⁽ˡ⁻¹⁾ (tiny) + b: its spread falls to the biases' own,
  // U(±0.01), std 0.01/√3 ≈ 0.0058, and stays there.
  const double first_std = small["layers"][0]["activation"]["std"].get<double>();
  EXPECT_GT(first_std, 0.03);
  for (int l = 1; l < 10; ++l) {
    const double std = small["layers"][l]["activation"]["std"].get<double>();
    EXPECT_LT(std, 0.2 * first_std) << "layer " << l + 1;
    EXPECT_NEAR(std, 0.01 / std::sqrt(3.0), 0.002) << "layer " << l + 1;
  }
  // δ shrinks going back: each layer below multiplies it by Wᵀ (entries ~0.006 over 128 units).
  for (int l = 0; l < 9; ++l)
    EXPECT_LT(small["layers"][l]["delta"]["std"].get<double>(), 0.2 * small["layers"][l + 1]["delta"]["std"].get<double>());

  const json he = run({{"depth", 10}, {"width", 128}, {"activation", "relu"}, {"init", {{"scheme", "he_uniform"}}}, {"batch", 256}});
  const double first = he["layers"][0]["activation"]["std"].get<double>(), last = he["layers"][9]["activation"]["std"].get<double>();
  EXPECT_GT(last / first, 0.1);
  EXPECT_LT(last / first, 10.0);
  EXPECT_NEAR(he["layers"][4]["activation"]["zero"].get<double>(), 0.5, 0.1);
  EXPECT_EQ(he["layers"][4]["activation"]["saturated"], 0.0);

  const json big = run({{"depth", 3}, {"width", 64}, {"activation", "sigmoid"}, {"init", {{"scheme", "uniform"}, {"scale", 5}}}});
  EXPECT_GT(big["layers"][1]["activation"]["saturated"].get<double>(), 0.5);
  EXPECT_EQ(big["layers"][3]["activation"]["saturated"], 0.0);  // the linear output layer
}

// Quantiles by selection equal numpy's on a sorted copy: tiny sets, ties, signs, zeros of both signs.
TEST(InitStats, SpreadIsNumpysQuantileAndStd) {
  const double one = 3;
  const Spread a = spread(&one, 1);
  for (double q : a.quantiles) EXPECT_EQ(q, 3);
  EXPECT_EQ(a.std, 0);
  const double two[] = {2, 1};
  const Spread b = spread(two, 2);
  const double expected[] = {1, 1.05, 1.25, 1.5, 1.75, 1.95, 2};
  for (int k = 0; k < 7; ++k) EXPECT_DOUBLE_EQ(b.quantiles[k], expected[k]);
  std::vector<double> many;
  for (int i = 0; i < 5000; ++i) many.push_back(i % 7 == 0 ? 0.0 : i % 11 == 0 ? -0.0 : std::sin(i) * std::exp(i % 13 - 6));
  json got = {{"mean", 0}};
  const Spread c = spread(many.data(), many.size());
  got["quantiles"] = c.quantiles;
  got["mean"] = c.mean;
  got["std"] = c.std;
  expect_spread(many, got, "5000 values");
}

TEST(InitStats, BadInputsAreRefusedNamingTheField) {
  const auto refused = [](const json& spec, const std::string& field, const std::string& reason) {
    const json r = run(spec, 2);
    EXPECT_EQ(r["field"], field) << r["err"];
    EXPECT_EQ(r["reason"], reason) << r["err"];
  };
  refused({{"depth", 0}}, "depth", "between");
  refused({{"depth", 21}}, "depth", "between");
  refused({{"width", 129}}, "width", "between");
  refused({{"width", 2.5}}, "width", "not_whole");
  refused({{"batch", 1025}}, "batch", "between");
  refused({{"activation", "softmax"}}, "activation", "not_one_of");
  refused({{"init", {{"scheme", "lecun"}}}}, "init.scheme", "not_one_of");
  refused({{"init", {{"seed", 1}}}}, "init.seed", "unknown_field");
  refused({{"init", {{"scale", -1}}}}, "init.scale", "between");
  refused({{"seed", -1}}, "seed", "between");
  refused({{"layers", 3}}, "layers", "unknown_field");
  EXPECT_EQ(run_command("init_stats", "3").field, "init_stats");
}

}  // namespace
}  // namespace backprop
