// Dead units (lesson 3's ReLU section): per hidden layer, the fraction of units whose f′ is 0 on
// every training row with the current parameters (Trainer::dead_units, the wasm deadUnits()).
#include <gtest/gtest.h>

#include "allocation_counter.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;

// 2-4-3-2: unit 0 of layer 1 has z = −(x₁ + x₂) − 10 < 0 on every row, unit 2 of layer 2 a bias of
// −100; every other unit is positive somewhere.
json relu_network(const char* activation = "relu") {
  return {{"model", {{"kind", "mlp"}, {"layers", {2, 4, 3, 2}}, {"activations", {activation, activation, "linear"}}}},
          {"parameters",
           {{"W1", {{-1, -1}, {1, 0}, {0, 1}, {1, 1}}}, {"b1", {-10, 0.1, 0.1, 0.1}},
            {"W2", {{1, 1, 1, 1}, {0.5, 0.5, -0.5, 0.5}, {1, 1, 1, 1}}}, {"b2", {0, 0, -100}},
            {"W3", {{1, 1, 1}, {1, -1, 1}}}, {"b3", {0, 0}}}},
          {"data", {{"inputs", {{0.5, 1}, {2, 0.1}, {1, 3}}}, {"targets", {{1, 0}, {0, 1}, {1, 1}}}}}};
}

TEST(DeadUnits, ReluUnitsThatNeverFireAreDead) {
  Trainer trainer(test::parse(relu_network()));
  std::vector<double> dead;
  trainer.dead_units(dead);
  ASSERT_EQ(dead.size(), 2u);
  EXPECT_DOUBLE_EQ(dead[0], 0.25);
  EXPECT_DOUBLE_EQ(dead[1], 1.0 / 3.0);
  // A unit alive on one row only is alive.
  json one_row = relu_network();
  one_row["parameters"]["b1"][0] = 1.6;  // z = 0.1 on the row (0.5, 1) only
  Trainer alive(test::parse(one_row));
  alive.dead_units(dead);
  EXPECT_DOUBLE_EQ(dead[0], 0.0);
  // Sigmoid, tanh and leaky relu units have f′ ≠ 0 here (tanh(−100) would be −1 exactly: f′ = 0).
  for (const char* f : {"sigmoid", "leaky_relu", "tanh"}) {
    json network = relu_network(f);
    network["parameters"]["b2"][2] = -1;
    Trainer smooth(test::parse(network));
    smooth.dead_units(dead);
    EXPECT_EQ(dead, std::vector<double>({0.0, 0.0})) << f;
  }
}

// With the current parameters: a step that moves the dead unit's bias is seen; nothing is
// allocated after the first call.
TEST(DeadUnits, FollowTheCurrentParametersWithoutAllocating) {
  json s = relu_network();
  s["optimizer"] = {{"kind", "sgd"}, {"lr", 0.001}};
  Trainer trainer(test::parse(s));
  std::vector<double> dead;
  trainer.dead_units(dead);
  trainer.step();
  trainer.dead_units(dead);
  const long long before = test::allocations();
  for (int i = 0; i < 10; ++i) trainer.dead_units(dead);
  EXPECT_EQ(test::allocations() - before, 0);
  EXPECT_DOUBLE_EQ(dead[0], 0.25);  // a dead relu unit gets no gradient: it stays dead
  trainer.params()[1].value[0] = 100;  // b1[0]
  trainer.dead_units(dead);
  EXPECT_DOUBLE_EQ(dead[0], 0.0);
}

TEST(DeadUnits, RnnHiddenUnitsOverEveryTimeStep) {
  const json s = {{"model", {{"kind", "rnn"}, {"input_size", 1}, {"hidden_size", 2}, {"output_size", 1},
                             {"hidden_activation", "relu"}, {"output_activation", "linear"}, {"bias", true}}},
                  {"parameters", {{"U", {{1}, {1}}}, {"V", {{0, 0}, {0, 0}}}, {"W", {{1, 1}}}, {"b", {-100, 0.5}}, {"c", {0}}}},
                  {"data", {{"sequences", {{{"inputs", {{1}, {2}}}, {"targets", {{0}, {1}}}},
                                           {{"inputs", {{-3}}}, {"targets", {{0}}}}}}}}};
  Trainer trainer(test::parse(s));
  std::vector<double> dead;
  trainer.dead_units(dead);
  EXPECT_EQ(dead, std::vector<double>({0.5}));
}

}  // namespace
}  // namespace backprop
