#!/usr/bin/env bash
# Installs the Debian packages edgelite's build and tests need. Idempotent:
# packages already installed are left alone, and apt-get update runs (once)
# only when something has to be installed.
#
#   bash scripts/bootstrap.sh            # default groups: native, fuzz, arm, wasm, browser
#   bash scripts/bootstrap.sh --native   # only the native toolchain
#   bash scripts/bootstrap.sh --check    # report what is missing, install nothing
#
# Needs root, or sudo when not root (only if something is missing). Works
# without a terminal (CI=true, no stdin).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# ---------------------------------------------------------------------------
# Package groups: one line each, "name|packages|what they are needed for".
# To add a group, add a line here (and, if it should be on by default, to
# DEFAULT_GROUPS). The flag --NAME selects it.
PACKAGE_GROUPS=(
  "native|cmake g++ make pkg-config flatbuffers-compiler libflatbuffers-dev libstb-dev googletest libgtest-dev clang-format|the native build and tests (clang-format: the style check)"
  "fuzz|clang-14 libclang-rt-14-dev|the libFuzzer targets (clang's ASan+UBSan and libFuzzer runtime)"
  "arm|g++-aarch64-linux-gnu qemu-user|the aarch64 cross build and its tests under qemu"
  "wasm|emscripten|the WebAssembly build (Emscripten; Debian's node-acorn comes with it)"
  "browser|chromium|the browser tests (headless Chromium driven by playwright-core)"
)
DEFAULT_GROUPS=(native fuzz arm wasm browser)
# ---------------------------------------------------------------------------

usage() {
  local names=() g
  for g in "${PACKAGE_GROUPS[@]}"; do names+=("--${g%%|*}"); done
  cat <<EOF
usage: bash scripts/bootstrap.sh [${names[*]}] [--check]

Installs the Debian packages edgelite needs (apt-get, as root or via sudo).
With no group flag: ${DEFAULT_GROUPS[*]}.
  --check   only report what is missing; exit 1 if anything is
Groups:
EOF
  for g in "${PACKAGE_GROUPS[@]}"; do
    IFS='|' read -r name pkgs why <<<"$g"
    printf '  --%-8s %s (for %s)\n' "$name" "$pkgs" "$why"
  done
}

group_line() { # name → the group's definition line, or fail
  local g
  for g in "${PACKAGE_GROUPS[@]}"; do
    if [[ "${g%%|*}" == "$1" ]]; then
      printf '%s' "$g"
      return 0
    fi
  done
  return 1
}

selected=()
check_only=0
for arg in "$@"; do
  case "$arg" in
    -h | --help)
      usage
      exit 0
      ;;
    --check) check_only=1 ;;
    --*)
      group_line "${arg#--}" >/dev/null || {
        usage >&2
        die "unknown option '$arg'"
      }
      selected+=("${arg#--}")
      ;;
    *)
      usage >&2
      die "unexpected argument '$arg'"
      ;;
  esac
done
((${#selected[@]})) || selected=("${DEFAULT_GROUPS[@]}")

is_installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  die "this script needs a Debian-based system (dpkg and apt-get); install the packages listed by --help by hand"
fi

# Work out what is missing, and why it is needed.
missing=()
declare -A reason=()
for name in "${selected[@]}"; do
  IFS='|' read -r _ pkgs why <<<"$(group_line "$name")"
  read -ra pkg_list <<<"$pkgs"
  for pkg in "${pkg_list[@]}"; do
    [[ -n "${reason[$pkg]:-}" ]] && continue # listed by two groups
    if is_installed "$pkg"; then
      say "$pkg already present"
      reason[$pkg]=present
    else
      missing+=("$pkg")
      reason[$pkg]="$why"
    fi
  done
done

if ((${#missing[@]} == 0)); then
  say "nothing to install (groups: ${selected[*]})"
  exit 0
fi

if ((check_only)); then
  for pkg in "${missing[@]}"; do say "$pkg is missing (needed for ${reason[$pkg]})"; done
  die "missing: ${missing[*]} — run: bash scripts/bootstrap.sh ${selected[*]/#/--}"
fi

# Root, or sudo. Without a terminal (CI), sudo must work without a password.
as_root=()
if ((EUID != 0)); then
  if ! command -v sudo >/dev/null 2>&1; then
    die "need to install ${missing[*]} but not running as root and sudo is not installed; rerun as root: bash scripts/bootstrap.sh"
  fi
  if sudo -n true 2>/dev/null; then
    :
  elif [[ -t 0 && -z "${CI:-}" ]]; then
    say "installing needs root: asking sudo for your password"
    sudo -v || die "sudo failed; rerun as root or install by hand: apt-get install ${missing[*]}"
  else
    die "need to install ${missing[*]} but not root and sudo needs a password (no terminal); rerun as root or configure passwordless sudo"
  fi
  as_root=(sudo)
fi

apt_env=(env DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a)
apt_opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)

say "updating the package lists (apt-get update)…"
"${as_root[@]}" "${apt_env[@]}" apt-get -q -o DPkg::Lock::Timeout=600 update </dev/null ||
  die "apt-get update failed (is the network or the Debian mirror reachable?)"

for pkg in "${missing[@]}"; do
  say "installing $pkg (needed for ${reason[$pkg]})…"
done
"${as_root[@]}" "${apt_env[@]}" apt-get install "${apt_opts[@]}" "${missing[@]}" </dev/null ||
  die "apt-get install failed for: ${missing[*]}"

still=()
for pkg in "${missing[@]}"; do is_installed "$pkg" || still+=("$pkg"); done
((${#still[@]} == 0)) || die "still not installed after apt-get: ${still[*]}"
say "installed: ${missing[*]}"
