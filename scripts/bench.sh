#!/usr/bin/env bash
# Benchmark (not a test): builds the release of the working tree, then runs scripts/bench.mjs,
# which prints a table of medians for this build and a baseline build side by side (start-up,
# reopen, a generated large workspace: search keystroke, status change, import, memory) with
# TiddlyWiki's empty.html as the outside reference. All options go to bench.mjs (see its header):
#
#   scripts/bench.sh                       # build, then measure against the previous change to src/
#   scripts/bench.sh --no-build --quick    # measure the existing dist file, 3 runs
#   scripts/bench.sh --baseline <rev> --only large
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done
for a in "$@"; do
  case "$a" in
    --current | --current-file) build=0 ;;
  esac
done
if [ "$build" = 1 ]; then
  bash scripts/build.sh
fi
node scripts/bench.mjs "${args[@]}"
