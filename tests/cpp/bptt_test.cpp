// BPTT's structure in the trace: h̄_t's two parts, each time step's contribution, the running sums.
#include <gtest/gtest.h>

#include "error.hpp"
#include "gradcheck.hpp"
#include "norms.hpp"
#include "scenario_json.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;
using test::named;

// The lesson's exercise 1: one hidden unit over three time steps.
json one_unit(bool bias) {
  return {{"model", {{"kind", "rnn"}, {"input_size", 1}, {"hidden_size", 1}, {"output_size", 1}, {"bias", bias}}},
          {"parameters", {{"U", {{0.5}}}, {"V", {{-0.8}}}, {"W", {{1.5}}}, {"h0", {0.1}}}},
          {"data", {{"sequences", {{{"inputs", {{1.0}, {-0.5}, {2.0}}}, {"targets", {{0.2}, {0.9}, {0.4}}}}}}}},
          {"optimizer", {{"kind", "sgd"}, {"lr", 0.1}}}};
}

TEST(Bptt, HiddenGradientHasTwoPartsAndTheLastHasNoFuture) {
  const Trace t = trace(test::parse(one_unit(false)));
  const Matrix& out = named(t.backward, "h_grad_output");
  const Matrix& next = named(t.backward, "h_grad_next");
  const Matrix& h_grad = named(t.backward, "h_grad");
  EXPECT_EQ(next(2, 0), 0.0);
  for (Index k = 0; k < 3; ++k) EXPECT_EQ(h_grad(k, 0), out(k, 0) + next(k, 0));
  // h̄_t = W s̄_t + V r̄_{t+1} with the numbers of the trace
  const Matrix& s_grad = named(t.backward, "s_grad");
  const Matrix& r_grad = named(t.backward, "r_grad");
  EXPECT_DOUBLE_EQ(out(1, 0), 1.5 * s_grad(1, 0));
  EXPECT_DOUBLE_EQ(next(1, 0), -0.8 * r_grad(2, 0));
  // r̄_t = h̄_t ∘ f′(r_t); s̄_t = ȳ_t ∘ g′(s_t)
  EXPECT_DOUBLE_EQ(r_grad(0, 0), h_grad(0, 0) * named(t.backward, "fprime")(0, 0));
  EXPECT_DOUBLE_EQ(s_grad(0, 0), named(t.backward, "y_grad")(0, 0) * named(t.backward, "gprime")(0, 0));
}

TEST(Bptt, TimeStepsAddUpToTheGradient) {
  const Trace t = trace(test::parse(one_unit(true)));
  ASSERT_EQ(t.time_steps.size(), 3u);
  const double x[] = {1.0, -0.5, 2.0};
  double dU = 0;
  for (int k = 2; k >= 0; --k) {
    const NamedValues& step = t.time_steps[size_t(k)];
    // Ū's contribution at t is r̄_t x_tᵀ
    EXPECT_DOUBLE_EQ(named(step, "dU")(0, 0), named(t.backward, "r_grad")(k, 0) * x[k]);
    dU += named(step, "dU")(0, 0);
    EXPECT_DOUBLE_EQ(named(step, "dU_sum")(0, 0), dU);
  }
  // The full sums equal the reported gradients; the last step alone is the "naive" W̄ ≠ W̄.
  for (const char* g : {"dU", "dV", "dW", "db", "dc"})
    EXPECT_NEAR(named(t.time_steps[0], std::string(g) + "_sum")(0, 0), named(t.backward, g)(0, 0), 1e-15) << g;
  EXPECT_NE(named(t.time_steps[2], "dW")(0, 0), named(t.backward, "dW")(0, 0));
}

TEST(Bptt, NoBiasMeansNoBiasGradients) {
  const Trace t = trace(test::parse(one_unit(false)));
  for (const NamedValue& v : t.backward) EXPECT_TRUE(v.name != "db" && v.name != "dc") << v.name;
  for (const NamedValue& v : t.updated) EXPECT_TRUE(v.name != "b" && v.name != "c") << v.name;
  EXPECT_EQ(t.updated.size(), 3u);
}

}  // namespace
}  // namespace backprop

namespace backprop {
namespace {

using test::json;
using test::named;

json last_step_only(int T, double scale, const char* f) {
  json inputs = json::array(), targets = json::array();
  for (int k = 0; k < T; ++k) {
    inputs.push_back({1.0, 1.0});
    targets.push_back(k + 1 == T ? json{0.0, 1.0} : json(nullptr));
  }
  return {{"model", {{"kind", "rnn"}, {"input_size", 2}, {"hidden_size", 6}, {"output_size", 2},
                     {"hidden_activation", f}, {"output_activation", "linear"}}},
          {"init", {{"scheme", "uniform"}, {"scale", scale}, {"seed", 3}}},
          {"data", {{"sequences", {{{"inputs", inputs}, {"targets", targets}}}}}}};
}

TEST(TargetMask, StepsWithoutTargetAddNothing) {
  // The same loss and gradients as targets equal to the outputs there (zero error).
  json masked = last_step_only(4, 0.5, "tanh");
  const Trace a = trace(test::parse(masked));
  json filled = masked;
  const Matrix& y = named(a.forward, "y");
  for (int k = 0; k < 3; ++k) filled["data"]["sequences"][0]["targets"][k] = {y(k, 0), y(k, 1)};
  const Trace b = trace(test::parse(filled));
  EXPECT_DOUBLE_EQ(a.loss, b.loss);
  for (const char* g : {"dU", "dV", "dW"})
    EXPECT_LT((named(a.backward, g) - named(b.backward, g)).norm(), 1e-15) << g;
  EXPECT_EQ(named(a.backward, "y_grad").row(0).norm(), 0.0);
}

TEST(TargetMask, AgreesWithFiniteDifferences) {
  EXPECT_LT(gradcheck(test::parse(last_step_only(7, 0.8, "sigmoid"))).max_relative_error, 1e-5);
}

TEST(TargetMask, ParserNeedsOneTargetAndKeepsNullsOnTheWayBack) {
  json none = last_step_only(3, 0.5, "tanh");
  none["data"]["sequences"][0]["targets"][2] = nullptr;
  try {
    test::parse(none);
    ADD_FAILURE();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), "data.sequences[0].targets");
  }
  const std::string text = serialise_scenario(test::parse(last_step_only(3, 0.5, "tanh")));
  EXPECT_EQ(json::parse(text)["data"]["sequences"][0]["targets"][0], nullptr);
}

TEST(GradientNorms, VanishWithSmallWeightsAndExplodeWithLargeOnes) {
  const GradientNorms small = gradient_norms(test::parse(last_step_only(30, 0.1, "sigmoid")));
  ASSERT_EQ(small.h_grad.size(), 30u);
  EXPECT_LT(small.h_grad[0], 1e-10 * small.h_grad[29]);  // vanishing
  EXPECT_LT(small.dV[0], small.dV[28]);
  const GradientNorms large = gradient_norms(test::parse(last_step_only(30, 3.0, "linear")));
  EXPECT_GT(large.h_grad[0], 1e3 * large.h_grad[29]);  // exploding
  // Each norm is that of the trace's row.
  const Trace t = trace(test::parse(last_step_only(30, 0.1, "sigmoid")));
  EXPECT_DOUBLE_EQ(small.h_grad[10], named(t.backward, "h_grad").row(10).norm());
}

}  // namespace
}  // namespace backprop
