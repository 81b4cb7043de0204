#include "scenario_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "json_fields.hpp"
#include "limits.hpp"
#include "optimizer_json.hpp"
#include "options.hpp"
#include "trace_keys.hpp"

namespace backprop {

namespace {

using namespace json_fields;
using ojson = nlohmann::ordered_json;

using options::activations;
using options::kinds;
using options::rnn_losses;
using options::schemes;
constexpr auto& losses = options::mlp_losses;

// A number in an option's range (options.hpp).
using json_fields::integer;
using json_fields::number_in;
double number_in(const json& j, const std::string& path, const options::Range& r) {
  return json_fields::number_in(j, path, r.min, r.max, r.open_max);
}
long long integer(const json& j, const std::string& path, const options::Range& r) {
  return json_fields::integer(j, path, r.min, r.max);
}

// A list of `cols` numbers.
void read_row(const json& j, const std::string& path, Index cols, double* out) {
  list(j, path, "numbers");
  if (Index(j.size()) != cols)
    fail(path, Reason::wrong_length, {{"count", std::to_string(cols)}, {"got", std::to_string(j.size())}});
  for (Index k = 0; k < cols; ++k) out[k] = number(j[size_t(k)], item_path(path, size_t(k)));
}

Matrix vector_of(const json& j, const std::string& path, Index n) {
  Matrix m(1, n);
  read_row(j, path, n, m.data());
  return m;
}

// What a matrix's rows must match: a count of rows (`rows` ≥ 0) refused as `reason`, with `per`
// naming the rows they follow (wrong_rows); rows < 0 accepts any count from 1 to max_rows.
struct RowCount {
  Index rows = -1;
  Reason reason = Reason::wrong_rows;
  std::string per;
};

Matrix matrix_of(const json& j, const std::string& path, const RowCount& count, Index cols, double max_rows) {
  list(j, path, "rows");
  if (j.empty()) fail(path, Reason::empty);
  const Index rows = count.rows;
  if (rows >= 0 && Index(j.size()) != rows) {
    ReasonArgs args = {{"count", std::to_string(rows)}, {"got", std::to_string(j.size())}};
    if (count.reason == Reason::wrong_rows) args.push_back({"per", count.per});
    fail(path, count.reason, std::move(args));
  }
  if (double(j.size()) > max_rows)
    fail(path, Reason::too_many_rows, {{"count", std::to_string(j.size())}, {"limit", show(max_rows)}});
  if (double(j.size()) * double(cols) > limits::max_data_values)
    fail(path, Reason::too_many_values, {{"limit", show(limits::max_data_values)}});
  // Allocate only when every row has its numbers: a few bytes of "[]," must not claim rows × cols.
  const auto fits = [cols](const json& row) { return row.is_array() && Index(row.size()) == cols; };
  if (!std::all_of(j.begin(), j.end(), fits)) {
    Matrix row(1, cols);  // refuses the first bad row or number, as the full read would
    for (size_t i = 0; i < j.size(); ++i) read_row(j[i], item_path(path, i), cols, row.data());
  }
  Matrix m(Index(j.size()), cols);
  for (size_t i = 0; i < j.size(); ++i) read_row(j[i], item_path(path, i), cols, m.row(Index(i)).data());
  return m;
}

// One value per hidden layer: model.dropout (p) and model.batch_norm (true/false).
void parse_hidden_options(Object& model, Scenario& s) {
  const size_t hidden = s.mlp.layers.size() - 2;
  const auto per_hidden = [&](const char* key, const char* items) -> const json* {
    const json* given = model.get(key);
    if (!given) return nullptr;
    const std::string path = model.path(key);
    list(*given, path, items);
    if (given->size() != hidden)
      fail(path, Reason::wrong_length, {{"count", std::to_string(hidden)}, {"got", std::to_string(given->size())}});
    return given;
  };
  if (const json* d = per_hidden("dropout", "numbers"))
    for (size_t i = 0; i < d->size(); ++i)
      s.mlp.dropout.push_back(number_in((*d)[i], item_path(model.path("dropout"), i), options::dropout));
  if (const json* b = per_hidden("batch_norm", "booleans"))
    for (size_t i = 0; i < b->size(); ++i) s.mlp.batch_norm.push_back(boolean((*b)[i], item_path(model.path("batch_norm"), i)));
}

// model.dropout_masks (read after the data, whose rows they follow): {"l": N × n_l of 0/1} for a
// hidden layer l whose p is above 0; any other key is refused as unknown.
void parse_dropout_masks(const json* given, Scenario& s) {
  if (!given) return;
  Object masks(*given, "model.dropout_masks");
  for (size_t l = 1; l + 1 < s.mlp.layers.size(); ++l) {
    if (s.mlp.dropout_at(l - 1) <= 0) continue;
    const std::string key = std::to_string(l), path = masks.path(key);
    const json* m = masks.get(key);
    if (!m) continue;
    Matrix mask = matrix_of(*m, path, {s.inputs.rows(), Reason::wrong_rows, "data.inputs"}, s.mlp.layers[l],
                            limits::max_samples);
    for (Index i = 0; i < mask.rows(); ++i)
      for (Index j = 0; j < mask.cols(); ++j)
        if (mask(i, j) != 0.0 && mask(i, j) != 1.0)
          fail(item_path(item_path(path, size_t(i)), size_t(j)), Reason::not_binary, {{"got", show(mask(i, j))}});
    s.mlp.dropout_masks[int(l)] = std::move(mask);
  }
  masks.finish();
}

// Batch norm's running statistics, given: {"running_mean{l}": [...], "running_var{l}": [...]}.
void parse_buffers(Object& root, Scenario& s) {
  if (s.kind != ModelKind::mlp) return;  // root.finish refuses the field
  const json* given = root.get("buffers");
  if (!given) return;
  Object buffers(*given, "buffers");
  for (size_t l = 1; l + 1 < s.mlp.layers.size(); ++l) {
    if (!s.mlp.batch_norm_at(l - 1)) continue;
    for (const std::string& key : {keys::running_mean(l), keys::running_var(l)}) {
      const json* value = buffers.get(key);
      if (!value) continue;
      const std::string path = buffers.path(key);
      Matrix m = vector_of(*value, path, s.mlp.layers[l]);
      if (key == keys::running_var(l))
        for (Index j = 0; j < m.cols(); ++j)
          if (m(0, j) < 0) fail(item_path(path, size_t(j)), Reason::at_least, {{"low", "0"}, {"got", show(m(0, j))}});
      s.buffers[key] = std::move(m);
    }
  }
  buffers.finish();
}

// PyTorch refuses a training batch of one row under batch norm: so do we, before any work.
void check_batch_norm_rows(const Scenario& s) {
  if (s.kind != ModelKind::mlp || !s.mlp.any_batch_norm()) return;
  const long long n = s.inputs.rows();
  const long long k = s.train.batch_size > 0 && s.train.batch_size < n ? s.train.batch_size : n;
  if (k == 1 || n % k == 1)
    fail(k == n ? "data.inputs" : "train.batch_size", Reason::batch_norm_one_row,
         {{"count", std::to_string(n)}, {"size", std::to_string(k)}});
}

void parse_mlp_model(Object& model, Scenario& s) {
  const std::string layers_path = model.path("layers");
  const json& layers = list(model.require("layers"), layers_path, "layer_sizes");
  if (layers.size() < 2) fail(layers_path, Reason::too_few_layers, {{"count", std::to_string(layers.size())}});
  if (layers.size() > size_t(limits::max_weight_layers) + 1)
    fail(layers_path, Reason::too_many_layers,
         {{"count", std::to_string(layers.size())}, {"limit", std::to_string(limits::max_weight_layers + 1)}});
  double parameters = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    s.mlp.layers.push_back(int(integer(layers[i], item_path(layers_path, i), options::units)));
    if (i > 0) parameters += double(s.mlp.layers[i]) * (s.mlp.layers[i - 1] + 1);
  }
  if (parameters > limits::max_parameters)
    fail(layers_path, Reason::too_many_parameters, {{"count", show(parameters)}, {"limit", show(limits::max_parameters)}});

