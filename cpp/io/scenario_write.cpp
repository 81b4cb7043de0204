// Scenario → JSON: the scenario with every value the parser filled in.
#include <nlohmann/json.hpp>

#include "json_fields.hpp"
#include "optimizer_json.hpp"
#include "options.hpp"
#include "scenario_json.hpp"

namespace backprop {

namespace {

using ojson = nlohmann::ordered_json;
using json_fields::rows_json;
using options::kinds;
using options::schemes;

ojson vector_json(const Matrix& m) {
  ojson out = ojson::array();
  for (Index i = 0; i < m.size(); ++i) out.push_back(m.data()[i]);
  return out;
}

}  // namespace

nlohmann::ordered_json scenario_document(const Scenario& s) {
  ojson root;
  ojson& model = root["model"];
  model["kind"] = kinds[int(s.kind)].first;
  if (s.kind == ModelKind::mlp) {
    model["layers"] = s.mlp.layers;
    model["activations"] = ojson::array();
    for (Activation f : s.mlp.activations) model["activations"].push_back(name(f));
    model["loss"] = name(s.mlp.loss);
    if (!s.mlp.dropout.empty()) model["dropout"] = s.mlp.dropout;
    if (!s.mlp.batch_norm.empty()) model["batch_norm"] = s.mlp.batch_norm;
    if (!s.mlp.dropout_masks.empty()) {
      ojson& masks = model["dropout_masks"];
      for (const auto& [l, mask] : s.mlp.dropout_masks) masks[std::to_string(l)] = rows_json(mask);
    }
  } else {
    model["input_size"] = s.rnn.input_size;
    model["hidden_size"] = s.rnn.hidden_size;
    model["output_size"] = s.rnn.output_size;
    model["hidden_activation"] = name(s.rnn.hidden_activation);
    model["output_activation"] = name(s.rnn.output_activation);
    model["loss"] = name(s.rnn.loss);
    model["bias"] = s.rnn.bias;
  }
  if (!s.parameters.empty()) {
    ojson& params = root["parameters"];
    for (const ParameterShape& shape : parameter_shapes(s))
      if (auto it = s.parameters.find(shape.name); it != s.parameters.end())
        params[shape.name] = shape.is_vector ? vector_json(it->second) : rows_json(it->second);
  }
  if (!s.buffers.empty()) {
    ojson& buffers = root["buffers"];
    for (const auto& [name, value] : s.buffers) buffers[name] = vector_json(value);
  }
  root["init"] = {{"scheme", schemes[int(s.init.scheme)].first}, {"scale", s.init.scale}, {"seed", s.init.seed}};
  if (s.kind == ModelKind::mlp) {
    root["data"] = {{"inputs", rows_json(s.inputs)}, {"targets", rows_json(s.targets)}};
    if (s.validation_inputs)
      root["data"]["validation"] = {{"inputs", rows_json(*s.validation_inputs)},
                                    {"targets", rows_json(*s.validation_targets)}};
  } else {
    ojson sequences = ojson::array();
    for (const Sequence& seq : s.sequences)
      sequences.push_back({{"inputs", rows_json(seq.inputs)}, {"targets", rows_json(seq.targets, seq.has_target)}});
    root["data"] = {{"sequences", std::move(sequences)}};
    if (!s.validation_sequences.empty()) {
      ojson validation = ojson::array();
      for (const Sequence& seq : s.validation_sequences)
        validation.push_back({{"inputs", rows_json(seq.inputs)}, {"targets", rows_json(seq.targets, seq.has_target)}});
      root["data"]["validation"] = {{"sequences", std::move(validation)}};
    }
  }
  root["optimizer"] = optimizer_json(s.optimizer);
  root["regularization"] = {{"l1", s.regularization.l1}, {"l2", s.regularization.l2}};
  const TrainConfig& t = s.train;
  root["train"] = {{"steps", t.steps}, {"record_every", t.record_every},
                   {"batch_size", t.batch_size > 0 ? ojson(t.batch_size) : ojson(nullptr)},
                   {"shuffle", t.shuffle}, {"seed", t.seed}};
  if (t.patience > 0) root["train"]["early_stopping"] = {{"patience", t.patience}};
  root["iteration"] = s.iteration;
  return root;
}

std::string serialise_scenario(const Scenario& s) { return scenario_document(s).dump(2); }

}  // namespace backprop
