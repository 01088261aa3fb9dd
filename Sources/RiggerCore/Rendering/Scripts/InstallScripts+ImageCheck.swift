extension InstallScripts {
    /// Preflight lines that render the chart as the install will (values.yaml, the post-renderer)
    /// and refuse any image from a registry in `ImageRegistryNotice`'s table of retired ones; the
    /// frozen ones are named as a note. `manifestFiles` are the bundle's own manifests (a glob).
    func addImageCheck(to script: inout ShellScript, manifestFiles: String?) {
        script.variable("NAMESPACE", cluster.namespace)
        script.variable("RELEASE", cluster.release)
        script.add("", "# Every image the install pulls must still be published: render the chart as 40-install.sh will.")
        addChartSource(to: &script)
        addPostRenderArguments(to: &script)
        addValuesArguments(to: &script)
        script.add(
            "rendered=\"$(helm template \"$RELEASE\" \"$chart\" \"${chart_version_args[@]}\" \"${post_render_args[@]}\" --namespace \"$NAMESPACE\" \"${values_args[@]}\")\" \\",
            "  || fail \"helm could not render the chart with values.yaml; regenerate the bundle, or run 'rigger check' for details\"")
        if let manifestFiles {
            script.add("rendered=\"$rendered\"$'\\n'\"$(cat \(manifestFiles))\"")
        }
        script.add(
            "normalize_image() {",
            "  first=\"${1%%/*}\"",
            "  if [ \"$first\" = \"$1\" ]; then echo \"docker.io/library/$1\"; return; fi",
            "  case \"$first\" in",
            "    index.docker.io | registry-1.docker.io) echo \"docker.io/${1#*/}\" ;;",
            "    *.* | *:* | localhost) echo \"$1\" ;;",
            "    *) echo \"docker.io/$1\" ;;",
            "  esac",
            "}",
            "images=\"$(printf '%s\\n' \"$rendered\" | sed -n \"s/^[[:space:]-]*image:[[:space:]]*[\\\"']\\{0,1\\}\\([^\\\"' ]*\\).*/\\1/p\" | sort -u)\"",
            "retired=\"\"",
            "for image in $images; do",
            "  case \"$(normalize_image \"$image\")\" in")
        let exceptions = ImageRegistryNotice.exceptions.sorted().flatMap { [$0, "\($0)[:@]*"] }
        script.add("    \(exceptions.joined(separator: " | ")))",
                   "      ;;")
        for notice in ImageRegistryNotice.all {
            let pattern = notice.prefix.hasSuffix("/") ? "\(notice.prefix)*" : "\(notice.prefix) | \(notice.prefix)[:@]*"
            let message = "\(notice.what) (\(notice.since)); use \(notice.replacement)"
            switch notice.status {
            case .retired:
                script.add("    \(pattern))", "      retired=\"$retired  $image: \(message.replacingOccurrences(of: "\"", with: "'"))\"$'\\n'", "      ;;")
            case .frozen:
                script.add("    \(pattern))", "      echo \"note: $image is frozen: \(message.replacingOccurrences(of: "\"", with: "'"))\"", "      ;;")
            }
        }
        script.add(
            "  esac",
            "done",
            "if [ -n \"$retired\" ]; then",
            "  printf 'These images can no longer be pulled:\\n%s' \"$retired\" >&2",
            "  fail \"the install would pull images from retired registries; regenerate the bundle with a rigger that pins them elsewhere\"",
            "fi",
            "echo \"every image the install pulls is from a registry that still serves it\"")
    }
}
