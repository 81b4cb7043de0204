// The `backprop` tool's verbs on a scenario text, shared by the native CLI and the WebAssembly
// one (bin/backprop.mjs), so that both print the same JSON and messages with the same exit codes.
#pragma once

#include <string>
#include <string_view>

#include "error.hpp"

namespace backprop {

struct CommandResult {
  int exit_code;    // 0 done, 1 usage, 2 bad scenario, 3 diverged or non-finite loss
  std::string out;  // JSON (with a final newline) when exit_code is 0
  std::string err;  // one line (with "backprop: " and a final newline) otherwise
  // A refusal (exit 2 or 3) as data: the field, the reason's code and its arguments as a JSON
  // object ({"low": "1", ...}), for the page to word it (docs/scenario.md, "Errors").
  std::string field = "", reason = "", args = "{}";
};

// command: trace, train, gradcheck, norms, predict, resolve (on a scenario), data, surface or
// init_stats (on their specs). `backprop spec` is spec_json() (spec_json.hpp), outside this
// dispatch so that the WebAssembly module, which never builds the spec, does not carry it.
CommandResult run_command(std::string_view command, std::string_view scenario_text);

// A refusal as run_command reports it (exit 2 bad input, 3 non-finite loss).
CommandResult refused(int exit_code, const ScenarioError& error);

// The --help text.
const char* usage();

}  // namespace backprop
