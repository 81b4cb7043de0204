#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "command.hpp"
#include "scenario_json.hpp"

namespace backprop::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

json load_json(const std::string& path) { return json::parse(read_file(std::string(BACKPROP_SOURCE_DIR) + "/" + path)); }

json run_verb(const std::string& verb, const json& spec, int expected_exit) {
  const CommandResult r = run_command(verb, spec.dump());
  EXPECT_EQ(r.exit_code, expected_exit) << r.err;
  return r.exit_code == 0 ? json::parse(r.out) : json{{"field", r.field}, {"reason", r.reason}, {"err", r.err}};
}

json classic_scenario() {
  return json::parse(R"({
    "model": {"kind": "mlp", "layers": [2, 2, 2], "activations": ["sigmoid", "sigmoid"], "loss": "half_sse"},
    "parameters": {"W1": [[0.15, 0.20], [0.25, 0.30]], "b1": [0.35, 0.35],
                   "W2": [[0.40, 0.45], [0.50, 0.55]], "b2": [0.60, 0.60]},
    "data": {"inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]]},
    "optimizer": {"kind": "sgd", "lr": 0.5},
    "train": {"steps": 1, "record_every": 1}
  })");
}

Scenario parse(const json& scenario) { return parse_scenario(scenario.dump()); }

const Matrix& named(const NamedValues& values, const std::string& name) {
  for (const NamedValue& v : values)
    if (v.name == name) return v.value;
  throw std::runtime_error("no " + name);
}

double relative_error(double expected, double got, double floor) {
  return std::abs(expected - got) / std::max(std::abs(expected), floor);
}

double compare_json(const json& expected, const json& got, double tolerance, std::string& where,
                    const std::string& path) {
  auto miss = [&](const std::string& what) {
    if (where.empty()) where = path + ": " + what;
    return INFINITY;
  };
  if (expected.is_object()) {
    if (!got.is_object()) return miss("expected an object");
    double worst = 0;
    for (const auto& item : expected.items()) {
      if (!got.contains(item.key())) {
        worst = miss("missing " + item.key());
        continue;
      }
      worst = std::max(worst, compare_json(item.value(), got[item.key()], tolerance, where, path + "." + item.key()));
    }
    return worst;
  }
  if (expected.is_array()) {
    if (!got.is_array() || got.size() != expected.size()) return miss("list of another length");
    double worst = 0;
    for (size_t i = 0; i < expected.size(); ++i)
      worst = std::max(worst, compare_json(expected[i], got[i], tolerance, where, path + "[" + std::to_string(i) + "]"));
    return worst;
  }
  if (!got.is_number()) return miss("expected a number, got " + got.dump());
  const double error = relative_error(expected.get<double>(), got.get<double>());
  if (error > tolerance && where.empty())
    where = path + ": expected " + expected.dump() + ", got " + got.dump();
  return error;
}

CliResult run_cli(const std::string& args, const std::string& input) {
  char in_path[] = "/tmp/backprop-in-XXXXXX";
  char out_path[] = "/tmp/backprop-out-XXXXXX";
  char err_path[] = "/tmp/backprop-err-XXXXXX";
  const int fds[] = {mkstemp(in_path), mkstemp(out_path), mkstemp(err_path)};
  for (int fd : fds) close(fd);
  std::ofstream(in_path, std::ios::binary) << input;
  const std::string command = std::string(BACKPROP_CLI) + " " + args + " <" + in_path + " >" + out_path + " 2>" + err_path;
  const int status = std::system(command.c_str());
  CliResult result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out_path), read_file(err_path)};
  for (const char* p : {in_path, out_path, err_path}) std::remove(p);
  return result;
}

}  // namespace backprop::test
