#!/usr/bin/env bash
# Runs the HubSpot Node client's tests against a fresh local runtime (./flowline-local --dev-clock on a free
# port), then stops the runtime. Exits non-zero when a test fails or the runtime does not start.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

cd "$here"
exec "$root/tools/with-local-runtime.sh" --dev-clock -- node --test
