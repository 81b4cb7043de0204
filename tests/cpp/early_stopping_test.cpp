// train.early_stopping: the validation loss watched at every recorded step, training stopped after
// `patience` evaluations without improvement, the best evaluation's parameters restored.
#include <gtest/gtest.h>

#include <cmath>

#include "command.hpp"
#include "test_support.hpp"

namespace backprop {
namespace {

using test::json;

// Nine noisy samples of sin 2x and a clean validation set: a 1-32-32-1 tanh network overfits
// them, its validation loss bottoming out early and rising after.
json overfitting(long long patience, long long steps = 3000) {
  const double noise[] = {0.3, -0.4, 0.5, -0.2, 0.35, -0.45, 0.25, -0.3, 0.4};
  json inputs = json::array(), targets = json::array(), vx = json::array(), vy = json::array();
  for (int i = 0; i < 9; ++i) {
    const double x = i / 4.0 - 1;
    inputs.push_back({x});
    targets.push_back({std::sin(2 * x) + noise[i]});
  }
  for (int i = 0; i < 21; ++i) {
    const double x = i / 10.0 - 1;
    vx.push_back({x});
    vy.push_back({std::sin(2 * x)});
  }
  json s = {{"model", {{"kind", "mlp"}, {"layers", {1, 32, 32, 1}}, {"activations", {"tanh", "tanh", "linear"}}}},
            {"init", {{"seed", 1}}},
            {"data", {{"inputs", inputs}, {"targets", targets}, {"validation", {{"inputs", vx}, {"targets", vy}}}}},
            {"optimizer", {{"kind", "adam"}, {"lr", 0.02}}},
            {"train", {{"steps", steps}, {"record_every", 20}}}};
  if (patience > 0) s["train"]["early_stopping"] = {{"patience", patience}};
  return s;
}

json train(const json& scenario) {
  const CommandResult r = run_command("train", scenario.dump());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

TEST(EarlyStopping, StopsAfterPatienceAndRestoresTheBestBitForBit) {
  const json got = train(overfitting(5));
  const json& e = got["early_stopping"];
  ASSERT_TRUE(e["stopped_at"].is_number()) << e;
  const long long best = e["best_step"].get<long long>(), stopped = e["stopped_at"].get<long long>();
  EXPECT_EQ(stopped, best + 5 * 20);  // five evaluations without improvement after the best
  EXPECT_LT(stopped, 3000);
  const json& v = got["validation_losses"];
  ASSERT_EQ(v.back()[0], stopped);
  for (size_t k = 0; k < v.size(); ++k) {
    EXPECT_EQ(v[k][0].get<long long>(), 20 * static_cast<long long>(k));
    EXPECT_GE(v[k][1].get<double>(), e["best_validation_loss"].get<double>());
    if (v[k][0] == best) {
      EXPECT_EQ(v[k][1], e["best_validation_loss"]);
    }
  }
  EXPECT_EQ(got["losses"].size(), v.size());
  // The restored parameters are those after update best_step: `train` with best_step + 1 steps.
  json plain = overfitting(0, best + 1);
  const json reference = train(plain);
  EXPECT_EQ(got["parameters"], reference["parameters"]);
  EXPECT_EQ(got["final_loss"], reference["final_loss"]);
  EXPECT_EQ(got["validation_loss"], e["best_validation_loss"]);
  EXPECT_FALSE(reference.contains("validation_losses"));  // only with early stopping
  EXPECT_FALSE(reference.contains("early_stopping"));
}

TEST(EarlyStopping, WithoutRunningOutOfPatienceItStillRestoresTheBest) {
  const json got = train(overfitting(10000, 1000));
  EXPECT_TRUE(got["early_stopping"]["stopped_at"].is_null());
  EXPECT_EQ(got["validation_losses"].size(), 50u);
  const long long best = got["early_stopping"]["best_step"].get<long long>();
  EXPECT_LT(best, 980);  // the loss rose after it
  EXPECT_EQ(got["parameters"], train(overfitting(0, best + 1))["parameters"]);
  // A patience of 1 stops at the first evaluation that does not improve.
  const json eager = train(overfitting(1));
  const json& v = eager["validation_losses"];
  const size_t n = v.size();
  ASSERT_GE(n, 2u);
  EXPECT_GE(v[n - 1][1].get<double>(), v[n - 2][1].get<double>());
  for (size_t k = 1; k + 1 < n; ++k) EXPECT_LT(v[k][1].get<double>(), v[k - 1][1].get<double>());
}

// Batch norm's running statistics are restored with the parameters: the evaluation-mode losses
// and the buffers are those of `train` with best_step + 1 steps.
TEST(EarlyStopping, RestoresBatchNormRunningStatisticsWithTheParameters) {
  json s = overfitting(3, 600);
  s["model"]["batch_norm"] = {true, true};
  const json got = train(s);
  ASSERT_TRUE(got["early_stopping"]["stopped_at"].is_number()) << got["early_stopping"];
  json plain = overfitting(0, got["early_stopping"]["best_step"].get<long long>() + 1);
  plain["model"]["batch_norm"] = {true, true};
  const json reference = train(plain);
  EXPECT_EQ(got["parameters"], reference["parameters"]);
  EXPECT_EQ(got["buffers"], reference["buffers"]);
  EXPECT_EQ(got["final_loss"], reference["final_loss"]);
  EXPECT_EQ(got["validation_loss"], reference["validation_loss"]);
  EXPECT_EQ(got["validation_loss"], got["early_stopping"]["best_validation_loss"]);
}

TEST(EarlyStopping, RnnToo) {
  json s = json::parse(test::read_file(std::string(BACKPROP_SOURCE_DIR) + "/examples/lesson-rnn.json"));
  s["data"]["validation"] = {{"sequences", s["data"]["sequences"]}};
  s["train"] = {{"steps", 50}, {"record_every", 5}, {"early_stopping", {{"patience", 2}}}};
  const json got = train(s);
  EXPECT_EQ(got["validation_losses"][0][0], 0);
  EXPECT_TRUE(got["early_stopping"]["best_step"].is_number());
}

TEST(EarlyStopping, RefusalsNameTheField) {
  const auto refused = [](const json& s, const std::string& field, const std::string& reason) {
    const CommandResult r = run_command("train", s.dump());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.field, field) << r.err;
    EXPECT_EQ(r.reason, reason) << r.err;
  };
  json none = overfitting(3);
  none["data"].erase("validation");
  refused(none, "train.early_stopping", "needs_validation");
  none["data"]["validation"] = {{"inputs", json::array()}, {"targets", json::array()}};
  refused(none, "train.early_stopping", "needs_validation");
  json s = overfitting(3);
  s["train"]["early_stopping"]["patience"] = 0;
  refused(s, "train.early_stopping.patience", "between");
  s["train"]["early_stopping"] = json::object();
  refused(s, "train.early_stopping.patience", "required");
  s["train"]["early_stopping"] = {{"patience", 2}, {"min_delta", 0.1}};
  refused(s, "train.early_stopping.min_delta", "unknown_field");
  json rnn = json::parse(test::read_file(std::string(BACKPROP_SOURCE_DIR) + "/examples/lesson-rnn.json"));
  rnn["train"] = {{"early_stopping", {{"patience", 2}}}};
  refused(rnn, "train.early_stopping", "needs_validation");
}

// The cost model counts the validation evaluations; resolve writes the setting back.
TEST(EarlyStopping, CostModelCountsTheEvaluations) {
  const json with = json::parse(run_command("resolve", overfitting(5).dump()).out);
  const json without = json::parse(run_command("resolve", overfitting(0).dump()).out);
  EXPECT_GT(with["work"]["train"].get<double>(), without["work"]["train"].get<double>());
  EXPECT_EQ(with["scenario"]["train"]["early_stopping"]["patience"], 5);
  EXPECT_FALSE(without["scenario"]["train"].contains("early_stopping"));
}

}  // namespace
}  // namespace backprop
