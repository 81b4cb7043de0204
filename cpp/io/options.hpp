// The scenario's and the data spec's choices and ranges, in one place: the parsers check against
// these tables, and `backprop spec` (spec_json.cpp) writes the same tables for the page, so that no
// option list, range or default is ever copied into JavaScript.
#pragma once

#include <limits>
#include <utility>

#include "datasets.hpp"
#include "limits.hpp"
#include "scenario.hpp"
#include "init_stats.hpp"
#include "surface.hpp"

namespace backprop::options {

// A number's allowed values: [min, max], max excluded when `open_max`; max may be infinite.
struct Range {
  double min, max;
  bool integer = false;
  bool open_max = false;
};

// Choices: the JSON name and the value it selects, in the order the page offers them.
inline constexpr std::pair<const char*, ModelKind> kinds[] = {{"mlp", ModelKind::mlp}, {"rnn", ModelKind::rnn}};
inline constexpr std::pair<const char*, Activation> activations[] = {
    {"sigmoid", Activation::sigmoid}, {"tanh", Activation::tanh},     {"relu", Activation::relu},
    {"leaky_relu", Activation::leaky_relu}, {"linear", Activation::linear}, {"softmax", Activation::softmax}};
inline constexpr std::pair<const char*, Loss> mlp_losses[] = {
    {"half_sse", Loss::half_sse}, {"mse", Loss::mse}, {"cross_entropy", Loss::cross_entropy}};
inline constexpr std::pair<const char*, Loss> rnn_losses[] = {{"half_sse", Loss::half_sse},
                                                              {"cross_entropy", Loss::cross_entropy}};
inline constexpr std::pair<const char*, InitScheme> schemes[] = {{"uniform", InitScheme::uniform},
                                                                 {"xavier_uniform", InitScheme::xavier_uniform},
                                                                 {"he_uniform", InitScheme::he_uniform},
                                                                 {"pytorch_default", InitScheme::pytorch_default}};
inline constexpr std::pair<const char*, OptimizerKind> optimizers[] = {
    {"sgd", OptimizerKind::sgd}, {"adam", OptimizerKind::adam}, {"rmsprop", OptimizerKind::rmsprop},
    {"adagrad", OptimizerKind::adagrad}, {"adadelta", OptimizerKind::adadelta}, {"adamax", OptimizerKind::adamax}};
inline constexpr std::pair<const char*, PointShape> shapes[] = {{"linear", PointShape::linear},
                                                                {"xor", PointShape::xor_},
                                                                {"circles", PointShape::circles},
                                                                {"spiral", PointShape::spiral}};
inline constexpr std::pair<const char*, SequenceTask> tasks[] = {{"running_sum", SequenceTask::running_sum},
                                                                 {"echo", SequenceTask::echo},
                                                                 {"parity", SequenceTask::parity}};

// The scenario's numbers. Defaults are the core's structs' (scenario.hpp), except the learning
// rate, which depends on the optimizer.
inline constexpr Range units{1, limits::max_units, true};
inline constexpr Range init_scale{0, 1e3};
inline constexpr Range seed{0, limits::max_seed, true};
inline constexpr Range lr{0, 1e6};
inline constexpr Range momentum{0, 1, false, true};
inline constexpr Range beta{0, 1, false, true};  // beta1, beta2
inline constexpr Range rho{0, 1, false, true};
inline constexpr Range eps{1e-300, 1};
inline constexpr Range lr_decay{0, 1e6};                  // adagrad
inline constexpr Range initial_accumulator_value{0, 1e6};  // adagrad
inline constexpr Range penalty{0, std::numeric_limits<double>::infinity()};  // l1, l2: any number ≥ 0
inline constexpr Range steps{0, double(limits::max_steps), true};
inline constexpr Range record_every{1, 1e12, true};
inline constexpr Range iteration{1, 1e4, true};  // the update a trace shows
inline constexpr Range dropout{0, 1, false, true};  // p of a hidden layer's dropout
inline constexpr Range patience{1, 1e4, true};   // train.early_stopping.patience

// PyTorch's default learning rates, ε and ρ.
constexpr double default_lr(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::rmsprop:
    case OptimizerKind::adagrad: return 1e-2;
    case OptimizerKind::adadelta: return 1.0;
    case OptimizerKind::adamax: return 2e-3;
    default: return 1e-3;
  }
}
constexpr double default_eps(OptimizerKind kind) {
  return kind == OptimizerKind::adagrad ? 1e-10 : kind == OptimizerKind::adadelta ? 1e-6 : 1e-8;
}
constexpr double default_rho(OptimizerKind kind) { return kind == OptimizerKind::adadelta ? 0.9 : 0.99; }

// A kind's configuration before the scenario sets anything: PyTorch's defaults.
constexpr OptimizerConfig optimizer_defaults(OptimizerKind kind) {
  OptimizerConfig o;
  o.kind = kind;
  o.lr = default_lr(kind);
  o.eps = default_eps(kind);
  o.rho = default_rho(kind);
  return o;
}

