// Batch normalization and dropout in the MLP (docs/scenario.md): finite differences, drawn masks,
// evaluation mode, no change without the fields, allocation-free steps, and every bad input refused
// with exit 2 naming its field. The values themselves are checked against PyTorch by
// tests/fixtures/pytorch/normalization.json (fixtures_test.cpp).
#include <gtest/gtest.h>

#include <cmath>

#include "allocation_counter.hpp"
#include "command.hpp"
#include "gradcheck.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;

// 3-5-4-2 with rows of varied inputs; `extra` is merged into "model".
json network(const json& extra, int rows = 8) {
  json s = {{"model",
             {{"kind", "mlp"}, {"layers", {3, 5, 4, 2}}, {"activations", {"tanh", "sigmoid", "sigmoid"}},
              {"loss", "half_sse"}}},
            {"init", {{"seed", 7}}},
            {"optimizer", {{"kind", "sgd"}, {"lr", 0.3}}},
            {"train", {{"steps", 5}, {"batch_size", 4}}}};
  json inputs = json::array(), targets = json::array();
  for (int i = 0; i < rows; ++i) {
    inputs.push_back({std::sin(1.3 * i), std::cos(0.7 * i), 0.1 * i - 0.3});
    targets.push_back({0.2 + 0.05 * i, 0.9 - 0.08 * i});
  }
  s["data"] = {{"inputs", inputs}, {"targets", targets}};
  for (const auto& [key, value] : extra.items()) s["model"][key] = value;
  return s;
}

json masks(int rows, int units, int seed) {
  json m = json::array();
  for (int i = 0; i < rows; ++i) {
    json row = json::array();
    for (int j = 0; j < units; ++j) row.push_back(((i * 7 + j * 3 + seed) % 5) < 3 ? 1 : 0);
    m.push_back(row);
  }
  return m;
}

// Every parameter's analytic gradient against central differences. A batch-norm layer's own bias
// cancels in the forward: its gradient is exactly 0, and the finite differences ~0 (rounding).
void expect_gradients_agree(const json& scenario) {
  SCOPED_TRACE(scenario["model"].dump());
  const GradCheck check = gradcheck(test::parse(scenario));
  bool saw_gamma = false;
  for (const ParamCheck& p : check.params) {
    const bool cancelled = p.name[0] == 'b' && p.name[1] != 'e' && scenario["model"].contains("batch_norm") &&
                           std::stoul(p.name.substr(1)) <= scenario["model"]["batch_norm"].size() &&
                           scenario["model"]["batch_norm"][std::stoul(p.name.substr(1)) - 1] == true;
    saw_gamma |= p.name.rfind("gamma", 0) == 0;
    if (cancelled) {
      EXPECT_EQ(p.analytic.cwiseAbs().maxCoeff(), 0.0) << p.name;
      EXPECT_LT(p.numeric.cwiseAbs().maxCoeff(), 1e-8) << p.name;
    } else {
      EXPECT_LT(p.max_relative_error, 1e-5) << p.name;
    }
  }
  if (scenario["model"].contains("batch_norm")) {
    EXPECT_TRUE(saw_gamma);
  }
}

TEST(Normalization, GradcheckPassesWithBatchNorm) {
  expect_gradients_agree(network({{"batch_norm", {true, true}}}));
  json l2 = network({{"batch_norm", {false, true}}});
  l2["regularization"] = {{"l2", 0.1}, {"l1", 0.01}};
  expect_gradients_agree(l2);
}

TEST(Normalization, GradcheckPassesWithGivenAndDrawnMasks) {
  expect_gradients_agree(network({{"dropout", {0.5, 0.25}}, {"dropout_masks", {{"1", masks(8, 5, 1)}, {"2", masks(8, 4, 2)}}}}));
  expect_gradients_agree(network({{"dropout", {0.4, 0.0}}}));  // the step's drawn mask, kept fixed
  expect_gradients_agree(network({{"dropout", {0.3, 0.5}}, {"batch_norm", {true, false}},
                                  {"dropout_masks", {{"2", masks(8, 4, 3)}}}}));
}

TEST(Normalization, WithoutTheFieldsNothingChanges) {
  const json plain = network(json::object());
  const json off = network({{"dropout", {0.0, 0.0}}, {"batch_norm", {false, false}}});
  for (const char* verb : {"train", "trace", "gradcheck", "predict"})
    EXPECT_EQ(run_command(verb, plain.dump()).out, run_command(verb, off.dump()).out) << verb;
}

