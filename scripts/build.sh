#!/usr/bin/env bash
# Builds the site into dist/: installs what is missing (Debian's emscripten, the npm packages),
# builds the WebAssembly core (scripts/build-wasm.sh) and the static site (`vite build`).
# usage: scripts/build.sh [vite build options…]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-wasm.sh
# `npm ls` fails when a dependency of package.json is missing from node_modules.
npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund
npx vite build --logLevel warn "$@"
