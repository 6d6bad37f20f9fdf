#!/usr/bin/env bash
# Benchmark (not a test): builds the release file and prints its size (bytes, gzip) and the
# median time to "app mounted" from file:// in headless Chromium. Usage: scripts/bench.sh [runs]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build.sh
else
  shift
fi
node scripts/bench.mjs "$@"
