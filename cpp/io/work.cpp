#include "work.hpp"

#include <algorithm>

#include "json_fields.hpp"
#include "limits.hpp"
#include "scenario_json.hpp"

namespace backprop {

namespace {

using json_fields::fail;
using json_fields::show;

// Rows that one step pushes through the model: samples, or time steps of the longest sequences.
double rows_per_step(const Scenario& s) {
  const double batch = s.train.batch_size > 0 ? double(s.train.batch_size) : double(s.sample_count());
  if (s.kind == ModelKind::mlp) return batch;
  Index longest = 0;
  for (const Sequence& seq : s.sequences) longest = std::max(longest, seq.inputs.rows());
  return batch * double(longest);
}

}  // namespace

double parameter_count(const Scenario& s) {
  double n = 0;
  for (const ParameterShape& shape : parameter_shapes(s)) n += double(shape.rows) * double(shape.cols);
  return n;
}

double estimated_work(const Scenario& s, Command command) {
  const double params = parameter_count(s), rows = rows_per_step(s);
  switch (command) {
    case Command::train:
      return double(s.train.steps) * params * rows;
    case Command::trace:
    case Command::norms: {
      const double widest = s.kind == ModelKind::mlp ? *std::max_element(s.mlp.layers.begin(), s.mlp.layers.end())
                                                     : s.rnn.hidden_size + s.rnn.output_size;
      double values = params * 4 + rows * 12 * widest;
      if (s.kind == ModelKind::rnn) values += rows * params * 2;  // each time step's contribution and running sum
      return values;
    }
    case Command::predict: {
      double rows_all = double(s.inputs.rows()) + (s.validation_inputs ? double(s.validation_inputs->rows()) : 0.0);
      if (s.kind == ModelKind::rnn) {
        rows_all = 0;
        for (const auto* set : {&s.sequences, &s.validation_sequences})
          for (const Sequence& seq : *set) rows_all += double(seq.inputs.rows());
      }
      return params * rows_all;
    }
    case Command::gradcheck:
      return params * params * rows * 2;
  }
  return 0;
}

void check_work(const Scenario& s, Command command) {
  const double work = estimated_work(s, command);
  const char* data_field = s.kind == ModelKind::rnn ? "data.sequences" : "data.inputs";
  switch (command) {
    case Command::train:
      if (work > limits::max_work)
        fail("train.steps", show(double(s.train.steps)) + " steps of this model and batch are about " + show(work) +
                                " operations; at most " + show(limits::max_work) + " (fewer steps, a smaller batch or model)");
      break;
    case Command::trace:
    case Command::norms:
      if (work > limits::max_trace_values)
        fail(data_field, "a trace of this model and data would hold about " + show(work) + " numbers; at most " +
                             show(limits::max_trace_values));
      break;
    case Command::predict:
      if (work > limits::max_work)
        fail(data_field, "a forward pass of this model over this data is about " + show(work) +
                             " operations; at most " + show(limits::max_work));
      break;
    case Command::gradcheck:
      if (work > limits::max_gradcheck_work)
        fail("model", "a gradient check of " + show(parameter_count(s)) + " parameters over this batch is about " +
                          show(work) + " operations; at most " + show(limits::max_gradcheck_work));
      break;
  }
}

}  // namespace backprop
