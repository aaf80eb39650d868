#!/usr/bin/env bash
# Runs a command against a fresh local runtime: starts ./flowline-local --in-memory on a free port with the given
# options (before "--"), with a development token known in advance, waits until it answers, runs the command (after
# "--") with FLOWLINE_URL and FLOWLINE_TOKEN set, then stops the runtime. It waits up to 5 minutes for the start
# (a busy machine builds and starts it slowly).
# Exits with the command's status; the runtime's last lines are printed when the command fails.
# Usage: tools/with-local-runtime.sh [flowline-local options] -- command [arguments]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
options=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  options+=("$1")
  shift
done
[ "${1:-}" = "--" ] || { echo "usage: $0 [flowline-local options] -- command" >&2; exit 2; }
shift

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
token="pat-fl-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
# its own process group, so that stopping it also stops the JVM that Maven forks
# --in-memory: a fresh, throwaway runtime that leaves no data folder behind
FLOWLINE_DEV_TOKEN="$token" setsid "$root/flowline-local" --in-memory --port "$port" --outbox "$work/outbox" \
  ${options[@]+"${options[@]}"} >"$work/runtime.log" 2>&1 &
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
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "$url/health" && break
  kill -0 "$runtime_pid" 2>/dev/null || { cat "$work/runtime.log" >&2; echo "the local runtime stopped" >&2; exit 1; }
  sleep 0.5
done
curl -fs -o /dev/null "$url/health" || { cat "$work/runtime.log" >&2; echo "the local runtime did not answer" >&2; exit 1; }

status=0
FLOWLINE_URL="$url" FLOWLINE_TOKEN="$token" "$@" || status=$?
[ "$status" -eq 0 ] || tail -50 "$work/runtime.log" >&2
exit "$status"
