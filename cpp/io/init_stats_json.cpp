#include "init_stats_json.hpp"

#include "json_fields.hpp"
#include "options.hpp"

namespace backprop {

namespace {

using namespace json_fields;
using ojson = nlohmann::ordered_json;

int whole(const json& j, const std::string& path, const options::Range& r) { return int(integer(j, path, r.min, r.max)); }

ojson spread_json(const Spread& s) {
  return {{"quantiles", s.quantiles}, {"mean", s.mean}, {"std", s.std}};
}

}  // namespace

InitStatsSpec parse_init_stats_spec(std::string_view source) {
  const json root_json = parse_object_document(source, "init_stats");
  Object root(root_json, "");
  InitStatsSpec s;
  if (const json* d = root.get("depth")) s.depth = whole(*d, "depth", options::stats_depth);
  if (const json* w = root.get("width")) s.width = whole(*w, "width", options::stats_width);
  if (const json* a = root.get("activation")) s.activation = choice(*a, "activation", options::hidden_activations);
  if (const json* given = root.get("init")) {
    Object init(*given, "init");
    if (const json* scheme = init.get("scheme")) s.init.scheme = choice(*scheme, init.path("scheme"), options::schemes);
    if (const json* scale = init.get("scale"))
      s.init.scale = number_in(*scale, init.path("scale"), options::init_scale.min, options::init_scale.max);
    init.finish();
  }
  if (const json* b = root.get("batch")) s.batch = whole(*b, "batch", options::stats_batch);
  if (const json* seed = root.get("seed")) s.seed = std::uint64_t(integer(*seed, "seed", options::seed.min, options::seed.max));
  root.finish();
  return s;
}

std::string init_stats_json(const InitStatsSpec& spec, const std::vector<LayerStats>& layers) {
  const auto name_of = [](const auto& table, auto value) {
    for (const auto& [name, v] : table)
      if (v == value) return name;
    return "";
  };
  ojson out = {{"depth", spec.depth},
               {"width", spec.width},
               {"activation", name_of(options::hidden_activations, spec.activation)},
               {"init", {{"scheme", name_of(options::schemes, spec.init.scheme)}, {"scale", spec.init.scale}}},
               {"batch", spec.batch},
               {"seed", spec.seed},
               {"quantile_levels", quantile_levels}};
  ojson list = ojson::array();
  for (const LayerStats& l : layers) {
    ojson activation = spread_json(l.activation);
    activation["saturated"] = l.saturated;
    activation["zero"] = l.zero;
    list.push_back({{"layer", l.layer}, {"activation", activation}, {"gradient", spread_json(l.gradient)},
                    {"delta", spread_json(l.delta)}});
  }
  out["layers"] = list;
  return out.dump();
}

}  // namespace backprop
