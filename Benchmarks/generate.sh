#!/usr/bin/env bash
# Times `rigger generate` for a whole bundle as a whole process (start-up, validation, rendering,
# writing with fsync), side by side with peers measured in the same run. Not a test: these
# figures depend on the machine; compare the rows of one run with each other.
#
# Usage: Benchmarks/generate.sh [RUNS [RIGGER_BINARY]]
# Without RIGGER_BINARY it times the binary that ships, built by `Scripts/release.sh build`, with
# its built-in presets. Target: a whole new bundle under 30 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"

rigger="${2:-$(bash Scripts/release.sh build | tail -n 1)}"
work="$(mktemp -d)"
memory="$(mktemp -d -p /dev/shm 2>/dev/null || true)"
trap 'rm -rf "$work" ${memory:+"$memory"}' EXIT
unset RIGGER_PRESETS
printf 'pg-Password-1\n' >"$work/pg"
printf 'redis-Token-1\n' >"$work/redis"

# A new bundle in FOLDER/out: rigger fsyncs each of its 19 files, so on a disk the time includes
# the disk's flush latency, which tmpfs (/dev/shm) doesn't have.
generate_into() {
  rm -rf "$1/out"
  "$rigger" generate --preset aws-managed --out "$1/out" \
    --set ingress.hostname=posthog.example.com --set ingress.letsencryptEmail=ops@example.com \
    --set postgresql.host=db.example.com --set redis.host=cache.example.com \
    --set kafka.brokers=b-1.example.com:9092,b-2.example.com:9092 \
    --secret postgresql.password=@"$work/pg" --secret redis.password=@"$work/redis" >/dev/null
}
generate() { generate_into "$work"; }
generate_in_memory() { generate_into "$memory"; }
regenerate_unchanged() { "$rigger" generate --out "$work/out" >/dev/null; }
rigger_version() { "$rigger" --version >/dev/null; }
python_yaml() { python3 -c 'import yaml' >/dev/null; }
kubectl_client() { kubectl version --client >/dev/null 2>&1; }

# Prints median, mean, min and max wall time of RUNS calls of a shell function, in milliseconds.
measure() {
  local name="$1" i start end
  local -a times=()
  for ((i = 0; i < runs; i++)); do
    start="$(date +%s%N)"
    "$name"
    end="$(date +%s%N)"
    times+=("$(((end - start) / 1000))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$2" '
    { t[NR] = $1; sum += $1 }
    END { printf "%-40s median %7.1f ms  mean %7.1f ms  min %7.1f ms  max %7.1f ms\n",
          name, t[int((NR + 1) / 2)] / 1000, sum / NR / 1000, t[1] / 1000, t[NR] / 1000 }'
}

echo "$rigger"
echo "runs: $runs each, $(nproc) cores, $(uname -sr)"
measure rigger_version "rigger --version (start-up only)"
measure generate "rigger generate (aws-managed, new)"
if [ -n "$memory" ]; then measure generate_in_memory "rigger generate (new, on tmpfs)"; fi
measure regenerate_unchanged "rigger generate (regenerate, no change)"
measure python_yaml "peer: python3 -c 'import yaml'"
if command -v kubectl >/dev/null 2>&1; then measure kubectl_client "peer: kubectl version --client"; fi
