#!/usr/bin/env bash
# Installs the Debian packages the build needs, only those that are missing.
# usage: scripts/deps.sh [native|fuzz|wasm|browser]...
set -euo pipefail

packages=(g++ cmake make libeigen3-dev nlohmann-json3-dev googletest libgtest-dev libbenchmark-dev python3 python3-jsonschema python3-torch)
for extra in "$@"; do
  case "$extra" in
    native) ;;
    fuzz) packages+=(clang libclang-rt-14-dev) ;;
    wasm) packages+=(emscripten) ;;
    browser) packages+=(chromium poppler-utils) ;;
    *) echo "deps.sh: unknown group '$extra'" >&2; exit 1 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps.sh: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
