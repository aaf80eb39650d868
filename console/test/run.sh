#!/usr/bin/env bash
# The console's browser tests: Playwright (from npm) driving Debian's Chromium (installed here when missing) against
# a fresh local runtime, stopped afterwards. Screenshots go to console/target/screenshots. Exits non-zero when a test
# fails or the runtime does not start. With --bench, prints the console's figures (bench.js) instead; with
# --screenshot, takes the README's picture (docs/console.png, screenshot.js).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  command -v apt-get >/dev/null || { echo "console tests: Chromium is missing and apt-get is not here" >&2; exit 1; }
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium >/dev/null
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

case "${1:-}" in
  --bench) command=(node bench.js) ;;
  --screenshot) command=(node screenshot.js) ;;
  *) command=(node --test console.test.js) ;;
esac
cd "$here"
exec "$root/tools/with-local-runtime.sh" -- "${command[@]}"
