// The reasons a refusal gives, with their English templates: the one list `backprop spec` shows
// and the page translates (web/strings/core-errors.js).
#include <string_view>

#include "error.hpp"

namespace backprop {

const std::vector<ReasonInfo>& reasons() {
  using R = Reason;
  static const std::vector<ReasonInfo> table = {
      {R::too_many_bytes, "too_many_bytes", "is {size} bytes; at most {limit}"},
      {R::nul_byte, "nul_byte", "is not valid JSON: a NUL byte at offset {offset}"},
      {R::not_json, "not_json", "is not valid JSON: {detail}"},
      {R::too_deep, "too_deep", "nested deeper than {limit} levels"},
      {R::too_many_objects, "too_many_objects", "holds more than {limit} JSON objects"},
      {R::too_many_lists, "too_many_lists", "holds more than {limit} JSON lists"},
      {R::duplicate_key, "duplicate_key", "appears twice in its object"},
      {R::not_object, "not_object", "must be an object, got {type}"},
      {R::required, "required", "is required"},
      {R::unknown_field, "unknown_field", "unknown field (expected one of: {expected})"},
      {R::unknown_field_for, "unknown_field_for", "unknown field for {key} = {value} (expected one of: {expected})"},
      {R::not_number, "not_number", "must be a number, got {type}"},
      {R::not_finite, "not_finite", "must be a finite number, got {got}"},
      {R::at_least, "at_least", "must be ≥ {low}, got {got}"},
      {R::between, "between", "must be between {low} and {high}, got {got}"},
      {R::between_excluded, "between_excluded", "must be between {low} and {high} ({high} excluded), got {got}"},
      {R::not_whole, "not_whole", "must be a whole number, got {got}"},
      {R::not_count, "not_count", "must be a whole number ≥ 0, got {got}"},
      {R::not_boolean, "not_boolean", "must be true or false, got {type}"},
      {R::not_string, "not_string", "must be a string, got {type}"},
      {R::not_one_of, "not_one_of", "must be one of {options}, got \"{got}\""},
      {R::not_list, "not_list", "must be a list of {items}, got {type}"},
      {R::wrong_length, "wrong_length", "must have {count} {count|value|values}, got {got}"},
      {R::empty, "empty", "must not be empty"},
      {R::wrong_rows, "wrong_rows", "must have {count} rows (one per row of {per}), got {got}"},
      {R::wrong_steps, "wrong_steps", "must have {count} rows (one per time step of inputs), got {got}"},
      {R::wrong_units, "wrong_units", "must have {count} rows (one per unit of the layer), got {got}"},
      {R::too_many_rows, "too_many_rows", "has {count} rows; at most {limit}"},
      {R::too_many_values, "too_many_values", "holds too many numbers; at most {limit}"},
      {R::too_few_layers, "too_few_layers", "needs at least 2 sizes (input and output), got {count}"},
      {R::too_many_layers, "too_many_layers", "has {count} sizes; at most {limit}"},
      {R::too_many_parameters, "too_many_parameters", "gives {count} parameters; at most {limit}"},
      {R::wrong_activations, "wrong_activations", "must have {count} names (one per layer after the input), got {got}"},
      {R::cross_entropy_softmax, "cross_entropy_softmax", "cross_entropy needs a softmax output layer, but {at} is {activation}"},
      {R::no_target, "no_target", "needs a target at one time step at least (null means none at that step)"},
      {R::no_sequence, "no_sequence", "must hold at least one sequence"},
      {R::too_many_sequences, "too_many_sequences", "has {count} sequences; at most {limit}"},
      {R::size_mismatch, "size_mismatch", "must equal {other} ({size}), got {got}"},
      {R::all_held_out, "all_held_out",
       "holds out all {count} {items} (round({fraction} × {count}) = {held}); at least one must stay for training"},
      {R::max_below_min, "max_below_min", "must be at least {other} ({min}), got {got}"},
      {R::delay_too_long, "delay_too_long", "must be less than {other} ({min}) so that every sequence has a target, got {got}"},
      {R::not_above, "not_above", "must be greater than {other} ({min}), got {got}"},
      {R::same_entry, "same_entry", "names the same entry as {other} ({name}); choose two different ones"},
      {R::too_many_entries, "too_many_entries", "has {count} entries; at most {limit}"},
      {R::needs_validation, "needs_validation", "needs a validation set to watch: {other} is empty or absent"},
      {R::too_much_work, "too_much_work", "{what}: this request is about {work} operations, above the limit of {limit}"},
      {R::too_much_work_per_call, "too_much_work_per_call",
       "{what}: about {work} operations in one call, above the limit of {limit} (run fewer steps per call)"},
      {R::too_much_memory, "too_much_memory",
       "{what}: about {part} of memory; this request needs {memory} in all, above the limit of {limit}"},
      {R::too_many_losses, "too_many_losses", "{count} recorded losses exceed the limit of {limit}"},
      {R::too_many_outputs, "too_many_outputs", "{what}: the result would hold about {count} numbers, above the limit of {limit}"},
      {R::too_many_steps, "too_many_steps", "{count} steps in one call exceed the limit of {limit} (run fewer steps per call)"},
      {R::too_many_points, "too_many_points", "nx·ny is {count} points; at most {limit}"},
      {R::grid_needs_mlp, "grid_needs_mlp", "a grid of outputs needs an mlp with two inputs, not an rnn"},
      {R::grid_needs_two_inputs, "grid_needs_two_inputs", "a grid of outputs needs two inputs, got {got}"},
      {R::norms_need_rnn, "norms_need_rnn", "gradient norms over time need an rnn"},
      {R::norms_one_sequence, "norms_one_sequence", "gradient norms follow one sequence: use batch_size 1 or one sequence"},
      {R::out_of_memory, "out_of_memory", "too large for the memory available"},
      {R::not_binary, "not_binary", "must be 0 or 1, got {got}"},
      {R::batch_norm_one_row, "batch_norm_one_row",
       "batch normalization needs 2 rows or more in every training batch; with {count} {count|row|rows} in batches of {size}, one batch has 1 row"},
      {R::too_slow, "too_slow",
       "stopped after {seconds} s, {done} steps or evaluations in: this machine computes these numbers too slowly "
       "(values below 2.2e-308 slow its arithmetic down)"},
      {R::diverged, "diverged", "diverged at step {step}: the loss became {loss} (optimizer.lr = {lr} may be too large)"},
      {R::diverged_at_start, "diverged_at_start",
       "the loss is {loss} at the first step, before any update: the data, the parameters or the regularization are too large"},
      {R::diverged_penalty, "diverged_penalty",
       "diverged at step {step}: the loss became {loss} (optimizer.lr = {lr} or regularization.l1/l2 may be too large)"},
      {R::nonfinite_loss, "nonfinite_loss", "the loss is {loss} for these parameters and data"},
  };
  return table;
}

const char* code_of(Reason reason) { return reasons()[size_t(reason)].code; }

namespace {
// Arguments whose value is a code, read as English words: a JSON type, what a list holds.
std::string_view phrase(std::string_view name, std::string_view value) {
  static const struct {
    const char *name, *code, *english;
  } phrases[] = {{"type", "list", "a list"},
                 {"type", "object", "an object"},
                 {"type", "string", "a string"},
                 {"type", "number", "a number"},
                 {"type", "boolean", "true/false"},
                 {"items", "rows", "rows (lists of numbers)"},
                 {"items", "rows_or_null", "rows (lists of numbers, or null)"},
                 {"items", "layer_sizes", "layer sizes"},
                 {"items", "activation_names", "activation names"}};
  for (const auto& p : phrases)
    if (name == p.name && value == p.code) return p.english;
  return value;
}
}  // namespace

std::string english(Reason reason, const ReasonArgs& args) {
  const std::string_view pattern = reasons()[size_t(reason)].english;
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += pattern[i++];
      continue;
    }
    // {name}, or {name|one|many}: the word for that many.
    std::string_view name = pattern.substr(i + 1, close - i - 1), one, many;
    if (const size_t bar = name.find('|'); bar != std::string_view::npos) {
      one = name.substr(bar + 1);
      name = name.substr(0, bar);
      const size_t second = one.find('|');
      many = one.substr(second + 1);
      one = one.substr(0, second);
    }
    for (const ReasonArg& a : args)
      if (a.name == name) out += one.empty() && many.empty() ? std::string(phrase(name, a.value)) : std::string(a.value == "1" ? one : many);
    i = close + 1;
  }
  return out;
}

}  // namespace backprop
