// A scenario: everything needed to reproduce a lesson example, as plain C++ values.
// Parsing and validation of the JSON form live in cpp/io; the core trusts these values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "activation.hpp"
#include "loss.hpp"
#include "matrix.hpp"

namespace backprop {

enum class ModelKind { mlp, rnn };
enum class InitScheme { uniform, xavier_uniform, he_uniform, pytorch_default };
enum class OptimizerKind { sgd, adam, rmsprop, adagrad, adadelta, adamax };

struct MlpSpec {
  std::vector<int> layers;               // sizes, input first
  std::vector<Activation> activations;   // one per non-input layer
  Loss loss = Loss::half_sse;
  // One per hidden layer, or empty (none): dropout's p in [0, 1), and batch normalization.
  std::vector<double> dropout;
  std::vector<bool> batch_norm;
  // Given dropout masks by hidden layer l (1-based): N × n_l of 0/1, a row per data sample.
  std::map<int, Matrix> dropout_masks;

  double dropout_at(size_t l) const { return l < dropout.size() ? dropout[l] : 0.0; }      // l from 0
  bool batch_norm_at(size_t l) const { return l < batch_norm.size() && batch_norm[l]; }  // l from 0
  bool any_batch_norm() const {
    for (bool b : batch_norm) if (b) return true;
    return false;
  }
  bool any_dropout() const {
    for (double p : dropout) if (p > 0) return true;
    return false;
  }
};

struct RnnSpec {
  int input_size = 1, hidden_size = 1, output_size = 1;
  Activation hidden_activation = Activation::sigmoid;  // f
  Activation output_activation = Activation::sigmoid;  // g
  Loss loss = Loss::half_sse;
  bool bias = false;
};

struct InitConfig {
  InitScheme scheme = InitScheme::pytorch_default;
  double scale = 0.1;  // for `uniform`: U(−scale, scale)
  std::uint64_t seed = 0;
};

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::sgd;
  double lr = 1e-3;
  double momentum = 0.0;                 // sgd
  double beta1 = 0.9, beta2 = 0.999;     // adam, adamax
  double rho = 0.99;                     // rmsprop (adadelta: 0.9, options::default_rho)
  double lr_decay = 0.0;                 // adagrad
  double initial_accumulator_value = 0.0;  // adagrad
  double eps = 1e-8;                     // options::default_eps: adam, rmsprop, adamax 1e-8; adagrad 1e-10; adadelta 1e-6
  bool update_biases = true;
};

struct Regularization {
  double l1 = 0.0, l2 = 0.0;
};

struct TrainConfig {
  long long steps = 1;
  long long record_every = 1;
  long long batch_size = 0;  // 0: the whole data set every step
  bool shuffle = false;
  std::uint64_t seed = 0;    // for shuffling
  // Early stopping (needs a validation set): stop after `patience` evaluations of the validation
  // loss without improvement and restore the best evaluation's parameters; 0 is off.
  long long patience = 0;
};

// One sequence for the RNN: row t of `inputs` is x_t, row t of `targets` is the target of y_t.
// `has_target` empty: every time step has a target; otherwise the steps without one add nothing
// to the loss (say, a task scored on its last output only).
struct Sequence {
  Matrix inputs, targets;
  std::vector<bool> has_target;
};

struct Scenario {
  ModelKind kind = ModelKind::mlp;
  MlpSpec mlp;
  RnnSpec rnn;
  // Explicit parameter values by name (W1, b1, … or U, V, W, b, c, h0); they win over init.
  // Vectors are stored as 1 × n matrices.
  std::map<std::string, Matrix> parameters;
  // Explicit buffers (running_mean{l}, running_var{l} of batch norm), 1 × n; they win over 0 and 1.
  std::map<std::string, Matrix> buffers;
  InitConfig init;
  // MLP data: B × n_x and B × n_y; optional validation set.
  Matrix inputs, targets;
  std::optional<Matrix> validation_inputs, validation_targets;
  // RNN data; an optional validation set (empty when none).
  std::vector<Sequence> sequences, validation_sequences;
  OptimizerConfig optimizer;
  Regularization regularization;
  TrainConfig train;
  // The update `trace` shows, from 1: after iteration − 1 updates (the optimizer's state carried).
  long long iteration = 1;

  Index sample_count() const {
    return kind == ModelKind::mlp ? inputs.rows() : static_cast<Index>(sequences.size());
  }
};

}  // namespace backprop
