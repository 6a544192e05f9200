#!/usr/bin/env bash
# The stage functions are called indirectly (run_stage ID TITLE FUNCTION).
# shellcheck disable=SC2317
# edgelite's whole test suite (npm test, and CI through .ci/run):
#   1. bootstrap        install what is missing (native, fuzz, arm, wasm, browser)
#   2. native           the C++ style check (scripts/format.sh), Release build
#                       in build/native + ctest
#   3. asan             ASan+UBSan build in build/asan + ctest
#   4. fuzz             libFuzzer targets (clang, ASan+UBSan) in build/fuzz, 20000
#                       inputs each from seed 1 (scripts/fuzz.sh); the note
#                       gives the exec counts
#   5. aarch64          cross build in build/aarch64 + the test binary under qemu (-cpu max)
#   6. aarch64-a72      the aarch64 tests again on a CPU without dot-product
#                       (qemu -cpu cortex-a72)
#   7. wasm             both WebAssembly variants (scripts/build-wasm.sh) + the
#                       JavaScript library's Node tests (web/test) and the
#                       camera app server's (tests/pwa/server.test.mjs)
#   8. conformance      differential tests against real TFLite (LiteRT.js and
#                       tfjs-tflite from npm): seeded single-op models from
#                       tests/conformance/ops and every shipped model, on both
#                       wasm variants (tests/conformance, docs/conformance.md)
#   9. browser          headless Chromium tests (tests/browser)
#                       and the camera app end to end (tests/pwa/e2e.test.mjs)
# then a summary; the last line is "N passed, N failed" (tests over all
# stages). A stage that fails keeps the later ones running; the exit status is
# 1 if anything failed.
#
# Knobs for local iteration (CI sets none of them):
#   EDGELITE_SKIP_ASAN=1   skip stage 3
#   EDGELITE_SKIP_FUZZ=1   skip stage 4 (and the fuzz bootstrap)
#   EDGELITE_FUZZ_RUNS     inputs per fuzz target in stage 4 (default 20000)
#   EDGELITE_FUZZ_SEED     libFuzzer seed in stage 4 (default 1: reproducible)
#   EDGELITE_FUZZ_SECONDS  time cap per fuzz target in stage 4 (default 120)
#   EDGELITE_SKIP_ARM=1    skip stages 5 and 6 (and the arm bootstrap)
#   EDGELITE_SKIP_WEB=1    skip stages 7, 8 and 9 (and the wasm/browser bootstrap)
#   EDGELITE_JOBS=N        parallel compile jobs (default: all cores)
#   EDGELITE_TEST_TIMEOUT  per-test timeout in seconds (default 900)
# Full logs of each stage: build/logs/STAGE.log
set -uo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT" || exit 1

SCRIPTS="$EDGELITE_ROOT/scripts"
LOG_DIR="$EDGELITE_ROOT/build/logs"
mkdir -p "$LOG_DIR"
CTEST_ARGS=(--output-on-failure -j2 --timeout "${EDGELITE_TEST_TIMEOUT:-900}")
QEMU_SYSROOT=/usr/aarch64-linux-gnu

# --- the stages ---------------------------------------------------------------
# Each stage is a function run in its own subshell with set -e; its output goes
# to the terminal and to build/logs/NAME.log, which the summary parses.

stage_bootstrap() {
  local groups=(--native)
  [[ "${EDGELITE_SKIP_FUZZ:-}" == 1 ]] || groups+=(--fuzz)
  [[ "${EDGELITE_SKIP_ARM:-}" == 1 ]] || groups+=(--arm)
  [[ "${EDGELITE_SKIP_WEB:-}" == 1 ]] || groups+=(--wasm --browser)
  bash "$SCRIPTS/bootstrap.sh" "${groups[@]}"
  [[ "${EDGELITE_SKIP_WEB:-}" == 1 ]] || bash "$SCRIPTS/npm-deps.sh"
}

