#!/usr/bin/env bash
# Installs the npm devDependencies (the TFLite peers the tests compare with,
# playwright-core for the browser tests) from package-lock.json, exactly, when
# node_modules is missing or older than the lock file. Idempotent.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 (with npm) first"
stamp=node_modules/.package-lock.json
if [[ -f "$stamp" && "$stamp" -nt package-lock.json ]]; then
  say "npm packages are installed (node_modules is current)"
  exit 0
fi
say "installing npm packages from package-lock.json (npm ci)…"
npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed (is the npm registry reachable?)"
