// Synthetic data sets for the labs, drawn from a seed on the project's Rng (same data natively and
// in WebAssembly, up to an ulp of libm's sin, cos and log):
//   points:    two classes in the plane (linear, xor, circles, spiral), for an MLP classifier;
//   sequences: a task for an RNN (running_sum, echo, parity), of lengths drawn in a range.
// Exact definitions in docs/scenario.md ("Synthetic data").
#pragma once

#include <cstdint>
#include <vector>

#include "matrix.hpp"
#include "rng.hpp"
#include "scenario.hpp"

namespace backprop {

enum class PointShape { linear, xor_, circles, spiral };
enum class SequenceTask { running_sum, echo, parity };

struct PointsSpec {
  PointShape shape = PointShape::linear;
  int count = 200;          // 4 … 10,000; half per class, the odd one to class 0
  double noise = 0.0;       // σ of the Gaussian jitter (the shapes fill [−1, 1]²: unit 1)
  double validation = 0.0;  // fraction held out, 0 … 0.9
  std::uint64_t seed = 0;
};

struct PointSet {
  Matrix inputs;            // n × 2
  Matrix targets;           // n × 2, one-hot
  std::vector<int> labels;  // class index of each row
};

struct Points {
  PointSet train, validation;
};

struct SequencesSpec {
  SequenceTask task = SequenceTask::parity;
  int count = 64;           // 1 … 10,000
  int min_length = 4, max_length = 10;  // 1 … 200
  int delay = 2;            // echo only
  double validation = 0.0;  // fraction held out, 0 … 0.9
  std::uint64_t seed = 0;
};

struct Sequences {
  int input_size = 1, output_size = 1;
  std::vector<Sequence> train, validation;
};

// Held-out count: round(fraction · count), as the docs say.
int held_out(int count, double fraction);

// A standard normal draw (Box–Muller on two uniform draws).
double gaussian(Rng& rng);

Points make_points(const PointsSpec& spec);
Sequences make_sequences(const SequencesSpec& spec);

}  // namespace backprop