# build FLAVOUR, then ctest in its directory
build_and_ctest() {
  rm -f "$LOG_DIR/$1.built"
  bash "$SCRIPTS/build.sh" "$1"
  touch "$LOG_DIR/$1.built" # this run's build succeeded: its binaries are current
  build_flavour "$1"
  say "ctest ${CTEST_ARGS[*]} (in $FLAVOUR_DIR)"
  (cd "$FLAVOUR_DIR" && ctest "${CTEST_ARGS[@]}")
}

stage_native() {
  local style=0 # a style failure fails the stage, after the build and tests
  bash "$SCRIPTS/format.sh" || style=1
  build_and_ctest native
  return "$style"
}

stage_asan() {
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  build_and_ctest asan
}

stage_fuzz() {
  unset ASAN_OPTIONS UBSAN_OPTIONS # fuzz.sh sets its own
  # A fixed seed and number of inputs per target: the same code explores the
  # same inputs in every run (a clean clone starts from an empty working
  # corpus), so the stage does not fail at random. Exploring is npm run fuzz.
  bash "$SCRIPTS/fuzz.sh" --seed "${EDGELITE_FUZZ_SEED:-1}" \
    --runs "${EDGELITE_FUZZ_RUNS:-20000}" --seconds "${EDGELITE_FUZZ_SECONDS:-120}"
}

# Under qemu the suite runs as one process (as the a72 stage does): ctest
# would start an emulator per test, which costs minutes at ~700 tests.
stage_aarch64() {
  rm -f "$LOG_DIR/aarch64.built"
  bash "$SCRIPTS/build.sh" aarch64
  touch "$LOG_DIR/aarch64.built"
  local cmd=(qemu-aarch64 -cpu max -L "$QEMU_SYSROOT" build/aarch64/edgelite_tests --gtest_brief=1)
  say "${cmd[*]}"
  EDGELITE_SOURCE_DIR="$EDGELITE_ROOT" "${cmd[@]}"
}

stage_aarch64_a72() {
  local bin=build/aarch64/edgelite_tests
  [[ -f "$LOG_DIR/aarch64.built" && -x "$bin" ]] ||
    die "$bin was not built by this run (see the aarch64 stage)"
  local cmd=(qemu-aarch64 -cpu cortex-a72 -L "$QEMU_SYSROOT" "$bin" --gtest_brief=1)
  say "${cmd[*]}"
  EDGELITE_SOURCE_DIR="$EDGELITE_ROOT" "${cmd[@]}"
}

NODE_TEST=(node --test --test-reporter=tap --test-timeout=600000)

stage_wasm() {
  bash "$SCRIPTS/build-wasm.sh"
  "${NODE_TEST[@]}" web/test/ tests/pwa/server.test.mjs
}

stage_conformance() {
  [[ -f web/dist/edgelite-simd.wasm && -f web/dist/edgelite-scalar.wasm ]] ||
    die "web/dist has no wasm build (see the wasm stage)"
  "${NODE_TEST[@]}" tests/conformance/
}

stage_browser() {
  [[ -f web/dist/edgelite-simd.wasm ]] || die "web/dist has no wasm build (see the wasm stage)"
  "${NODE_TEST[@]}" tests/browser/ tests/pwa/e2e.test.mjs
}

# --- the runner ---------------------------------------------------------------
STAGE_IDS=()
declare -A STAGE_RESULT=() STAGE_SECS=() STAGE_PASSED=() STAGE_FAILED=() STAGE_NOTE=()

banner() {
  printf '\n%s\n== %s\n%s\n' "$(printf '=%.0s' {1..78})" "$*" "$(printf '=%.0s' {1..78})"
}

