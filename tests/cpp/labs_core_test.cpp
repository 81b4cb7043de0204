// The core's additions for the labs: predict, evaluate and accuracy, the trainer's gradient
// norms, h̄ norms and output grid, and RNN validation sets; each against the trace, the norms verb
// or a hand-made case.
#include <gtest/gtest.h>

#include <cmath>

#include "allocation_counter.hpp"
#include "error.hpp"
#include "norms.hpp"
#include "predict.hpp"
#include "regularization.hpp"
#include "result_json.hpp"
#include "scenario_json.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;

// A 2-5-3 tanh/softmax classifier on six points with one-hot targets and a validation set.
json classifier() {
  return json::parse(R"({
    "model": {"kind": "mlp", "layers": [2, 5, 3], "activations": ["tanh", "softmax"], "loss": "cross_entropy"},
    "init": {"seed": 3},
    "data": {"inputs": [[0.1, 0.9], [-0.4, 0.2], [0.7, -0.3], [-0.8, -0.6], [0.3, 0.3], [0.0, -0.9]],
             "targets": [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1]],
             "validation": {"inputs": [[0.2, 0.8], [-0.5, -0.5]], "targets": [[1, 0, 0], [0, 1, 0]]}},
    "optimizer": {"kind": "adam", "lr": 0.05},
    "regularization": {"l2": 0.01, "l1": 0.002},
    "train": {"steps": 1}})");
}

// An RNN on parity-like sequences with a null target, two inputs and a validation set.
json recurrent() {
  return json::parse(R"({
    "model": {"kind": "rnn", "input_size": 1, "hidden_size": 3, "output_size": 2, "hidden_activation": "tanh",
              "output_activation": "softmax", "loss": "cross_entropy", "bias": true},
    "init": {"seed": 5},
    "data": {"sequences": [{"inputs": [[1], [0], [1], [1]], "targets": [null, [0, 1], [1, 0], [0, 1]]},
                           {"inputs": [[0], [1]], "targets": [[1, 0], [0, 1]]}],
             "validation": {"sequences": [{"inputs": [[1], [1], [0]], "targets": [[0, 1], null, [1, 0]]}]}},
    "optimizer": {"kind": "sgd", "lr": 0.3},
    "regularization": {"l2": 0.05},
    "train": {"steps": 1, "batch_size": 1}})");
}

TEST(Predict, MlpOutputsAreTheTracesForwardOutputs) {
  json s = classifier();
  s["data"].erase("validation");
  const Scenario scenario = test::parse(s);
  const Prediction p = predict(scenario);
  const Trace t = trace(scenario);  // full batch: the first step's forward is the whole data set
  ASSERT_EQ(p.train.outputs.size(), 1u);
  EXPECT_EQ(p.train.outputs[0], test::named(t.forward, "a2"));
  EXPECT_FALSE(p.validation);
  // The data loss without the penalty: the trace's loss has it.
  EXPECT_LT(p.train.evaluation.loss, t.loss);
  EXPECT_NEAR(p.train.evaluation.loss + penalty(Trainer(scenario).params(), scenario.regularization), t.loss, 1e-15);
}

TEST(Predict, RnnOutputsAreTheTracesForwardOutputs) {
  const Scenario scenario = test::parse(recurrent());
  const Prediction p = predict(scenario);
  ASSERT_EQ(p.train.outputs.size(), 2u);
  ASSERT_TRUE(p.validation);
  ASSERT_EQ(p.validation->outputs.size(), 1u);
  // The trace follows the first batch: sequence 0 with batch_size 1.
  EXPECT_EQ(p.train.outputs[0], test::named(trace(scenario).forward, "y"));
  json second = recurrent();
  second["data"]["sequences"] = json::array({recurrent()["data"]["sequences"][1]});
  EXPECT_EQ(p.train.outputs[1], test::named(trace(test::parse(second)).forward, "y"));
}

