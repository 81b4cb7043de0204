#include "optimizer_json.hpp"

#include "json_fields.hpp"
#include "options.hpp"

namespace backprop {

namespace {
double number_in(const json_fields::json& j, const std::string& path, const options::Range& r) {
  return json_fields::number_in(j, path, r.min, r.max, r.open_max);
}
}  // namespace

OptimizerConfig parse_optimizer(const nlohmann::ordered_json* given, const std::string& path) {
  using namespace json_fields;
  using options::optimizers;
  if (!given) return options::optimizer_defaults(OptimizerConfig{}.kind);
  Object opt(*given, path);
  const json* kind = opt.get("kind");
  OptimizerConfig o = options::optimizer_defaults(kind ? choice(*kind, opt.path("kind"), optimizers) : OptimizerConfig{}.kind);
  if (const json* lr = opt.get("lr")) o.lr = number_in(*lr, opt.path("lr"), options::lr);
  if (const json* u = opt.get("update_biases")) o.update_biases = boolean(*u, opt.path("update_biases"));
  for (const auto& h : options::hyperparameters)
    if (h.applies(o.kind))
      if (const json* v = opt.get(h.name)) o.*h.field = number_in(*v, opt.path(h.name), *h.range);
  opt.finish(opt.path("kind"), optimizers[int(o.kind)].first);
  return o;
}

nlohmann::ordered_json optimizer_json(const OptimizerConfig& o) {
  nlohmann::ordered_json opt;
  opt["kind"] = options::optimizers[int(o.kind)].first;
  opt["lr"] = o.lr;
  for (const auto& h : options::hyperparameters)
    if (h.applies(o.kind)) opt[h.name] = o.*h.field;
  opt["update_biases"] = o.update_biases;
  return opt;
}

}  // namespace backprop