  const std::string act_path = model.path("activations");
  const json& acts = list(model.require("activations"), act_path, "activation_names");
  if (acts.size() != layers.size() - 1)
    fail(act_path, Reason::wrong_activations,
         {{"count", std::to_string(layers.size() - 1)}, {"got", std::to_string(acts.size())}});
  for (size_t i = 0; i < acts.size(); ++i) s.mlp.activations.push_back(choice(acts[i], item_path(act_path, i), activations));

  if (const json* loss = model.get("loss")) s.mlp.loss = choice(*loss, model.path("loss"), losses);
  if (s.mlp.loss == Loss::cross_entropy && s.mlp.activations.back() != Activation::softmax)
    fail(model.path("loss"), Reason::cross_entropy_softmax,
         {{"at", item_path(act_path, acts.size() - 1)}, {"activation", std::string(name(s.mlp.activations.back()))}});
  parse_hidden_options(model, s);
}

void parse_rnn_model(Object& model, Scenario& s) {
  RnnSpec& r = s.rnn;
  r.input_size = int(integer(model.require("input_size"), model.path("input_size"), options::units));
  r.hidden_size = int(integer(model.require("hidden_size"), model.path("hidden_size"), options::units));
  r.output_size = int(integer(model.require("output_size"), model.path("output_size"), options::units));
  const double parameters =
      double(r.hidden_size) * (r.input_size + r.hidden_size + r.output_size + 2) + r.output_size;
  if (parameters > limits::max_parameters)
    fail(model.path("hidden_size"), Reason::too_many_parameters,
         {{"count", show(parameters)}, {"limit", show(limits::max_parameters)}});
  if (const json* f = model.get("hidden_activation")) r.hidden_activation = choice(*f, model.path("hidden_activation"), activations);
  if (const json* g = model.get("output_activation")) r.output_activation = choice(*g, model.path("output_activation"), activations);
  if (const json* loss = model.get("loss")) r.loss = choice(*loss, model.path("loss"), rnn_losses);
  if (const json* bias = model.get("bias")) r.bias = boolean(*bias, model.path("bias"));
  if (r.loss == Loss::cross_entropy && r.output_activation != Activation::softmax)
    fail(model.path("loss"), Reason::cross_entropy_softmax,
         {{"at", model.path("output_activation")}, {"activation", std::string(name(r.output_activation))}});
}

void parse_parameters(Object& root, Scenario& s) {
  const json* given = root.get("parameters");
  if (!given) return;
  Object params(*given, "parameters");
  for (const ParameterShape& shape : parameter_shapes(s)) {
    const json* value = params.get(shape.name);
    if (!value) continue;
    const std::string path = params.path(shape.name);
    s.parameters[shape.name] = shape.is_vector ? vector_of(*value, path, shape.cols)
                                               : matrix_of(*value, path, {shape.rows, Reason::wrong_units, ""},
                                                           shape.cols, 1e9);
  }
  // An RNN without biases has no b and c.
  if (s.kind == ModelKind::rnn) params.finish("model.bias", s.rnn.bias ? "true" : "false");
  else params.finish("model.kind", "mlp");
}

void parse_init(Object& root, Scenario& s) {
  const json* given = root.get("init");
  if (!given) return;
  Object init(*given, "init");
  if (const json* scheme = init.get("scheme")) s.init.scheme = choice(*scheme, init.path("scheme"), schemes);
  if (const json* scale = init.get("scale")) {
    s.init.scale = number_in(*scale, init.path("scale"), options::init_scale);
  }
  if (const json* seed = init.get("seed")) s.init.seed = std::uint64_t(integer(*seed, init.path("seed"), options::seed));
  init.finish();
}

void parse_mlp_data(Object& data, Scenario& s) {
  const Index n_x = s.mlp.layers.front(), n_y = s.mlp.layers.back();
  s.inputs = matrix_of(data.require("inputs"), data.path("inputs"), {}, n_x, limits::max_samples);
  s.targets = matrix_of(data.require("targets"), data.path("targets"),
                        {s.inputs.rows(), Reason::wrong_rows, data.path("inputs")}, n_y, limits::max_samples);
  if (const json* v = data.get("validation")) {
    Object validation(*v, data.path("validation"));
    // An empty set (a data verb's result with validation 0) is the same as none.
    const json* vi = validation.get("inputs");
    const json* vt = validation.get("targets");
    const bool empty = vi && vt && vi->is_array() && vi->empty() && vt->is_array() && vt->empty();
    if (!empty) {
      if (!vi) fail(validation.path("inputs"), Reason::required);
      s.validation_inputs = matrix_of(*vi, validation.path("inputs"), {}, n_x, limits::max_samples);
      if (!vt) fail(validation.path("targets"), Reason::required);
      s.validation_targets =
          matrix_of(*vt, validation.path("targets"),
                    {s.validation_inputs->rows(), Reason::wrong_rows, validation.path("inputs")}, n_y, limits::max_samples);
    }
    validation.finish();
  }
}

// A sequence's targets: a row per time step, or null for a step that adds nothing to the loss.
Matrix targets_of(const json& j, const std::string& path, Index rows, Index cols, std::vector<bool>& has_target) {
  list(j, path, "rows_or_null");
  if (Index(j.size()) != rows)
    fail(path, Reason::wrong_steps, {{"count", std::to_string(rows)}, {"got", std::to_string(j.size())}});
  if (std::none_of(j.begin(), j.end(), [](const json& row) { return row.is_null(); }))
    return matrix_of(j, path, {rows, Reason::wrong_steps, ""}, cols, limits::max_sequence_length);
  Matrix m = Matrix::Zero(rows, cols);
  has_target.assign(size_t(rows), false);
  for (size_t i = 0; i < j.size(); ++i) {
    if (j[i].is_null()) continue;
    read_row(j[i], item_path(path, i), cols, m.row(Index(i)).data());
    has_target[i] = true;
  }
  if (std::none_of(has_target.begin(), has_target.end(), [](bool b) { return b; }))
    fail(path, Reason::no_target);
  return m;
}

// A list of sequences at `path`; `values` counts the numbers read so far (all sets together).
std::vector<Sequence> sequences_of(const json& given, const std::string& path, const Scenario& s, bool allow_empty,
                                   double& values) {
  const json& sequences = list(given, path, "sequences");
  if (sequences.empty() && !allow_empty) fail(path, Reason::no_sequence);
  if (double(sequences.size()) > limits::max_samples)
    fail(path, Reason::too_many_sequences,
         {{"count", std::to_string(sequences.size())}, {"limit", show(limits::max_samples)}});
  std::vector<Sequence> out;
  for (size_t i = 0; i < sequences.size(); ++i) {
    Object seq(sequences[i], item_path(path, i));
    Sequence one;
    one.inputs = matrix_of(seq.require("inputs"), seq.path("inputs"), {}, s.rnn.input_size, limits::max_sequence_length);
    one.targets = targets_of(seq.require("targets"), seq.path("targets"), one.inputs.rows(), s.rnn.output_size,
                             one.has_target);
    seq.finish();
    values += double(one.inputs.size() + one.targets.size());
    if (values > limits::max_data_values)
      fail(item_path(path, i), Reason::too_many_values, {{"limit", show(limits::max_data_values)}});
    out.push_back(std::move(one));
  }
  return out;
}

void parse_rnn_data(Object& data, Scenario& s) {
  // A data verb's result carries its sizes: accepted when they agree with the model.
  for (auto [key, size] : {std::pair{"input_size", s.rnn.input_size}, {"output_size", s.rnn.output_size}})
    if (const json* given = data.get(key)) {
      const long long n = integer(*given, data.path(key), options::units);
      if (n != size)
        fail(data.path(key), Reason::size_mismatch,
             {{"other", "model." + std::string(key)}, {"size", std::to_string(size)}, {"got", std::to_string(n)}});
    }
  double values = 0;
  s.sequences = sequences_of(data.require("sequences"), data.path("sequences"), s, false, values);
  if (const json* v = data.get("validation")) {
    Object validation(*v, data.path("validation"));
    s.validation_sequences =
        sequences_of(validation.require("sequences"), validation.path("sequences"), s, true, values);
    validation.finish();
  }
}

void parse_data(Object& root, Scenario& s) {
  Object data(root.require("data"), "data");
  if (s.kind == ModelKind::mlp) parse_mlp_data(data, s);
  else parse_rnn_data(data, s);
  data.finish("model.kind", s.kind == ModelKind::mlp ? "mlp" : "rnn");
}

void parse_optimizer(Object& root, Scenario& s) { s.optimizer = backprop::parse_optimizer(root.get("optimizer"), "optimizer"); }

void parse_regularization(Object& root, Scenario& s) {
  const json* given = root.get("regularization");
  if (!given) return;
  Object reg(*given, "regularization");
  if (const json* l1 = reg.get("l1")) s.regularization.l1 = number_in(*l1, reg.path("l1"), options::penalty.min, options::penalty.max);
  if (const json* l2 = reg.get("l2")) s.regularization.l2 = number_in(*l2, reg.path("l2"), options::penalty.min, options::penalty.max);
  reg.finish();
}

void parse_train(Object& root, Scenario& s) {
  TrainConfig& t = s.train;
  t.seed = s.init.seed;
  const json* given = root.get("train");
  if (!given) return;
  Object train(*given, "train");
  if (const json* steps = train.get("steps")) t.steps = integer(*steps, train.path("steps"), options::steps);
  if (const json* every = train.get("record_every")) t.record_every = integer(*every, train.path("record_every"), options::record_every);
  if (const json* batch = train.get("batch_size")) {
    const double samples = double(s.sample_count());
    t.batch_size = integer(*batch, train.path("batch_size"), 1, samples);
  }
  if (const json* shuffle = train.get("shuffle")) t.shuffle = boolean(*shuffle, train.path("shuffle"));
  if (const json* seed = train.get("seed")) t.seed = std::uint64_t(integer(*seed, train.path("seed"), options::seed));
  if (const json* early = train.get("early_stopping")) {
    Object stop(*early, train.path("early_stopping"));
    t.patience = integer(stop.require("patience"), stop.path("patience"), options::patience);
    stop.finish();
    const bool validation = s.kind == ModelKind::mlp ? s.validation_inputs && s.validation_inputs->rows() > 0
                                                     : !s.validation_sequences.empty();
    if (!validation)
      fail(train.path("early_stopping"), Reason::needs_validation,
           {{"other", s.kind == ModelKind::mlp ? "data.validation" : "data.validation.sequences"}});
  }
  train.finish();
}

// Scenario → JSON.
}  // namespace

