#!/usr/bin/env bash
# Refuses a set-up or CI script that would fail on a stock Debian 12 or Ubuntu 24.04: one that runs
# pip other than as a virtual environment's `"$venv/bin/python" -m pip` (their python3 refuses
# `pip install` outside a venv: "externally-managed-environment"), or runs sudo other than in an
# as_root function's fallback (a root shell in a container has no sudo). It reads the scripts and
# needs no network; Scripts/check-stock-debian.sh is the real thing, on a debootstrapped root.
#
# Usage: Scripts/check-no-system-pip.sh [FOLDER...]   (default: the checkout's .ci and Scripts)
# A line that must run pip or sudo anyway, e.g. to see it refused, ends with the comment
# `# check-no-system-pip: allowed, WHY`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
self="$here/$(basename "$0")"
if [ "$#" -eq 0 ]; then
  cd "$here/.."
  set -- .ci Scripts
fi

scripts=()
for folder in "$@"; do
  [ -d "$folder" ] || { echo "check-no-system-pip: no folder $folder" >&2; exit 2; }
  while IFS= read -r -d '' file; do
    # Its own patterns name what it looks for.
    [ "$(cd "$(dirname "$file")" && pwd)/$(basename "$file")" = "$self" ] && continue
    case "$file" in
      *.sh) scripts+=("$file") ;;
      *) head -n 1 "$file" | grep -Eq '^#!.*(/|[[:space:]])(ba)?sh([[:space:]]|$)' && scripts+=("$file") ;;
    esac
  done < <(find "$folder" -type f -print0 | sort -z)
done

if [ "${#scripts[@]}" -eq 0 ]; then
  echo "check-no-system-pip: no scripts in $*" >&2
  exit 2
fi

# Each line is cut into commands at ; & | ( ) { } ` and $( and each command's first word (after
# assignments and wrappers such as env, exec or xargs) is what runs. Text in double quotes is text
# (a message may name pip or sudo), but what runs in its $( ) is a command. Single quotes are read
# through: their text is what `bash -c` or a chroot runs.
awk '
  function unquote(word) { gsub(/["\047]/, "", word); return word }
  function report(why) { printf "%s:%d: %s: %s\n", FILENAME, FNR, why, original; found = 1 }
  # The line with double-quoted text kept as one word, comments dropped and $( made a separator.
  function code(text,    out, depth, stack, i, ch, next_ch, close_at) {
    out = ""; depth = 1; stack[1] = "c"
    for (i = 1; i <= length(text); i++) {
      ch = substr(text, i, 1); next_ch = substr(text, i + 1, 1)
      if (ch == "$" && next_ch == "{") {
        close_at = index(substr(text, i), "}")
        if (close_at == 0) close_at = length(text) - i + 1
        # Without its braces, which would otherwise cut the line: ${venv}/bin/python is $venv/bin/python.
        out = out "$" substr(text, i + 2, close_at - 3); i += close_at - 1
      } else if (ch == "$" && next_ch == "(") {
        stack[++depth] = "c"; out = out ";"; i++
      } else if (stack[depth] == "d") {
        if (ch == "\\") { out = out "_"; i++ }
        else if (ch == "\"") { depth--; out = out ch }
        else if (ch ~ /[ \t;&|()`]/) out = out "_"
        else out = out ch
      } else if (ch == "\"") {
        stack[++depth] = "d"; out = out ch
      } else if (ch == "#" && (i == 1 || substr(text, i - 1, 1) ~ /[ \t;]/)) {
        break
      } else if (ch == "(") {
        stack[++depth] = "c"; out = out ch
      } else if (ch == ")") {
        if (depth > 1) depth--
        out = out ch
      } else out = out ch
    }
    return out
  }
  FNR == 1 { in_as_root = 0 }
  {
    original = $0
    if ($0 ~ /^[ \t]*(function[ \t]+)?as_root[ \t]*\(\)/) in_as_root = 1
    else if (in_as_root && $0 ~ /^}/) in_as_root = 0
    if ($0 ~ /#[ \t]*check-no-system-pip: allowed/) next
    line = code($0)
    count = split(line, commands, /[;&|(){}`]/)
    for (c = 1; c <= count; c++) {
      n = split(commands[c], raw, /[ \t]+/)
      m = 0
      for (i = 1; i <= n; i++) if (raw[i] != "") words[++m] = raw[i]
      i = 1
      wrapped = 0
      while (i <= m) {
        word = unquote(words[i])
        if (word ~ /^[A-Za-z_][A-Za-z0-9_]*=/ || (wrapped && word ~ /^-/)) { i++; continue }
        if (word == "command" && i < m && words[i + 1] ~ /^-[vV]/) { i = m + 1; break }
        if (word ~ /^(env|exec|command|nohup|time|xargs|then|do|else|if|while|until|!|as_root)$/) { wrapped = 1; i++; continue }
        break
      }
      if (i > m) continue
      word = unquote(words[i])
      name = word
      sub(/.*\//, "", name)
      if (name == "sudo") {
        if (!in_as_root) report("sudo outside the as_root fallback")
        # What sudo runs is checked too.
        i++
        while (i <= m && words[i] ~ /^-/) i++
        if (i > m) continue
        word = unquote(words[i])
        name = word
        sub(/.*\//, "", name)
      }
      if (name ~ /^pip[0-9.]*$/) report("pip outside a venv (use \"$venv/bin/python\" -m pip)")
      else if (name ~ /^python[0-9.]*$/) {
        rest = ""
        for (j = i + 1; j <= m; j++) rest = rest " " unquote(words[j])
        if (rest ~ / -m pip[0-9.]*( |$)/ && word !~ /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\/bin\/python[0-9.]*$/ && word !~ /venv\/bin\/python[0-9.]*$/)
          report("pip through a python that is not a venv\047s (use \"$venv/bin/python\" -m pip)")
      }
    }
  }
  END { exit found }
' "${scripts[@]}" || {
  echo "check-no-system-pip: refused: the set-up must work as root without sudo, and with a python3 that refuses pip outside a venv" >&2
  exit 1
}
echo "check-no-system-pip: ${#scripts[@]} script(s), no system pip and no sudo outside as_root"
