#!/usr/bin/env bash
# Builds the core and its `backprop` tool, then steps through the classic 2-2-2 example with it.
# (The lesson page in the browser joins here with the WebAssembly build.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh native
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBACKPROP_TESTS=OFF -DBACKPROP_BENCHMARKS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target backprop
echo
echo "build/backprop is ready. The classic 2-2-2 example, one iteration:"
build/backprop trace examples/classic.json
echo
echo "Try: build/backprop train examples/classic.json   |   build/backprop --help"
