#!/usr/bin/env bash
# npm start: installs what the native build needs, builds edgelite, and shows
# it at work by classifying the sample image with the shipped model.
#
#   npm start                       # classify models/sample.bmp
#   npm start -- IMAGE...           # classify your own images
#   EDGELITE_MODEL=m.tflite EDGELITE_LABELS=l.txt npm start -- IMAGE...
#
# Structure: prepare() builds, demo() runs something. When the PWA lands,
# demo() becomes "serve pwa/ and print its URL"; prepare() stays.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

CLI=build/native/edgelite
MODEL="${EDGELITE_MODEL:-models/tf2_mobilenet_v2_1.0_224_ptq.tflite}"
LABELS="${EDGELITE_LABELS:-models/imagenet_labels.txt}"

prepare() {
  bash scripts/bootstrap.sh --native
  bash scripts/build.sh native
  [[ -x "$CLI" ]] || die "$CLI was not built (the CLI is not part of this checkout yet?)"
}

demo() {
  local images=("$@")
  ((${#images[@]})) || images=(models/sample.bmp)
  local cmd=("$CLI" classify "$MODEL" "${images[@]}" --labels "$LABELS" --top 5)
  printf '\n'
  say "classifying ${images[*]} with $MODEL (top 5):"
  say "\$ ${cmd[*]}"
  "${cmd[@]}"
  printf '\n'
  say "done. Try: $CLI --help, $CLI inspect $MODEL, npm test"
}

prepare
demo "$@"
