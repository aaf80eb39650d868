#!/usr/bin/env bash
# Runs the HubSpot Node client's tests against a fresh local runtime (./flowline-local --dev-clock on a free
# port), then stops the runtime. Exits non-zero when a test fails or the runtime does not start.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
# the development token the runtime registers for its development account, known in advance
token="pat-fl-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
# its own process group, so that stopping it also stops the JVM that Maven forks
# --in-memory: a fresh, throwaway runtime that leaves no data folder behind
FLOWLINE_DEV_TOKEN="$token" setsid "$root/flowline-local" --dev-clock --in-memory --port "$port" --outbox "$work/outbox" >"$work/runtime.log" 2>&1 &
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
FLOWLINE_URL="$url" FLOWLINE_TOKEN="$token" node --test || { tail -50 "$work/runtime.log" >&2; exit 1; }
