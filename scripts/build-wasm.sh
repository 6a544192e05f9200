#!/usr/bin/env bash
# Builds the WebAssembly module in both variants with Emscripten and puts
# them where the JavaScript library loads them from:
#   web/dist/edgelite-simd.{mjs,wasm}     SIMD128
#   web/dist/edgelite-scalar.{mjs,wasm}   for engines without SIMD
# then prints raw and gzip sizes. Only what is out of date is rebuilt.
#
#   bash scripts/build-wasm.sh           # both variants
#   bash scripts/build-wasm.sh simd      # one
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

case "${1:-}" in
  -h | --help)
    sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
    exit 0
    ;;
esac
variants=("$@")
((${#variants[@]})) || variants=(simd scalar)

command -v emcmake >/dev/null 2>&1 ||
  die "emcmake not found: run bash scripts/bootstrap.sh --wasm first"
jobs="$(edgelite_jobs)"
mkdir -p web/dist

for v in "${variants[@]}"; do
  case "$v" in
    simd) simd=ON ;;
    scalar) simd=OFF ;;
    *) die "unknown variant '$v' (simd or scalar)" ;;
  esac
  dir="build/wasm-$v"
  cache="$dir/CMakeCache.txt"
  if [[ -f "$cache" ]] && ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$EDGELITE_ROOT" "$cache"; then
    warn "$dir was configured for another source tree; recreating it"
    rm -rf "$dir"
  fi
  if [[ ! -f "$cache" ]]; then
    say "configuring $dir (Emscripten, SIMD128 $simd)"
    # emcmake's default test emulator passes a flag node 20 rejects.
    emcmake cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release \
      -DEDGELITE_WASM_SIMD="$simd" -DEDGELITE_BUILD_TESTS=OFF \
      -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" >/dev/null
  fi
  say "building $dir with $jobs jobs"
  cmake --build "$dir" -j "$jobs"
  [[ -f "$dir/edgelite-$v.wasm" ]] || die "the $v build produced no $dir/edgelite-$v.wasm"
  for ext in mjs wasm; do
    cmp -s "$dir/edgelite-$v.$ext" "web/dist/edgelite-$v.$ext" ||
      cp "$dir/edgelite-$v.$ext" "web/dist/edgelite-$v.$ext"
  done
done

node "$EDGELITE_ROOT/web/tools/sizes.mjs" "${variants[@]}"
