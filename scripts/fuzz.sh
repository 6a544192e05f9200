#!/usr/bin/env bash
# Builds the libFuzzer targets (build/fuzz, incrementally) and runs each for a
# bounded time (docs/fuzzing.md).
#
#   bash scripts/fuzz.sh                     # every target, 30 s each (npm run fuzz)
#   bash scripts/fuzz.sh --seconds 600       # longer (npm run fuzz -- --seconds 600)
#   bash scripts/fuzz.sh --seconds 60 fuzz_mutate   # one target
#   bash scripts/fuzz.sh --runs 20000 --seed 1       # a fixed number of inputs
#                        from a fixed seed (what npm test runs: reproducible)
#
# Seeds: the shared models of at most 1 MiB (tests/data/models, models/),
# three single-op models per conformance generator (tests/fuzz/op_seeds.mjs),
# the malformed corpus (fuzz_load only) and tests/data/fuzz/regressions. New inputs
# accumulate in build/fuzz/corpus/<target> (not in git). Per target it prints
# the execution count and "0 crashes", or the crash file (a reproducer:
# build/fuzz/<target> FILE). Exit status 1 if any target found a crash, leak
# or timeout. Last line: "fuzz: <target> N execs, ..., 0 crashes".
# Full libFuzzer output: build/fuzz/logs/<target>.log.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

seconds=30
runs=
targets=()
while (($#)); do
  case "$1" in
    --seconds)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--seconds needs a positive integer"
      seconds=$2
      shift 2
      ;;
    --runs | --seed)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive integer"
      if [[ $1 == --runs ]]; then runs=$2; else EDGELITE_FUZZ_SEED=$2; fi
      shift 2
      ;;
    --seconds=*)
      seconds=${1#--seconds=}
      [[ "$seconds" =~ ^[1-9][0-9]*$ ]] || die "--seconds needs a positive integer"
      shift
      ;;
    -h | --help)
      sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    fuzz_*)
      targets+=("$1")
      shift
      ;;
    *) die "unknown argument '$1' (see bash scripts/fuzz.sh --help)" ;;
  esac
done
((${#targets[@]})) || targets=(fuzz_load fuzz_mutate)

bash scripts/build.sh fuzz
build_flavour fuzz
FUZZ_DIR="$EDGELITE_ROOT/$FLAVOUR_DIR"

# Seed models: the shared models of at most 1 MiB, once each by name. Bigger
# ones (the 224×224 MobileNet v2s) take about a second per run under ASan.
seed_dir="$FUZZ_DIR/seeds/models"
rm -rf "$seed_dir"
mkdir -p "$seed_dir" "$FUZZ_DIR/logs"
for f in tests/data/models/*.tflite models/*.tflite; do
  [[ -f "$f" ]] || continue
  (($(stat -c %s "$f") <= 1048576)) || continue
  [[ -e "$seed_dir/$(basename "$f")" ]] || ln -s "$EDGELITE_ROOT/$f" "$seed_dir/"
done
regressions=tests/data/fuzz/regressions

# Single-op seed models for every registered operator, written from the
# conformance generators (they need Node and the npm flatbuffers package;
# without them the fuzzers start from the shipped models only).
op_seed_dir="$FUZZ_DIR/seeds/ops"
rm -rf "$op_seed_dir"
if command -v node >/dev/null && [[ -d node_modules/flatbuffers ]]; then
  node tests/fuzz/op_seeds.mjs "$op_seed_dir" --per-op 3 ||
    die "tests/fuzz/op_seeds.mjs failed (a conformance generator is broken)"
  export EDGELITE_FUZZ_SEEDS="$op_seed_dir"
else
  warn "no single-op seed models (needs node and node_modules: bash scripts/npm-deps.sh)"
  mkdir -p "$op_seed_dir"
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

summary=()
crashes=0
for t in "${targets[@]}"; do
  bin="$FUZZ_DIR/$t"
  [[ -x "$bin" ]] || die "$bin was not built (targets are tests/fuzz/fuzz_*.cc)"
  corpus="$FUZZ_DIR/corpus/$t"
  artifacts="$FUZZ_DIR/artifacts/$t"
  log="$FUZZ_DIR/logs/$t.log"
  mkdir -p "$corpus" "$artifacts"
  seeds=("$seed_dir" "$op_seed_dir" "$regressions")
  case "$t" in
    fuzz_load) max_len=1048576 seeds+=(tests/data/malformed) ;;
    *) max_len=4194304 ;;
  esac
  # A working corpus that has grown large makes every run's start-up slow:
  # keep only the inputs that add coverage.
  if (($(find "$corpus" -type f | wc -l) > 1000)); then
    say "$t: minimizing the working corpus ($(find "$corpus" -type f | wc -l) files)"
    rm -rf "$corpus.new" && mkdir -p "$corpus.new"
    "$bin" -merge=1 -max_len=$max_len -rss_limit_mb=2048 -timeout=10 \
      "$corpus.new" "$corpus" >"$FUZZ_DIR/logs/$t.merge.log" 2>&1 &&
      rm -rf "$corpus" && mv "$corpus.new" "$corpus"
  fi
  # EDGELITE_FUZZ_SEED fixes libFuzzer's random seed (npm test sets 1, so
  # that a CI run explores the same inputs for the same code); unset: random.
  seed_args=()
  [[ -z "${EDGELITE_FUZZ_SEED:-}" ]] || seed_args=(-seed="$EDGELITE_FUZZ_SEED")
  [[ -z "$runs" ]] || seed_args+=(-runs="$runs")
  cmd=("$bin" "${seed_args[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
       "-max_len=$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/"
       "$corpus" "${seeds[@]}")
  say "$t: ${seconds}s ($(basename "$bin") ${cmd[*]:1})"
  start=$SECONDS
  rc=0
  # libFuzzer checks -max_total_time between runs only; the outer timeout
  # catches a start-up that takes far too long.
  timeout --signal=INT $((seconds * 3 + 120)) "${cmd[@]}" >"$log" 2>&1 || rc=$?
  secs=$((SECONDS - start))
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  execs=${execs:-0}
  if ((rc == 0)); then
    say "$t: $execs execs in ${secs}s, 0 crashes"
    summary+=("$t $execs execs")
  else
    crashes=$((crashes + 1))
    file="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)"
    tail -n 60 "$log" >&2
    warn "$t: exit $rc after $execs execs in ${secs}s; crash input: ${file:-none written} (log: $log)"
    summary+=("$t $execs execs, CRASH ${file:-exit $rc}")
  fi
done
joined="$(printf '%s, ' "${summary[@]}")"
printf 'fuzz: %s%d crashes\n' "$joined" "$crashes"
((crashes == 0))
