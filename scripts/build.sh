#!/usr/bin/env bash
# Release build: the documents module (scripts/documenten.sh: cargo, wasm-bindgen, wasm-opt into
# target/documenten), then `trunk build --release` (cargo, wasm-bindgen no-modules, wasm-opt -Oz), whose
# post_build hook (scripts/single-file.mjs) writes the one file to hand out:
#   dist/afsprakenmonitor.html
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh
export AFSPRAKENMONITOR_SETUP_DONE=1

bash scripts/documenten.sh

say "trunk build --release"
rm -f dist/afsprakenmonitor.html
trunk build --release

if [ ! -s dist/afsprakenmonitor.html ]; then
  echo "build failed: dist/afsprakenmonitor.html was not written" >&2
  exit 1
fi
