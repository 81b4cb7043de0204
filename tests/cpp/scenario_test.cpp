// The scenario's JSON edge: every kind of bad input is refused with a message naming the field;
// valid scenarios survive a round trip; divergence is reported with its step.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "error.hpp"
#include "scenario_json.hpp"
#include "work.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;

struct Bad {
  std::string label;
  std::string text;  // the whole scenario
  std::string message;  // the exact start of the refusal: "field: …"
};

// The classic scenario with one change, as text.
std::string classic_with(const std::function<void(json&)>& change) {
  json s = test::classic_scenario();
  change(s);
  return s.dump();
}

const char* const rnn_text = R"({"model": {"kind": "rnn", "input_size": 2, "hidden_size": 3, "output_size": 1},
  "data": {"sequences": [{"inputs": [[1, 2], [3, 4]], "targets": [[0.5], [0.2]]}]}})";

std::string rnn_with(const std::function<void(json&)>& change) {
  json s = json::parse(rnn_text);
  change(s);
  return s.dump();
}

// The classic network with a batch-norm hidden layer and its running statistics given.
json classic_with_batch_norm() {
  json s = test::classic_scenario();
  s["model"]["batch_norm"] = {true};
  s["data"] = {{"inputs", {{0.05, 0.10}, {0.3, -0.2}}}, {"targets", {{0.01, 0.99}, {0.5, 0.5}}}};
  s["buffers"] = {{"running_mean1", {0.1, 0.2}}, {"running_var1", {1.5, 0.5}}};
  s["iteration"] = 1;
  return s;
}