# Test counts from a stage's log: ctest's closing line, else gtest's.
count_tests() { # log → sets COUNT_PASSED COUNT_FAILED COUNT_FOUND
  local log=$1 line total failed
  COUNT_PASSED=0 COUNT_FAILED=0 COUNT_FOUND=0
  line="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)"
  if [[ -n "$line" ]]; then
    failed="$(sed -E 's/^[0-9]+% tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")"
    total="$(sed -E 's/^[0-9]+% tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")"
    COUNT_PASSED=$((total - failed)) COUNT_FAILED=$failed COUNT_FOUND=1
    return
  fi
  # node --test with the TAP reporter: "# pass N" and "# fail N".
  line="$(grep -E '^# pass [0-9]+$' "$log" | tail -n 1)"
  if [[ -n "$line" ]]; then
    COUNT_PASSED="${line#\# pass }"
    line="$(grep -E '^# fail [0-9]+$' "$log" | tail -n 1)"
    COUNT_FAILED="${line#\# fail }"
    COUNT_FAILED="${COUNT_FAILED:-0}" COUNT_FOUND=1
    return
  fi
  # gtest run directly: "[  PASSED  ] N tests." and one "[  FAILED  ] NAME (T ms)"
  # per failed test (also with --gtest_brief=1, which drops the final list).
  line="$(grep -E '^\[  PASSED  \] [0-9]+ tests?\.' "$log" | tail -n 1)"
  if [[ -n "$line" ]]; then
    COUNT_PASSED="$(sed -E 's/^\[  PASSED  \] ([0-9]+).*/\1/' <<<"$line")"
    COUNT_FOUND=1
  fi
  failed="$(grep -cE '^\[  FAILED  \] .* \([0-9]+ ms\)$' "$log")"
  if ((failed > 0)); then
    COUNT_FAILED=$failed COUNT_FOUND=1
  fi
}

run_stage() { # id title function
  local id=$1 title=$2 fn=$3 log="$LOG_DIR/$1.log" start rc line
  STAGE_IDS+=("$id")
  banner "stage $id: $title"
  start=$SECONDS
  (
    set -e
    "$fn"
  ) 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  STAGE_SECS[$id]=$((SECONDS - start))
  count_tests "$log"
  STAGE_PASSED[$id]=$COUNT_PASSED
  STAGE_FAILED[$id]=$COUNT_FAILED
  if grep -q '^No tests were found' "$log"; then
    STAGE_NOTE[$id]="no tests found"
  fi
  # scripts/fuzz.sh's last line: "fuzz: fuzz_load N execs, ..., 0 crashes".
  line="$(grep -E '^fuzz: .* [0-9]+ crashes$' "$log" | tail -n 1)"
  if [[ -n "$line" ]]; then
    STAGE_NOTE[$id]="${line#fuzz: }"
  fi
  if ((rc == 0)); then
    STAGE_RESULT[$id]=pass
  else
    STAGE_RESULT[$id]=FAIL
    if [[ -n "$line" ]]; then
      : # the fuzz note already says what crashed
    elif ((COUNT_FOUND == 0)); then
      STAGE_NOTE[$id]="exit $rc with no test summary: configure/build error or crash"
    elif ((COUNT_FAILED == 0)); then
      STAGE_NOTE[$id]="exit $rc"
    fi
  fi
  say "stage $id: ${STAGE_RESULT[$id]} in $(fmt_secs "${STAGE_SECS[$id]}") (log: build/logs/$id.log)"
}

skip_stage() { # id title reason
  STAGE_IDS+=("$1")
  STAGE_RESULT[$1]=skipped
  STAGE_SECS[$1]=0
  STAGE_PASSED[$1]=0
  STAGE_FAILED[$1]=0
  STAGE_NOTE[$1]=$3
  banner "stage $1: $2 — skipped ($3)"
}

# --- run ----------------------------------------------------------------------
say "test suite in $EDGELITE_ROOT ($(nproc) cores, jobs=$(edgelite_jobs))"
T0=$SECONDS

run_stage bootstrap "install missing packages" stage_bootstrap
if [[ "${STAGE_RESULT[bootstrap]}" != pass ]]; then
  warn "bootstrap failed; running the remaining stages anyway"