TEST(Normalization, DrawnMasksAreSeededZeroOrOneAndScaleBy1MinusP) {
  json s = network({{"dropout", {0.5, 0.0}}});
  s["iteration"] = 3;
  const Trace a = trace(test::parse(s)), b = trace(test::parse(s));
  const Matrix& mask = test::named(a.forward, "mask1");
  EXPECT_EQ(mask, test::named(b.forward, "mask1"));
  EXPECT_TRUE((mask.array() == 0 || mask.array() == 1).all());
  EXPECT_GT(mask.sum(), 0);
  EXPECT_LT(mask.sum(), double(mask.size()));
  const Matrix expected = test::named(a.forward, "a1").cwiseProduct(mask) / 0.5;
  EXPECT_LT((test::named(a.forward, "a_drop1") - expected).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_THROW(test::named(a.forward, "mask2"), std::exception);  // p = 0: no dropout
  // Another train.seed draws other masks.
  s["train"]["seed"] = 8;
  EXPECT_NE(test::named(trace(test::parse(s)).forward, "mask1"), mask);
  // A drawn mask is redrawn every step: the masks of 200 steps keep about half the units.
  json many = network({{"dropout", {0.5, 0.0}}});
  many["train"]["steps"] = 1;
  double kept = 0, total = 0;
  for (int k = 1; k <= 200; ++k) {
    many["iteration"] = k;
    const Matrix m = test::named(trace(test::parse(many)).forward, "mask1");  // a copy: the trace is gone
    kept += m.sum();
    total += double(m.size());
  }
  EXPECT_NEAR(kept / total, 0.5, 0.05);
}

TEST(Normalization, EvaluationUsesRunningStatisticsAndNoDropout) {
  json s = network({{"batch_norm", {true, false}}, {"dropout", {0.0, 0.5}}});
  s["train"]["steps"] = 3;
  const CommandResult r = run_command("train", s.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  ASSERT_TRUE(out.contains("buffers"));
  EXPECT_EQ(out["buffers"]["running_mean1"].size(), 5u);
  EXPECT_EQ(out["buffers"]["running_var1"].size(), 5u);
  EXPECT_TRUE(out["parameters"].contains("gamma1") && out["parameters"].contains("beta1"));
  // final_loss is predict's loss of the trained parameters and buffers (plus no penalty here).
  json trained = s;
  trained["parameters"] = out["parameters"];
  trained["buffers"] = out["buffers"];
  const json predicted = json::parse(run_command("predict", trained.dump()).out);
  EXPECT_NEAR(predicted["loss"].get<double>(), out["final_loss"].get<double>(), 1e-14);
  // The trace reports the running statistics before and after its step.
  const json t = json::parse(run_command("trace", s.dump()).out);
  EXPECT_EQ(t["buffers"]["before"]["running_var1"], json({1.0, 1.0, 1.0, 1.0, 1.0}));
  EXPECT_NE(t["buffers"]["after"]["running_var1"], t["buffers"]["before"]["running_var1"]);
  for (const char* key : {"mu1", "var1", "xhat1", "y1", "mask2", "a_drop2"}) EXPECT_TRUE(t["forward"].contains(key)) << key;
  for (const char* key : {"dy1", "dgamma1", "dbeta1", "dxhat1", "a_drop_grad2"})
    EXPECT_TRUE(t["backward"].contains(key)) << key;
}

TEST(Normalization, StepsAllocateNothing) {
  if (!test::counts_malloc()) GTEST_SKIP() << "malloc belongs to the sanitizer here";
  for (const json& s : {network({{"batch_norm", {true, true}}, {"dropout", {0.5, 0.2}}}),
                        network({{"dropout", {0.5, 0.2}}, {"dropout_masks", {{"1", masks(8, 5, 1)}}}})}) {
    Trainer trainer(test::parse(s));
    for (int i = 0; i < 4; ++i) trainer.step();
    const long long before = test::allocations();
    for (int i = 0; i < 20; ++i) trainer.step();
    EXPECT_EQ(test::allocations() - before, 0) << s["model"].dump();
  }
}

TEST(Normalization, ResolveCountsTheExtraWork) {
  const json plain = json::parse(run_command("resolve", network(json::object()).dump()).out);
  const json both = json::parse(run_command("resolve", network({{"batch_norm", {true, true}}, {"dropout", {0.5, 0.5}}}).dump()).out);
  EXPECT_EQ(both["parameter_count"].get<double>(), plain["parameter_count"].get<double>() + 2 * (5 + 4));
  for (const char* verb : {"train", "trace", "gradcheck", "predict"}) {
    EXPECT_GT(both["work"][verb].get<double>(), plain["work"][verb].get<double>()) << verb;
    EXPECT_GT(both["memory"][verb].get<double>(), plain["memory"][verb].get<double>()) << verb;
  }
  EXPECT_EQ(both["scenario"]["model"]["batch_norm"], json({true, true}));
}

struct Bad {
  const char* what;
  json scenario;
  const char* field;
  const char* reason;
};

TEST(Normalization, BadInputIsRefusedNamingTheField) {
  json rnn = json::parse(R"({"model": {"kind": "rnn", "input_size": 1, "hidden_size": 2, "output_size": 1},
    "data": {"sequences": [{"inputs": [[1], [2]], "targets": [[0.5], [0.2]]}]}})");
  json rnn_dropout = rnn, rnn_bn = rnn, rnn_buffers = rnn;
  rnn_dropout["model"]["dropout"] = {0.5};
  rnn_bn["model"]["batch_norm"] = {true};
  rnn_buffers["buffers"] = {{"running_mean1", {0, 0}}};
  json one_row = network({{"batch_norm", {true, false}}}, 1);
  one_row["train"].erase("batch_size");
  json last_one = network({{"batch_norm", {false, true}}}, 9);  // batches of 4, 4 and 1
  json batch_one = network({{"batch_norm", {true, false}}});
  batch_one["train"]["batch_size"] = 1;
  json negative_var = network({{"batch_norm", {true, false}}});
  negative_var["buffers"] = {{"running_var1", {1, 1, -0.5, 1, 1}}};
  json short_mean = network({{"batch_norm", {true, false}}});
  short_mean["buffers"] = {{"running_mean1", {0, 0}}};
  json buffers_no_bn = network(json::object());
  buffers_no_bn["buffers"] = {{"running_mean1", {0, 0, 0, 0, 0}}};
  json gamma_no_bn = network(json::object());
  gamma_no_bn["parameters"] = {{"gamma1", {1, 1, 1, 1, 1}}};
  json half = masks(8, 5, 1);
  half[2][1] = 0.5;
  json short_row = masks(8, 5, 1);
  short_row[3].erase(0);
  const Bad cases[] = {
      {"dropout too short", network({{"dropout", {0.5}}}), "model.dropout", "wrong_length"},
      {"dropout p = 1", network({{"dropout", {1, 0}}}), "model.dropout[0]", "between_excluded"},
      {"dropout p < 0", network({{"dropout", {0, -0.1}}}), "model.dropout[1]", "between_excluded"},
      {"dropout not a list", network({{"dropout", 0.5}}), "model.dropout", "not_list"},
      {"batch_norm too long", network({{"batch_norm", {true, true, true}}}), "model.batch_norm", "wrong_length"},
      {"batch_norm not boolean", network({{"batch_norm", {1, 0}}}), "model.batch_norm[0]", "not_boolean"},
      {"mask not 0/1", network({{"dropout", {0.5, 0}}, {"dropout_masks", {{"1", half}}}}),
       "model.dropout_masks.1[2][1]", "not_binary"},
      {"mask rows", network({{"dropout", {0.5, 0}}, {"dropout_masks", {{"1", masks(7, 5, 1)}}}}),
       "model.dropout_masks.1", "wrong_rows"},
      {"mask columns", network({{"dropout", {0.5, 0}}, {"dropout_masks", {{"1", short_row}}}}),
       "model.dropout_masks.1[3]", "wrong_length"},
      {"mask of a layer without dropout", network({{"dropout", {0.5, 0}}, {"dropout_masks", {{"2", masks(8, 4, 1)}}}}),
       "model.dropout_masks.2", "unknown_field"},
      {"masks without dropout", network({{"dropout_masks", {{"1", masks(8, 5, 1)}}}}), "model.dropout_masks.1",
       "unknown_field"},
      {"one row of data", one_row, "data.inputs", "batch_norm_one_row"},
      {"a last batch of one row", last_one, "train.batch_size", "batch_norm_one_row"},
      {"batch_size 1", batch_one, "train.batch_size", "batch_norm_one_row"},
      {"negative running_var", negative_var, "buffers.running_var1[2]", "at_least"},
      {"short running_mean", short_mean, "buffers.running_mean1", "wrong_length"},
      {"buffers without batch norm", buffers_no_bn, "buffers.running_mean1", "unknown_field"},
      {"gamma without batch norm", gamma_no_bn, "parameters.gamma1", "unknown_field_for"},
      {"rnn dropout", rnn_dropout, "model.dropout", "unknown_field_for"},
      {"rnn batch_norm", rnn_bn, "model.batch_norm", "unknown_field_for"},
      {"rnn buffers", rnn_buffers, "buffers", "unknown_field"},
  };
  for (const Bad& bad : cases) {
    for (const char* verb : {"train", "trace"}) {
      const CommandResult r = run_command(verb, bad.scenario.dump());
      EXPECT_EQ(r.exit_code, 2) << bad.what << " " << r.out;
      EXPECT_EQ(r.field, bad.field) << bad.what << ": " << r.err;
      EXPECT_EQ(r.reason, bad.reason) << bad.what << ": " << r.err;
    }
  }
  // The CLI prints the same line.
  const test::CliResult cli = test::run_cli("train -", batch_one.dump());
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_EQ(cli.err.rfind("backprop: train.batch_size: batch normalization needs 2 rows", 0), 0u) << cli.err;
}

}  // namespace
}  // namespace backprop
