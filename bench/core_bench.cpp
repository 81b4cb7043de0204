// Google Benchmark suite for the core: the steady-state training step of the lesson's three
// sizes (the 2-2-2 PyTorch loop, a TensorFlow-Playground-sized MLP, BPTT over 100 steps),
// the trace of the classic example, a whole 10,000-step training, and the labs' grid, evaluation
// and epoch (2-16-2 on 140 spiral points).
//
// Every benchmark reports `allocs_per_step`: heap allocations per timed iteration, counted by
// the replacements of operator new below and, under glibc, of malloc and friends (Eigen
// allocates with std::malloc, not with operator new).
//
//   build-bench/core_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "allocation_counter.hpp"
#include "datasets.hpp"
#include "hand_loop.hpp"
#include "scenario.hpp"
#include "scenario_json.hpp"
#include "init_stats.hpp"
#include "surface.hpp"
#include "trainer.hpp"

// ---- Scenarios, built in C++ (no JSON anywhere near the timed loops) -------------------------

namespace {

using backprop::Activation;
using backprop::Index;
using backprop::Matrix;
using backprop::Scenario;

backprop::Scenario mlp_scenario(std::vector<int> layers, std::vector<Activation> activations,
                                backprop::Loss loss, double lr) {
  Scenario s;
  s.kind = backprop::ModelKind::mlp;
  s.mlp.layers = std::move(layers);
  s.mlp.activations = std::move(activations);
  s.mlp.loss = loss;
  s.init = {backprop::InitScheme::pytorch_default, 0.1, 0};
  s.optimizer.kind = backprop::OptimizerKind::sgd;
  s.optimizer.lr = lr;
  return s;
}

// (a) The lesson's PyTorch loop: 2-2-2 sigmoid, MSE, SGD 0.5, one sample.
Scenario torch_loop() {
  Scenario s = mlp_scenario({2, 2, 2}, {Activation::sigmoid, Activation::sigmoid}, backprop::Loss::mse, 0.5);
  s.inputs = Matrix{{0.05, 0.1}};
  s.targets = Matrix{{0.01, 0.99}};
  return s;
}

// The hand-worked classic example: given weights, ½SSE, SGD 0.5.
Scenario classic() {
  Scenario s = mlp_scenario({2, 2, 2}, {Activation::sigmoid, Activation::sigmoid}, backprop::Loss::half_sse, 0.5);
  s.parameters = {{"W1", Matrix{{0.15, 0.20}, {0.25, 0.30}}},
                  {"b1", Matrix{{0.35, 0.35}}},
                  {"W2", Matrix{{0.40, 0.45}, {0.50, 0.55}}},
                  {"b2", Matrix{{0.60, 0.60}}}};
  s.inputs = Matrix{{0.05, 0.1}};
  s.targets = Matrix{{0.01, 0.99}};
  return s;
}

// (b) TensorFlow Playground's size: two spirals of 250 points (classes alternate, labels ±1),
// 2-8-8-1 tanh, MSE, SGD 0.03, batches of 10.
Scenario playground() {
  Scenario s = mlp_scenario({2, 8, 8, 1}, {Activation::tanh, Activation::tanh, Activation::tanh},
                            backprop::Loss::mse, 0.03);
  constexpr int n = 250;
  constexpr double pi = 3.14159265358979323846;
  backprop::Rng rng(42);
  s.inputs.resize(n, 2);
  s.targets.resize(n, 1);
  for (int i = 0; i < n; ++i) {
    const int label = i % 2;
    const double u = double(i / 2) / (n / 2);               // 0 .. 1 along the arm
    const double radius = u;                                // inputs within [-1.05, 1.05]
    const double angle = 1.75 * 2.0 * pi * u + label * pi;  // the second arm is turned by π
    s.inputs(i, 0) = radius * std::sin(angle) + rng.uniform(-0.05, 0.05);
    s.inputs(i, 1) = radius * std::cos(angle) + rng.uniform(-0.05, 0.05);
    s.targets(i, 0) = label ? 1.0 : -1.0;
  }
  s.train.batch_size = 10;
  return s;
}

// (c) BPTT: input 2, hidden 32, output 2, one sequence of T = 100; the target at t echoes the
// input at t − 1, mapped from [−1, 1] into [0.25, 0.75] for the sigmoid output.
Scenario rnn_echo() {
  constexpr int T = 100;
  Scenario s;
  s.kind = backprop::ModelKind::rnn;
  s.rnn = {2, 32, 2, Activation::tanh, Activation::sigmoid, backprop::Loss::half_sse, true};
  s.init = {backprop::InitScheme::pytorch_default, 0.1, 0};
  s.optimizer.kind = backprop::OptimizerKind::sgd;
  s.optimizer.lr = 0.005;
  backprop::Rng rng(7);
  backprop::Sequence seq{Matrix(T, 2), Matrix(T, 2), {}};
  for (int t = 0; t < T; ++t)
    for (int j = 0; j < 2; ++j) {
      seq.inputs(t, j) = rng.uniform(-1.0, 1.0);
      seq.targets(t, j) = t == 0 ? 0.5 : 0.25 + 0.5 * (seq.inputs(t - 1, j) + 1.0) / 2.0;
    }
  s.sequences.push_back(std::move(seq));
  return s;
}

void report_allocations(benchmark::State& state, long long before,
                        const char* name = "allocs_per_step") {
  state.counters[name] =
      benchmark::Counter(double(backprop::test::allocations() - before), benchmark::Counter::kAvgIterations);
}

// Trainer::step() after `warmup` steps (every work space exists by then).
void steady_state_step(benchmark::State& state, const Scenario& scenario, int warmup) {
  backprop::Trainer trainer(scenario);
  for (int i = 0; i < warmup; ++i) trainer.step();
  double loss = 0.0;
  const long long before = backprop::test::allocations();
  for (auto _ : state) {
    loss = trainer.step();
    benchmark::DoNotOptimize(loss);
  }
  report_allocations(state, before);
  state.SetItemsProcessed(state.iterations());
  if (!std::isfinite(loss)) state.SkipWithError("the loss is not finite");
}

void BM_Step_TorchLoop_2_2_2(benchmark::State& state) { steady_state_step(state, torch_loop(), 1); }
BENCHMARK(BM_Step_TorchLoop_2_2_2);

// The hand-written reference (hand_loop.cpp) from the same initial weights as (a).
backprop::bench::HandNet hand_net(const Scenario& s) {
  backprop::bench::HandNet n{};
  backprop::Trainer trainer(s);
  const backprop::ParamViews& p = trainer.params();  // W1, b1, W2, b2
  std::copy(p[0].value, p[0].value + 4, &n.W1[0][0]);
  std::copy(p[1].value, p[1].value + 2, n.b1);
  std::copy(p[2].value, p[2].value + 4, &n.W2[0][0]);
  std::copy(p[3].value, p[3].value + 2, n.b2);
  std::copy(s.inputs.data(), s.inputs.data() + 2, n.x);
  std::copy(s.targets.data(), s.targets.data() + 2, n.y);
  n.lr = s.optimizer.lr;
  return n;
}

// The hand loop and the core compute the same losses (else the comparison means nothing).
bool same_losses(const Scenario& s) {
  backprop::Trainer trainer(s);
  backprop::bench::HandNet n = hand_net(s);
  for (int i = 0; i < 100; ++i) {
    const double core = trainer.step(), hand = backprop::bench::hand_step(n);
    if (std::abs(core - hand) > 1e-12 * std::abs(hand)) return false;
  }
  return true;
}

void BM_Hand_TorchLoop_2_2_2(benchmark::State& state) {
  const Scenario s = torch_loop();
  if (!same_losses(s)) return state.SkipWithError("the hand loop and the core disagree");
  backprop::bench::HandNet n = hand_net(s);
  double loss = 0.0;
  for (auto _ : state) {
    loss = backprop::bench::hand_step(n);
    benchmark::DoNotOptimize(loss);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hand_TorchLoop_2_2_2);

// The core's step (a) against the hand loop in the same run: chunks of 1,000 steps of each,
// alternated, so that both see the same load, timed by the thread's CPU clock (a busy machine's
// preemptions left out); the counters are the medians over the chunks (ns per step) and their
// ratio core/hand, the figure issue 15 sets at ≤ 2.
void BM_Ratio_TorchLoop_Core_vs_Hand(benchmark::State& state) {
  const Scenario s = torch_loop();
  if (!same_losses(s)) return state.SkipWithError("the hand loop and the core disagree");
  backprop::Trainer trainer(s);
  trainer.step();
  backprop::bench::HandNet n = hand_net(s);
  constexpr int chunk = 1000;
  std::vector<double> core_ns, hand_ns;
  const auto cpu_ns = [] {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e9 + double(t.tv_nsec);
  };
  const auto ns_per_step = [](double t0, double t1) { return (t1 - t0) / chunk; };
  for (auto _ : state) {
    const double t0 = cpu_ns();
    for (int i = 0; i < chunk; ++i) benchmark::DoNotOptimize(trainer.step());
    const double t1 = cpu_ns();
    for (int i = 0; i < chunk; ++i) benchmark::DoNotOptimize(backprop::bench::hand_step(n));
    const double t2 = cpu_ns();
    core_ns.push_back(ns_per_step(t0, t1));
    hand_ns.push_back(ns_per_step(t1, t2));
  }
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  };
  state.counters["core_ns"] = median(core_ns);
  state.counters["hand_ns"] = median(hand_ns);
  state.counters["core_over_hand"] = median(core_ns) / median(hand_ns);
}
BENCHMARK(BM_Ratio_TorchLoop_Core_vs_Hand)->Iterations(500)->Unit(benchmark::kMicrosecond);

void BM_Step_Playground_2_8_8_1_batch10(benchmark::State& state) {
  steady_state_step(state, playground(), 250 / 10);  // one epoch
}
BENCHMARK(BM_Step_Playground_2_8_8_1_batch10);

void BM_Step_RnnBptt_H32_T100(benchmark::State& state) { steady_state_step(state, rnn_echo(), 1); }
BENCHMARK(BM_Step_RnnBptt_H32_T100)->Unit(benchmark::kMicrosecond);

// backprop::trace() of the classic example: a Trainer, one traced step, the named values.
void BM_Trace_Classic_2_2_2(benchmark::State& state) {
  const Scenario scenario = classic();
  const long long before = backprop::test::allocations();
  for (auto _ : state) {
    backprop::Trace t = backprop::trace(scenario);
    benchmark::DoNotOptimize(t.loss);
  }
  report_allocations(state, before, "allocs_per_call");
}
BENCHMARK(BM_Trace_Classic_2_2_2);

// backprop::train() of (a) for 10,000 steps, recording the loss every `record_every` steps.
void BM_Train_TorchLoop_10000(benchmark::State& state) {
  Scenario scenario = torch_loop();
  scenario.train.steps = 10000;
  scenario.train.record_every = state.range(0);
  const long long before = backprop::test::allocations();
  for (auto _ : state) {
    backprop::TrainResult r = backprop::train(scenario);
    benchmark::DoNotOptimize(r.final_loss);
  }
  report_allocations(state, before, "allocs_per_call");
  // Seconds per training step (shown with an SI prefix: 250n is 250 ns).
  state.counters["time_per_step"] =
      benchmark::Counter(double(scenario.train.steps) * double(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Train_TorchLoop_10000)->ArgName("record_every")->Arg(1)->Arg(1000)->Unit(benchmark::kMicrosecond);

// The labs' classifier (docs/labs.md, labs 1, 3, 5): 2-16-2 tanh/softmax, cross-entropy, Adam, on
// 200 spiral points of which 140 are trained on (validation 0.3), full batch.
Scenario lab_classifier() {
  Scenario s = mlp_scenario({2, 16, 2}, {Activation::tanh, Activation::softmax}, backprop::Loss::cross_entropy, 0.02);
  s.optimizer.kind = backprop::OptimizerKind::adam;
  const backprop::Points p = backprop::make_points({backprop::PointShape::spiral, 200, 0.1, 0.3, 1});
  s.inputs = p.train.inputs;
  s.targets = p.train.targets;
  s.validation_inputs = p.validation.inputs;
  s.validation_targets = p.validation.targets;
  return s;
}

// One epoch of lab 5: one full-batch step over the 140 points.
void BM_Step_Lab5_Epoch_2_16_2_140pts(benchmark::State& state) { steady_state_step(state, lab_classifier(), 1); }
BENCHMARK(BM_Step_Lab5_Epoch_2_16_2_140pts)->Unit(benchmark::kMicrosecond);

// The same epoch with batch normalization, then with dropout (p = 0.5, masks drawn every step):
// what each adds to the step above (docs/scenario.md, "Batch normalization and dropout").
void BM_Step_Lab5_Epoch_BatchNorm(benchmark::State& state) {
  Scenario s = lab_classifier();
  s.mlp.batch_norm = {true};
  steady_state_step(state, s, 1);
}
BENCHMARK(BM_Step_Lab5_Epoch_BatchNorm)->Unit(benchmark::kMicrosecond);
void BM_Step_Lab5_Epoch_Dropout(benchmark::State& state) {
  Scenario s = lab_classifier();
  s.mlp.dropout = {0.5};
  steady_state_step(state, s, 1);
}
BENCHMARK(BM_Step_Lab5_Epoch_Dropout)->Unit(benchmark::kMicrosecond);

// The decision-boundary heat map: Trainer::grid over 100 × 100 cell centres (after the first call).
void BM_Grid_2_16_2_100x100(benchmark::State& state) {
  backprop::Trainer trainer(lab_classifier());
  trainer.step();
  std::vector<double> values;
  trainer.grid({-1.5, 1.5, -1.5, 1.5, 100, 100, 1}, values);
  const long long before = backprop::test::allocations();
  for (auto _ : state) {
    trainer.grid({-1.5, 1.5, -1.5, 1.5, 100, 100, 1}, values);
    benchmark::DoNotOptimize(values.data());
  }
  report_allocations(state, before, "allocs_per_call");
}
BENCHMARK(BM_Grid_2_16_2_100x100)->Unit(benchmark::kMicrosecond);

// Trainer::evaluate of the same model: training (140) and validation (60) sets, loss and accuracy.
void BM_Evaluate_2_16_2_200pts(benchmark::State& state) {
  backprop::Trainer trainer(lab_classifier());
  trainer.step();
  trainer.evaluate();
  const long long before = backprop::test::allocations();
  for (auto _ : state) {
    const backprop::Trainer::Evaluation e = trainer.evaluate();
    benchmark::DoNotOptimize(e.train.loss);
  }
  report_allocations(state, before, "allocs_per_call");
}
BENCHMARK(BM_Evaluate_2_16_2_200pts)->Unit(benchmark::kMicrosecond);

// The surface verb's race, core only (no JSON): 7 optimizers × 2,000 steps on a 200 × 200 grid.
backprop::SurfaceSpec race_spec(backprop::SurfaceKind kind) {
  using backprop::OptimizerConfig;
  using backprop::OptimizerKind;
  backprop::SurfaceSpec spec;
  spec.objective.kind = kind;
  spec.objective.x = backprop::surface_defaults(kind).x;
  spec.objective.y = backprop::surface_defaults(kind).y;
  spec.start = backprop::surface_defaults(kind).start;
  spec.nx = spec.ny = 200;
  spec.steps = 2000;
  const auto config = [](OptimizerKind k, double lr, double momentum = 0) {
    OptimizerConfig c;
    c.kind = k, c.lr = lr, c.momentum = momentum;
    if (k == OptimizerKind::adadelta) c.rho = 0.9, c.eps = 1e-6;
    if (k == OptimizerKind::adagrad) c.eps = 1e-10;
    return c;
  };
  spec.optimizers = {config(OptimizerKind::sgd, 0.01), config(OptimizerKind::sgd, 0.01, 0.9),
                     config(OptimizerKind::adagrad, 0.5), config(OptimizerKind::rmsprop, 0.01),
                     config(OptimizerKind::adam, 0.05), config(OptimizerKind::adadelta, 1.0),
                     config(OptimizerKind::adamax, 0.05)};
  return spec;
}
void BM_Surface_Quadratic_7x2000_200x200(benchmark::State& state) {
  const backprop::SurfaceSpec spec = race_spec(backprop::SurfaceKind::quadratic);
  for (auto _ : state) benchmark::DoNotOptimize(backprop::surface(spec).min);
}
BENCHMARK(BM_Surface_Quadratic_7x2000_200x200)->Unit(benchmark::kMillisecond);
void BM_Surface_Network_7x2000_200x200(benchmark::State& state) {
  const backprop::SurfaceSpec spec = race_spec(backprop::SurfaceKind::network);
  for (auto _ : state) benchmark::DoNotOptimize(backprop::surface(spec).min);
}
BENCHMARK(BM_Surface_Network_7x2000_200x200)->Unit(benchmark::kMillisecond);

// The init_stats verb's core: 20 hidden layers of 128 at initialisation, a batch of 256.
void BM_InitStats_20x128_256(benchmark::State& state) {
  backprop::InitStatsSpec spec;
  spec.depth = 20, spec.width = 128, spec.batch = 256;
  spec.init.scheme = backprop::InitScheme::xavier_uniform;
  for (auto _ : state) benchmark::DoNotOptimize(backprop::init_stats(spec).back().delta.std);
}
BENCHMARK(BM_InitStats_20x128_256)->Unit(benchmark::kMillisecond);

}  // namespace

// Besides Google Benchmark's flags, `--step_scenario=NAME=FILE` (repeatable) adds
// BM_StepFile/NAME: Trainer::step() of the scenario in FILE (its JSON form) after one epoch, so
// that scripts/bench-wasm.mjs times the very scenarios it runs through the WebAssembly core.
int main(int argc, char** argv) {
  const std::string flag = "--step_scenario=";
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind(flag, 0) != 0) {
      rest.push_back(argv[i]);
      continue;
    }
    const size_t eq = arg.find('=', flag.size());
    if (eq == std::string::npos) {
      std::fprintf(stderr, "core_bench: %s: expected NAME=FILE\n", arg.c_str());
      return 2;
    }
    const std::string name = arg.substr(flag.size(), eq - flag.size()), file = arg.substr(eq + 1);
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Scenario scenario;
    try {
      if (!in) throw std::runtime_error("cannot read the file");
      scenario = backprop::parse_scenario(text.str());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "core_bench: %s: %s\n", file.c_str(), e.what());
      return 2;
    }
    const Index rows = scenario.inputs.rows(), batch = scenario.train.batch_size;
    const int epoch = int(batch > 0 && batch < rows ? (rows + batch - 1) / batch : 1);
    benchmark::RegisterBenchmark(("BM_StepFile/" + name).c_str(), [scenario, epoch](benchmark::State& state) {
      steady_state_step(state, scenario, epoch);
    })->Unit(benchmark::kMicrosecond);
  }
  int count = int(rest.size());
  benchmark::Initialize(&count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(count, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
