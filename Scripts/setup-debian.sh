#!/usr/bin/env bash
# Installs what building and testing rigger needs on Debian or Ubuntu, as root or through sudo,
# then the Python test tools into .tools/venv (never into the system's Python).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "setup: $1 needs root, and there is no sudo; run this as root" >&2
    exit 1
  fi
}

missing=()
dpkg -s libncurses-dev >/dev/null 2>&1 || missing+=(libncurses-dev)
for tool in pkg-config shellcheck yamllint tmux dialog git; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
# The release links everything in statically (Scripts/release.sh): g++ brings libstdc++.a, and
# libncurses-dev (above) ncurses' static libraries.
case "$(gcc -print-file-name=libstdc++.a 2>/dev/null)" in
  /*) ;;
  *) missing+=(g++) ;;
esac
# The release test hides the toolchain with unshare and mount, and strips the binary.
for tool in unshare strip; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$([ "$tool" = strip ] && echo binutils || echo util-linux)")
done
# Debian's python3 makes virtual environments only with python3-venv.
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash Scripts/setup-test-tools.sh
