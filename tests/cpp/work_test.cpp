// The cost model (cpp/io/work.cpp, docs/scenario.md "Limits"): small hostile scenarios are refused
// before any work, naming the field a student would change and the limit; the lessons' and labs'
// normal uses are accepted. No test here measures time: accepted cases are small.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "command.hpp"
#include "error.hpp"
#include "limits.hpp"
#include "scenario_json.hpp"
#include "test_support.hpp"
#include "spec_json.hpp"
#include "work.hpp"

namespace backprop {
namespace {

using json = nlohmann::json;

json mlp(std::vector<int> layers, int rows, const char* activation = "tanh") {
  json s;
  std::vector<std::string> activations(layers.size() - 1, activation);
  activations.back() = "linear";
  s["model"] = {{"kind", "mlp"}, {"layers", layers}, {"activations", activations}};
  s["data"]["inputs"] = json::array();
  s["data"]["targets"] = json::array();
  for (int i = 0; i < rows; ++i) {
    s["data"]["inputs"].push_back(std::vector<double>(size_t(layers.front()), 0.01 * (i % 100)));
    s["data"]["targets"].push_back(std::vector<double>(size_t(layers.back()), 0.5));
  }
  return s;
}

json sequences(int count, int length) {
  json list = json::array();
  const json seq = {{"inputs", std::vector<std::vector<double>>(size_t(length), {0.5})},
                    {"targets", std::vector<std::vector<double>>(size_t(length), {0.5})}};
  for (int i = 0; i < count; ++i) list.push_back(seq);
  return list;
}

json rnn(int hidden, int count, int length) {
  json s;
  s["model"] = {{"kind", "rnn"}, {"input_size", 1}, {"hidden_size", hidden}, {"output_size", 1}};
  s["data"]["sequences"] = sequences(count, length);
  return s;
}

// The refusal of `check`: its field, and a message naming the limit.
template <class Check>
void expect_refused(Check check, const std::string& field, const std::string& limit) {
  try {
    check();
    ADD_FAILURE() << "accepted; expected a refusal naming " << field;
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_NE(std::string(e.what()).find("limit of " + limit), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
  }
}

void expect_cli_refusal(const char* verb, const json& s, const std::string& field) {
  const CommandResult r = run_command(verb, s.dump());
  EXPECT_EQ(r.exit_code, 2) << verb << ": " << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("backprop: " + field + ": ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(Work, RecordedLossesAreBounded) {
  json s = test::classic_scenario();
  s["train"] = {{"steps", 10000000}, {"record_every", 1}};
  const CommandResult r = run_command("train", s.dump());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "backprop: train.record_every: 10,000,000 recorded losses exceed the limit of 1,000,000\n");
  // record_every on long runs is the remedy: 10,000,000 steps of the lesson's net, every 1,000th kept.
  s["train"]["record_every"] = 1000;
  EXPECT_NO_THROW(check_work(test::parse(s), Command::train));
}

TEST(Work, StepsOfAWideNetAreBounded) {
  json s = mlp({1, 1990, 1990, 1}, 1);
  s["train"] = {{"steps", 5000}, {"record_every", 1000}};
  expect_refused([&] { check_work(test::parse(s), Command::train); }, "train.steps", "2,000,000,000");
  expect_cli_refusal("train", s, "train.steps");
  // The trace of that shape (16 million numbers) is refused too, naming the model.
  expect_refused([&] { check_work(test::parse(s), Command::trace); }, "model.layers", "10,000,000");
  // Its gradient check: 8 million passes.
  expect_refused([&] { check_work(test::parse(s), Command::gradcheck); }, "model.layers", "2,000,000,000");
}

TEST(Work, TheFinalLossOverEveryRowIsCounted) {
  // 31 hidden layers of 359 tanh units, 100,000 rows, batch 1, one step: the step is cheap, the
  // final loss over every row is not.
  std::vector<int> layers(33, 359);
  layers.front() = layers.back() = 1;
  json s = mlp(layers, 100000);
  s["train"] = {{"steps", 1}, {"batch_size", 1}};
  const Scenario scenario = test::parse(s);
  expect_refused([&] { check_work(scenario, Command::train); }, "data.inputs", "2,000,000,000");
  expect_refused([&] { check_work(scenario, Command::predict); }, "data.inputs", "2,000,000,000");
  expect_refused([&] { check_trainer(scenario); }, "data.inputs", "2,000,000,000");
  expect_cli_refusal("train", s, "data.inputs");
  // Fewer rows of the same net: 300 of them train, and predict.
  s = mlp(layers, 300);
  s["train"] = {{"steps", 1}, {"batch_size", 1}};
  EXPECT_NO_THROW(check_work(test::parse(s), Command::train));
  EXPECT_NO_THROW(check_work(test::parse(s), Command::predict));
}

TEST(Work, ValidationRowsAreCounted) {
  json s = mlp({1, 512, 512, 1}, 10);
  json validation = mlp({1, 512, 512, 1}, 100000)["data"];
  s["data"]["validation"] = validation;
  expect_refused([&] { check_work(test::parse(s), Command::train); }, "data.validation.inputs", "2,000,000,000");
  expect_refused([&] { check_work(test::parse(s), Command::predict); }, "data.validation.inputs", "2,000,000,000");
  expect_refused([&] { check_trainer(test::parse(s)); }, "data.validation.inputs", "2,000,000,000");
  expect_cli_refusal("predict", s, "data.validation.inputs");
}

TEST(Work, ManyValidationSequencesAreCounted) {
  json s = rnn(512, 4, 50);
  s["data"]["validation"] = {{"sequences", sequences(5000, 50)}};
  expect_refused([&] { check_work(test::parse(s), Command::train); }, "data.validation.sequences", "2,000,000,000");
  expect_refused([&] { check_trainer(test::parse(s)); }, "data.validation.sequences", "2,000,000,000");
  expect_cli_refusal("predict", s, "data.validation.sequences");
  // A small net with a few validation sequences is fine.
  s = rnn(8, 4, 20);
  s["data"]["validation"] = {{"sequences", sequences(50, 20)}};
  s["train"] = {{"steps", 100}};
  EXPECT_NO_THROW(check_trainer(test::parse(s)));
  EXPECT_EQ(run_command("train", s.dump()).exit_code, 0);
}

TEST(Work, MemoryIsBoundedWhereWorkIsNot) {
  // 50,000 rows through a layer of 4,096 units: 1.4e9 operations, but its work space is 6.5 GB.
  json s = mlp({1, 4096, 1}, 50000);
  expect_refused([&] { check_work(test::parse(s), Command::predict); }, "data.inputs", "800 MB");
}

TEST(Work, TheTrainerRunIsBoundedPerCall) {
  const Scenario lesson = test::parse(test::classic_scenario());
  EXPECT_NO_THROW(check_trainer(lesson));
  EXPECT_NO_THROW(check_trainer_run(lesson, 0));
  EXPECT_NO_THROW(check_trainer_run(lesson, 100000));  // a worker's chunk of the lesson's net
  // Never wrapped: 1e12 is refused as it is.
  try {
    check_trainer_run(lesson, 1e12);
    ADD_FAILURE() << "accepted 1e12 steps";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), "run.steps");
    EXPECT_NE(std::string(e.what()).find("1,000,000,000,000 steps in one call exceed the limit of 1,000,000"),
              std::string::npos)
        << e.what();
  }
  for (double bad : {-1.0, 1.5, double(NAN), double(INFINITY)}) EXPECT_THROW(check_trainer_run(lesson, bad), ScenarioError) << bad;
  // A wide net allows fewer steps per call.
  const Scenario wide = test::parse(mlp({1, 1990, 1990, 1}, 1));
  EXPECT_NO_THROW(check_trainer_run(wide, 10));
  expect_refused([&] { check_trainer_run(wide, 5000); }, "run.steps", "2,000,000,000");
}

TEST(Work, GridsAreBounded) {
  const Scenario wide = test::parse(mlp({2, 1990, 1990, 1}, 1));
  expect_refused([&] { check_grid_work(wide, 1000, 1000); }, "grid.ny", "2,000,000,000");
  EXPECT_NO_THROW(check_grid_work(wide, 10, 10));
  // The labs' grids of their small nets.
  EXPECT_NO_THROW(check_grid_work(test::parse(mlp({2, 16, 16, 2}, 200)), 1000, 1000));
}

// A deep network's trace holds z, a, ∂L/∂a, f′ and δ of every unit of every row: 33 layers of 16
// units over 25,734 rows wrote 1.39 GB when the model counted only the widest layer.
TEST(Work, ADeepTraceCountsEveryLayer) {
  const json s = mlp(std::vector<int>(33, 16), 25734);
  expect_refused([&] { check_work(test::parse(s), Command::trace); }, "train.batch_size", "10,000,000");
  // The optimizer's buffers count: Adam's trace of a large model holds six per parameter.
  json adam = mlp({2, 1100, 1100, 2}, 1);  // 1,216,602 parameters
  EXPECT_NO_THROW(check_work(test::parse(adam), Command::trace));
  adam["optimizer"] = {{"kind", "adam"}};
  expect_refused([&] { check_work(test::parse(adam), Command::trace); }, "model.layers", "10,000,000");
}

// Adam and a penalty cost more per step than SGD: a run SGD may do is refused for Adam with L2.
TEST(Work, TheOptimizerAndPenaltyCount) {
  json s = mlp({1000, 1000, 1000, 1000, 1}, 1);
  s["train"] = {{"steps", 300}, {"record_every", 100}};
  EXPECT_NO_THROW(check_work(test::parse(s), Command::train));
  s["optimizer"] = {{"kind", "adam"}};
  s["regularization"] = {{"l2", 0.01}};
  expect_refused([&] { check_work(test::parse(s), Command::train); }, "train.steps", "2,000,000,000");
}

// A document's keys are checked in time linear in their number: 100,000 keys in one object took
// 11 s, and 1,000,000 empty objects in one list 478 s, before the parse was linear.
TEST(Work, ManyKeysAndObjectsParseInLinearTime) {
  std::string keys = R"({"model": {"kind": "mlp", "layers": [1, 1], "activations": ["sigmoid"]}, "x": {)";
  for (int i = 0; i < 100000; ++i) keys += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": 0";
  keys += "}}";
  CommandResult r = run_command("trace", keys);
  EXPECT_EQ(r.field, "data") << r.err;  // every key read, then the first missing field named
  EXPECT_EQ(r.reason, "required") << r.err;
  std::string objects = R"({"model": {"kind": "mlp", "layers": [1, 1], "activations": ["sigmoid"]}, "x": [)";
  for (int i = 0; i < 1000000 - 10; ++i) objects += i ? ",{}" : "{}";
  objects += "]}";
  r = run_command("trace", objects);
  EXPECT_EQ(r.field, "data") << r.err;  // every object read, then the first missing field named
  EXPECT_EQ(r.reason, "required") << r.err;
}

TEST(Work, TheLessonsAndLabsNormalUsesAreAccepted) {
  json s = test::classic_scenario();
  s["train"] = {{"steps", 10000}, {"record_every", 1}};  // the lesson's 10,000 steps, every loss
  for (Command verb : {Command::train, Command::trace, Command::gradcheck, Command::predict})
    EXPECT_NO_THROW(check_work(test::parse(s), verb));
  const CommandResult r = run_command("train", s.dump());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // A lab's 10,000 points through a 2-16-16-2 net, batches of 32, 20,000 steps, a validation set.
  json lab = mlp({2, 16, 16, 2}, 9000, "relu");
  lab["data"]["validation"] = mlp({2, 16, 16, 2}, 1000)["data"];
  lab["train"] = {{"steps", 20000}, {"batch_size", 32}, {"record_every", 10}};
  const Scenario labs = test::parse(lab);
  EXPECT_NO_THROW(check_work(labs, Command::train));
  EXPECT_NO_THROW(check_trainer(labs));
  EXPECT_NO_THROW(check_trainer_run(labs, 20000));
  EXPECT_NO_THROW(check_grid_work(labs, 200, 200));
}

TEST(Work, TheLimitsAreInTheSpec) {
  const json spec = json::parse(spec_json())["limits"];
  EXPECT_EQ(spec["max_work"], limits::max_work);
  EXPECT_EQ(spec["max_memory_bytes"], limits::max_memory_bytes);
  EXPECT_EQ(spec["max_recorded_losses"], limits::max_recorded_losses);
  EXPECT_EQ(spec["max_output_values"], limits::max_output_values);
}

}  // namespace
}  // namespace backprop