std::vector<Bad> bad_inputs() {
  return {
      {"empty", "", "scenario: is not valid JSON"},
      {"truncated", R"({"model": {"kind": "mlp")", "scenario: is not valid JSON"},
      {"not an object", "[1, 2, 3]", "scenario: must be an object, got a list"},
      {"a million empty objects", [] {
         std::string s = R"({"model": {}, "junk": [)";
         for (int i = 0; i < 1'000'001; ++i) s += "{},";
         return s + "{}]}";
       }(),
       "scenario: holds more than 1000000 JSON objects"},
      {"a key twice", R"({"model": {"kind": "mlp", "kind": "rnn"}})", "model.kind: appears twice in its object"},
      {"a key twice in a list's object",
       rnn_with([](json&) {}).replace(0, 1, R"({"data": {"sequences": [{}, {"inputs": [], "inputs": []}]}, )"),
       "data.sequences[1].inputs: appears twice in its object"},
      {"NUL after the document", classic_with([](json&) {}) + std::string(1, '\0') + "garbage",
       "scenario: is not valid JSON: a NUL byte at offset"},
      {"garbage after the document", classic_with([](json&) {}) + " {}", "scenario: is not valid JSON"},
      {"deep nesting", std::string(100000, '[') + std::string(100000, ']'), "scenario: nested deeper than 64 levels"},
      {"no model", R"({"data": {}})", "model: is required"},
      {"unknown kind", classic_with([](json& s) { s["model"]["kind"] = "cnn"; }),
       "model.kind: must be one of mlp, rnn, got \"cnn\""},
      {"layers not a list", classic_with([](json& s) { s["model"]["layers"] = 3; }),
       "model.layers: must be a list of layer sizes, got a number"},
      {"zero units", classic_with([](json& s) { s["model"]["layers"][1] = 0; }),
       "model.layers[1]: must be between 1 and 4096, got 0"},
      {"huge layer", classic_with([](json& s) { s["model"]["layers"][1] = 100000; }),
       "model.layers[1]: must be between 1 and 4096, got 100000"},
      {"fractional size", classic_with([](json& s) { s["model"]["layers"][0] = 2.5; }),
       "model.layers[0]: must be a whole number, got 2.5"},
      {"size as text", classic_with([](json& s) { s["model"]["layers"][0] = "2"; }),
       "model.layers[0]: must be a number, got a string"},
      {"one layer", classic_with([](json& s) { s["model"]["layers"] = {2}; }),
       "model.layers: needs at least 2 sizes"},
      {"too many parameters", classic_with([](json& s) { s["model"]["layers"] = {4096, 4096, 4096}; s["model"]["activations"] = {"relu", "relu"}; }),
       "model.layers: gives 33562624 parameters; at most 4000000"},
      {"activations count", classic_with([](json& s) { s["model"]["activations"] = {"sigmoid"}; }),
       "model.activations: must have 2 names (one per layer after the input), got 1"},
      {"unknown activation", classic_with([](json& s) { s["model"]["activations"][1] = "swish"; }),
       "model.activations[1]: must be one of sigmoid, tanh, relu, leaky_relu, linear, softmax, got \"swish\""},
      {"unknown loss", classic_with([](json& s) { s["model"]["loss"] = "hinge"; }),
       "model.loss: must be one of half_sse, mse, cross_entropy"},
      {"cross entropy without softmax", classic_with([](json& s) { s["model"]["loss"] = "cross_entropy"; }),
       "model.loss: cross_entropy needs a softmax output layer, but model.activations[1] is sigmoid"},
      {"typo in model", classic_with([](json& s) { s["model"]["layer"] = {2, 2}; }),
       "model.layer: unknown field for model.kind = mlp"},
      {"wrong rows", classic_with([](json& s) { s["parameters"]["W1"] = {{0.1, 0.2}}; }),
       "parameters.W1: must have 2 rows"},
      {"ragged matrix", classic_with([](json& s) { s["parameters"]["W2"][1] = {0.5}; }),
       "parameters.W2[1]: must have 2 values, got 1"},
      {"bias length", classic_with([](json& s) { s["parameters"]["b1"] = {0.35}; }),
       "parameters.b1: must have 2 values, got 1"},
      {"non-number weight", classic_with([](json& s) { s["parameters"]["W1"][0][1] = "0.2"; }),
       "parameters.W1[0][1]: must be a number, got a string"},
      {"null weight", classic_with([](json& s) { s["parameters"]["W1"][0][1] = nullptr; }),
       "parameters.W1[0][1]: must be a number, got null"},
      {"unknown parameter", classic_with([](json& s) { s["parameters"]["W3"] = {{1.0}}; }),
       "parameters.W3: unknown field for model.kind = mlp (expected one of: W1, b1, W2, b2)"},
      {"no data", classic_with([](json& s) { s.erase("data"); }), "data: is required"},
      {"input width", classic_with([](json& s) { s["data"]["inputs"] = {{0.05}}; }),
       "data.inputs[0]: must have 2 values, got 1"},
      {"empty inputs", classic_with([](json& s) { s["data"]["inputs"] = json::array(); }),
       "data.inputs: must not be empty"},
      {"target rows", classic_with([](json& s) { s["data"]["targets"] = {{0.01, 0.99}, {0.5, 0.5}}; }),
       "data.targets: must have 1 rows (one per row of data.inputs), got 2"},
      {"negative learning rate", classic_with([](json& s) { s["optimizer"]["lr"] = -0.5; }),
       "optimizer.lr: must be between 0 and 1000000, got -0.5"},
      {"unknown optimizer", classic_with([](json& s) { s["optimizer"]["kind"] = "lbfgs"; }),
       "optimizer.kind: must be one of sgd, adam, rmsprop"},
      {"momentum of adam", classic_with([](json& s) { s["optimizer"] = {{"kind", "adam"}, {"momentum", 0.9}}; }),
       "optimizer.momentum: unknown field for optimizer.kind = adam"},
      {"beta out of range", classic_with([](json& s) { s["optimizer"] = {{"kind", "adam"}, {"beta1", 1}}; }),
       "optimizer.beta1: must be between 0 and 1 (1 excluded), got 1"},
      {"update_biases as text", classic_with([](json& s) { s["optimizer"]["update_biases"] = "no"; }),
       "optimizer.update_biases: must be true or false, got a string"},
      {"negative l2", classic_with([](json& s) { s["regularization"] = {{"l2", -1}}; }),
       "regularization.l2: must be ≥ 0, got -1"},
      {"absurd steps", classic_with([](json& s) { s["train"]["steps"] = 1e12; }),
       "train.steps: must be between 0 and 10000000"},
      {"negative steps", classic_with([](json& s) { s["train"]["steps"] = -1; }),
       "train.steps: must be between 0 and 10000000, got -1"},
      {"record_every zero", classic_with([](json& s) { s["train"]["record_every"] = 0; }),
       "train.record_every: must be between 1 and"},
      {"batch larger than data", classic_with([](json& s) { s["train"]["batch_size"] = 5; }),
       "train.batch_size: must be between 1 and 1, got 5"},
      {"unknown init", classic_with([](json& s) { s["init"] = {{"scheme", "orthogonal"}}; }),
       "init.scheme: must be one of uniform, xavier_uniform, he_uniform, pytorch_default"},
      {"negative seed", classic_with([](json& s) { s["init"] = {{"seed", -3}}; }),
       "init.seed: must be between 0 and 9007199254740991, got -3"},
      {"unknown top-level field", classic_with([](json& s) { s["optimiser"] = json::object(); }),
       "optimiser: unknown field"},
      {"rnn without sizes", R"({"model": {"kind": "rnn"}})", "model.input_size: is required"},
      {"rnn mse", rnn_with([](json& s) { s["model"]["loss"] = "mse"; }),
       "model.loss: must be one of half_sse, cross_entropy, got \"mse\""},
      {"rnn bias parameter without bias", rnn_with([](json& s) { s["parameters"] = {{"b", {0, 0, 0}}}; }),
       "parameters.b: unknown field for model.bias = false"},
      {"rnn h0 length", rnn_with([](json& s) { s["parameters"] = {{"h0", {0, 0}}}; }),
       "parameters.h0: must have 3 values, got 2"},
      {"rnn no sequences", rnn_with([](json& s) { s["data"]["sequences"] = json::array(); }),
       "data.sequences: must hold at least one sequence"},
      {"rnn targets per step", rnn_with([](json& s) { s["data"]["sequences"][0]["targets"] = {{0.5}}; }),
       "data.sequences[0].targets: must have 2 rows (one per time step of inputs), got 1"},
      {"rnn input width", rnn_with([](json& s) { s["data"]["sequences"][0]["inputs"][1] = {3}; }),
       "data.sequences[0].inputs[1]: must have 2 values, got 1"},
      {"mlp data for rnn", rnn_with([](json& s) { s["data"]["inputs"] = {{1, 2}}; }),
       "data.inputs: unknown field for model.kind = rnn (expected one of: input_size, output_size, sequences, validation)"},
  };
}

