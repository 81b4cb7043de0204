// Every PyTorch fixture (tests/fixtures/pytorch, float64) through the core and its JSON edge:
// each number within 1e-9 relative (values under 1e-12 compare absolutely).
#include <gtest/gtest.h>

#include <filesystem>

#include "gradcheck.hpp"
#include "predict.hpp"
#include "result_json.hpp"
#include "scenario_json.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;

struct Case {
  std::string file, name, command;
  json scenario, expected;
};

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  const std::filesystem::path dir = std::filesystem::path(BACKPROP_SOURCE_DIR) / "tests/fixtures/pytorch";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const json fixture = json::parse(test::read_file(file.string()));
    for (const json& c : fixture["cases"])
      cases.push_back({file.stem().string(), c["name"], c["command"], c["scenario"], c["expected"]});
  }
  return cases;
}

class PyTorchFixture : public testing::TestWithParam<Case> {};

TEST_P(PyTorchFixture, MatchesPyTorchTo1e9) {
  const Case& c = GetParam();
  const Scenario s = parse_scenario(c.scenario.dump());
  const std::string out = c.command == "trace"     ? to_json(trace(s))
                          : c.command == "predict" ? to_json(predict(s))
                                                   : to_json(train(s));
  std::string where;
  const double worst = test::compare_json(c.expected, json::parse(out), 1e-9, where);
  EXPECT_LE(worst, 1e-9) << where;
}

TEST(PyTorchFixtures, CoverWhatTheIssueAsksFor) {
  const std::vector<Case> cases = load_cases();
  std::set<std::string> activations, losses, optimizers;
  std::set<size_t> lengths;
  bool bias_on = false, bias_off = false, l1 = false, l2 = false, batches = false;
  for (const Case& c : cases) {
    const json& m = c.scenario["model"];
    if (m["kind"] == "mlp")
      for (const auto& a : m["activations"]) activations.insert(a);
    else {
      activations.insert(m["hidden_activation"].get<std::string>());
      (m.value("bias", false) ? bias_on : bias_off) = true;
      for (const auto& seq : c.scenario["data"]["sequences"]) lengths.insert(seq["inputs"].size());
    }
    losses.insert(m["loss"].get<std::string>());
    optimizers.insert(c.scenario["optimizer"]["kind"].get<std::string>());
    const json reg = c.scenario.value("regularization", json::object());
    l1 |= reg.value("l1", 0.0) > 0;
    l2 |= reg.value("l2", 0.0) > 0;
    batches |= c.scenario["train"].value("batch_size", json()).is_number();
  }
  EXPECT_EQ(activations.size(), 6u);
  EXPECT_EQ(losses.size(), 3u);
  EXPECT_EQ(optimizers.size(), 6u);  // sgd, adam, rmsprop, adagrad, adadelta, adamax
  EXPECT_TRUE(bias_on && bias_off && l1 && l2 && batches);
  EXPECT_TRUE(lengths.count(1) && lengths.count(20));
  EXPECT_GE(cases.size(), 100u);
}

INSTANTIATE_TEST_SUITE_P(All, PyTorchFixture, testing::ValuesIn(load_cases()),
                         [](const testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.file + "_" + info.param.name;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

}  // namespace
}  // namespace backprop
