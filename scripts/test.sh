#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. cargo test --workspace                          (native: domain core and the rest; the
#                                                       documents module's files read back by
#                                                       LibreOffice, crates/documenten/tests)
#   2. cargo test --target wasm32-unknown-unknown      (every tests/*.rs with
#                                                       wasm_bindgen_test_configure!(run_in_browser),
#                                                       in headless Chromium)
#   3. release build -> dist/afsprakenmonitor.html
#   4. node --test e2e/                                (the single file over file:// in headless
#                                                       Chromium: start, no network, routing, axe;
#                                                       e2e/firefox.test.mjs in headless Firefox ESR)
# Stops at the first failure with a non-zero exit code.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh
export AFSPRAKENMONITOR_SETUP_DONE=1

say "1/4 cargo test --workspace (native)"
cargo test --workspace

# Browser tests: every tests/*.rs that configures wasm_bindgen_test to run in the browser.
web_tests=()
for f in $(grep -l 'wasm_bindgen_test_configure!(run_in_browser)' tests/*.rs | sort); do
  web_tests+=(--test "$(basename "$f" .rs)")
done
say "2/4 cargo test --target wasm32-unknown-unknown ${web_tests[*]} (headless Chromium)"
cargo test --target wasm32-unknown-unknown "${web_tests[@]}"

say "3/4 release build"
bash scripts/build.sh

say "4/4 end-to-end tests (node --test e2e/)"
node --test e2e/

say "all tests passed"
