#include "datasets.hpp"

#include <cmath>
#include <numeric>

namespace backprop {

namespace {

constexpr double pi = 3.14159265358979323846;

// The linear shape's margin: no point nearer the line than this at noise 0.
constexpr double linear_margin = 0.1;
// Circles: inner disc of radius 0.5, outer ring between 0.7 and 1.
constexpr double inner_radius = 0.5, ring_inner = 0.7, ring_outer = 1.0;
// XOR: a disc of radius 0.35 around (±0.5, ±0.5).
constexpr double xor_centre = 0.5, xor_radius = 0.35;
// Spiral: r = t, θ = turns·2π·t + class·π, t in [spiral_start, 1].
constexpr double spiral_turns = 1.25, spiral_start = 0.1;

// A point uniform in the disc of radius `radius`.
void in_disc(Rng& rng, double radius, double& x, double& y) {
  const double r = radius * std::sqrt(rng.uniform()), a = 2 * pi * rng.uniform();
  x = r * std::cos(a);
  y = r * std::sin(a);
}

void draw_point(PointShape shape, int label, double normal_x, double normal_y, Rng& rng, double& x, double& y) {
  switch (shape) {
    case PointShape::linear:
      // Uniform in the square, on the label's side of the line, at least the margin away from it.
      for (;;) {
        x = rng.uniform(-1.0, 1.0);
        y = rng.uniform(-1.0, 1.0);
        const double d = x * normal_x + y * normal_y;
        if (label == 0 ? d >= linear_margin : d <= -linear_margin) return;
      }
    case PointShape::xor_: {
      // Class 0 in the quadrants where x·y > 0, class 1 in the other two.
      const bool right = rng.uniform() < 0.5;
      const double cx = right ? xor_centre : -xor_centre;
      const double cy = (label == 0) == right ? xor_centre : -xor_centre;
      in_disc(rng, xor_radius, x, y);
      x += cx;
      y += cy;
      return;
    }
    case PointShape::circles: {
      // Uniform in area: the inner disc (class 0) or the outer ring (class 1).
      const double u = rng.uniform(), a = 2 * pi * rng.uniform();
      const double r = label == 0 ? inner_radius * std::sqrt(u)
                                  : std::sqrt(ring_inner * ring_inner + u * (ring_outer * ring_outer - ring_inner * ring_inner));
      x = r * std::cos(a);
      y = r * std::sin(a);
      return;
    }
    case PointShape::spiral: {
      const double t = rng.uniform(spiral_start, 1.0), a = spiral_turns * 2 * pi * t + label * pi;
      x = t * std::cos(a);
      y = t * std::sin(a);
      return;
    }
  }
}

void take_rows(const Matrix& from, const std::vector<int>& from_labels, Index start, Index n, PointSet& to) {
  to.inputs = from.middleRows(start, n);
  to.labels.assign(from_labels.begin() + start, from_labels.begin() + start + n);
  to.targets = Matrix::Zero(n, 2);
  for (Index i = 0; i < n; ++i) to.targets(i, to.labels[size_t(i)]) = 1.0;
}

}  // namespace

int held_out(int count, double fraction) { return int(std::lround(fraction * count)); }

double gaussian(Rng& rng) {
  const double u1 = 1.0 - rng.uniform();  // in (0, 1]: the logarithm stays finite
  const double u2 = rng.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * pi * u2);
}

Points make_points(const PointsSpec& spec) {
  Rng rng(spec.seed);
  const int n = spec.count, zeros = (n + 1) / 2;
  // The line's angle is drawn first (for every shape, so that the draws after it do not depend on it).
  const double angle = pi * rng.uniform();
  const double normal_x = std::cos(angle), normal_y = std::sin(angle);
  Matrix xy(n, 2);
  std::vector<int> labels(size_t(n), 0);
  for (int i = 0; i < n; ++i) {
    labels[size_t(i)] = i < zeros ? 0 : 1;
    double x = 0.0, y = 0.0;
    draw_point(spec.shape, labels[size_t(i)], normal_x, normal_y, rng, x, y);
    if (spec.noise > 0) {
      x += spec.noise * gaussian(rng);
      y += spec.noise * gaussian(rng);
    }
    xy(i, 0) = x;
    xy(i, 1) = y;
  }
  // Fisher–Yates over the rows, as the trainer shuffles.
  for (int i = n - 1; i > 0; --i) {
    const int j = int(rng.below(std::uint64_t(i) + 1));
    xy.row(i).swap(xy.row(j));
    std::swap(labels[size_t(i)], labels[size_t(j)]);
  }
  const int held = held_out(n, spec.validation), kept = n - held;
  Points out;
  take_rows(xy, labels, 0, kept, out.train);
  take_rows(xy, labels, kept, held, out.validation);
  return out;
}

Sequences make_sequences(const SequencesSpec& spec) {
  Rng rng(spec.seed);
  Sequences out;
  out.input_size = 1;
  out.output_size = spec.task == SequenceTask::running_sum ? 1 : 2;
  const int held = held_out(spec.count, spec.validation), kept = spec.count - held;
  for (int k = 0; k < spec.count; ++k) {
    const Index T = spec.min_length + Index(rng.below(std::uint64_t(spec.max_length - spec.min_length) + 1));
    Sequence seq{Matrix(T, 1), Matrix::Zero(T, out.output_size), {}};
    for (Index t = 0; t < T; ++t) seq.inputs(t, 0) = spec.task == SequenceTask::running_sum ? rng.uniform() : double(rng.below(2));
    switch (spec.task) {
      case SequenceTask::running_sum: {
        double sum = 0.0;
        for (Index t = 0; t < T; ++t) {
          sum += seq.inputs(t, 0);
          seq.targets(t, 0) = sum / spec.max_length;
        }
        break;
      }
      case SequenceTask::echo:
        // Rows are 0-based: row t holds x_{t+1}; the target of step t+1 > delay is x_{t+1−delay}.
        seq.has_target.assign(size_t(T), false);
        for (Index t = spec.delay; t < T; ++t) {
          seq.targets(t, int(seq.inputs(t - spec.delay, 0))) = 1.0;
          seq.has_target[size_t(t)] = true;
        }
        break;
      case SequenceTask::parity: {
        int parity = 0;
        for (Index t = 0; t < T; ++t) {
          parity ^= int(seq.inputs(t, 0));
          seq.targets(t, parity) = 1.0;
        }
        break;
      }
    }
    (k < kept ? out.train : out.validation).push_back(std::move(seq));
  }
  return out;
}

}  // namespace backprop
