// backprop: the core on the command line. Reads a scenario (a file or - for stdin) and runs
// one verb on it (cpp/io/command.hpp); see `backprop --help`.
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "command.hpp"
#include "limits.hpp"
#include "spec_json.hpp"

namespace {

bool read_input(const std::string& path, std::string& out) {
  std::istream* in = &std::cin;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return false;
    in = &file;
  }
  // Read at most one byte beyond the limit, so that the parser refuses an oversized input.
  std::string text;
  char chunk[1 << 16];
  while (text.size() <= backprop::limits::max_text_bytes && in->read(chunk, sizeof chunk).gcount() > 0) {
    text.append(chunk, size_t(in->gcount()));
    if (!*in) break;
  }
  if (in->bad()) return false;
  if (text.size() > backprop::limits::max_text_bytes + 1) text.resize(backprop::limits::max_text_bytes + 1);
  out = std::move(text);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (!std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help"))) {
    std::cout << backprop::usage();
    return 0;
  }
  if (argc == 2 && !std::strcmp(argv[1], "spec")) {
    std::cout << backprop::spec_json() << '\n';
    return std::cout.flush() ? 0 : 1;
  }
  if (argc != 3) {
    std::cerr << backprop::usage();
    return 1;
  }
  const std::string path = argv[2];
  std::string text;
  if (!read_input(path, text)) {
    std::cerr << "backprop: cannot read " << (path == "-" ? "standard input" : path) << '\n';
    return 1;
  }
  const backprop::CommandResult result = backprop::run_command(argv[1], text);
  std::cout << result.out;
  std::cerr << result.err;
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "backprop: cannot write the result\n";
    return 1;
  }
  return result.exit_code;
}
