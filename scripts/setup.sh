#!/usr/bin/env bash
# Installs everything needed to build and test Afsprakenmonitor. Idempotent: what is present
# (in the right version) is skipped, so running it again takes a few seconds.
#
#   - Rust target wasm32-unknown-unknown            (rustup)
#   - trunk 0.21.14                                  (cargo install --locked)
#   - wasm-bindgen-cli, same version as Cargo.lock   (cargo install; also gives wasm-bindgen-test-runner)
#   - chromium + chromedriver, firefox-esr, node + npm, a C compiler   (apt-get, only when missing)
#   - LibreOffice Writer and Calc without GUI, python3: the independent reader of the generated
#     .docx and .xlsx in the tests (apt-get, only when soffice or python3 is missing)
#   - geckodriver, for Firefox ESR                   (cargo install --locked)
#   - npm packages: binaryen (wasm-opt), esbuild and zopfli (the single file), playwright-core,
#     axe-core   (npm ci)
#
# Needs rustup (https://rustup.rs). Runs apt-get through sudo when not root.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

if [ "${AFSPRAKENMONITOR_SETUP_DONE:-}" = "1" ]; then
  exit 0
fi

# ---------- system packages (apt) ----------
apt_packages=()
command -v cc >/dev/null 2>&1 || apt_packages+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || apt_packages+=(pkg-config)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)
command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)
command -v soffice >/dev/null 2>&1 || apt_packages+=(libreoffice-writer-nogui libreoffice-calc-nogui)
need_chromium=0
[ -x "$CHROMIUM_BIN" ] || need_chromium=1
[ -x "$CHROMEDRIVER" ] || need_chromium=1
need_firefox=0
[ -x "$FIREFOX_BIN" ] || need_firefox=1

if [ "${#apt_packages[@]}" -gt 0 ] || [ "$need_chromium" = 1 ] || [ "$need_firefox" = 1 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  say "apt-get update"
  "${sudo[@]}" apt-get update
  if [ "$need_chromium" = 1 ]; then
    # Debian names first; Ubuntu only has the snap-backed chromium-browser/chromium-chromedriver.
    if apt-cache show chromium-driver >/dev/null 2>&1; then
      apt_packages+=(chromium chromium-driver)
    else
      apt_packages+=(chromium-browser chromium-chromedriver)
    fi
  fi
  if [ "$need_firefox" = 1 ]; then
    # Debian ships Firefox ESR; elsewhere the firefox package.
    if apt-cache show firefox-esr >/dev/null 2>&1; then
      apt_packages+=(firefox-esr)
    else
      apt_packages+=(firefox)
    fi
  fi
  say "apt-get install ${apt_packages[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${apt_packages[@]}"
  # re-detect the browser paths now that the packages are there
  unset CHROMIUM_BIN CHROMEDRIVER FIREFOX_BIN GECKODRIVER_BIN
  . "$ROOT/scripts/env.sh"
fi

if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
  echo "cargo/rustup not found: install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi

# ---------- Rust target ----------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# ---------- Cargo.lock decides the wasm-bindgen version ----------
if [ ! -f Cargo.lock ]; then
  say "cargo generate-lockfile"
  cargo generate-lockfile
fi
# Trunk runs cargo with --offline (Trunk.toml: offline = true), so all crates must be here first.
cargo fetch --quiet
wbg_version="$(wasm_bindgen_version)"
if [ -z "$wbg_version" ]; then
  echo "wasm-bindgen not found in Cargo.lock" >&2
  exit 1
fi

# ---------- wasm-bindgen-cli (exactly the Cargo.lock version; not --locked) ----------
have_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wbg" != "$wbg_version" ] || [ "$have_runner" != "$wbg_version" ]; then
  say "cargo install wasm-bindgen-cli $wbg_version (found: ${have_wbg:-none})"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# ---------- trunk ----------
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (found: ${have_trunk:-none})"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# ---------- geckodriver (WebDriver for Firefox) ----------
have_gecko="$("$GECKODRIVER_BIN" --version 2>/dev/null | awk 'NR==1 {print $2}' || true)"
if [ "$have_gecko" != "$GECKODRIVER_VERSION" ]; then
  say "cargo install geckodriver $GECKODRIVER_VERSION (found: ${have_gecko:-none})"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
  unset GECKODRIVER_BIN
  . "$ROOT/scripts/env.sh"
fi

# ---------- npm packages ----------
# node_modules/.package-lock.json is written by npm after every install; when it is newer than
# package.json and package-lock.json, node_modules is up to date.
stamp="node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; }; then
  if [ -f package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund
  else
    say "npm install"
    npm install --no-audit --no-fund
  fi
fi

# ---------- checks ----------
if [ ! -x "$CHROMIUM_BIN" ] || [ ! -x "$CHROMEDRIVER" ]; then
  echo "chromium ($CHROMIUM_BIN) or chromedriver ($CHROMEDRIVER) not found; set CHROMIUM_BIN and CHROMEDRIVER" >&2
  exit 1
fi
if [ ! -x "$FIREFOX_BIN" ] || [ ! -x "$GECKODRIVER_BIN" ]; then
  echo "firefox ($FIREFOX_BIN) or geckodriver ($GECKODRIVER_BIN) not found; set FIREFOX_BIN and GECKODRIVER_BIN" >&2
  exit 1
fi
wasm_opt_version="$(wasm-opt --version | awk '{print $3}')"
if [ "$(command -v wasm-opt)" != "$ROOT/node_modules/.bin/wasm-opt" ] || [ "$wasm_opt_version" -lt 116 ]; then
  echo "wrong wasm-opt: $(command -v wasm-opt) version $wasm_opt_version (expected node_modules/.bin/wasm-opt)" >&2
  exit 1
fi

say "tools ready: $(trunk --version), wasm-bindgen $wbg_version, wasm-opt $wasm_opt_version, $("$CHROMIUM_BIN" --version 2>/dev/null | head -n1), $("$FIREFOX_BIN" --version 2>/dev/null | head -n1), geckodriver $("$GECKODRIVER_BIN" --version 2>/dev/null | awk 'NR==1 {print $2}'), node $(node --version)"
