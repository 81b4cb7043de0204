// Every refusal is data as well as a line: a reason code the page words in its own language, with
// the arguments its English message quotes. The table is the one `backprop spec` lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "command.hpp"
#include "error.hpp"
#include "spec_json.hpp"
#include "test_support.hpp"

namespace backprop {
namespace {

using test::json;

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  static const std::regex brace(R"(\{([a-z_]+)(\|[^}]*)?\})");
  for (std::sregex_iterator it(text.begin(), text.end(), brace), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

TEST(Reasons, TableFollowsTheEnumAndSpecListsIt) {
  const json spec = json::parse(spec_json());
  ASSERT_EQ(spec["reasons"].size(), reasons().size());
  std::set<std::string> codes;
  for (size_t i = 0; i < reasons().size(); ++i) {
    const ReasonInfo& r = reasons()[i];
    EXPECT_EQ(size_t(r.reason), i) << r.code;
    EXPECT_TRUE(codes.insert(r.code).second) << "twice: " << r.code;
    EXPECT_EQ(spec["reasons"][r.code], r.english);
  }
}

TEST(Reasons, EnglishFillsEveryPlaceholderAndPlurals) {
  EXPECT_EQ(english(Reason::between, {{"low", "1"}, {"high", "4096"}, {"got", "0"}}),
            "must be between 1 and 4096, got 0");
  EXPECT_EQ(english(Reason::wrong_length, {{"count", "1"}, {"got", "2"}}), "must have 1 value, got 2");
  EXPECT_EQ(english(Reason::wrong_length, {{"count", "3"}, {"got", "2"}}), "must have 3 values, got 2");
  EXPECT_EQ(english(Reason::not_list, {{"items", "layer_sizes"}, {"type", "number"}}),
            "must be a list of layer sizes, got a number");
}

// The result's reason, its arguments, and the line they make, for one refused input.
struct Refusal {
  int exit_code;
  std::string field, reason;
  json args;
  std::string line;
};
Refusal refusal(const std::string& verb, const std::string& text) {
  const CommandResult r = run_command(verb, text);
  return {r.exit_code, r.field, r.reason, json::parse(r.args), r.err};
}

TEST(Reasons, ARefusalCarriesItsCodeArgumentsAndField) {
  json s = test::classic_scenario();
  s["model"]["layers"][1] = 0;
  const Refusal r = refusal("trace", s.dump());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.field, "model.layers[1]");
  EXPECT_EQ(r.reason, "between");
  EXPECT_EQ(r.args, json({{"low", "1"}, {"high", "4096"}, {"got", "0"}}));
  EXPECT_EQ(r.line, "backprop: model.layers[1]: must be between 1 and 4096, got 0\n");
  // Every argument of the reason's template is there (a reason may carry more, for other wordings:
  // not_json's byte).
  const json spec = json::parse(spec_json());
  json swish = test::classic_scenario(), long_run = test::classic_scenario();
  swish["model"]["activations"][0] = "swish";
  long_run["train"] = {{"steps", 10000000}, {"record_every", 1}};
  for (const auto& [code, doc] : std::map<std::string, std::string>{
           {"not_one_of", swish.dump()},
           {"duplicate_key", R"({"model": {"kind": "mlp", "kind": "rnn"}})"},
           {"too_many_losses", long_run.dump()},
           {"not_json", "{\"model\": "},
       }) {
    const Refusal got = refusal("train", doc);
    EXPECT_EQ(got.reason, code) << got.line;
    std::set<std::string> names;
    for (const auto& item : got.args.items()) names.insert(item.key());
    const std::set<std::string> wanted = placeholders(spec["reasons"][code].get<std::string>());
    EXPECT_TRUE(std::includes(names.begin(), names.end(), wanted.begin(), wanted.end())) << got.line;
  }
}

// A divergence blames what can be at fault: the starting values when the very first loss is not
// finite (no update has happened), else the learning rate, and the penalty when there is one.
TEST(Reasons, DivergenceBlamesWhatCanBeAtFault) {
  json s = test::classic_scenario();
  s["regularization"] = {{"l1", 1e308}, {"l2", 1e308}};
  s["train"] = {{"steps", 10}, {"record_every", 1}};
  Refusal r = refusal("train", s.dump());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.reason, "diverged_at_start") << r.line;
  EXPECT_EQ(r.line.find("optimizer.lr"), std::string::npos) << r.line;

  s = test::classic_scenario();
  s["model"]["activations"] = {"linear", "linear"};
  s["optimizer"]["lr"] = 1000;
  s["train"] = {{"steps", 1000}, {"record_every", 1}};
  r = refusal("train", s.dump());
  EXPECT_EQ(r.reason, "diverged") << r.line;
  EXPECT_EQ(r.field, "train");
  EXPECT_GT(std::stoi(r.args["step"].get<std::string>()), 0);
  EXPECT_EQ(r.args["lr"], "1000");

  s["regularization"] = {{"l2", 0.01}};
  r = refusal("train", s.dump());
  EXPECT_EQ(r.reason, "diverged_penalty") << r.line;
}

}  // namespace
}  // namespace backprop
