#!/usr/bin/env bash
# Builds the libFuzzer target, makes the seed corpus and fuzzes the scenario parser on one job:
# for SECONDS (default 300) from a random seed, growing the corpus, to explore; or, with --runs N,
# N inputs from seed 1 and a fresh copy of the seed corpus (the corpus is not grown), so that the
# test suite tries the same inputs on every run and machine. Exits non-zero when libFuzzer finds
# a crash, timeout, leak or OOM; the reproducer (crash-*, timeout-*, leak-*, oom-*) is left in
# the artifact directory.
#
# usage: tests/fuzz/run.sh [SECONDS]
#        tests/fuzz/run.sh --runs N
# env:   BUILD_DIR (build-fuzz), CORPUS_DIR (fuzz-corpus), ARTIFACT_DIR (BUILD_DIR/artifacts),
#        FUZZ_ARGS (extra libFuzzer flags)
set -euo pipefail

usage() { echo "usage: $0 [SECONDS] | --runs N" >&2; exit 2; }
runs=
seconds=300
if [[ ${1:-} == --runs ]]; then
  runs=${2:-}
  [[ $runs =~ ^[0-9]+$ ]] || usage
elif [[ $# -gt 0 ]]; then
  seconds=$1
  [[ $seconds =~ ^[0-9]+$ ]] || usage
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=${BUILD_DIR:-build-fuzz}
corpus=${CORPUS_DIR:-fuzz-corpus}
artifacts=${ARTIFACT_DIR:-$build/artifacts}

CXX=${CXX:-clang++} cmake -S . -B "$build" -DBACKPROP_FUZZ=ON -DBACKPROP_TESTS=OFF \
  -DBACKPROP_BENCHMARKS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target scenario_fuzzer -j "$(nproc)"

python3 tests/fuzz/make_corpus.py "$corpus"
mkdir -p "$artifacts"
started="$artifacts/.started"
touch "$started"

# ASan aborts on any report, UBSan too (built with -fno-sanitize-recover); libFuzzer checks for
# leaks itself.
# A small quarantine, so that freed memory held by ASan does not count against -rss_limit_mb.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1:quarantine_size_mb=16}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The work/memory oracle (scenario_fuzzer.cpp runs every verb the cost model estimates below a
# hundredth of its limits): an input that runs longer than 2 s (-timeout) or takes more than
# 256 MB (-rss_limit_mb) is a finding (timeout-*, oom-*); no input of at most 64 KiB has a reason
# to allocate 64 MiB at once (-malloc_limit_mb). The fixed run allows 30 s an input: it runs in
# the test suite, on machines that may be busy, where only a real hang may fail it.
if [[ -n $runs ]]; then
  fresh=$(mktemp -d)
  trap 'rm -rf "$fresh"' EXIT
  mode=(-runs="$runs" -seed=1 -timeout=30 "$fresh" "$corpus")
else
  mode=(-max_total_time="$seconds" -timeout=2 "$corpus")
fi
status=0
# shellcheck disable=SC2086
"$build/scenario_fuzzer" "${mode[@]}" \
  -dict=tests/fuzz/scenario.dict \
  -max_len=65536 -rss_limit_mb=256 -malloc_limit_mb=64 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} || status=$?

found=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' \
  -o -name 'oom-*' \) -newer "$started" | sort)
if [[ $status -ne 0 || -n $found ]]; then
  echo "scenario_fuzzer: FAILED (exit $status)" >&2
  [[ -n $found ]] && printf '  reproducer: %s\n' $found >&2
  exit 1
fi
if [[ -n $runs ]]; then
  echo "scenario_fuzzer: no findings in $runs runs from seed 1"
else
  echo "scenario_fuzzer: no findings in ${seconds}s"
fi
