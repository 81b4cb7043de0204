// Errors the core reports: a refused input (names the field, says why with a reason code and the
// values its message quotes) and divergence.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace backprop {

// Why an input is refused: one code per kind of refusal. Each has an English template
// (reasons.cpp) whose {placeholders} are the refusal's arguments; `backprop spec` lists them, and
// the page words each code in Spanish from the same arguments.
enum class Reason {
  too_many_bytes, nul_byte, not_json, too_deep, too_many_objects, too_many_lists, duplicate_key,
  not_object, required, unknown_field, unknown_field_for, not_number, not_finite, at_least, between,
  between_excluded, not_whole, not_count, not_boolean, not_string, not_one_of, not_list,
  wrong_length, empty, wrong_rows, wrong_steps, wrong_units, too_many_rows, too_many_values, too_few_layers,
  too_many_layers, too_many_parameters, wrong_activations, cross_entropy_softmax, no_target,
  no_sequence, too_many_sequences, size_mismatch, all_held_out, max_below_min, delay_too_long,
  not_above, same_entry, too_many_entries, needs_validation,
  too_much_work, too_much_work_per_call, too_much_memory, too_many_losses, too_many_outputs, too_many_steps,
  too_many_points, grid_needs_mlp, grid_needs_two_inputs, norms_need_rnn, norms_one_sequence,
  out_of_memory, not_binary, batch_norm_one_row, too_slow, diverged, diverged_at_start, diverged_penalty, nonfinite_loss,
};

struct ReasonArg {
  std::string name, value;
};
using ReasonArgs = std::vector<ReasonArg>;

struct ReasonInfo {
  Reason reason;
  const char* code;     // "between"
  const char* english;  // "must be between {low} and {high}, got {got}"
};

// Every reason, in the enum's order.
const std::vector<ReasonInfo>& reasons();
const char* code_of(Reason reason);
// The English text of a reason with its arguments (a `type` argument, a JSON type code such as
// "list", reads "a list").
std::string english(Reason reason, const ReasonArgs& args);

// A scenario the core refuses. `field` is a path such as "model.layers[1]"; what() is
// "field: english(reason, args)".
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string field, Reason reason, ReasonArgs args = {})
      : std::runtime_error(field + ": " + english(reason, args)),
        field_(std::move(field)),
        reason_(reason),
        args_(std::move(args)) {}
  const std::string& field() const { return field_; }
  Reason reason() const { return reason_; }
  const ReasonArgs& args() const { return args_; }

 private:
  std::string field_;
  Reason reason_;
  ReasonArgs args_;
};

}  // namespace backprop
