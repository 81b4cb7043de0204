// backprop: the core on the command line. Reads a scenario (a file or - for stdin),
// writes JSON on stdout. Exit codes: 0 done, 1 usage or I/O error, 2 bad scenario,
// 3 training diverged or the loss is not finite.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <new>
#include <sstream>
#include <string>

#include "error.hpp"
#include "gradcheck.hpp"
#include "limits.hpp"
#include "result_json.hpp"
#include "scenario_json.hpp"
#include "trainer.hpp"

namespace {

constexpr const char* usage = R"(usage: backprop COMMAND FILE|-

Runs one scenario (JSON, see docs/scenario.md) through the backprop core and writes JSON on stdout.
FILE is a path, or - to read standard input.

commands:
  trace      every intermediate value of one training iteration: loss, forward (z1, a1, ... or
             r, h, s, y), backward (delta, dW, db, ... or r_grad, h_grad, s_grad, dU, dV, dW, ...)
             and the parameters after one update
  train      train.steps updates: {"losses": [[step, loss], ...], "final_loss", "parameters"}
  gradcheck  backprop's gradient against central finite differences, every parameter entry,
             with the relative error of each

options:
  -h, --help  show this help

exit status:
  0  success
  1  usage error, or the file cannot be read
  2  the scenario is not valid: one line on stderr names the field, e.g.
     "model.layers[1]: must be between 1 and 4096, got 0"
  3  the loss became NaN or infinite (the line on stderr names the step)
)";

int fail(int code, const std::string& message) {
  std::cerr << "backprop: " << message << '\n';
  return code;
}

bool read_input(const std::string& path, std::string& out) {
  std::istream* in = &std::cin;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return false;
    in = &file;
  }
  // Read at most one byte beyond the limit, so that the parser refuses an oversized input.
  std::string text(backprop::limits::max_text_bytes + 1, '\0');
  in->read(text.data(), std::streamsize(text.size()));
  if (in->bad()) return false;
  text.resize(size_t(in->gcount()));
  out = std::move(text);
  return true;
}

int run(const std::string& command, const std::string& path) {
  using namespace backprop;
  Command which;
  if (command == "trace") which = Command::trace;
  else if (command == "train") which = Command::train;
  else if (command == "gradcheck") which = Command::gradcheck;
  else return fail(1, "unknown command '" + command + "' (trace, train or gradcheck; see --help)");

  std::string text;
  if (!read_input(path, text)) return fail(1, "cannot read " + (path == "-" ? std::string("standard input") : path));
  try {
    const Scenario scenario = parse_scenario(text);
    check_work(scenario, which);
    switch (which) {
      case Command::trace: {
        const Trace result = trace(scenario);
        if (!std::isfinite(result.loss))
          return fail(3, std::string("trace: the loss is ") + (std::isnan(result.loss) ? "NaN" : "infinite") +
                             " for these parameters and data");
        std::cout << to_json(result) << '\n';
        break;
      }
      case Command::train: {
        const TrainResult result = train(scenario);
        if (result.divergence) return fail(3, divergence_message(*result.divergence, scenario));
        std::cout << to_json(result) << '\n';
        break;
      }
      case Command::gradcheck:
        std::cout << to_json(gradcheck(scenario)) << '\n';
        break;
    }
  } catch (const ScenarioError& e) {
    return fail(2, e.what());
  } catch (const std::bad_alloc&) {
    return fail(2, "scenario: too large for the memory available");
  }
  std::cout.flush();
  return std::cout ? 0 : fail(1, "cannot write the result");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (!std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help"))) {
    std::cout << usage;
    return 0;
  }
  if (argc != 3) {
    std::cerr << usage;
    return 1;
  }
  return run(argv[1], argv[2]);
}
