#include "surface_json.hpp"

#include "json_fields.hpp"
#include "optimizer_json.hpp"
#include "options.hpp"

namespace backprop {

namespace {

using namespace json_fields;
using ojson = nlohmann::ordered_json;

double number_in(const json& j, const std::string& path, const options::Range& r) {
  return json_fields::number_in(j, path, r.min, r.max, r.open_max);
}

// Two numbers; `increasing`: the second above the first.
Pair pair_of(const json& j, const std::string& path, bool increasing) {
  list(j, path, "numbers");
  if (j.size() != 2) fail(path, Reason::wrong_length, {{"count", "2"}, {"got", std::to_string(j.size())}});
  const Pair p{number_in(j[0], item_path(path, 0), options::coordinate), number_in(j[1], item_path(path, 1), options::coordinate)};
  if (increasing && !(p[1] > p[0]))
    fail(item_path(path, 1), Reason::not_above, {{"other", item_path(path, 0)}, {"min", show(p[0])}, {"got", show(p[1])}});
  return p;
}

int entry_of(const json& j, const std::string& path) {
  const std::string name = text(j, path);
  std::string list;
  const auto& entries = network_entries();
  for (size_t k = 0; k < entries.size(); ++k) {
    if (entries[k].name == name) return int(k);
    list += (list.empty() ? "" : ", ") + entries[k].name;
  }
  fail(path, Reason::not_one_of, {{"options", list}, {"got", shorten(name, 40)}});
}

SurfaceObjective parse_objective(Object& root, SurfaceSpec& spec) {
  SurfaceObjective o;
  const json* given = root.get("objective");
  if (!given) fail("objective", Reason::required);
  Object obj(*given, "objective");
  o.kind = choice(obj.require("kind"), obj.path("kind"), options::surface_kinds);
  if (o.kind == SurfaceKind::quadratic)
    if (const json* c = obj.get("condition")) o.condition = number_in(*c, obj.path("condition"), options::condition);
  if (o.kind == SurfaceKind::network)
    if (const json* w = obj.get("weights")) {
      const std::string path = obj.path("weights");
      list(*w, path, "strings");
      if (w->size() != 2) fail(path, Reason::wrong_length, {{"count", "2"}, {"got", std::to_string(w->size())}});
      o.weights = {entry_of((*w)[0], item_path(path, 0)), entry_of((*w)[1], item_path(path, 1))};
      if (o.weights[0] == o.weights[1])
        fail(item_path(path, 1), Reason::same_entry,
             {{"other", item_path(path, 0)}, {"name", network_entries()[size_t(o.weights[0])].name}});
    }
  const SurfaceDefaults d = surface_defaults(o.kind, o.weights);
  o.x = d.x;
  o.y = d.y;
  spec.start = d.start;
  if (const json* x = obj.get("x")) o.x = pair_of(*x, obj.path("x"), true);
  if (const json* y = obj.get("y")) o.y = pair_of(*y, obj.path("y"), true);
  obj.finish(obj.path("kind"), options::surface_kinds[int(o.kind)].first);
  return o;
}

}  // namespace

SurfaceSpec parse_surface_spec(std::string_view source) {
  const json root_json = parse_object_document(source, "surface");
  Object root(root_json, "");
  SurfaceSpec s;
  s.objective = parse_objective(root, s);
  if (const json* grid = root.get("grid")) {
    Object g(*grid, "grid");
    if (const json* n = g.get("nx")) s.nx = int(integer(*n, g.path("nx"), options::surface_grid.min, options::surface_grid.max));
    if (const json* n = g.get("ny")) s.ny = int(integer(*n, g.path("ny"), options::surface_grid.min, options::surface_grid.max));
    g.finish();
  }
  if (const json* start = root.get("start")) s.start = pair_of(*start, "start", false);
  if (const json* steps = root.get("steps"))
    s.steps = integer(*steps, "steps", options::surface_steps.min, options::surface_steps.max);
  if (const json* tol = root.get("tolerance")) s.tolerance = number_in(*tol, "tolerance", options::tolerance);
  const json& opts = list(root.require("optimizers"), "optimizers", "optimizers");
  if (opts.empty()) fail("optimizers", Reason::empty);
  if (opts.size() > size_t(options::max_surface_optimizers))
    fail("optimizers", Reason::too_many_entries,
         {{"count", std::to_string(opts.size())}, {"limit", std::to_string(options::max_surface_optimizers)}});
  for (size_t k = 0; k < opts.size(); ++k) {
    const std::string path = item_path("optimizers", k);
    if (!opts[k].is_object()) fail(path, Reason::not_object, {{"type", type_name(opts[k])}});
    s.optimizers.push_back(parse_optimizer(&opts[k], path));
  }
  root.finish();
  return s;
}

std::string surface_json(const SurfaceSpec& spec, const SurfaceResult& r) {
  const SurfaceObjective& o = spec.objective;
  ojson objective = {{"kind", options::surface_kinds[int(o.kind)].first}};
  if (o.kind == SurfaceKind::quadratic) objective["condition"] = o.condition;
  if (o.kind == SurfaceKind::network)
    objective["weights"] = {network_entries()[size_t(o.weights[0])].name, network_entries()[size_t(o.weights[1])].name};
  objective["x"] = o.x;
  objective["y"] = o.y;
  objective["minimum"] = r.known.minimum ? ojson(*r.known.minimum) : ojson(nullptr);
  objective["minimum_value"] = r.known.minimum_value ? ojson(*r.known.minimum_value) : ojson(nullptr);
  objective["unbounded_below"] = r.known.unbounded;
  objective["start"] = spec.start;
  ojson values = ojson::array();
  for (Index j = 0; j < r.values.rows(); ++j) values.push_back(std::vector<double>(r.values.row(j).begin(), r.values.row(j).end()));
  ojson trajectories = ojson::array();
  for (const Trajectory& t : r.trajectories) {
    const auto optional = [](const std::optional<long long>& n) { return n ? ojson(*n) : ojson(nullptr); };
    trajectories.push_back({{"optimizer", optimizer_json(t.optimizer)},
                            {"points", t.points},
                            {"outcome", name(t.outcome)},
                            {"steps_to_tolerance", optional(t.steps_to_tolerance)},
                            {"diverged_at", optional(t.diverged_at)}});
  }
  const ojson out = {{"objective", objective},
                     {"grid", {{"nx", spec.nx}, {"ny", spec.ny}, {"x", r.xs}, {"y", r.ys}, {"values", values},
                               {"min", r.min}, {"max", r.max}}},
                     {"steps", spec.steps},
                     {"tolerance", spec.tolerance},
                     {"trajectories", trajectories}};
  return out.dump();
}

}  // namespace backprop
