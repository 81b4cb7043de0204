// The steady-state training step allocates nothing: counted by replacing operator new and malloc.
#include <gtest/gtest.h>

#include "allocation_counter.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;

long long allocations_in_steps(const json& scenario, int warmup, int steps) {
  Trainer trainer(test::parse(scenario));
  for (int i = 0; i < warmup; ++i) trainer.step();
  const long long before = test::allocations();
  for (int i = 0; i < steps; ++i) trainer.step();
  return test::allocations() - before;
}

json batch_scenario(int samples, const json& train) {
  json s = test::classic_scenario();
  json inputs = json::array(), targets = json::array();
  for (int i = 0; i < samples; ++i) {
    inputs.push_back({0.01 * i, 0.1});
    targets.push_back({0.01, 0.99});
  }
  s["data"] = {{"inputs", inputs}, {"targets", targets}};
  s["train"] = train;
  return s;
}

TEST(Allocation, TheCounterSeesEigenAllocations) {
  if (!test::counts_malloc()) GTEST_SKIP() << "malloc belongs to the sanitizer here; operator new is counted";
  const long long before = test::allocations();
  Matrix m(10, 10);
  m.setZero();
  EXPECT_GE(test::allocations() - before, 1) << m.sum();
}

TEST(Allocation, MlpStepAllocatesNothing) {
  EXPECT_EQ(allocations_in_steps(test::classic_scenario(), 1, 1000), 0);
  json mse = test::classic_scenario();
  mse["model"]["loss"] = "mse";
  mse["optimizer"] = {{"kind", "adam"}, {"lr", 0.01}};
  mse["regularization"] = {{"l1", 0.001}, {"l2", 0.01}};
  EXPECT_EQ(allocations_in_steps(mse, 1, 1000), 0);
}

TEST(Allocation, MiniBatchesAndShufflingAllocateNothing) {
  // 7 samples in batches of 3: slices of 3, 3 and 1; the first epoch sets up both sizes.
  EXPECT_EQ(allocations_in_steps(batch_scenario(7, {{"batch_size", 3}}), 3, 300), 0);
  EXPECT_EQ(allocations_in_steps(batch_scenario(7, {{"batch_size", 3}, {"shuffle", true}}), 3, 300), 0);
  json momentum = batch_scenario(20, {{"batch_size", 5}});
  momentum["optimizer"]["momentum"] = 0.9;
  EXPECT_EQ(allocations_in_steps(momentum, 4, 400), 0);
}

TEST(Allocation, BpttStepAllocatesNothing) {
  const json rnn = json::parse(R"({
    "model": {"kind": "rnn", "input_size": 2, "hidden_size": 8, "output_size": 3, "hidden_activation": "tanh",
              "output_activation": "softmax", "loss": "cross_entropy", "bias": true},
    "data": {"sequences": [{"inputs": [[1, 2], [3, 4], [5, 6]], "targets": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]},
                           {"inputs": [[1, 0]], "targets": [[0, 0, 1]]}]},
    "optimizer": {"kind": "rmsprop", "lr": 0.01},
    "train": {"batch_size": 1, "shuffle": true}})");
  EXPECT_EQ(allocations_in_steps(rnn, 2, 500), 0);
}

}  // namespace
}  // namespace backprop