TEST(BadInput, EveryRefusalNamesTheField) {
  for (const Bad& bad : bad_inputs()) {
    try {
      parse_scenario(bad.text);
      ADD_FAILURE() << bad.label << ": accepted";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(std::string(e.what()).substr(0, bad.message.size()), bad.message) << bad.label;
    }
  }
}

// scenario_fields (which the fuzzer's oracle reads) is exactly what the parser reads at the top:
// each listed field given a string is refused under its own name, never as unknown, and every
// field of a serialised scenario with batch norm's buffers is listed.
TEST(BadInput, TheTopLevelFieldsAreTheParsersOwn) {
  json with_buffers = classic_with_batch_norm();
  for (std::string_view field : scenario_fields) {
    json s = with_buffers;
    s[std::string(field)] = "x";
    try {
      parse_scenario(s.dump());
      ADD_FAILURE() << field << ": accepted";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(e.field().substr(0, field.size()), field) << e.what();
      EXPECT_NE(e.reason(), Reason::unknown_field) << e.what();
    }
  }
  const json written = json::parse(serialise_scenario(test::parse(with_buffers)));
  ASSERT_TRUE(written.contains("buffers"));
  for (const auto& item : written.items())
    EXPECT_NE(std::find(std::begin(scenario_fields), std::end(scenario_fields), item.key()), std::end(scenario_fields))
        << item.key();
}

TEST(BadInput, NonFiniteNumbersAreRefused) {
  // JSON has no NaN or ∞; the nearest a file can get is a number that overflows.
  std::string text = test::classic_scenario().dump();
  text.replace(text.find("0.05"), 4, "1e999");
  try {
    parse_scenario(text);
    ADD_FAILURE() << "accepted 1e999";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("1e999"), std::string::npos) << e.what();
  }
  for (const char* literal : {"NaN", "Infinity", "-Infinity"}) {
    std::string t = test::classic_scenario().dump();
    t.replace(t.find("0.05"), 4, literal);
    EXPECT_THROW(parse_scenario(t), ScenarioError) << literal;
  }
}

TEST(BadInput, AbsurdWorkIsRefusedBeforeItStarts) {
  json s = test::classic_scenario();
  s["model"]["layers"] = {2, 1000, 1000, 2};
  s["model"]["activations"] = {"relu", "relu", "sigmoid"};
  s["parameters"] = json::object();
  s["train"]["steps"] = 10000000;
  s["train"]["record_every"] = 10000000;  // else the 10,000,000 recorded losses are named first
  const Scenario scenario = test::parse(s);
  try {
    check_work(scenario, Command::train);
    ADD_FAILURE() << "accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), "train.steps");
  }
  EXPECT_THROW(check_work(scenario, Command::gradcheck), ScenarioError);
  EXPECT_NO_THROW(check_work(scenario, Command::trace));
}

TEST(Divergence, IsReportedWithItsStep) {
  json s = test::classic_scenario();
  s["model"]["activations"] = {"linear", "linear"};
  s["optimizer"]["lr"] = 1000;
  s["train"] = {{"steps", 1000}, {"record_every", 1}};
  const TrainResult r = train(test::parse(s));
  ASSERT_TRUE(r.divergence);
  EXPECT_GT(r.divergence->step, 0);
  EXPECT_LT(r.divergence->step, 1000);
  EXPECT_FALSE(std::isfinite(r.divergence->loss));
  EXPECT_EQ(r.losses.back().first, r.divergence->step - 1);  // every finite loss before it is kept
}

TEST(RoundTrip, SerialiseThenParseGivesTheSameScenario) {
  const json cases = test::load_json("tests/fixtures/pytorch/mlp_train.json")["cases"];
  const json rnn_cases = test::load_json("tests/fixtures/pytorch/rnn_train.json")["cases"];
  for (const json& c : {cases[0], cases[5], rnn_cases[0], rnn_cases[3], json::parse(rnn_text)}) {
    const std::string once = serialise_scenario(test::parse(c.contains("scenario") ? c["scenario"] : c));
    const std::string twice = serialise_scenario(parse_scenario(once));
    EXPECT_EQ(once, twice);
  }
}

}  // namespace
}  // namespace backprop
