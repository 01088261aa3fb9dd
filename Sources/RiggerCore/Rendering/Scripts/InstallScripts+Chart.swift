extension InstallScripts {
    /// Lines that make the chart available as `$chart` (with `$chart_version_args`), shared by
    /// 00-preflight.sh, which renders it, and 40-install.sh, which installs it. `RIGGER_CHART`
    /// may name a local copy of the chart (a folder or .tgz, for hosts without internet), which
    /// must be the pinned chart and version.
    func addChartSource(to script: inout ShellScript) {
        script.variable("CHART_NAME", chart.name)
        script.variable("CHART_VERSION", cluster.chartVersion)
        script.add(
            "",
            "chart_version_args=()",
            "if [ -n \"${RIGGER_CHART:-}\" ]; then",
            "  # A local copy of the chart: it must be the one the values were written for.",
            "  found_name=\"$(helm show chart \"$RIGGER_CHART\" 2>/dev/null | sed -n 's/^name: *//p')\"",
            "  found_version=\"$(helm show chart \"$RIGGER_CHART\" 2>/dev/null | sed -n 's/^version: *//p')\"",
            "  if [ \"$found_name\" != \"$CHART_NAME\" ] || [ \"$found_version\" != \"$CHART_VERSION\" ]; then",
            "    fail \"RIGGER_CHART=$RIGGER_CHART holds chart '${found_name:-?}' version '${found_version:-?}'; expected $CHART_NAME $CHART_VERSION\"",
            "  fi",
            "  chart=\"$RIGGER_CHART\"",
            "else")
        switch chart.source {
        case .repository(let name, let url):
            script.variable("REPO_NAME", name)
            script.variable("REPO_URL", url)
            script.add(
                "  helm repo add \"$REPO_NAME\" \"$REPO_URL\" --force-update >/dev/null || fail \"could not add the Helm repository $REPO_URL\"",
                "  helm repo update \"$REPO_NAME\" >/dev/null || fail \"could not update the Helm repository $REPO_NAME\"",
                "  chart=\"$REPO_NAME/$CHART_NAME\"",
                "  chart_version_args=(--version \"$CHART_VERSION\")")
        case .git(let url, let commit, let path, let tree):
            script.variable("CHART_GIT_URL", url)
            script.variable("CHART_COMMIT", commit)
            script.variable("CHART_PATH", path)
            script.add(
                "  # Published in no Helm repository: fetch the pinned commit; its full id names the whole tree.",
                "  command -v git >/dev/null 2>&1 || fail \"git is not on PATH; it is needed to fetch the chart from $CHART_GIT_URL\"",
                "  checkout=\"$(mktemp -d)\"",
                "  trap 'rm -rf \"$checkout\"' EXIT",
                "  git -C \"$checkout\" init --quiet || fail \"could not make a git checkout in $checkout\"",
                "  git -C \"$checkout\" fetch --quiet --depth 1 \"$CHART_GIT_URL\" \"$CHART_COMMIT\" || fail \"could not fetch commit $CHART_COMMIT from $CHART_GIT_URL\"",
                "  git -C \"$checkout\" -c advice.detachedHead=false checkout --quiet FETCH_HEAD || fail \"could not check out commit $CHART_COMMIT\"",
                "  found_commit=\"$(git -C \"$checkout\" rev-parse HEAD)\"",
                "  [ \"$found_commit\" = \"$CHART_COMMIT\" ] || fail \"the chart checkout is at commit $found_commit; expected $CHART_COMMIT. Refusing to install it.\"")
            if let tree {
                script.variable("CHART_TREE", tree)
                script.add(
                    "  found_tree=\"$(git -C \"$checkout\" rev-parse \"HEAD:$CHART_PATH\" 2>/dev/null || true)\"",
                    "  [ \"$found_tree\" = \"$CHART_TREE\" ] || fail \"the chart folder $CHART_PATH at $CHART_COMMIT is tree '${found_tree:-missing}'; expected $CHART_TREE. Refusing to install it.\"")
            }
            script.add("  chart=\"$checkout/$CHART_PATH\"")
        }
        script.add("fi")
    }

    /// Lines that set `$values_args`: values.yaml, then the operator's own `values.local.yaml`
    /// when there is one, whose values win (a replica count, a resource, anything the chart takes).
    func addValuesArguments(to script: inout ShellScript) {
        script.add(
            "values_args=(-f values.yaml)",
            "if [ -f \(BundleFile.operatorValuesPath) ]; then values_args+=(-f \(BundleFile.operatorValuesPath)); fi")
    }

    /// Lines that set `$post_render_args` for the bundle's post-renderer, if it has one: Helm 3
    /// takes the script's path, Helm 4 only a plugin, found through HELM_PLUGINS.
    func addPostRenderArguments(to script: inout ShellScript) {
        script.add("post_render_args=()")
        guard !postRender.isEmpty else { return }
        // Helm runs the post-renderer, which runs kubectl's kustomize: say so before Helm starts.
        script.requires("kube")
        script.variable("POST_RENDER_PLUGINS", PostRender.pluginsFolder)
        script.variable("POST_RENDER_PLUGIN", PostRender.pluginName)
        script.add(
            "case \"$(helm version --template '{{.Version}}' 2>/dev/null)\" in",
            "  v3.*) post_render_args=(--post-renderer \"$PWD/$POST_RENDER_PLUGINS/$POST_RENDER_PLUGIN/post-render.sh\") ;;",
            "  *)",
            "    export HELM_PLUGINS=\"$PWD/$POST_RENDER_PLUGINS\"",
            "    post_render_args=(--post-renderer \"$POST_RENDER_PLUGIN\")",
            "    ;;",
            "esac")
    }
}
