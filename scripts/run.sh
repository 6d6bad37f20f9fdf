#!/usr/bin/env bash
# Sets everything up, builds the release file dist/afsprakenmonitor.html, prints where it is,
# and then serves the development build with `trunk serve` on http://127.0.0.1:8080
# (rebuilds and reloads on every change; stop with Ctrl+C).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/build.sh
export AFSPRAKENMONITOR_SETUP_DONE=1

file_url="$(node -e 'console.log(require("url").pathToFileURL(process.argv[1]).href)' "$ROOT/dist/afsprakenmonitor.html")"
cat <<MSG

Release (één bestand, dubbelklikken of openen in de browser):
  $ROOT/dist/afsprakenmonitor.html
  $file_url

Ontwikkelversie: http://127.0.0.1:8080/  (trunk serve; Ctrl+C stopt)

MSG

# Own output dir, so target/trunk keeps the release build that dist/ was made from.
exec trunk serve --dist target/trunk-dev
