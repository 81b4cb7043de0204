#!/usr/bin/env bash
# Every test: the native build and its GoogleTest suite, the same suite under
# AddressSanitizer + UBSan, the fuzzer over its regression inputs, the WebAssembly build under
# Node (vitest) and the built site in headless Chromium (vitest + playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/deps.sh native fuzz wasm browser
npm ci --no-audit --no-fund

echo "== native build (Release) and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== the scenario's JSON Schema against the examples, the fixtures and the parser"
/usr/bin/python3 tests/tools/check_schema.py build/backprop

echo "== AddressSanitizer + UBSan build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKPROP_SANITIZE=ON -DBACKPROP_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -j"$jobs")

echo "== fuzzer: regression inputs and 40,000 inputs from seed 1 (the same on every run)"
mkdir -p build
if ! tests/fuzz/run.sh --runs 40000 >build/fuzz.log 2>&1; then
  cat build/fuzz.log
  exit 1
fi
grep -E '^(Done|scenario_fuzzer:)' build/fuzz.log

echo "== WebAssembly build, and the core under Node: fixtures, native agreement, errors, memory, CLI"
scripts/build-wasm.sh
npx vitest run

echo "== the built site in headless Chromium under the strict CSP"
npx vitest run --config vitest.e2e.config.js
