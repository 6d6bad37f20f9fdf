#!/usr/bin/env bash
# Builds the documents module (crates/documenten), the second WebAssembly module of the single
# file, decoded and started only when the user first asks for a Word or Excel file:
#
#   cargo build --release --target wasm32-unknown-unknown -p documenten
#   bron="$doel/wasm32-unknown-unknown/release/documenten.wasm"
if [ "$uit/documenten_bg.wasm" -nt "$bron" ] && [ "$uit/documenten.js" -nt "$bron" ]; then
  echo "documents module: up to date"
  exit 0
fi
wasm-bindgen --target no-modules --no-modules-global afsprakenmonitor_documenten
#   wasm-opt -Oz
#
# Output: target/documenten/documenten.js (glue that only defines the global) and
# target/documenten/documenten_bg.wasm, which scripts/single-file.mjs embeds. Run by
# scripts/build.sh before Trunk; offline like Trunk (scripts/setup.sh fetched the crates).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

uit="$ROOT/target/documenten"
doel="${CARGO_TARGET_DIR:-$ROOT/target}"
mkdir -p "$uit"

say "documents module: cargo build --release -p documenten (wasm32)"
cargo build --offline --release --target wasm32-unknown-unknown -p documenten
bron="$doel/wasm32-unknown-unknown/release/documenten.wasm"
if [ "$uit/documenten_bg.wasm" -nt "$bron" ] && [ "$uit/documenten.js" -nt "$bron" ]; then
  echo "documents module: up to date"
  exit 0
fi
wasm-bindgen --target no-modules --no-modules-global afsprakenmonitor_documenten --no-typescript \
  --out-dir "$uit" "$bron"
# The same features as the app's wasm-opt step (index.html).
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue -o "$uit/documenten_bg.wasm" "$uit/documenten_bg.wasm"
echo "documents module: $(stat -c %s "$uit/documenten_bg.wasm") bytes of wasm, $(gzip -9 -c "$uit/documenten_bg.wasm" | wc -c) gzipped"