TEST(Predict, AccuracyOfAHandMadeCase) {
  // A linear 2-2 layer with W = I, b = 0: the outputs are the inputs.
  json s = json::parse(R"({
    "model": {"kind": "mlp", "layers": [2, 2], "activations": ["linear"]},
    "parameters": {"W1": [[1, 0], [0, 1]], "b1": [0, 0]},
    "data": {"inputs": [[0.9, 0.1], [0.2, 0.3], [0.6, 0.5], [0.4, 0.4]],
             "targets": [[1, 0], [1, 0], [0, 1], [1, 0]]}})");
  // Rows: right, wrong, wrong, right (a tie takes the first maximum).
  EXPECT_EQ(predict(test::parse(s)).train.evaluation.accuracy, 0.5);
  // half_sse: ½Σ(ŷ − y)² averaged over the 4 rows.
  EXPECT_NEAR(predict(test::parse(s)).train.evaluation.loss,
              0.5 * (0.01 + 0.01 + 0.64 + 0.09 + 0.36 + 0.25 + 0.36 + 0.16) / 4, 1e-15);
  s["data"]["targets"][3] = {0.5, 0.5};  // not all 0 or 1: no accuracy
  EXPECT_TRUE(std::isnan(predict(test::parse(s)).train.evaluation.accuracy));

  // One output unit: ŷ ≥ 0.5 ⇔ y ≥ 0.5.
  json one = json::parse(R"({
    "model": {"kind": "mlp", "layers": [1, 1], "activations": ["linear"]},
    "parameters": {"W1": [[1]], "b1": [0]},
    "data": {"inputs": [[0.5], [0.49], [0.9], [0.1], [0.7]], "targets": [[1], [1], [0], [0], [1]]}})");
  EXPECT_EQ(predict(test::parse(one)).train.evaluation.accuracy, 0.6);

  // RNN: steps without a target are not counted. W = I, U = I, V = 0, linear: y_t = x_t.
  json rnn = json::parse(R"({
    "model": {"kind": "rnn", "input_size": 2, "hidden_size": 2, "output_size": 2, "hidden_activation": "linear",
              "output_activation": "linear"},
    "parameters": {"U": [[1, 0], [0, 1]], "V": [[0, 0], [0, 0]], "W": [[1, 0], [0, 1]]},
    "data": {"sequences": [{"inputs": [[1, 0], [0, 1], [1, 0]], "targets": [null, [1, 0], [1, 0]]},
                           {"inputs": [[0, 1]], "targets": [[0, 1]]}]}})");
  EXPECT_NEAR(predict(test::parse(rnn)).train.evaluation.accuracy, 2.0 / 3.0, 1e-15);
}

TEST(Predict, JsonShapes) {
  const json mlp = json::parse(to_json(predict(test::parse(classifier()))));
  EXPECT_EQ(mlp["outputs"].size(), 6u);
  EXPECT_EQ(mlp["outputs"][0].size(), 3u);
  EXPECT_TRUE(mlp["accuracy"].is_number());
  EXPECT_EQ(mlp["validation"]["outputs"].size(), 2u);
  const json rnn = json::parse(to_json(predict(test::parse(recurrent()))));
  EXPECT_EQ(rnn["sequences"][0]["outputs"].size(), 4u);
  EXPECT_EQ(rnn["validation"]["sequences"][0]["outputs"].size(), 3u);
  json regression = recurrent();
  regression["data"]["sequences"][1]["targets"] = {{0.2, 0.8}, {0, 1}};
  EXPECT_TRUE(json::parse(to_json(predict(test::parse(regression))))["accuracy"].is_null());
}

TEST(TrainerLabs, GradientNormsAreTheTracesGradientNorms) {
  for (const json& s : {classifier(), recurrent()}) {
    const Scenario scenario = test::parse(s);
    const Trace t = trace(scenario);
    Trainer trainer(scenario);
    std::vector<double> norms;
    trainer.gradient_norms(norms);
    for (double n : norms) EXPECT_EQ(n, 0.0);  // before the first step
    trainer.step();
    trainer.gradient_norms(norms);
    const std::vector<std::string> names = trainer.parameter_names();
    ASSERT_EQ(norms.size(), names.size());
    for (size_t k = 0; k < names.size(); ++k) {
      const Matrix& grad = test::named(t.backward, "d" + names[k]);
      EXPECT_NEAR(norms[k], grad.norm(), 1e-15 * grad.norm()) << names[k];
    }
  }
  EXPECT_EQ(Trainer(test::parse(classifier())).parameter_names(), (std::vector<std::string>{"W1", "b1", "W2", "b2"}));
  EXPECT_EQ(Trainer(test::parse(recurrent())).parameter_names(), (std::vector<std::string>{"U", "V", "W", "b", "c"}));
}

