#include "data_json.hpp"

#include "json_fields.hpp"
#include "options.hpp"

namespace backprop {

namespace {

using namespace json_fields;
using ojson = nlohmann::ordered_json;

constexpr std::pair<const char*, int> kinds[] = {{"points", 0}, {"sequences", 1}};
using options::shapes;
using options::tasks;
using json_fields::integer;
using json_fields::number_in;

double number_in(const json& j, const std::string& path, const options::Range& r) {
  return json_fields::number_in(j, path, r.min, r.max, r.open_max);
}
int integer(const json& j, const std::string& path, const options::Range& r) {
  return int(json_fields::integer(j, path, r.min, r.max));
}

double validation_fraction(Object& spec, int count, const char* what) {
  const json* given = spec.get("validation");
  if (!given) return 0.0;
  const double fraction = number_in(*given, spec.path("validation"), options::validation);
  const int held = held_out(count, fraction);
  if (held >= count)
    fail(spec.path("validation"), Reason::all_held_out,
         {{"count", std::to_string(count)}, {"items", what}, {"fraction", show(fraction)}, {"held", std::to_string(held)}});
  return fraction;
}

std::uint64_t seed_of(Object& spec) {
  const json* given = spec.get("seed");
  return given ? std::uint64_t(json_fields::integer(*given, spec.path("seed"), options::seed.min, options::seed.max)) : 0;
}

PointsSpec parse_points(Object& spec) {
  PointsSpec p;
  p.shape = choice(spec.require("shape"), spec.path("shape"), shapes);
  if (const json* count = spec.get("count")) p.count = integer(*count, spec.path("count"), options::point_count);
  if (const json* noise = spec.get("noise")) p.noise = number_in(*noise, spec.path("noise"), options::noise);
  p.validation = validation_fraction(spec, p.count, "points");
  p.seed = seed_of(spec);
  spec.finish(spec.path("kind"), "points");
  return p;
}

SequencesSpec parse_sequences(Object& spec) {
  SequencesSpec q;
  q.task = choice(spec.require("task"), spec.path("task"), tasks);
  if (const json* count = spec.get("count")) q.count = integer(*count, spec.path("count"), options::sequence_count);
  if (const json* n = spec.get("min_length")) q.min_length = integer(*n, spec.path("min_length"), options::sequence_length);
  if (const json* n = spec.get("max_length")) q.max_length = integer(*n, spec.path("max_length"), options::sequence_length);
  if (q.max_length < q.min_length)
    fail(spec.path("max_length"), Reason::max_below_min,
         {{"other", spec.path("min_length")}, {"min", std::to_string(q.min_length)}, {"got", std::to_string(q.max_length)}});
  if (q.task == SequenceTask::echo) {
    if (const json* d = spec.get("delay")) q.delay = integer(*d, spec.path("delay"), options::delay);
    if (q.delay >= q.min_length)
      fail(spec.path("delay"), Reason::delay_too_long,
           {{"other", spec.path("min_length")}, {"min", std::to_string(q.min_length)}, {"got", std::to_string(q.delay)}});
  }
  q.validation = validation_fraction(spec, q.count, "sequences");
  q.seed = seed_of(spec);
  spec.finish(spec.path("task"), tasks[int(q.task)].first);
  return q;
}

ojson points_json(const PointSet& set) {
  return {{"inputs", rows_json(set.inputs)}, {"targets", rows_json(set.targets)}, {"labels", set.labels}};
}

ojson sequences_json(const std::vector<Sequence>& set) {
  ojson out = ojson::array();
  for (const Sequence& seq : set)
    out.push_back({{"inputs", rows_json(seq.inputs)}, {"targets", rows_json(seq.targets, seq.has_target)}});
  return out;
}

}  // namespace

DataSpec parse_data_spec(std::string_view source) {
  const json root = parse_document(source, "data", "data");
  Object spec(root, "data");
  if (choice(spec.require("kind"), spec.path("kind"), kinds) == 0) return parse_points(spec);
  return parse_sequences(spec);
}

std::string data_json(const DataSpec& spec) {
  ojson out;
  if (const auto* p = std::get_if<PointsSpec>(&spec)) {
    const Points points = make_points(*p);
    out = points_json(points.train);
    out["validation"] = points_json(points.validation);
  } else {
    const Sequences seqs = make_sequences(std::get<SequencesSpec>(spec));
    out["input_size"] = seqs.input_size;
    out["output_size"] = seqs.output_size;
    out["sequences"] = sequences_json(seqs.train);
    out["validation"] = {{"sequences", sequences_json(seqs.validation)}};
  }
  return out.dump();
}

}  // namespace backprop
