#!/usr/bin/env bash
# The console's browser tests: Playwright (from npm) driving Debian's Chromium (installed here when missing) against
# a fresh local runtime on a free port, stopped afterwards. Screenshots go to console/target/screenshots.
# Exits non-zero when a test fails or the runtime does not start. With --bench, prints the console's figures
# (bench.js) instead; with --screenshot, takes the README's picture (docs/console.png, screenshot.js).
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

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
token="pat-fl-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
# its own process group, so that stopping it also stops the JVM that Maven forks
FLOWLINE_DEV_TOKEN="$token" setsid "$root/flowline-local" --in-memory --port "$port" --outbox "$work/outbox" \
  >"$work/runtime.log" 2>&1 &
runtime_pid=$!
stop() {
  kill -- "-$runtime_pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 -- "-$runtime_pid" 2>/dev/null || break
    sleep 0.25
  done
  rm -rf "$work"
}
trap stop EXIT

url="http://localhost:$port"
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "$url/health" && break
  kill -0 "$runtime_pid" 2>/dev/null || { cat "$work/runtime.log" >&2; echo "the local runtime stopped" >&2; exit 1; }
  sleep 0.5
done
curl -fs -o /dev/null "$url/health" || { cat "$work/runtime.log" >&2; echo "the local runtime did not answer" >&2; exit 1; }

cd "$here"
case "${1:-}" in
  --bench) command=(node bench.js) ;;
  --screenshot) command=(node screenshot.js) ;;
  *) command=(node --test console.test.js) ;;
esac
FLOWLINE_URL="$url" FLOWLINE_TOKEN="$token" "${command[@]}" \
  || { tail -50 "$work/runtime.log" >&2; exit 1; }
