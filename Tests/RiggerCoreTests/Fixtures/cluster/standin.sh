#!/usr/bin/env bash
# A stand-in kubectl, helm or gcloud (named by the link it is called through) that replays the
# outputs recorded from the real tools (see tools/record-cluster-fixtures.py) by their arguments.
#
#   RIGGER_STANDIN_FIXTURES  the fixtures folder (holding scenarios/ and the recordings)
#   RIGGER_STANDIN_SCENARIO  scenario names, separated by spaces; the first that knows the call answers
#   RIGGER_STANDIN_DELAY     seconds to wait before answering: a slow cluster
#   RIGGER_STANDIN_LOG       a file each call is appended to, as "tool arguments" (and HELM_PLUGINS
#                            when set), to count calls and compare them
#   RIGGER_STANDIN_REAL_HELM, RIGGER_STANDIN_REAL_KUBECTL
#                            the real tool, run for what no scenario knows (helm template, kubectl kustomize)
#
# --context, --kube-context and --request-timeout are left out when matching; the log keeps them.
set -u
tool="$(basename "$0")"
if [ -n "${RIGGER_STANDIN_LOG:-}" ]; then
  printf '%s %s%s\n' "$tool" "$*" "${HELM_PLUGINS:+ [HELM_PLUGINS=$HELM_PLUGINS]}" >>"$RIGGER_STANDIN_LOG"
fi

words=()
skip_next=0
for argument in "$@"; do
  if [ "$skip_next" -eq 1 ]; then
    skip_next=0
    continue
  fi
  case "$argument" in
    --context | --kube-context | --request-timeout) skip_next=1 ;;
    --context=* | --kube-context=* | --request-timeout=*) ;;
    *) words+=("$argument") ;;
  esac
done
arguments="${words[*]:-}"

if [ -n "${RIGGER_STANDIN_DELAY:-}" ]; then
  sleep "$RIGGER_STANDIN_DELAY"
fi

fixtures="${RIGGER_STANDIN_FIXTURES:?RIGGER_STANDIN_FIXTURES is not set}"
for scenario in ${RIGGER_STANDIN_SCENARIO:-}; do
  index="$fixtures/scenarios/$scenario.tsv"
  [ -f "$index" ] || { echo "stand-in $tool: no scenario $scenario" >&2; exit 70; }
  while IFS=$'\t' read -r row_tool pattern stem; do
    case "$row_tool" in '#'* | '') continue ;; esac
    [ "$row_tool" = "$tool" ] || continue
    # shellcheck disable=SC2053 # the pattern may end in * on purpose
    if [[ "$arguments" == $pattern ]]; then
      cat "$fixtures/$stem.stdout"
      cat "$fixtures/$stem.stderr" >&2
      exit "$(cat "$fixtures/$stem.status")"
    fi
  done <"$index"
done

case "$tool" in
  helm) real="${RIGGER_STANDIN_REAL_HELM:-}" ;;
  kubectl) real="${RIGGER_STANDIN_REAL_KUBECTL:-}" ;;
  *) real="" ;;
esac
if [ -n "$real" ]; then
  exec "$real" "$@"
fi
echo "stand-in $tool: nothing recorded for: $arguments" >&2
exit 71
