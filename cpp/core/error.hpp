// Errors the core reports: a bad scenario (names the field) and divergence.
#pragma once

#include <stdexcept>
#include <string>

namespace backprop {

// A scenario the core refuses. `field` is a path such as "model.layers[1]".
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string field, const std::string& message)
      : std::runtime_error(field + ": " + message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

}  // namespace backprop
