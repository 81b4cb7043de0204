#!/usr/bin/env bash
# Builds the WebAssembly core: web/core/core.mjs + web/core/core.wasm (Emscripten, Release), and
# the core's spec for the page, web/core/spec-text.js (generated from the same tables).
# Installs Debian's emscripten (and the header-only libraries) when missing; a no-op when up to date.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh wasm

# Emscripten's JS optimizer needs Debian's acorn; this machine's Node does not see it by default.
export NODE_PATH=/usr/share/nodejs
# Configuring again is cheap (under a second) and picks up a changed CMakeLists.txt or toolchain.
if ! log=$(emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release 2>&1); then
  printf '%s\n' "$log" >&2
  exit 1
fi
cmake --build build-wasm --target core_wasm core_spec -j"$(nproc)"
