// Helpers shared by the core's tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario.hpp"
#include "trace.hpp"

namespace backprop::test {

using json = nlohmann::json;

std::string read_file(const std::string& path);
json load_json(const std::string& path_from_source_root);

// The classic hand-worked 2-2-2 example (half_sse, SGD η = 0.5).
json classic_scenario();
Scenario parse(const json& scenario);

// The value named `name` in a trace section (throws when absent).
const Matrix& named(const NamedValues& values, const std::string& name);

// Relative difference with a floor, so that values near zero compare absolutely.
double relative_error(double expected, double got, double floor = 1e-12);

// Compares every number of `expected` against `got` (objects by key, lists elementwise);
// returns the worst relative error and writes the first mismatch beyond `tolerance` into `where`.
double compare_json(const json& expected, const json& got, double tolerance, std::string& where,
                    const std::string& path = "");

// Runs `verb` in-process on `spec` and expects `expected_exit`: the parsed result, or on a
// refusal {field, reason, err}.
json run_verb(const std::string& verb, const json& spec, int expected_exit = 0);

struct CliResult {
  int exit_code;
  std::string out, err;
};
// Runs the built `backprop` tool with the given command, feeding `input` on stdin.
CliResult run_cli(const std::string& args, const std::string& input);

}  // namespace backprop::test