// Each optimizer's own hyperparameters (beside lr and update_biases), in the order they are read,
// written and listed in the spec: the parser, optimizer_json and `backprop spec` iterate this one
// table, so a new hyperparameter is added here only.
struct Hyperparameter {
  const char* name;
  double OptimizerConfig::*field;
  const Range* range;
  bool (*applies)(OptimizerKind);
};
inline constexpr Hyperparameter hyperparameters[] = {
    {"momentum", &OptimizerConfig::momentum, &momentum, [](OptimizerKind k) { return k == OptimizerKind::sgd; }},
    {"beta1", &OptimizerConfig::beta1, &beta,
     [](OptimizerKind k) { return k == OptimizerKind::adam || k == OptimizerKind::adamax; }},
    {"beta2", &OptimizerConfig::beta2, &beta,
     [](OptimizerKind k) { return k == OptimizerKind::adam || k == OptimizerKind::adamax; }},
    {"rho", &OptimizerConfig::rho, &rho,
     [](OptimizerKind k) { return k == OptimizerKind::rmsprop || k == OptimizerKind::adadelta; }},
    {"lr_decay", &OptimizerConfig::lr_decay, &lr_decay, [](OptimizerKind k) { return k == OptimizerKind::adagrad; }},
    {"initial_accumulator_value", &OptimizerConfig::initial_accumulator_value, &initial_accumulator_value,
     [](OptimizerKind k) { return k == OptimizerKind::adagrad; }},
    {"eps", &OptimizerConfig::eps, &eps, [](OptimizerKind k) { return k != OptimizerKind::sgd; }},
};

// The data spec's numbers (defaults: PointsSpec and SequencesSpec in datasets.hpp).
inline constexpr Range point_count{4, 10000, true};
inline constexpr Range noise{0, 2};
inline constexpr Range validation{0, 0.9};
inline constexpr Range sequence_count{1, 10000, true};
inline constexpr Range sequence_length{1, 200, true};  // min_length, max_length
inline constexpr Range delay{0, 199, true};             // and less than min_length

// The surface verb (docs/labs.md): objectives, and the race's numbers (defaults: SurfaceSpec).
inline constexpr std::pair<const char*, SurfaceKind> surface_kinds[] = {{"quadratic", SurfaceKind::quadratic},
                                                                        {"rosenbrock", SurfaceKind::rosenbrock},
                                                                        {"saddle", SurfaceKind::saddle},
                                                                        {"network", SurfaceKind::network}};
inline constexpr Range condition{1, 1000};
inline constexpr Range surface_grid{2, 400, true};  // nx, ny
inline constexpr Range surface_steps{1, 10000, true};
inline constexpr Range tolerance{0, 1e6};
inline constexpr Range coordinate{-surface_divergence_bound, surface_divergence_bound};  // x, y ranges and start
inline constexpr int max_surface_optimizers = 8;

// The init_stats verb (docs/labs.md; defaults: InitStatsSpec). Hidden activations: every one but softmax.
inline constexpr Range stats_depth{1, 20, true};
inline constexpr Range stats_width{1, 128, true};
inline constexpr Range stats_batch{1, 1024, true};
inline constexpr std::pair<const char*, Activation> hidden_activations[] = {
    {"sigmoid", Activation::sigmoid}, {"tanh", Activation::tanh}, {"relu", Activation::relu},
    {"leaky_relu", Activation::leaky_relu}, {"linear", Activation::linear}};

// What the lessons' editors and steppers offer: small enough that every number of an iteration
// can be shown, edited and read on a phone. The core accepts far more (limits.hpp).
namespace lesson {
inline constexpr Range mlp_hidden_layers{1, 3, true};
inline constexpr Range mlp_units{1, 8, true};
inline constexpr Range mlp_samples{1, 8, true};
inline constexpr Range rnn_size{1, 8, true};    // input, hidden and output sizes
inline constexpr Range rnn_steps{1, 12, true};  // T
inline constexpr Range mlp_validation_rows{0, 1000, true};       // a link's validation set
inline constexpr Range rnn_validation_sequences{0, 100, true};
inline constexpr Range value{-1e3, 1e3};         // a weight, bias, input or target typed in
inline constexpr Range lr{0, 1e3};
inline constexpr Range training_steps{1, 1e6, true};
inline constexpr double auto_gradcheck_work = 2e6;  // recheck on every change below this work
// The gradient check's verdict: backpropagation and finite differences agree below this largest
// relative error (gradcheck.hpp computes it).
inline constexpr double gradcheck_agree_below = 1e-5;
// Lesson 2's vanishing/exploding-gradient explorer.
inline constexpr Range explorer_steps{1, 200, true};
inline constexpr Range explorer_hidden{1, 32, true};
inline constexpr Range explorer_scale{0.01, 10};
}  // namespace lesson

}  // namespace backprop::options
