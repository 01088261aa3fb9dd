extension InstallScripts {
    /// install.sh: runs scripts/NN-*.sh in order, stops at the first failure, resumes with --from.
    public static func installAll() -> ShellScript {
        var script = ShellScript(
            name: "install",
            summary: [
                "Runs scripts/NN-*.sh in order and stops at the first failure.",
                "Usage: ./install.sh [--from NN] [--dry-run]",
            ])
        script.add(
            "cd \"$(dirname \"$0\")\"",
            "usage() {",
            "  echo \"usage: ./install.sh [--from NN] [--dry-run]\"",
            "  echo \"  --from NN   start at step NN (e.g. 40) after fixing what stopped an earlier run\"",
            "  echo \"  --dry-run   print the steps that would run, and run none\"",
            "}",
            "from=\"00\"",
            "dry_run=0",
            "while [ \"$#\" -gt 0 ]; do",
            "  case \"$1\" in",
            "    --from)",
            "      [ \"$#\" -ge 2 ] || { usage >&2; exit 2; }",
            "      from=\"$2\"",
            "      shift 2",
            "      ;;",
            "    --from=*) from=\"${1#--from=}\"; shift ;;",
            "    --dry-run) dry_run=1; shift ;;",
            "    -h | --help) usage; exit 0 ;;",
            "    *) echo \"install.sh: unknown argument: $1\" >&2; usage >&2; exit 2 ;;",
            "  esac",
            "done",
            "case \"$from\" in",
            "  [0-9][0-9]) ;;",
            "  *) echo \"install.sh: --from takes a two-digit step such as 40, not '$from'\" >&2; exit 2 ;;",
            "esac",
            "ran=0",
            "for script in scripts/[0-9][0-9]-*.sh; do",
            "  name=\"$(basename \"$script\")\"",
            "  step=\"${name%%-*}\"",
            "  if [ \"$((10#$step))\" -lt \"$((10#$from))\" ]; then continue; fi",
            "  ran=1",
            "  if [ \"$dry_run\" -eq 1 ]; then",
            "    echo \"would run $script\"",
            "    continue",
            "  fi",
            "  echo \"==> $script\"",
            "  if ! \"$script\"; then",
            "    echo \"install.sh: $script failed. Fix what it reported, then resume with: ./install.sh --from $step\" >&2",
            "    exit 1",
            "  fi",
            "done",
            "if [ \"$ran\" -eq 0 ]; then",
            "  echo \"install.sh: there is no step $from or later\" >&2",
            "  exit 2",
            "fi",
            "if [ \"$dry_run\" -eq 0 ]; then echo \"All steps finished.\"; fi")
        return script
    }
}