TEST(TrainerLabs, HNormsAreTheNormsVerbs) {
  const Scenario scenario = test::parse(recurrent());
  const GradientNorms expected = gradient_norms(scenario);
  Trainer trainer(scenario);
  std::vector<double> h;
  trainer.h_norms(h);
  EXPECT_TRUE(h.empty());
  trainer.step();
  trainer.h_norms(h);
  EXPECT_EQ(h, expected.h_grad);
  Trainer mlp(test::parse(classifier()));
  mlp.step();
  mlp.h_norms(h);
  EXPECT_TRUE(h.empty());
}

TEST(TrainerLabs, EvaluateIsPredictOfTheCurrentParameters) {
  for (const json& s : {classifier(), recurrent()}) {
    Trainer trainer(test::parse(s));
    for (int i = 0; i < 5; ++i) trainer.step();
    const Trainer::Evaluation e = trainer.evaluate();
    json with = s;
    with["parameters"] = json::parse(to_json(snapshot(trainer.params())));
    const Prediction p = predict(test::parse(with));
    EXPECT_NEAR(e.train.loss, p.train.evaluation.loss, 1e-14 * p.train.evaluation.loss);
    EXPECT_EQ(e.train.accuracy, p.train.evaluation.accuracy);
    ASSERT_TRUE(p.validation);
    EXPECT_NEAR(e.validation.loss, p.validation->evaluation.loss, 1e-14 * p.validation->evaluation.loss);
    EXPECT_EQ(e.validation.accuracy, p.validation->evaluation.accuracy);
    EXPECT_EQ(e.validation.loss, trainer.validation_loss());
    EXPECT_TRUE(std::isfinite(e.train.accuracy) && std::isfinite(e.validation.accuracy));
  }
}

TEST(TrainerLabs, RnnValidationByHand) {
  // Validation loss = the summed loss of its one sequence (steps with a target only).
  json s = recurrent();
  const Scenario scenario = test::parse(s);
  json alone = s;
  alone["data"]["sequences"] = s["data"]["validation"]["sequences"];
  alone["data"].erase("validation");
  EXPECT_NEAR(Trainer(scenario).validation_loss(), predict(test::parse(alone)).train.evaluation.loss, 1e-15);
  const TrainResult r = train(scenario);
  EXPECT_TRUE(std::isfinite(r.validation_loss));
  EXPECT_NE(to_json(r).find("validation_loss"), std::string::npos);
  // Without validation: NaN, and evaluate's validation is undefined.
  json none = s;
  none["data"].erase("validation");
  Trainer trainer(test::parse(none));
  EXPECT_TRUE(std::isnan(trainer.evaluate().validation.loss));
  EXPECT_TRUE(std::isnan(trainer.evaluate().validation.accuracy));
}

TEST(TrainerLabs, GridValuesArePredictsOutputs) {
  json s = classifier();
  s["model"]["layers"] = {2, 5, 2};
  s["data"] = {{"inputs", {{0, 0}}}, {"targets", {{1, 0}}}};
  Trainer trainer(test::parse(s));
  trainer.step();
  const GridSpec g{-1.5, 0.5, -0.25, 1.0, 7, 4, 1};
  std::vector<double> values;
  trainer.grid(g, values);
  ASSERT_EQ(values.size(), 28u);
  // The same points, row 0 at the top, through predict with the trainer's parameters.
  json points = json::array(), targets = json::array();
  for (int j = 0; j < 4; ++j)
    for (int i = 0; i < 7; ++i) {
      points.push_back({-1.5 + (i + 0.5) * 2.0 / 7, 1.0 - (j + 0.5) * 1.25 / 4});
      targets.push_back({1, 0});
    }
  json with = s;
  with["parameters"] = json::parse(to_json(snapshot(trainer.params())));
  with["data"] = {{"inputs", points}, {"targets", targets}};
  const Prediction p = predict(test::parse(with));
  const Matrix& outputs = p.train.outputs[0];
  for (int k = 0; k < 28; ++k) EXPECT_NEAR(values[size_t(k)], outputs(k, 1), 1e-14) << k;
}

