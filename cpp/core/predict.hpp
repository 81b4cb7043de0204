// Outputs of a model with the scenario's parameters (given or drawn from init), forward only:
// each sample's outputs, the data loss without penalty and the accuracy (accuracy.hpp), for the
// training set and the validation set when there is one.
#pragma once

#include <optional>
#include <vector>

#include "objective.hpp"
#include "scenario.hpp"

namespace backprop {

struct PredictionSet {
  std::vector<Matrix> outputs;  // MLP: one B × n_y matrix; RNN: one T × n_y matrix per sequence
  SetEvaluation evaluation;
};

struct Prediction {
  ModelKind kind = ModelKind::mlp;
  PredictionSet train;
  std::optional<PredictionSet> validation;
};

Prediction predict(const Scenario& scenario);

}  // namespace backprop
