#!/usr/bin/env bash
# The C++ style check: every tracked C++ source under src/, tests/, wasm/ and
# bench/ must be as clang-format (Google style, .clang-format) writes it.
#
#   bash scripts/format.sh          # check: list unformatted files, exit 1 if any
#   bash scripts/format.sh --fix    # rewrite them in place
#
# npm test runs the check at the start of the native stage.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$EDGELITE_ROOT"

mode=check
case "${1:-}" in
  "") ;;
  --fix) mode=fix ;;
  -h | --help)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac

command -v clang-format >/dev/null ||
  die "clang-format is not installed (bash scripts/bootstrap.sh --native installs it)"

mapfile -t files < <(git ls-files -- 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' \
  'wasm/*.cc' 'wasm/*.h' 'bench/*.cc' 'bench/*.h')
((${#files[@]} > 0)) || die "no C++ sources found (is this a git checkout?)"

if [[ $mode == fix ]]; then
  clang-format -i "${files[@]}"
  say "format: ran clang-format on ${#files[@]} files"
  exit 0
fi

# One clang-format process for all files; its warnings name each file.
mapfile -t bad < <(clang-format --dry-run "${files[@]}" 2>&1 |
  sed -nE 's/^([^: ]+\.(cc|h)):[0-9]+:[0-9]+: (warning|error): .*/\1/p' | sort -u)
if ((${#bad[@]} > 0)); then
  printf '  %s\n' "${bad[@]}"
  die "format: ${#bad[@]} of ${#files[@]} files differ from clang-format's output ($(clang-format --version | sed 's/.*version //')); fix: bash scripts/format.sh --fix"
fi
say "format: ${#files[@]} C++ files match clang-format (Google style)"
