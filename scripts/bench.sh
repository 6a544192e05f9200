#!/usr/bin/env bash
# npm run bench: the cold-start benchmark (bench/cold-start.mjs), edgelite vs
# LiteRT.js vs tfjs-tflite in Node, with the gzip sizes of every runtime.
# Builds what is missing or stale first: the wasm (scripts/build-wasm.sh,
# incremental), the peers (scripts/npm-deps.sh) when a devDependency is
# missing or not at its package.json version.
#
#   npm run bench                                # default model, 7 rounds
#   npm run bench -- --rounds 15 --json o.json   # paths are relative to the repo root
#   npm run bench -- --help                      # every option
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

case "${1:-}" in
  -h | --help)
    sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
    printf '\n'
    exec node bench/cold-start.mjs --help
    ;;
esac

command -v node >/dev/null 2>&1 || die "node not found: install Node.js 20 first"

# Every devDependency installed at the version package.json pins? (Prints the
# first one that is not.)
peer_problem() {
  # shellcheck disable=SC2016 # JavaScript template literals, not shell
  node -e '
    const fs = require("fs");
    const want = require("./package.json").devDependencies || {};
    for (const [name, version] of Object.entries(want)) {
      let have = null;
      try { have = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")).version; } catch {}
      if (have !== version) { console.log(`${name} ${have ? `is ${have}, package.json wants ${version}` : "is not installed"}`); break; }
    }'
}
problem="$(peer_problem)"
if [[ -n "$problem" ]]; then
  say "npm packages: $problem"
  bash scripts/npm-deps.sh
  problem="$(peer_problem)"
  [[ -z "$problem" ]] || die "npm packages still not right after scripts/npm-deps.sh: $problem"
fi

# The wasm is rebuilt when its sources changed (an up-to-date build takes a
# second); without Emscripten an existing web/dist is used as it is.
if command -v emcmake >/dev/null 2>&1; then
  bash scripts/build-wasm.sh >/dev/null || die "the wasm build failed: run bash scripts/build-wasm.sh to see why"
elif [[ -f web/dist/edgelite-simd.wasm && -f web/dist/edgelite-simd.mjs ]]; then
  warn "Emscripten is not installed: benchmarking the existing web/dist build as it is"
else
  say "web/dist/edgelite-simd.wasm is missing: building the wasm"
  bash scripts/build-wasm.sh
fi

exec node bench/cold-start.mjs "$@"
