#!/usr/bin/env bash
# Proves that the set-up works on a stock Debian 12: builds a minimal bookworm root with debootstrap,
# runs Scripts/setup-debian.sh in it as root with no sudo, then checks what the tests need. Debian's
# own python3 refuses `pip install` outside a virtual environment, which a developer machine with
# another Python hides; only a root that holds nothing but Debian's packages shows it.
#
# Usage: Scripts/check-stock-debian.sh [--keep] [FOLDER]
#   FOLDER  where the root is built (default: .build-debian in the checkout); a folder that already
#           holds something other than an earlier root of this script is refused, never emptied.
#   --keep  keeps the root after a successful run (a failed run always keeps it, to look into).
# Needs root (debootstrap, chroot and mount do) and the network (Debian's mirror and PyPI).
# DEBIAN_MIRROR chooses the mirror (default http://deb.debian.org/debian).
# The checks' commands are single-quoted because they expand in the root, not here:
# shellcheck disable=SC2016
set -euo pipefail
cd "$(dirname "$0")/.."
checkout="$PWD"

keep=0
work=""
for argument in "$@"; do
  case "$argument" in
    --keep) keep=1 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-stock-debian: unknown option $argument" >&2; exit 2 ;;
    *) [ -z "$work" ] || { echo "check-stock-debian: one folder only" >&2; exit 2; }; work="$argument" ;;
  esac
done
work="${work:-$checkout/.build-debian}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
marker=".rigger-stock-debian"

