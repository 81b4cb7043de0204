#include "work.hpp"

#include <algorithm>
#include <cmath>

#include "json_fields.hpp"
#include "limits.hpp"
#include "scenario_json.hpp"

namespace backprop {

namespace {

using json_fields::fail;
using json_fields::show;

// The model's constants, measured on a 2-core VM (docs/scenario.md, "Limits"): a pass costs
// parameters × rows multiply-adds, plus the activations of every unit of every row, plus a fixed
// cost per layer (or per RNN time step) that dominates for tiny models.
constexpr double ops_per_unit = 4;          // f and f′ of one unit of one row
constexpr double ops_per_layer = 64;        // one layer of one pass (one RNN time step: 2 layers)
constexpr double ops_per_penalty = 3;       // l1/l2: the penalty and its gradient, per parameter and step
constexpr double ops_per_norm_unit = 16;    // batch norm of one unit of one row: forward, backward, statistics (measured 10–15)
constexpr double ops_per_drop_unit = 24;    // dropout of one unit of one row: drawing its mask, a_drop, ∂L/∂a (measured 9–28)
constexpr double bytes_per_double = 8;
constexpr double bytes_per_output_value = 72;   // the number, its JSON value and its text
constexpr double bytes_per_recorded_loss = 240;  // [step, loss]: the pair, its JSON and its text

// Whole numbers with thousands separators ("10,000,000"); others as show() writes them.
std::string grouped(double x) {
  x = std::round(x);
  if (!(std::abs(x) < 1e16)) return show(x);
  std::string digits = show(std::abs(x)), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return x < 0 ? "-" + out : out;
}
std::string megabytes(double bytes) { return grouped(std::ceil(bytes / 1e6)) + " MB"; }
std::string plural(double n, const char* one, const char* many) { return grouped(n) + " " + (n == 1 ? one : many); }

// What the cost model needs to know of a scenario.
struct Shape {
  bool rnn = false;
  double params = 0;
  double update_ops = 1;      // per parameter and step: the optimizer, and the penalty when there is one
  double state_buffers = 0;   // the optimizer's buffers a trace writes, before and after, per parameter
  bool regularized = false;
  double units = 0;      // MLP: units of every non-input layer; RNN: hidden + output
  double norm_units = 0;  // MLP: units of the batch-norm layers
  double drop_units = 0;  // MLP: units of the dropout layers
  double masks = 0;       // MLP: numbers of the given dropout masks
  double layers = 0;     // MLP: weight layers; RNN: 2 per time step
  double io = 0;         // inputs + targets per row (MLP) or time step (RNN)
  double tape = 0;       // doubles of work space per row (MLP) or time step (RNN)
  double widest = 0;
  double rows = 0;       // MLP rows, RNN time steps in all (training set)
  double samples = 0;    // rows, or sequences
  double validation_rows = 0, validation_samples = 0;
  double longest = 0;    // RNN: the longest sequence
  double batch = 0;      // samples per step
  double step_rows = 0;  // rows (time steps) per step
  double output_size = 0;
  const char* data_field = "data.inputs";
  const char* validation_field = "data.validation.inputs";
  const char* model_field = "model.layers";
};

// The optimizer's work per parameter and step (measured: Adam and RMSprop cost about five SGD
// updates) and the buffers a trace shows of it, before and after (Adam: m, v; then m, v, m̂, v̂).
void add_optimizer(Shape& m, const Scenario& s) {
  const OptimizerConfig& o = s.optimizer;
  switch (o.kind) {
    case OptimizerKind::sgd: m.update_ops = o.momentum != 0 ? 2 : 1, m.state_buffers = o.momentum != 0 ? 2 : 0; break;
    case OptimizerKind::adam: m.update_ops = 5, m.state_buffers = 6; break;
    case OptimizerKind::rmsprop:
    case OptimizerKind::adagrad: m.update_ops = 5, m.state_buffers = 2; break;
    case OptimizerKind::adadelta:
    case OptimizerKind::adamax: m.update_ops = 6, m.state_buffers = 4; break;
  }
  m.regularized = s.regularization.l1 != 0 || s.regularization.l2 != 0;
  if (m.regularized) m.update_ops += ops_per_penalty;
}

Shape shape_of(const Scenario& s) {
  Shape m;
  m.params = parameter_count(s);
  add_optimizer(m, s);
  if (s.kind == ModelKind::mlp) {
    const auto& l = s.mlp.layers;
    for (size_t i = 1; i < l.size(); ++i) m.units += l[i];
    m.layers = double(l.size() - 1);
    m.widest = *std::max_element(l.begin(), l.end());
    m.io = double(l.front()) + double(l.back());
    for (size_t i = 1; i + 1 < l.size(); ++i) {
      if (s.mlp.batch_norm_at(i - 1)) m.norm_units += l[i];
      if (s.mlp.dropout_at(i - 1) > 0) m.drop_units += l[i];
    }
    for (const auto& [layer, mask] : s.mlp.dropout_masks) m.masks += double(mask.size());
    m.tape = 4 * m.units + 4 * m.norm_units + 3 * m.drop_units;  // z, a, ∂L/∂a, δ; x̂, y, dy, dx̂; m, a_drop, ∂L/∂a_drop
    m.rows = m.samples = double(s.inputs.rows());
    if (s.validation_inputs) m.validation_rows = m.validation_samples = double(s.validation_inputs->rows());
    m.output_size = l.back();
  } else {
    const double H = s.rnn.hidden_size, O = s.rnn.output_size;
    m.rnn = true;
    m.units = H + O;
    m.layers = 2;
    m.widest = H + O;
    m.io = double(s.rnn.input_size) + O;
    m.tape = 6 * H + 4 * O;  // r, h, r̄, h̄ and its two parts; s, y, ȳ, s̄
    for (const Sequence& seq : s.sequences) {
      m.rows += double(seq.inputs.rows());
      m.longest = std::max(m.longest, double(seq.inputs.rows()));
    }
    for (const Sequence& seq : s.validation_sequences) m.validation_rows += double(seq.inputs.rows());
    m.samples = double(s.sequences.size());
    m.validation_samples = double(s.validation_sequences.size());
    m.output_size = O;
    m.data_field = "data.sequences";
    m.validation_field = "data.validation.sequences";
    m.model_field = "model.hidden_size";
  }
  m.batch = s.train.batch_size > 0 ? std::min(double(s.train.batch_size), m.samples) : m.samples;
  m.step_rows = m.rnn ? m.batch * m.longest : m.batch;
  return m;
}

// Operations of one pass (forward, or forward and backward) over `rows` rows or time steps.
double pass(const Shape& m, double rows) {
  return rows * (m.params + ops_per_unit * m.units + ops_per_norm_unit * m.norm_units + ops_per_drop_unit * m.drop_units) +
         ops_per_layer * m.layers * (m.rnn ? rows : 1.0);
}
double step(const Shape& m) { return pass(m, m.step_rows) + m.update_ops * m.params; }

std::string rows_of(const Shape& m, double samples, double rows) {
  return m.rnn ? plural(samples, "sequence", "sequences") + " (" + plural(rows, "time step", "time steps") + ")"
               : plural(rows, "row", "rows");
}

// The parts every request on a model has: its parameters, the training data and, when there is
// one, the validation set, with what a pass over each costs when `evaluated`.
void add_model(Cost& c, const Shape& m) {
  c.parts.push_back({m.model_field, "the " + plural(m.params, "parameter", "parameters") + " of this model", 0,
                     5 * bytes_per_double * m.params});  // values, gradients, optimizer state, copies
  if (m.masks > 0)  // the scenario's copy and the model's
    c.parts.push_back({"model.dropout_masks", "the dropout masks", 0, 2 * bytes_per_double * m.masks});
}
void add_data(Cost& c, const Shape& m, const char* what, bool evaluated, bool validation) {
  const double rows = validation ? m.validation_rows : m.rows;
  const double samples = validation ? m.validation_samples : m.samples;
  if (samples == 0) return;
  double memory = 2 * bytes_per_double * rows * m.io;  // the scenario's copy and the model's
  // Work space: RNN tapes for every sequence; an MLP's for the whole set (unless it is the batch).
  if (m.rnn || validation || m.batch < m.samples) memory += bytes_per_double * rows * m.tape;
  CostPart part{validation ? m.validation_field : m.data_field, std::string(what) + " " + rows_of(m, samples, rows),
                evaluated ? pass(m, rows) : 0, memory};
  c.parts.push_back(std::move(part));
}
void add_batch(Cost& c, const Shape& m) {
  if (m.rnn) return;  // an RNN's tapes are its data's
  c.parts.push_back({"train.batch_size", "a batch of " + plural(m.batch, "row", "rows"), 0,
                     bytes_per_double * m.batch * (m.tape + m.io)});
}
void add_output(Cost& c, const std::string& field, const std::string& what, double values) {
  c.output_values += values;
  c.parts.push_back({field, what, 0, bytes_per_output_value * values, values});
}

const CostPart& largest(const Cost& c, double CostPart::*measure) {
  return *std::max_element(c.parts.begin(), c.parts.end(),
                           [&](const CostPart& a, const CostPart& b) { return a.*measure < b.*measure; });
}

[[noreturn]] void refuse_work(const Cost& c, Reason reason = Reason::too_much_work) {
  const CostPart& p = largest(c, &CostPart::work);
  fail(p.field, reason, {{"what", p.what}, {"work", grouped(c.work())}, {"limit", grouped(limits::max_work)}});
}
[[noreturn]] void refuse_memory(const Cost& c) {
  const CostPart& p = largest(c, &CostPart::memory);
  fail(p.field, Reason::too_much_memory,
       {{"what", p.what}, {"part", megabytes(p.memory)}, {"memory", megabytes(c.memory())},
        {"limit", megabytes(limits::max_memory_bytes)}});
}

void check(const Cost& c) {
  if (c.recorded_losses > limits::max_recorded_losses)
    fail("train.record_every", Reason::too_many_losses,
         {{"count", grouped(c.recorded_losses)}, {"limit", grouped(limits::max_recorded_losses)}});
  if (c.work() > limits::max_work) refuse_work(c);
  if (c.output_values > limits::max_output_values) {
    const CostPart& p = largest(c, &CostPart::output);
    fail(p.field, Reason::too_many_outputs,
         {{"what", p.what}, {"count", grouped(c.output_values)}, {"limit", grouped(limits::max_output_values)}});
  }
  if (c.memory() > limits::max_memory_bytes) refuse_memory(c);
}

}  // namespace

double Cost::work() const {
  double sum = 0;
  for (const CostPart& p : parts) sum += p.work;
  return sum;
}
double Cost::memory() const {
  double sum = 0;
  for (const CostPart& p : parts) sum += p.memory;
  return sum;
}

double parameter_count(const Scenario& s) {
  double n = 0;
  for (const ParameterShape& shape : parameter_shapes(s)) n += double(shape.rows) * double(shape.cols);
  return n;
}

Cost estimate_cost(const Scenario& s, Command command) {
  const Shape m = shape_of(s);
  Cost c;
  add_model(c, m);
  switch (command) {
    case Command::train: {
      const double steps = double(s.train.steps);
      c.parts.push_back({"train.steps", plural(steps, "training step", "training steps") + " of this model and batch",
                         steps * step(m), 0});
      add_batch(c, m);
      add_data(c, m, "the final loss over", true, false);
      add_data(c, m, "the validation loss over", true, true);
      c.recorded_losses = steps > 0 ? std::ceil(steps / double(s.train.record_every)) : 0;
      if (s.train.patience > 0) {  // early stopping: a validation loss at every recorded step
        c.parts.push_back({"train.early_stopping", plural(c.recorded_losses, "evaluation", "evaluations") +
                               " of the validation loss over " + rows_of(m, m.validation_samples, m.validation_rows),
                           c.recorded_losses * pass(m, m.validation_rows), bytes_per_double * m.params});
        add_output(c, "train.record_every", "the validation losses", 2 * c.recorded_losses);
      }
      c.parts.push_back({"train.record_every", plural(c.recorded_losses, "recorded loss", "recorded losses"),
                         c.recorded_losses * ops_per_layer, bytes_per_recorded_loss * c.recorded_losses});
      c.output_values += 2 * c.recorded_losses;
      c.parts.back().output = 2 * c.recorded_losses;
      add_output(c, m.model_field, "the trained parameters", m.params + 2 * m.norm_units);  // and running statistics
      break;
    }
    case Command::trace:
    case Command::norms: {
      add_batch(c, m);
      add_data(c, m, "the data:", false, false);
      add_data(c, m, "the validation data:", false, true);
      // The parameters before and after, the gradients, and every intermediate of the first batch;
      // an RNN's trace also holds what each time step adds to each gradient, and the running sums.
      // Per row (MLP: z, a, ∂L/∂a, f′, δ of every unit) or time step (RNN: r, h, s, y and their
      // eight backward companions, at most 7 per unit).
      // Batch norm: x̂, y, dy, dx̂ per unit and row, μ and σ² per unit, the running statistics before
      // and after; dropout: m, a_drop, ∂L/∂a_drop per unit and row.
      double batch_values = m.step_rows * (m.rnn ? 7 : 5) * m.units +
                            m.step_rows * (4 * m.norm_units + 3 * m.drop_units) + 6 * m.norm_units;
      // The updates before the one shown (Scenario::iteration), and that one.
      double batch_work = step(m) * double(s.iteration);
      if (m.rnn) {
        batch_values += m.step_rows * m.params * 2;
        batch_work += m.step_rows * m.params * 4;
      }
      c.parts.push_back({m.rnn ? m.data_field : "train.batch_size", "one training step over the first batch", batch_work, 0});
      // Per parameter: its value before and after, its gradient (and that gradient's two parts
      // with a penalty), and the optimizer's buffers before and after.
      const double per_parameter = 3 + (m.regularized ? 2 : 0) + m.state_buffers;
      const double values = m.params * per_parameter + batch_values;
      if (command == Command::trace) {
        add_output(c, m.model_field, "the parameters before and after the step, their gradients and the optimizer's state",
                   m.params * per_parameter);
        add_output(c, m.rnn ? m.data_field : "train.batch_size", "the first batch's intermediate values", batch_values);
      } else {  // norms holds the trace, and writes a few numbers per time step
        c.parts.push_back({m.rnn ? m.data_field : "train.batch_size", "the trace behind the norms",
                           0, 2 * bytes_per_double * values});
        add_output(c, m.data_field, "the norms", m.longest * 4);
      }
      break;
    }
    case Command::gradcheck: {
      add_batch(c, m);
      add_data(c, m, "the data:", false, false);
      add_data(c, m, "the validation data:", false, true);
      c.parts.push_back({m.model_field,
                         "a gradient check of " + plural(m.params, "parameter", "parameters") + " (" +
                             grouped(2 * m.params + 1) + " passes over a batch of " +
                             rows_of(m, m.batch, m.step_rows) + ")",
                         (2 * m.params + 1) * pass(m, m.step_rows), 0});
      add_output(c, m.model_field, "the gradient check's numbers", m.params * 3);
      break;
    }
    case Command::predict: {
      add_data(c, m, "a forward pass over", true, false);
      add_data(c, m, "a forward pass over the validation set of", true, true);
      // predict's work space is the whole set, batch or not
      if (!m.rnn && m.batch == m.samples && m.samples > 0)
        c.parts.push_back({m.data_field, "the work space of " + plural(m.rows, "row", "rows"), 0,
                           bytes_per_double * m.rows * m.tape});
      add_output(c, m.data_field, "the outputs", m.rows * m.output_size);
      add_output(c, m.validation_field, "the validation outputs", m.validation_rows * m.output_size);
      break;
    }
  }
  return c;
}

double estimated_work(const Scenario& s, Command command) { return estimate_cost(s, command).work(); }
double estimated_memory(const Scenario& s, Command command) { return estimate_cost(s, command).memory(); }

void check_work(const Scenario& s, Command command) {
  check(estimate_cost(s, command));
}

void check_trainer(const Scenario& s) {
  // What the Trainer holds, and what fullLoss, validationLoss and evaluate each cost per call;
  // parameters() writes every parameter.
  const Shape m = shape_of(s);
  Cost c;
  add_model(c, m);
  add_batch(c, m);
  add_data(c, m, "the loss over", true, false);
  add_data(c, m, "the validation loss over", true, true);
  add_output(c, m.model_field, "the parameters", m.params);
  check(c);
}

void check_trainer_run(const Scenario& s, double steps) {
  if (std::isnan(steps)) fail("run.steps", Reason::not_number, {{"type", "NaN"}});
  if (!std::isfinite(steps) || steps != std::floor(steps) || steps < 0)
    fail("run.steps", Reason::not_count, {{"got", show(steps)}});
  if (steps > limits::max_recorded_losses)
    fail("run.steps", Reason::too_many_steps, {{"count", grouped(steps)}, {"limit", grouped(limits::max_recorded_losses)}});
  const Shape m = shape_of(s);
  Cost c;
  c.parts.push_back({"run.steps", plural(steps, "training step", "training steps") + " in one call", steps * step(m), 0});
  if (c.work() > limits::max_work) refuse_work(c, Reason::too_much_work_per_call);
}

void check_grid_work(const Scenario& s, double nx, double ny) {
  if (!(nx >= 1 && ny >= 1) || !std::isfinite(nx * ny)) return;  // Trainer::grid refuses these
  const Shape m = shape_of(s);
  Cost c;
  c.parts.push_back({"grid.ny", "a grid of " + grouped(nx * ny) + " points", pass(m, nx * ny), 0});
  if (c.work() > limits::max_work) refuse_work(c);
}

Cost surface_cost(const SurfaceSpec& spec) {
  // One evaluation: a handful of operations for a formula; a forward (and backward) pass of the
  // classic network over its one sample.
  double evaluation = 16;
  if (spec.objective.kind == SurfaceKind::network) {
    const Scenario classic = classic_network_scenario();
    evaluation = pass(shape_of(classic), 1);
  }
  Cost c;
  const double points = double(spec.nx) * double(spec.ny);
  c.parts.push_back({"grid.ny", "a grid of " + grouped(points) + " points", points * evaluation, 0});
  double steps = 0, update = 0;
  for (const OptimizerConfig& o : spec.optimizers) {
    Scenario s;
    s.optimizer = o;
    Shape m;
    add_optimizer(m, s);
    steps += double(spec.steps) + 1;
    update += double(spec.steps) * 2 * m.update_ops;
  }
  c.parts.push_back({"steps", plural(steps, "evaluation", "evaluations") + " along the trajectories",
                     steps * evaluation + update, bytes_per_double * 4 * steps});
  add_output(c, "grid.ny", "the grid's values", points + spec.nx + spec.ny);
  add_output(c, "steps", "the trajectories' points", 3 * steps);
  return c;
}

void check_surface(const SurfaceSpec& spec) { check(surface_cost(spec)); }

void check_init_stats(const Scenario& s) {
  const Shape m = shape_of(s);
  Cost c;
  add_model(c, m);
  add_batch(c, m);
  const double values = m.rows * m.units * 2 + m.params;  // a and δ of every unit and row, ∂L/∂W
  c.parts.push_back({"batch", "a forward and backward pass over " + plural(m.rows, "row", "rows"),
                     pass(m, m.rows) + values * std::log2(values + 2), 2 * bytes_per_double * values});
  check(c);
}

}  // namespace backprop
