#!/usr/bin/env bash
# Lints the OpenAPI document (docs/openapi.yaml) with Redocly CLI at the version package-lock.json pins, with
# redocly.yaml (the recommended rules, examples checked) and .redocly.lint-ignore.yaml. Installs it first when
# node_modules is missing or older than the lock file. Exits non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "openapi-lint: needs Node.js (20.19 or later) and npm" >&2; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec npx --no-install redocly lint --config redocly.yaml ../../docs/openapi.yaml
