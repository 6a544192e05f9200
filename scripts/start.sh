#!/usr/bin/env bash
# npm start: installs what is missing, builds edgelite (the native CLI and the
# WebAssembly, both incrementally) and serves the camera app (pwa/), printing
# its URL. Arguments go to the server (node pwa/server.mjs --help):
#
#   npm start                          # http://127.0.0.1:8080/
#   npm start -- --port 9000           # another port (--port 0: any free one)
#   npm start -- --host 0.0.0.0        # reachable from the LAN (phones need HTTPS:
#                                      # README.md, "The camera app (PWA)")
#
# The command-line demo that npm start used to run (classify models/sample.bmp
# with the shipped model) is now:
#
#   npm run classify                   # bash scripts/start.sh --classify
#   npm run classify -- IMAGE...       # your own images
#   EDGELITE_MODEL=m.tflite EDGELITE_LABELS=l.txt npm run classify -- IMAGE...
#
# Structure: prepare builds (what is out of date), serve/classify run something.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

CLI=build/native/edgelite
MODEL="${EDGELITE_MODEL:-models/tf2_mobilenet_v2_1.0_224_ptq.tflite}"
LABELS="${EDGELITE_LABELS:-models/imagenet_labels.txt}"

usage() {
  sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# prepare native [wasm]: install the missing Debian packages of those groups,
# then build them (both builds are incremental: seconds when nothing changed).
# The native CLI is built for the web too: the README's CLI quick start runs it
# after npm start.
prepare() {
  local groups=()
  local g
  for g in "$@"; do groups+=("--$g"); done
  bash scripts/bootstrap.sh "${groups[@]}"
  bash scripts/build.sh native
  [[ -x "$CLI" ]] || die "$CLI was not built"
  if [[ " $* " == *" wasm "* ]]; then
    bash scripts/build-wasm.sh
  fi
}

serve() {
  command -v node >/dev/null 2>&1 || die "node not found: install Node.js (>= 18) first"
  printf '\n'
  exec node pwa/server.mjs "$@"
}

classify() {
  local images=("$@")
  ((${#images[@]})) || images=(models/sample.bmp)
  local cmd=("$CLI" classify "$MODEL" "${images[@]}" --labels "$LABELS" --top 5)
  printf '\n'
  say "classifying ${images[*]} with $MODEL (top 5):"
  say "\$ ${cmd[*]}"
  "${cmd[@]}"
  printf '\n'
  say "done. Try: $CLI --help, $CLI inspect $MODEL, npm start (the camera app), npm test"
}

case "${1:-}" in
  -h | --help)
    usage
    printf '\nThe server'"'"'s own options:\n\n'
    node pwa/server.mjs --help
    exit 0
    ;;
  --classify)
    shift
    prepare native
    classify "$@"
    ;;
  *)
    prepare native wasm
    serve "$@"
    ;;
esac
