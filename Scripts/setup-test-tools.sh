#!/usr/bin/env bash
# Installs the Python tools the tests run (kubernetes-validate, helm-python-sdk with PyYAML, and
# a Helm CLI) into a virtual environment of the project's own, so that no system pip is touched:
# Debian 12 and Ubuntu 24.04 refuse `pip install` outside one. The tests find it at .tools/venv,
# or wherever RIGGER_TOOLS points.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${RIGGER_TOOLS:-$PWD/.tools/venv}"
requirements="$PWD/Scripts/test-tools.txt"

# The requirements the venv was made from are kept in it; the same ones mean nothing to do.
if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$venv/rigger-requirements.txt"; then
  echo "test tools: up to date in $venv"
  exit 0
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "test tools: python3 cannot make a virtual environment; install Debian's python3-venv" >&2
  exit 1
fi
echo "test tools: installing into $venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
cp "$requirements" "$venv/rigger-requirements.txt"