TEST(TrainerLabs, GridInChunksEqualsOneBatch) {
  // 2-300-2: chunks of 65536 / 300 = 218 rows; 1000 points make 4 full chunks and one of 128.
  json s = classifier();
  s["model"]["layers"] = {2, 300, 2};
  s["data"] = {{"inputs", {{0, 0}}}, {"targets", {{1, 0}}}};
  Trainer trainer(test::parse(s));
  std::vector<double> values;
  trainer.grid({-1, 1, -2, 2, 40, 25, 0}, values);
  ASSERT_EQ(values.size(), 1000u);
  json points = json::array(), targets = json::array();
  for (int j = 0; j < 25; ++j)
    for (int i = 0; i < 40; ++i) {
      points.push_back({-1 + (i + 0.5) * 2.0 / 40, 2 - (j + 0.5) * 4.0 / 25});
      targets.push_back({1, 0});
    }
  s["data"] = {{"inputs", points}, {"targets", targets}};
  s["parameters"] = json::parse(to_json(snapshot(trainer.params())));
  const Prediction p = predict(test::parse(s));
  for (int k = 0; k < 1000; ++k) EXPECT_NEAR(values[size_t(k)], p.train.outputs[0](k, 0), 1e-14) << k;
  // Sizes alternate without allocating once each has been seen (up to four remainders).
  trainer.grid({-1, 1, -1, 1, 30, 30, 1}, values);
  const long long before = test::allocations();
  for (int i = 0; i < 10; ++i) {
    trainer.grid({-1, 1, -2, 2, 40, 25, 0}, values);
    trainer.grid({-1, 1, -1, 1, 30, 30, 1}, values);
  }
  EXPECT_EQ(test::allocations() - before, 0);
}

TEST(TrainerLabs, GridRefusalsNameTheirField) {
  json three = classifier();
  three["model"]["layers"] = {3, 4, 3};
  three["data"] = {{"inputs", {{0, 0, 0}}}, {"targets", {{1, 0, 0}}}};
  Trainer mlp(test::parse(classifier())), wide(test::parse(three)), rnn(test::parse(recurrent()));
  const double nan = std::nan("");
  const std::tuple<Trainer*, GridSpec, const char*> cases[] = {
      {&mlp, {-1, 1, -1, 1, 0, 5, 0}, "grid.nx: must be between 1 and 1000000, got 0"},
      {&mlp, {-1, 1, -1, 1, 5, 2.5, 0}, "grid.ny: must be a whole number, got 2.5"},
      {&mlp, {-1, 1, -1, 1, 1001, 1000, 0}, "grid.ny: nx·ny is 1001000 points; at most 1000000"},
      {&mlp, {-1, 1, -1, 1, 5, 5, 3}, "grid.unit: must be between 0 and 2, got 3"},
      {&mlp, {-1, 1, -1, 1, 5, 5, -1}, "grid.unit: must be between 0 and 2, got -1"},
      {&mlp, {nan, 1, -1, 1, 5, 5, 0}, "grid.x0: must be a number, got NaN"},
      {&mlp, {-1, 1, -1, INFINITY, 5, 5, 0}, "grid.y1: must be a finite number, got inf"},
      {&mlp, {-1, 1, -1, 1, nan, 5, 0}, "grid.nx: must be a number, got NaN"},
      {&wide, {-1, 1, -1, 1, 5, 5, 0}, "model.layers[0]: a grid of outputs needs two inputs, got 3"},
      {&rnn, {-1, 1, -1, 1, 5, 5, 0}, "model.kind: a grid of outputs needs an mlp with two inputs, not an rnn"},
  };
  std::vector<double> out;
  for (const auto& [trainer, spec, message] : cases) {
    try {
      trainer->grid(spec, out);
      ADD_FAILURE() << "accepted: " << message;
    } catch (const ScenarioError& e) {
      EXPECT_STREQ(e.what(), message);
    }
  }
}