std::vector<ParameterShape> parameter_shapes(const Scenario& s) {
  std::vector<ParameterShape> shapes;
  if (s.kind == ModelKind::mlp) {
    for (size_t l = 1; l < s.mlp.layers.size(); ++l) {
      shapes.push_back({keys::W(l), s.mlp.layers[l], s.mlp.layers[l - 1], false});
      shapes.push_back({keys::b(l), 1, s.mlp.layers[l], true});
      if (s.mlp.batch_norm_at(l - 1)) {
        shapes.push_back({keys::gamma(l), 1, s.mlp.layers[l], true});
        shapes.push_back({keys::beta(l), 1, s.mlp.layers[l], true});
      }
    }
  } else {
    const RnnSpec& r = s.rnn;
    namespace key = keys::rnn;
    shapes = {{key::U, r.hidden_size, r.input_size, false},
              {key::V, r.hidden_size, r.hidden_size, false},
              {key::W, r.output_size, r.hidden_size, false}};
    if (r.bias) shapes.insert(shapes.end(), {{key::b, 1, r.hidden_size, true}, {key::c, 1, r.output_size, true}});
    shapes.push_back({key::h0, 1, r.hidden_size, true});
  }
  return shapes;
}

Scenario parse_scenario(std::string_view source) {
  const json root_json = parse_document(source, "scenario");
  Scenario s;
  Object root(root_json, "");
  Object model(root.require("model"), "model");
  s.kind = choice(model.require("kind"), model.path("kind"), kinds);
  const json* masks = nullptr;
  if (s.kind == ModelKind::mlp) {
    parse_mlp_model(model, s);
    masks = model.get("dropout_masks");
  } else {
    parse_rnn_model(model, s);
  }
  model.finish("model.kind", s.kind == ModelKind::mlp ? "mlp" : "rnn");
  parse_init(root, s);
  parse_parameters(root, s);
  parse_buffers(root, s);
  parse_data(root, s);
  parse_dropout_masks(masks, s);
  parse_optimizer(root, s);
  parse_regularization(root, s);
  parse_train(root, s);
  check_batch_norm_rows(s);
  if (const json* k = root.get("iteration")) s.iteration = integer(*k, "iteration", options::iteration);
  root.finish();
  return s;
}

}  // namespace backprop
