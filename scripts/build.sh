#!/usr/bin/env bash
# Configures and builds edgelite (only what is missing or out of date) and
# prints where the CLI is.
#
#   bash scripts/build.sh            # native Release build in build/native (npm run build)
#   bash scripts/build.sh asan       # ASan+UBSan, RelWithDebInfo, in build/asan
#   bash scripts/build.sh aarch64    # cross build for 64-bit ARM Linux in build/aarch64
#   bash scripts/build.sh fuzz       # libFuzzer targets (clang-14, ASan+UBSan) in build/fuzz
#
# EDGELITE_JOBS=N sets the number of parallel compile jobs (default: all cores).
# Extra arguments after the flavour go to cmake's configure step, e.g.
#   bash scripts/build.sh native -DEDGELITE_BUILD_TESTS=OFF
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

flavour="${1:-native}"
shift || true
case "$flavour" in
  -h | --help)
    sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
    exit 0
    ;;
esac
build_flavour "$flavour" || die "unknown build flavour '$flavour' (native, asan, aarch64 or fuzz)"

command -v cmake >/dev/null 2>&1 || die "cmake not found: run bash scripts/bootstrap.sh first"
jobs="$(edgelite_jobs)"

# A build directory configured for another checkout (the repo was moved or
# copied) cannot be reused: start it afresh.
cache="$FLAVOUR_DIR/CMakeCache.txt"
if [[ -f "$cache" ]] && ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$EDGELITE_ROOT" "$cache"; then
  warn "$FLAVOUR_DIR was configured for another source tree; recreating it"
  rm -rf "$FLAVOUR_DIR"
fi

# Configuring again is cheap when nothing changed and picks up new options;
# cmake --build then rebuilds only what is out of date.
say "configuring $FLAVOUR_DIR (${FLAVOUR_ARGS[*]} $*)"
cmake -S . -B "$FLAVOUR_DIR" "${FLAVOUR_ARGS[@]}" "$@"
say "building $FLAVOUR_DIR with $jobs jobs"
cmake --build "$FLAVOUR_DIR" -j "$jobs"

cli="$FLAVOUR_DIR/edgelite"
if [[ "$flavour" == fuzz ]]; then
  say "built. fuzz targets: $(find "$FLAVOUR_DIR" -maxdepth 1 -name 'fuzz_*' -type f -printf '%f ')(run: bash scripts/fuzz.sh)"
elif [[ -x "$cli" ]]; then
  say "built. CLI: $EDGELITE_ROOT/$cli"
else
  warn "the build has no CLI yet ($cli missing: src/cli has no sources?)"
fi