TEST(TrainerLabs, GridStepAndEvaluateAllocateNothingInTheSteadyState) {
  Trainer trainer(test::parse(classifier()));
  std::vector<double> values, norms;
  trainer.step();
  trainer.grid({-1, 1, -1, 1, 100, 100, 0}, values);
  trainer.gradient_norms(norms);
  trainer.evaluate();
  const long long before = test::allocations();
  for (int i = 0; i < 20; ++i) {
    trainer.step();
    trainer.grid({-2, 2, -1, 1, 100, 100, double(i % 3)}, values);
    trainer.gradient_norms(norms);
    trainer.evaluate();
  }
  EXPECT_EQ(test::allocations() - before, 0);

  Trainer rnn(test::parse(recurrent()));
  std::vector<double> h;
  for (int i = 0; i < 2; ++i) rnn.step(), rnn.h_norms(h), rnn.gradient_norms(norms), rnn.evaluate();
  const long long rnn_before = test::allocations();
  for (int i = 0; i < 20; ++i) rnn.step(), rnn.h_norms(h), rnn.gradient_norms(norms), rnn.evaluate();
  EXPECT_EQ(test::allocations() - rnn_before, 0);
}

TEST(RnnValidation, ParsedCheckedAndSerialised) {
  json s = recurrent();
  const Scenario parsed = test::parse(s);
  ASSERT_EQ(parsed.validation_sequences.size(), 1u);
  EXPECT_EQ(parsed.validation_sequences[0].has_target, (std::vector<bool>{true, false, true}));
  const Scenario again = parse_scenario(serialise_scenario(parsed));
  ASSERT_EQ(again.validation_sequences.size(), 1u);
  EXPECT_EQ(again.validation_sequences[0].targets, parsed.validation_sequences[0].targets);

  const auto refusal = [](const json& bad) {
    try {
      test::parse(bad);
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  json wrong = s;
  wrong["data"]["validation"]["sequences"][0]["inputs"][1] = {1, 2};
  EXPECT_EQ(refusal(wrong), "data.validation.sequences[0].inputs[1]: must have 1 value, got 2");
  wrong = s;
  wrong["data"]["validation"]["inputs"] = {{1}};
  EXPECT_EQ(refusal(wrong), "data.validation.inputs: unknown field (expected one of: sequences)");
  wrong = s;
  wrong["data"]["input_size"] = 2;
  EXPECT_EQ(refusal(wrong), "data.input_size: must equal model.input_size (1), got 2");
  wrong = s;
  wrong["data"]["output_size"] = 0;
  EXPECT_EQ(refusal(wrong), "data.output_size: must be between 1 and 4096, got 0");
  json sizes = s;
  sizes["data"]["input_size"] = 1;
  sizes["data"]["output_size"] = 2;
  EXPECT_EQ(refusal(sizes), "accepted");
  // An empty validation set (a data verb's result with validation 0) is the same as none.
  json empty = s;
  empty["data"]["validation"]["sequences"] = json::array();
  EXPECT_TRUE(test::parse(empty).validation_sequences.empty());
  json mlp = classifier();
  mlp["data"]["validation"] = {{"inputs", json::array()}, {"targets", json::array()}};
  EXPECT_FALSE(test::parse(mlp).validation_inputs);
  mlp["data"]["validation"] = {{"inputs", {{1, 2}}}, {"targets", {{1, 0, 0}}}, {"labels", {0}}};
  EXPECT_EQ(refusal(mlp), "data.validation.labels: unknown field (expected one of: inputs, targets)");
  mlp["data"]["validation"] = {{"inputs", json::array()}, {"targets", {{1, 0, 0}}}};
  EXPECT_EQ(refusal(mlp), "data.validation.inputs: must not be empty");
  mlp["data"]["validation"] = {{"inputs", {{1, 2}}}};
  EXPECT_EQ(refusal(mlp), "data.validation.targets: is required");
}

TEST(LabsCli, DataAndPredictVerbs) {
  const auto data = test::run_cli("data -", R"({"kind": "points", "shape": "linear", "count": 10, "validation": 0.2, "seed": 4})");
  ASSERT_EQ(data.exit_code, 0) << data.err;
  const json points = json::parse(data.out);
  EXPECT_EQ(points["inputs"].size(), 8u);
  EXPECT_EQ(points["validation"]["labels"].size(), 2u);
  const auto bad = test::run_cli("data -", R"({"kind": "points", "shape": "linear", "count": 2})");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "backprop: data.count: must be between 4 and 10000, got 2\n");
  const auto p = test::run_cli("predict -", classifier().dump());
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_EQ(json::parse(p.out)["outputs"].size(), 6u);
  const auto help = test::run_cli("--help", "");
  EXPECT_NE(help.out.find("predict"), std::string::npos);
  EXPECT_NE(help.out.find("data "), std::string::npos);
}

}  // namespace
}  // namespace backprop
