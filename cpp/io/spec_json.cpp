#include "spec_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "deadline.hpp"
#include "error.hpp"
#include "batch_norm.hpp"
#include "gradcheck.hpp"
#include "options.hpp"
#include "surface.hpp"

namespace backprop {

namespace {

using ojson = nlohmann::ordered_json;
using options::Range;

ojson range(const Range& r) {
  ojson out = {{"min", r.min}};
  if (std::isfinite(r.max)) out["max"] = r.max;
  if (r.integer) out["integer"] = true;
  if (r.open_max) out["max_excluded"] = true;
  return out;
}

template <class T>
ojson range(const Range& r, T fallback) {
  ojson out = range(r);
  out["default"] = fallback;
  return out;
}

template <class Enum, size_t N>
ojson names(const std::pair<const char*, Enum> (&table)[N]) {
  ojson out = ojson::array();
  for (const auto& entry : table) out.push_back(entry.first);
  return out;
}

template <class Enum, size_t N>
const char* name_of(const std::pair<const char*, Enum> (&table)[N], Enum value) {
  for (const auto& entry : table)
    if (entry.second == value) return entry.first;
  return "";
}

template <class Enum, size_t N>
ojson choice(const std::pair<const char*, Enum> (&table)[N], Enum fallback) {
  return {{"values", names(table)}, {"default", name_of(table, fallback)}};
}

ojson limits_json() {
  namespace l = limits;
  return {{"max_text_bytes", l::max_text_bytes},     {"max_nesting", l::max_nesting},
          {"max_json_objects", l::max_json_objects}, {"max_json_lists", l::max_json_lists},
          {"max_units", l::max_units},               {"max_weight_layers", l::max_weight_layers},
          {"max_parameters", l::max_parameters},     {"max_samples", l::max_samples},
          {"max_sequence_length", l::max_sequence_length}, {"max_data_values", l::max_data_values},
          {"max_steps", l::max_steps}, {"max_seconds", max_seconds},               {"max_work", l::max_work},
          {"max_memory_bytes", l::max_memory_bytes}, {"max_recorded_losses", l::max_recorded_losses},
          {"max_output_values", l::max_output_values},
          {"max_seed", l::max_seed}};
}

ojson optimizer_json() {
  const OptimizerConfig o;
  ojson out = {{"kind", choice(options::optimizers, o.kind)}};
  for (const auto& [name, kind] : options::optimizers) {
    const OptimizerConfig defaults = options::optimizer_defaults(kind);
    ojson& entry = out[name];
    entry["lr"] = range(options::lr, defaults.lr);
    for (const auto& h : options::hyperparameters)
      if (h.applies(kind)) entry[h.name] = range(*h.range, defaults.*h.field);
  }
  out["update_biases"] = {{"default", o.update_biases}};
  return out;
}

ojson scenario_json() {
  const MlpSpec mlp;
  const RnnSpec rnn;
  const InitConfig init;
  const Regularization reg;
  const TrainConfig train;
  return {
      {"kind", {{"values", names(options::kinds)}}},
      {"units", range(options::units)},
      {"activations", names(options::activations)},
      {"mlp",
       {{"loss", choice(options::mlp_losses, mlp.loss)},
        {"dropout", range(options::dropout, 0.0)},  // one per hidden layer
        {"batch_norm", {{"default", false}, {"eps", batch_norm_eps}, {"momentum", batch_norm_momentum}}}}},
      {"rnn",
       {{"loss", choice(options::rnn_losses, rnn.loss)},
        {"hidden_activation", choice(options::activations, rnn.hidden_activation)},
        {"output_activation", choice(options::activations, rnn.output_activation)},
        {"bias", {{"default", rnn.bias}}}}},
      {"init",
       {{"scheme", choice(options::schemes, init.scheme)},
        {"scale", range(options::init_scale, init.scale)},
        {"seed", range(options::seed, init.seed)}}},
      {"optimizer", optimizer_json()},
      {"regularization", {{"l1", range(options::penalty, reg.l1)}, {"l2", range(options::penalty, reg.l2)}}},
      {"train",
       {{"steps", range(options::steps, train.steps)},
        {"record_every", range(options::record_every, train.record_every)},
        {"batch_size", {{"default", nullptr}}},
        {"shuffle", {{"default", train.shuffle}}},
        {"early_stopping", {{"patience", range(options::patience)}}}}},
      {"iteration", range(options::iteration, Scenario{}.iteration)},
  };
}

ojson data_json() {
  const PointsSpec p;
  const SequencesSpec q;
  return {{"points",
           {{"shape", {{"values", names(options::shapes)}}},
            {"count", range(options::point_count, p.count)},
            {"noise", range(options::noise, p.noise)},
            {"validation", range(options::validation, p.validation)},
            {"seed", range(options::seed, p.seed)}}},
          {"sequences",
           {{"task", {{"values", names(options::tasks)}}},
            {"count", range(options::sequence_count, q.count)},
            {"min_length", range(options::sequence_length, q.min_length)},
            {"max_length", range(options::sequence_length, q.max_length)},
            {"delay", range(options::delay, q.delay)},
            {"validation", range(options::validation, q.validation)},
            {"seed", range(options::seed, q.seed)}}}};
}

// The surface verb: objectives with their defaults (range, start, minimum), and the race's numbers.
// Each optimizer takes the scenario's optimizer fields (scenario.optimizer).
ojson surface_json() {
  const SurfaceSpec s;
  const SurfaceObjective o;
  ojson kinds = ojson::object();
  for (const auto& [name, kind] : options::surface_kinds) {
    const SurfaceDefaults d = surface_defaults(kind, o.weights);
    kinds[name] = {{"x", d.x}, {"y", d.y}, {"start", d.start},
                   {"minimum", d.minimum ? ojson(*d.minimum) : ojson(nullptr)},
                   {"minimum_value", d.minimum_value ? ojson(*d.minimum_value) : ojson(nullptr)},
                   {"unbounded_below", d.unbounded}};
  }
  ojson entries = ojson::array();
  for (const NetworkEntry& e : network_entries()) entries.push_back(e.name);
  return {{"objective",
           {{"kind", {{"values", names(options::surface_kinds)}}},
            {"condition", range(options::condition, o.condition)},
            {"weights", {{"values", entries},
                         {"default", {network_entries()[size_t(o.weights[0])].name, network_entries()[size_t(o.weights[1])].name}}}},
            {"coordinate", range(options::coordinate)},
            {"kinds", kinds}}},
          {"grid", {{"nx", range(options::surface_grid, s.nx)}, {"ny", range(options::surface_grid, s.ny)}}},
          {"steps", range(options::surface_steps, s.steps)},
          {"tolerance", range(options::tolerance, s.tolerance)},
          {"optimizers", {{"min", 1}, {"max", options::max_surface_optimizers}}},
          {"divergence_bound", surface_divergence_bound}};
}

// The init_stats verb's numbers and choices.
ojson init_stats_spec_json() {
  const InitStatsSpec s;
  return {{"depth", range(options::stats_depth, s.depth)},
          {"width", range(options::stats_width, s.width)},
          {"activation", choice(options::hidden_activations, s.activation)},
          {"init", {{"scheme", choice(options::schemes, s.init.scheme)}, {"scale", range(options::init_scale, s.init.scale)}}},
          {"batch", range(options::stats_batch, s.batch)},
          {"seed", range(options::seed, s.seed)},
          {"quantile_levels", quantile_levels}};
}

ojson lesson_json() {
  namespace l = options::lesson;
  return {{"mlp",
           {{"hidden_layers", range(l::mlp_hidden_layers)},
            {"units", range(l::mlp_units)},
            {"samples", range(l::mlp_samples)},
            {"validation_rows", range(l::mlp_validation_rows)}}},
          {"rnn",
           {{"size", range(l::rnn_size)},
            {"steps", range(l::rnn_steps)},
            {"validation_sequences", range(l::rnn_validation_sequences)}}},
          {"value", range(l::value)},
          {"lr", range(l::lr)},
          {"training_steps", range(l::training_steps)},
          {"auto_gradcheck_work", l::auto_gradcheck_work},
          {"gradcheck", {{"epsilon", gradcheck_epsilon}, {"agree_below", l::gradcheck_agree_below}}},
          {"explorer",
           {{"steps", range(l::explorer_steps)}, {"hidden", range(l::explorer_hidden)}, {"scale", range(l::explorer_scale)}}}};
}

// Every reason a refusal can give, with its English template ({placeholders} are its arguments).
ojson reasons_json() {
  ojson out = ojson::object();
  for (const ReasonInfo& r : reasons()) out[r.code] = r.english;
  return out;
}

}  // namespace

std::string spec_json() {
  const ojson out = {{"limits", limits_json()},
                     {"scenario", scenario_json()},
                     {"data", data_json()},
                     {"lesson", lesson_json()},
                     {"surface", surface_json()},
                     {"init_stats", init_stats_spec_json()},
                     {"reasons", reasons_json()}};
  return out.dump(2);
}

}  // namespace backprop