fi
run_stage native "native Release build + ctest" stage_native
if [[ "${EDGELITE_SKIP_ASAN:-}" == 1 ]]; then
  skip_stage asan "ASan+UBSan build + ctest" "EDGELITE_SKIP_ASAN=1"
else
  run_stage asan "ASan+UBSan build + ctest" stage_asan
fi
if [[ "${EDGELITE_SKIP_FUZZ:-}" == 1 ]]; then
  skip_stage fuzz "libFuzzer targets" "EDGELITE_SKIP_FUZZ=1"
else
  run_stage fuzz "libFuzzer targets (ASan+UBSan), 20000 inputs each from seed 1" stage_fuzz
fi
if [[ "${EDGELITE_SKIP_ARM:-}" == 1 ]]; then
  skip_stage aarch64 "aarch64 cross build + tests (qemu -cpu max)" "EDGELITE_SKIP_ARM=1"
  skip_stage aarch64-a72 "aarch64 tests on qemu -cpu cortex-a72 (no dot-product)" "EDGELITE_SKIP_ARM=1"
else
  run_stage aarch64 "aarch64 cross build + tests (qemu -cpu max)" stage_aarch64
  run_stage aarch64-a72 "aarch64 tests on qemu -cpu cortex-a72 (no dot-product)" stage_aarch64_a72
fi

if [[ "${EDGELITE_SKIP_WEB:-}" == 1 ]]; then
  skip_stage wasm "WebAssembly build + JavaScript tests" "EDGELITE_SKIP_WEB=1"
  skip_stage conformance "differential tests against TFLite" "EDGELITE_SKIP_WEB=1"
  skip_stage browser "headless Chromium tests" "EDGELITE_SKIP_WEB=1"
else
  run_stage wasm "WebAssembly build (SIMD + scalar) + JavaScript tests (Node)" stage_wasm
  run_stage conformance "differential tests against TFLite (LiteRT.js, tfjs-tflite)" stage_conformance
  run_stage browser "headless Chromium tests" stage_browser
fi

# --- summary ------------------------------------------------------------------
banner "summary"
total_passed=0 total_failed=0 any_failed=0 outside=0
printf '%-12s %-8s %8s  %s\n' stage result time tests
for id in "${STAGE_IDS[@]}"; do
  tests="-"
  # bootstrap runs no tests; fuzz's counts (executions) are in its note.
  if [[ "${STAGE_RESULT[$id]}" != skipped && "$id" != bootstrap && "$id" != fuzz ]]; then
    tests="${STAGE_PASSED[$id]} passed, ${STAGE_FAILED[$id]} failed"
  fi
  note="${STAGE_NOTE[$id]:-}"
  printf '%-12s %-8s %8s  %s%s\n' "$id" "${STAGE_RESULT[$id]}" "$(fmt_secs "${STAGE_SECS[$id]}")" \
    "$tests" "${note:+  ($note)}"
  total_passed=$((total_passed + STAGE_PASSED[$id]))
  total_failed=$((total_failed + STAGE_FAILED[$id]))
  if [[ "${STAGE_RESULT[$id]}" == FAIL ]]; then
    any_failed=1
    # A stage that failed without a failing test (configure/build error, crash,
    # sanitizer abort at exit) still counts as one failure.
    if ((STAGE_FAILED[$id] == 0)); then
      total_failed=$((total_failed + 1)) outside=$((outside + 1))
    fi
  fi
done
printf '%-12s %-8s %8s\n' total "" "$(fmt_secs $((SECONDS - T0)))"
if ((outside)); then
  say "$outside stage(s) failed outside their tests; each counts as 1 failed below"
fi
if ((any_failed)); then
  say "FAILED"
else
  say "all stages passed"
fi
printf '%d passed, %d failed\n' "$total_passed" "$total_failed"
exit "$any_failed"
