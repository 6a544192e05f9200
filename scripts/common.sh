# Shared helpers for edgelite's scripts. Source it; do not run it.
# shellcheck shell=bash

EDGELITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export EDGELITE_ROOT

say() { printf 'edgelite: %s\n' "$*"; }
warn() { printf 'edgelite: warning: %s\n' "$*" >&2; }
die() {
  printf 'edgelite: error: %s\n' "$*" >&2
  exit 1
}

# Seconds → "1m05s" / "42s".
fmt_secs() {
  local s=$1
  if ((s >= 60)); then
    printf '%dm%02ds' $((s / 60)) $((s % 60))
  else
    printf '%ds' "$s"
  fi
}

# Parallel build jobs: EDGELITE_JOBS, else every core.
edgelite_jobs() {
  local j="${EDGELITE_JOBS:-}"
  if [[ -z "$j" ]]; then
    j="$(nproc 2>/dev/null || echo 2)"
  fi
  [[ "$j" =~ ^[1-9][0-9]*$ ]] || die "EDGELITE_JOBS must be a positive integer (got '$j')"
  printf '%s' "$j"
}

# The build flavours. Sets FLAVOUR_DIR (relative to the repo root) and the
# array FLAVOUR_ARGS (extra cmake configure arguments) for a flavour name.
# shellcheck disable=SC2034 # both are used by the scripts that source this
build_flavour() {
  case "$1" in
    native)
      FLAVOUR_DIR=build/native
      FLAVOUR_ARGS=(-DCMAKE_BUILD_TYPE=Release)
      ;;
    asan)
      FLAVOUR_DIR=build/asan
      # -O1 -g1: line tables are enough for sanitizer reports, and the build
      # (every op and test, compiled with instrumentation) is a large part of
      # the CI time.
      FLAVOUR_ARGS=(-DEDGELITE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
                    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG")
      ;;
    fuzz)
      # libFuzzer targets with ASan+UBSan (clang only; docs/fuzzing.md). The
      # test suite is not built here: the asan flavour runs it.
      FLAVOUR_DIR=build/fuzz
      FLAVOUR_ARGS=(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
                    -DEDGELITE_FUZZ=ON -DEDGELITE_BUILD_TESTS=OFF
                    -DCMAKE_BUILD_TYPE=RelWithDebInfo)
      ;;
    aarch64)
      FLAVOUR_DIR=build/aarch64
      FLAVOUR_ARGS=("-DCMAKE_TOOLCHAIN_FILE=$EDGELITE_ROOT/cmake/aarch64-linux-gnu.cmake"
                    -DCMAKE_BUILD_TYPE=Release)
      ;;
    *) return 1 ;;
  esac
}
