#include "optimizer_json.hpp"

#include "json_fields.hpp"
#include "options.hpp"

namespace backprop {

namespace {
double number_in(const json_fields::json& j, const std::string& path, const options::Range& r) {
  return json_fields::number_in(j, path, r.min, r.max, r.open_max);
}
}  // namespace

OptimizerConfig parse_optimizer(const nlohmann::json* given, const std::string& path) {
  using namespace json_fields;
  using options::optimizers;
  OptimizerConfig o;
  o.lr = options::default_lr(o.kind);
  if (!given) return o;
  Object opt(*given, path);
  if (const json* kind = opt.get("kind")) o.kind = choice(*kind, opt.path("kind"), optimizers);
  o.lr = options::default_lr(o.kind);  // PyTorch's defaults
  o.eps = options::default_eps(o.kind);
  o.rho = options::default_rho(o.kind);
  if (const json* lr = opt.get("lr")) o.lr = number_in(*lr, opt.path("lr"), options::lr);
  if (const json* u = opt.get("update_biases")) o.update_biases = boolean(*u, opt.path("update_biases"));
  switch (o.kind) {
    case OptimizerKind::sgd:
      if (const json* m = opt.get("momentum")) o.momentum = number_in(*m, opt.path("momentum"), options::momentum);
      break;
    case OptimizerKind::adam:
    case OptimizerKind::adamax:
      if (const json* b = opt.get("beta1")) o.beta1 = number_in(*b, opt.path("beta1"), options::beta);
      if (const json* b = opt.get("beta2")) o.beta2 = number_in(*b, opt.path("beta2"), options::beta);
      if (const json* e = opt.get("eps")) o.eps = number_in(*e, opt.path("eps"), options::eps);
      break;
    case OptimizerKind::rmsprop:
    case OptimizerKind::adadelta:
      if (const json* r = opt.get("rho")) o.rho = number_in(*r, opt.path("rho"), options::rho);
      if (const json* e = opt.get("eps")) o.eps = number_in(*e, opt.path("eps"), options::eps);
      break;
    case OptimizerKind::adagrad:
      if (const json* d = opt.get("lr_decay")) o.lr_decay = number_in(*d, opt.path("lr_decay"), options::lr_decay);
      if (const json* a = opt.get("initial_accumulator_value"))
        o.initial_accumulator_value = number_in(*a, opt.path("initial_accumulator_value"), options::initial_accumulator_value);
      if (const json* e = opt.get("eps")) o.eps = number_in(*e, opt.path("eps"), options::eps);
      break;
  }
  opt.finish(opt.path("kind"), optimizers[int(o.kind)].first);
  return o;
}

nlohmann::ordered_json optimizer_json(const OptimizerConfig& o) {
  nlohmann::ordered_json opt;
  opt["kind"] = options::optimizers[int(o.kind)].first;
  opt["lr"] = o.lr;
  if (o.kind == OptimizerKind::sgd) opt["momentum"] = o.momentum;
  if (o.kind == OptimizerKind::adam || o.kind == OptimizerKind::adamax)
    opt["beta1"] = o.beta1, opt["beta2"] = o.beta2, opt["eps"] = o.eps;
  if (o.kind == OptimizerKind::rmsprop || o.kind == OptimizerKind::adadelta) opt["rho"] = o.rho, opt["eps"] = o.eps;
  if (o.kind == OptimizerKind::adagrad)
    opt["lr_decay"] = o.lr_decay, opt["initial_accumulator_value"] = o.initial_accumulator_value, opt["eps"] = o.eps;
  opt["update_biases"] = o.update_biases;
  return opt;
}

}  // namespace backprop
