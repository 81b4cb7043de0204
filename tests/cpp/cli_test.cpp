// The `backprop` tool as a teacher or a script uses it: verbs, JSON on stdout, exit codes.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace backprop {
namespace {

using test::json;
using test::run_cli;

TEST(Cli, HelpDocumentsTheVerbs) {
  const auto r = run_cli("--help", "");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"trace", "train", "gradcheck", "exit status"}) EXPECT_NE(r.out.find(word), std::string::npos);
}

TEST(Cli, TraceWritesTheLessonsNames) {
  const auto r = run_cli("trace -", test::classic_scenario().dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json t = json::parse(r.out);
  EXPECT_NEAR(t["loss"].get<double>(), 0.298371109, 1e-9);
  for (const char* key : {"z1", "a1", "z2", "a2"}) EXPECT_TRUE(t["forward"].contains(key)) << key;
  for (const char* key : {"delta2", "dW2", "db2", "delta1", "dW1", "db1"}) EXPECT_TRUE(t["backward"].contains(key)) << key;
  EXPECT_NEAR(t["updated"]["W2"][0][0].get<double>(), 0.35891648, 1e-8);
  EXPECT_TRUE(t["forward"]["z1"][0].is_array());  // B × n even for one sample
  EXPECT_TRUE(t["backward"]["db1"][0].is_number());
}

TEST(Cli, TrainWritesLossesFinalLossAndParameters) {
  json s = test::classic_scenario();
  s["train"] = {{"steps", 3000}, {"record_every", 1000}};
  s["data"]["validation"] = {{"inputs", {{0.1, 0.2}}}, {"targets", {{0.05, 0.95}}}};
  const auto r = run_cli("train -", s.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json t = json::parse(r.out);
  ASSERT_EQ(t["losses"].size(), 3u);
  EXPECT_EQ(t["losses"][2][0], 2000);
  EXPECT_LT(t["final_loss"].get<double>(), t["losses"][2][1].get<double>());
  EXPECT_TRUE(t["validation_loss"].is_number());
  EXPECT_EQ(t["parameters"]["W1"].size(), 2u);
}

TEST(Cli, GradcheckReportsEveryParameter) {
  const auto r = run_cli("gradcheck -", test::classic_scenario().dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json g = json::parse(r.out);
  EXPECT_LT(g["max_relative_error"].get<double>(), 1e-7);
  EXPECT_EQ(g["parameters"]["W2"]["numeric"].size(), 2u);
}

TEST(Cli, ReadsAFile) {
  const auto r = run_cli(std::string(BACKPROP_SOURCE_DIR) + "/tests/fixtures/pytorch/classic.json", "");
  // classic.json is a fixture file, not a scenario: the usage needs a verb first.
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Cli, ABadScenarioExits2WithOneLineNamingTheField) {
  json s = test::classic_scenario();
  s["model"]["layers"][1] = 0;
  const auto r = run_cli("train -", s.dump());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "backprop: model.layers[1]: must be between 1 and 4096, got 0\n");
}

TEST(Cli, MalformedJsonExits2) {
  const auto r = run_cli("trace -", "{\"model\": ");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST(Cli, DivergenceExits3AndNamesTheStep) {
  json s = test::classic_scenario();
  s["model"]["activations"] = {"linear", "linear"};
  s["optimizer"]["lr"] = 1000;
  s["train"] = {{"steps", 1000}, {"record_every", 1}};
  const auto r = run_cli("train -", s.dump());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("diverged at step "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("optimizer.lr"), std::string::npos) << r.err;
}

TEST(Cli, UsageErrorsExit1) {
  EXPECT_EQ(run_cli("", "").exit_code, 1);
  EXPECT_EQ(run_cli("fly -", "{}").exit_code, 1);
  EXPECT_EQ(run_cli("trace /nonexistent/scenario.json", "").exit_code, 1);
}

}  // namespace
}  // namespace backprop
