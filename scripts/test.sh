#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. cargo test                                      (native: domain core and the rest)
#   2. cargo test --target wasm32-unknown-unknown      (tests/web.rs in headless Chromium)
#   3. release build -> dist/afsprakenmonitor.html
#   4. node --test e2e/                                (the single file over file:// in headless
#                                                       Chromium: start, no network, routing, axe)
# Stops at the first failure with a non-zero exit code.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh
export AFSPRAKENMONITOR_SETUP_DONE=1

say "1/4 cargo test (native)"
cargo test

say "2/4 cargo test --target wasm32-unknown-unknown (headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

say "3/4 release build"
bash scripts/build.sh

say "4/4 end-to-end tests (node --test e2e/)"
node --test e2e/

say "all tests passed"
