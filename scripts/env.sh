# Sourced by the other scripts: paths and tools for building and testing Afsprakenmonitor.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# cargo-installed tools (trunk, wasm-bindgen) and rustup's cargo
if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
# npm's binaryen comes FIRST: its wasm-opt (version 132) is the one Trunk must find. Debian's
# binaryen package (version 108) produces a wasm that does not start.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

export TRUNK_VERSION="0.21.14"
# Debian: packages chromium + chromium-driver. Ubuntu: chromium-browser + chromium-chromedriver (snap).
first_executable() {
  for candidate in "$@"; do
    if [ -x "$candidate" ]; then
      echo "$candidate"
      return
    fi
  done
  echo "$1"
}
CHROMIUM_BIN="${CHROMIUM_BIN:-$(first_executable /usr/bin/chromium /snap/bin/chromium /usr/bin/chromium-browser)}"
CHROMEDRIVER="${CHROMEDRIVER:-$(first_executable /usr/bin/chromedriver /snap/bin/chromium.chromedriver /usr/lib/chromium-browser/chromedriver)}"
export CHROMIUM_BIN CHROMEDRIVER
# Firefox ESR (Debian package firefox-esr) and geckodriver (cargo install) for e2e/firefox.test.mjs.
FIREFOX_BIN="${FIREFOX_BIN:-$(first_executable /usr/bin/firefox-esr /usr/bin/firefox)}"
GECKODRIVER_BIN="${GECKODRIVER_BIN:-$(first_executable "$HOME/.cargo/bin/geckodriver" /usr/local/bin/geckodriver /usr/bin/geckodriver)}"
# Not named GECKODRIVER: wasm-bindgen-test-runner would then run the wasm tests in Firefox.
export FIREFOX_BIN GECKODRIVER_BIN
export GECKODRIVER_VERSION="0.37.1"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$ROOT/scripts/webdriver.json}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '\n==> %s\n' "$*"; }

# The exact wasm-bindgen version that Cargo.lock resolved; wasm-bindgen-cli must equal it.
wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = "wasm-bindgen"$/ { name = "wasm-bindgen" }
    name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}
