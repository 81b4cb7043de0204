#!/usr/bin/env bash
# Installs what is missing, builds the WebAssembly core and the site (scripts/build.sh), and serves
# the lesson (under the same strict Content-Security-Policy as course platforms use). Prints the address.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
echo
echo "La lección: http://localhost:${PORT:-4173}/#/mlp   (Ctrl+C para terminar)"
exec npx vite preview --host 127.0.0.1 --port "${PORT:-4173}" --strictPort
