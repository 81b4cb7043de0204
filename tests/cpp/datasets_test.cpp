// The labs' synthetic data: deterministic per seed, balanced, split as documented, separable
// enough to learn, sequence targets as docs/scenario.md defines them, and every bad spec field
// refused with its exact message.
#include <gtest/gtest.h>

#include <cmath>

#include "data_json.hpp"
#include "datasets.hpp"
#include "error.hpp"
#include "test_support.hpp"
#include "trainer.hpp"

namespace backprop {
namespace {

using test::json;

const PointShape all_shapes[] = {PointShape::linear, PointShape::xor_, PointShape::circles, PointShape::spiral};

bool same(const Matrix& a, const Matrix& b) { return a.rows() == b.rows() && a.cols() == b.cols() && a == b; }

TEST(Points, SameSeedSameDataOtherSeedOtherData) {
  for (PointShape shape : all_shapes) {
    const PointsSpec spec{shape, 101, 0.2, 0.3, 7};
    const Points a = make_points(spec), b = make_points(spec);
    EXPECT_TRUE(same(a.train.inputs, b.train.inputs) && same(a.validation.inputs, b.validation.inputs));
    EXPECT_EQ(a.train.labels, b.train.labels);
    PointsSpec other = spec;
    other.seed = 8;
    EXPECT_FALSE(same(a.train.inputs, make_points(other).train.inputs));
  }
}

TEST(Points, BalancedSplitAndOneHot) {
  for (PointShape shape : all_shapes)
    for (auto [count, fraction] : {std::pair{4, 0.0}, {7, 0.3}, {200, 0.25}, {1001, 0.9}}) {
      const Points p = make_points({shape, count, 0.1, fraction, 3});
      const int held = int(std::lround(fraction * count));
      ASSERT_EQ(p.validation.inputs.rows(), held);
      ASSERT_EQ(p.train.inputs.rows(), count - held);
      int zeros = 0;
      for (const PointSet* set : {&p.train, &p.validation}) {
        ASSERT_EQ(set->targets.rows(), set->inputs.rows());
        ASSERT_EQ(Index(set->labels.size()), set->inputs.rows());
        for (Index i = 0; i < set->inputs.rows(); ++i) {
          const int label = set->labels[size_t(i)];
          zeros += label == 0;
          EXPECT_EQ(set->targets(i, label), 1.0);
          EXPECT_EQ(set->targets(i, 1 - label), 0.0);
          EXPECT_TRUE(std::isfinite(set->inputs(i, 0)) && std::isfinite(set->inputs(i, 1)));
        }
      }
      EXPECT_EQ(zeros, (count + 1) / 2) << "count " << count;  // the odd one goes to class 0
    }
}

TEST(Points, NoiseFreeShapesLieInTheSquareAndAreShuffled) {
  for (PointShape shape : all_shapes) {
    const Points p = make_points({shape, 400, 0.0, 0.0, 11});
    EXPECT_LE(p.train.inputs.cwiseAbs().maxCoeff(), 1.0);
    // Shuffled: the first half is not all class 0.
    int zeros_first_half = 0;
    for (int i = 0; i < 200; ++i) zeros_first_half += p.train.labels[size_t(i)] == 0;
    EXPECT_GT(zeros_first_half, 60);
    EXPECT_LT(zeros_first_half, 140);
  }
}

TEST(Points, GaussianDrawsAreStandardNormal) {
  Rng rng(5);
  double sum = 0, squares = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double z = gaussian(rng);
    ASSERT_TRUE(std::isfinite(z));
    sum += z;
    squares += z * z;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.02);
  EXPECT_NEAR(squares / n, 1.0, 0.02);
}

// Trains a 2-hidden-2 tanh/softmax MLP with Adam on the shape, full batch; the training accuracy.
double trained_accuracy(PointShape shape, int hidden, int steps, double lr) {
  const Points p = make_points({shape, 200, 0.0, 0.0, 1});
  Scenario s;
  s.kind = ModelKind::mlp;
  s.mlp.layers = {2, hidden, 2};
  s.mlp.activations = {Activation::tanh, Activation::softmax};
  s.mlp.loss = Loss::cross_entropy;
  s.init.seed = 2;
  s.inputs = p.train.inputs;
  s.targets = p.train.targets;
  s.optimizer.kind = OptimizerKind::adam;
  s.optimizer.lr = lr;
  Trainer trainer(s);
  for (int i = 0; i < steps; ++i) trainer.step();
  return trainer.evaluate().train.accuracy;
}

TEST(Points, EveryShapeIsLearnable) {
  EXPECT_GE(trained_accuracy(PointShape::linear, 4, 300, 0.05), 0.95);
  EXPECT_GE(trained_accuracy(PointShape::xor_, 4, 300, 0.05), 0.95);
  EXPECT_GE(trained_accuracy(PointShape::circles, 8, 500, 0.05), 0.95);
  EXPECT_GE(trained_accuracy(PointShape::spiral, 16, 2000, 0.02), 0.90);
}

TEST(Sequences, TargetsFollowTheirDefinitions) {
  for (SequenceTask task : {SequenceTask::running_sum, SequenceTask::echo, SequenceTask::parity}) {
    SequencesSpec spec{task, 50, 3, 9, 2, 0.2, 4};
    const Sequences data = make_sequences(spec);
    EXPECT_EQ(data.input_size, 1);
    EXPECT_EQ(data.output_size, task == SequenceTask::running_sum ? 1 : 2);
    ASSERT_EQ(data.validation.size(), 10u);
    ASSERT_EQ(data.train.size(), 40u);
    bool lengths_vary = false;
    for (const auto* set : {&data.train, &data.validation})
      for (const Sequence& seq : *set) {
        const Index T = seq.inputs.rows();
        ASSERT_GE(T, 3);
        ASSERT_LE(T, 9);
        lengths_vary |= T != data.train[0].inputs.rows();
        ASSERT_EQ(seq.targets.rows(), T);
        double sum = 0;
        int parity = 0;
        for (Index t = 0; t < T; ++t) {  // row t is time step t + 1
          const double x = seq.inputs(t, 0);
          sum += x;
          if (task == SequenceTask::running_sum) {
            EXPECT_TRUE(x >= 0 && x < 1);
            EXPECT_TRUE(seq.has_target.empty());
            EXPECT_NEAR(seq.targets(t, 0), sum / 9, 1e-15);
            continue;
          }
          ASSERT_TRUE(x == 0 || x == 1);
          parity ^= int(x);
          if (task == SequenceTask::parity) {
            EXPECT_TRUE(seq.has_target.empty());
            EXPECT_EQ(seq.targets(t, parity), 1.0);
            EXPECT_EQ(seq.targets(t, 1 - parity), 0.0);
          } else if (t < 2) {  // steps 1 and 2 (≤ delay) have no target
            EXPECT_FALSE(seq.has_target[size_t(t)]);
          } else {
            EXPECT_TRUE(seq.has_target[size_t(t)]);
            const int echoed = int(seq.inputs(t - 2, 0));
            EXPECT_EQ(seq.targets(t, echoed), 1.0);
            EXPECT_EQ(seq.targets(t, 1 - echoed), 0.0);
          }
        }
      }
    EXPECT_TRUE(lengths_vary);
    const Sequences again = make_sequences(spec);
    EXPECT_TRUE(same(again.train[7].inputs, data.train[7].inputs) && same(again.train[7].targets, data.train[7].targets));
  }
}

TEST(DataSpec, JsonIsAScenariosDataAndPointsCarryLabels) {
  const json seqs = json::parse(data_json(parse_data_spec(
      R"({"kind": "sequences", "task": "echo", "count": 8, "min_length": 3, "max_length": 5, "delay": 1, "validation": 0.25, "seed": 1})")));
  EXPECT_EQ(seqs["input_size"], 1);
  EXPECT_EQ(seqs["output_size"], 2);
  EXPECT_EQ(seqs["sequences"].size(), 6u);
  EXPECT_EQ(seqs["validation"]["sequences"].size(), 2u);
  EXPECT_TRUE(seqs["sequences"][0]["targets"][0].is_null());
  EXPECT_FALSE(seqs["sequences"][0]["targets"][1].is_null());
  const json scenario = {{"model", {{"kind", "rnn"}, {"input_size", 1}, {"hidden_size", 3}, {"output_size", 2},
                                    {"output_activation", "softmax"}, {"loss", "cross_entropy"}}},
                         {"data", seqs}};
  const Scenario s = test::parse(scenario);
  EXPECT_EQ(s.sequences.size(), 6u);
  EXPECT_EQ(s.validation_sequences.size(), 2u);

  const json points = json::parse(data_json(parse_data_spec(R"({"kind": "points", "shape": "circles", "count": 9})")));
  EXPECT_EQ(points["inputs"].size(), 9u);
  EXPECT_EQ(points["labels"].size(), 9u);
  EXPECT_EQ(points["validation"]["inputs"].size(), 0u);
  EXPECT_EQ(points["targets"][0].size(), 2u);
}

TEST(DataSpec, DefaultsAreDocumented) {
  const auto p = std::get<PointsSpec>(parse_data_spec(R"({"kind": "points", "shape": "xor"})"));
  EXPECT_EQ(p.count, 200);
  EXPECT_EQ(p.noise, 0.0);
  EXPECT_EQ(p.validation, 0.0);
  EXPECT_EQ(p.seed, 0u);
  const auto q = std::get<SequencesSpec>(parse_data_spec(R"({"kind": "sequences", "task": "echo"})"));
  EXPECT_EQ(q.count, 64);
  EXPECT_EQ(q.min_length, 4);
  EXPECT_EQ(q.max_length, 10);
  EXPECT_EQ(q.delay, 2);
}

TEST(DataSpec, EveryBadFieldHasItsMessage) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "data: is not valid JSON"},
      {R"({"kind": "points", "shape": "xor", "count": 10, "count": 20})", "data.count: appears twice in its object"},
      {"[1]", "data: must be an object, got a list"},
      {"{}", "data.kind: is required"},
      {R"({"kind": "images"})", "data.kind: must be one of points, sequences, got \"images\""},
      {R"({"kind": "points"})", "data.shape: is required"},
      {R"({"kind": "points", "shape": "moons"})", "data.shape: must be one of linear, xor, circles, spiral, got \"moons\""},
      {R"({"kind": "points", "shape": "xor", "count": 2})", "data.count: must be between 4 and 10000, got 2"},
      {R"({"kind": "points", "shape": "xor", "count": 10001})", "data.count: must be between 4 and 10000, got 10001"},
      {R"({"kind": "points", "shape": "xor", "count": 4.5})", "data.count: must be a whole number, got 4.5"},
      {R"({"kind": "points", "shape": "xor", "count": "200"})", "data.count: must be a number, got a string"},
      {R"({"kind": "points", "shape": "xor", "noise": -0.1})", "data.noise: must be between 0 and 2, got -0.1"},
      {R"({"kind": "points", "shape": "xor", "noise": 2.5})", "data.noise: must be between 0 and 2, got 2.5"},
      {R"({"kind": "points", "shape": "xor", "validation": 0.95})", "data.validation: must be between 0 and 0.9, got 0.95"},
      {R"({"kind": "points", "shape": "xor", "count": 4, "validation": 0.9})",
       "data.validation: holds out all 4 points (round(0.9 × 4) = 4); at least one must stay for training"},
      {R"({"kind": "points", "shape": "xor", "seed": -1})", "data.seed: must be between 0 and 9007199254740991, got -1"},
      {R"({"kind": "points", "shape": "xor", "seed": 1.5})", "data.seed: must be a whole number, got 1.5"},
      {R"({"kind": "points", "shape": "xor", "task": "echo"})",
       "data.task: unknown field for data.kind = points (expected one of: kind, shape, count, noise, validation, seed)"},
      {R"({"kind": "sequences"})", "data.task: is required"},
      {R"({"kind": "sequences", "task": "copy"})", "data.task: must be one of running_sum, echo, parity, got \"copy\""},
      {R"({"kind": "sequences", "task": "parity", "count": 0})", "data.count: must be between 1 and 10000, got 0"},
      {R"({"kind": "sequences", "task": "parity", "min_length": 0})", "data.min_length: must be between 1 and 200, got 0"},
      {R"({"kind": "sequences", "task": "parity", "max_length": 201})", "data.max_length: must be between 1 and 200, got 201"},
      {R"({"kind": "sequences", "task": "parity", "min_length": 6, "max_length": 5})",
       "data.max_length: must be at least data.min_length (6), got 5"},
      {R"({"kind": "sequences", "task": "echo", "delay": -1})", "data.delay: must be between 0 and 199, got -1"},
      {R"({"kind": "sequences", "task": "echo", "min_length": 3, "delay": 3})",
       "data.delay: must be less than data.min_length (3) so that every sequence has a target, got 3"},
      {R"({"kind": "sequences", "task": "parity", "delay": 1})",
       "data.delay: unknown field for data.task = parity (expected one of: kind, task, count, min_length, max_length, validation, seed)"},
      {R"({"kind": "sequences", "task": "running_sum", "noise": 0.1})",
       "data.noise: unknown field for data.task = running_sum (expected one of: kind, task, count, min_length, max_length, validation, seed)"},
      {R"({"kind": "sequences", "task": "parity", "count": 1, "validation": 0.5})",
       "data.validation: holds out all 1 sequences (round(0.5 × 1) = 1); at least one must stay for training"},
      {R"({"kind": "sequences", "task": "parity", "validation": true})", "data.validation: must be a number, got true/false"},
  };
  for (const auto& [text, message] : cases) {
    try {
      parse_data_spec(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const ScenarioError& e) {
      const std::string what = e.what();
      EXPECT_EQ(what.substr(0, std::string(message).size()), message) << text;
      EXPECT_EQ(what.compare(0, e.field().size() + 2, e.field() + ": "), 0) << what;
    }
  }
}

}  // namespace
}  // namespace backprop
