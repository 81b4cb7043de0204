#!/usr/bin/env bash
# Native benchmarks (Google Benchmark); the figures in the README come from this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh native
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target core_bench
build/core_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true "$@"