say() { printf 'check-stock-debian: %s\n' "$*"; }
die() { printf 'check-stock-debian: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "needs root: debootstrap, chroot and mount do (run it with sudo, or as root)"

if ! command -v debootstrap >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || die "needs debootstrap, and there is no apt-get to install it"
  say "installing debootstrap from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

# The folder is emptied on every run, so only one this script made may be: anything else could be
# the operator's.
mkdir -p "$work"
work="$(cd "$work" && pwd)"
if [ -n "$(ls -A "$work")" ] && [ ! -e "$work/$marker" ]; then
  die "$work holds files this script did not make; give an empty or new folder"
fi
root="$work/root"
# A run that was killed may have left /proc or a bind of the host's /dev mounted in the root;
# deleting through a bound /dev would delete the host's device nodes.
if awk -v root="$root" '$2 == root || index($2, root "/") == 1 { found = 1 } END { exit !found }' /proc/mounts; then
  die "something is still mounted under $root (an earlier run was stopped?); unmount it first"
fi
touch "$work/$marker"
rm -rf --one-file-system "$root"

mounted=()
cleanup() {
  local i
  # Unmounted in the reverse order of mounting; lazily if a process of the root still holds one.
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
  done
  mounted=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

seconds_since() { echo $(($(date +%s) - $1)); }

# minbase is what Debian's container images hold: apt and the essential packages, no python3,
# no sudo, no compiler.
say "debootstrap bookworm (minbase) from $mirror into $root"
started=$(date +%s)
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 20 "$work/debootstrap.log" >&2
  die "debootstrap failed; its log is $work/debootstrap.log"
fi
debootstrap_seconds=$(seconds_since "$started")

# A stock machine also gets bookworm's point updates and security fixes.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Behind a proxy that inspects HTTPS, PyPI is reachable only with the CA certificates this machine
# added itself, which Debian keeps in /usr/local/share/ca-certificates. They go to the same place in
# the root, where ca-certificates (which the set-up brings) trusts them too; Debian's own are not
# touched. A machine that added none copies none.
local_cas=0
if [ -d /usr/local/share/ca-certificates ]; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp -R /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
  local_cas=$(find "$root/usr/local/share/ca-certificates" -name '*.crt' | wc -l)
fi

mount -t proc proc "$root/proc"
mounted+=("$root/proc")
# debootstrap makes /dev's nodes when it may; where it may not, the host's /dev stands in.
if [ ! -c "$root/dev/null" ] || [ ! -c "$root/dev/urandom" ]; then
  mount --bind /dev "$root/dev"
  mounted+=("$root/dev")
fi
# apt logs through a pseudo-terminal, and says so on every install without one.
mkdir -p "$root/dev/pts"
if mount --bind /dev/pts "$root/dev/pts" 2>/dev/null; then
  mounted+=("$root/dev/pts")
fi

# The checkout as a developer clones it: the set-up reads only Scripts/ (setup-debian.sh runs
# setup-test-tools.sh, which reads test-tools.txt).
mkdir -p "$root/root/rigger"
cp -R "$checkout/Scripts" "$root/root/rigger/"

# Runs bash in the root with a login's plain environment, so that nothing of this machine (its
# PATH, a Python of its own, RIGGER_TOOLS) leaks in.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "cd /root/rigger && $1"
}

failures=0
summary=()
pass() { summary+=("ok    $1"); }
fail() { summary+=("FAIL  $1"); failures=$((failures + 1)); }
# check NAME COMMAND: runs COMMAND in the root; its first line of output is the figure shown.
check() {
  local output
  if output="$(in_root "$2" 2>&1)"; then
    pass "$1: $(printf '%s\n' "$output" | head -n 1)"
  else
    fail "$1: $(printf '%s\n' "$output" | tail -n 3 | tr '\n' ' ')"
  fi
}

# Before the set-up: what a stock root lacks, so that the set-up is seen to bring it.
pass "CA certificates this machine added, carried over: $local_cas"
if in_root 'command -v sudo' >/dev/null 2>&1; then fail "no sudo before set-up"; else pass "no sudo before set-up"; fi
if in_root 'command -v python3' >/dev/null 2>&1; then
  pass "python3 before set-up: $(in_root 'python3 --version')"
else
  pass "python3 before set-up: none (the set-up must bring it)"
fi

say "running bash Scripts/setup-debian.sh in the root, as root"
started=$(date +%s)
if in_root 'bash Scripts/setup-debian.sh'; then
  setup_seconds=$(seconds_since "$started")
  pass "setup-debian.sh as root, no sudo (${setup_seconds}s)"
else
  setup_seconds=$(seconds_since "$started")
  fail "setup-debian.sh as root, no sudo (exit after ${setup_seconds}s)"
fi
# A second run finds everything in place and changes nothing.
started=$(date +%s)
if second="$(in_root 'bash Scripts/setup-debian.sh' 2>&1)" && [[ "$second" == *"up to date"* ]] && [[ "$second" != *installing* ]]; then
  pass "setup-debian.sh again: nothing to do ($(seconds_since "$started")s)"
else
  fail "setup-debian.sh again: $(printf '%s\n' "$second" | tail -n 3 | tr '\n' ' ')"
fi

venv=.tools/venv
check "no sudo after set-up" '! command -v sudo && echo "command -v sudo fails"'
check "python3 is Debian's" \
  '[ "$(command -v python3)" = /usr/bin/python3 ] && echo "$(readlink -f /usr/bin/python3) $(python3 --version) from $(dpkg -S "$(readlink -f /usr/bin/python3)" | cut -d: -f1)"'
check "venv made by Debian's python3" "grep -qx 'home = /usr/bin' $venv/pyvenv.cfg && grep '^version' $venv/pyvenv.cfg"
check "kubernetes-validate" "$venv/bin/kubernetes-validate --version"
# helm-python-sdk's module is helm_python; PyYAML's is yaml.
check "helm-python-sdk" \
  "$venv/bin/python -c 'import helm_python, yaml; from importlib.metadata import version as v; print(\"helm_python\", v(\"helm-python-sdk\"), \"yaml\", yaml.__version__)'"
check "helm (helm-binary)" "$venv/bin/helm version --short"
check "shellcheck" "shellcheck --version | sed -n 2p"
check "yamllint" "yamllint --version"
check "tmux" "tmux -V"
check "dialog" "dialog --version"
check "pkg-config, g++, ncurses" 'v=$(pkg-config --modversion ncursesw) && g=$(g++ --version | head -n 1) && echo "ncursesw $v, $g"'

# The environment is stock: Debian's pip, once installed, refuses to install outside a venv. The
# set-up must not have needed it, so it is installed only now.
check "set-up needed no system pip" '! command -v pip && ! python3 -c "import pip" 2>/dev/null && echo "no pip command, no pip module"'
check "Debian's pip installed for the next check" \
  'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pip >/tmp/apt.log 2>&1 || { tail -n 3 /tmp/apt.log; exit 1; }
   dpkg-query -W python3-pip'
check "bare pip install refused" \
  'if out="$(pip install PyYAML 2>&1)"; then echo "pip installed outside a venv"; exit 1; fi  # check-no-system-pip: allowed, it must be refused
   grep -o "error: externally-managed-environment" <<<"$out"'

echo
echo "Stock Debian 12 (debootstrap ${debootstrap_seconds}s, first set-up ${setup_seconds}s):"
printf '  %s\n' "${summary[@]}"
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed; the root is kept in $root"
  exit 1
fi
cleanup
if [ "$keep" -eq 1 ]; then
  echo "All passed; the root is kept in $root"
else
  rm -rf --one-file-system "$root"
  echo "All passed."
fi
