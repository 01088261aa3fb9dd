#!/usr/bin/env bash
# Runs a command with a slow cluster on PATH: stand-in kubectl, helm and gcloud that answer as the
# recorded clusters of the tests do (Tests/RiggerCoreTests/Fixtures/cluster), each call SECONDS late.
# Not a test: it is the setting for measuring that probing costs nothing where nothing waits for it.
#
# Usage: Benchmarks/slow-cluster.sh [--delay SECONDS] [--scenario NAME] [--log FILE] COMMAND [ARGUMENTS...]
#   --delay     how late each call answers (default 3)
#   --scenario  eks (default), upgrade, forbidden or dead; see the fixtures' scenarios/ folder
#   --log       a file every call is appended to, to see which probes ran and when
#
# Example: `rigger generate --probe` against a cluster 3 s slow. (Benchmarks/wizard-vs-dialog.py
# sets up the same stand-ins itself for its wizard column that reads a slow cluster.)
#   Benchmarks/slow-cluster.sh --delay 3 rigger generate --preset aws --probe --out /tmp/b --set ingress.hostname=a.example.com
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$root/Tests/RiggerCoreTests/Fixtures/cluster"
delay=3
scenario=eks
log=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --delay) delay="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --log) log="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [ "$#" -eq 0 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
[ -f "$fixtures/scenarios/$scenario.tsv" ] || { echo "slow-cluster: no scenario $scenario in $fixtures/scenarios" >&2; exit 2; }

bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
for tool in kubectl helm gcloud; do
  ln -s "$fixtures/standin.sh" "$bin/$tool"
done
export PATH="$bin:$PATH"
export RIGGER_STANDIN_FIXTURES="$fixtures" RIGGER_STANDIN_SCENARIO="$scenario" RIGGER_STANDIN_DELAY="$delay"
if [ -n "$log" ]; then export RIGGER_STANDIN_LOG="$log"; fi
"$@"
