// The classic hand-worked 2-2-2 example, against the values every blog post prints.
#include <gtest/gtest.h>

#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::classic_scenario;
using test::parse;

using test::named;

TEST(Classic, OneIterationMatchesTheHandWorkedExample) {
  const Trace t = trace(parse(classic_scenario()));
  EXPECT_NEAR(t.loss, 0.298371109, 1e-9);
  EXPECT_NEAR(named(t.forward, "a1")(0, 0), 0.593269992, 1e-9);  // out_h1
  EXPECT_NEAR(named(t.forward, "a2")(0, 0), 0.75136507, 1e-8);   // ŷ₁
  EXPECT_NEAR(named(t.forward, "a2")(0, 1), 0.772928465, 1e-9);  // ŷ₂
  EXPECT_NEAR(named(t.backward, "dW2")(0, 0), 0.082167041, 1e-9);  // ∂L/∂w₅
  EXPECT_NEAR(named(t.updated, "W2")(0, 0), 0.35891648, 1e-8);     // w₅ after the update
  EXPECT_NEAR(named(t.updated, "W1")(0, 0), 0.149780716, 1e-9);    // w₁ after the update
  // δ⁽²⁾₁ = (ŷ₁ − y₁) σ′(z⁽²⁾₁) = 0.74136507 · 0.18681560
  EXPECT_NEAR(named(t.backward, "delta2")(0, 0), 0.74136507 * 0.186815602, 1e-8);
}

TEST(Classic, TraceHoldsEveryFactorOfTheChainRule) {
  // ∂L/∂w₅ = (ŷ₁ − y₁) · σ′(z⁽²⁾₁) · a⁽¹⁾₁ = 0.74136507 · 0.18681560 · 0.59326999
  const Trace t = trace(parse(classic_scenario()));
  EXPECT_NEAR(named(t.backward, "a_grad2")(0, 0), 0.74136507, 1e-8);
  EXPECT_NEAR(named(t.backward, "fprime2")(0, 0), 0.18681560, 1e-8);
  EXPECT_EQ(named(t.backward, "delta2")(0, 0), named(t.backward, "a_grad2")(0, 0) * named(t.backward, "fprime2")(0, 0));
  // ∂L/∂a⁽¹⁾₁ = Σᵢ δ⁽²⁾ᵢ W⁽²⁾ᵢ₁ (0.036350306 in the hand-worked example)
  EXPECT_NEAR(named(t.backward, "a_grad1")(0, 0), 0.036350306, 1e-9);
  EXPECT_NEAR(named(t.backward, "fprime1")(0, 0), 0.241300709, 1e-9);
}

TEST(Classic, TraceStartsFromTheGivenParameters) {
  const Trace t = trace(parse(classic_scenario()));
  EXPECT_EQ(named(t.parameters, "W2")(0, 0), 0.40);
  EXPECT_EQ(named(t.parameters, "b1")(0, 1), 0.35);
}

TEST(Classic, BackwardUsesTheWeightsBeforeTheUpdate) {
  // w₁'s gradient goes through w₅ and w₇ as they were before the update (0.40 and 0.50).
  const Trace t = trace(parse(classic_scenario()));
  EXPECT_NEAR(named(t.backward, "dW1")(0, 0), 0.000438568, 1e-9);
}

TEST(Classic, TenThousandUpdatesWithFixedBiases) {
  test::json s = classic_scenario();
  s["optimizer"]["update_biases"] = false;
  s["train"] = {{"steps", 10000}, {"record_every", 1}};
  const TrainResult r = train(parse(s));
  ASSERT_FALSE(r.divergence);
  EXPECT_NEAR(r.final_loss, 3.5101878e-5, 1e-12);
  // The widely quoted 0.0000351085 is the loss before update 10,000 (after 9,999).
  EXPECT_NEAR(r.losses.back().second, 3.51085e-5, 1e-10);
  EXPECT_EQ(r.losses.back().first, 9999);
  EXPECT_EQ(named(r.parameters, "b1")(0, 0), 0.35);
  EXPECT_EQ(named(r.parameters, "b2")(0, 1), 0.60);
}

TEST(Classic, LossesAreRecordedBeforeEachUpdate) {
  test::json s = classic_scenario();
  s["train"] = {{"steps", 2001}, {"record_every", 1000}};
  const TrainResult r = train(parse(s));
  ASSERT_EQ(r.losses.size(), 3u);
  EXPECT_EQ(r.losses[0].first, 0);
  EXPECT_NEAR(r.losses[0].second, 0.298371109, 1e-9);
  EXPECT_EQ(r.losses[1].first, 1000);
  EXPECT_EQ(r.losses[2].first, 2000);
}

}  // namespace
}  // namespace backprop
