extension InstallScripts {
    /// 40-install.sh: `helm upgrade --install` of the pinned chart with values.yaml, from its Helm
    /// repository, or from a git checkout verified against the pinned commit and tree.
    public func install() -> ShellScript {
        var script = script("40-install", "Installs or upgrades the \(appTitle) release with values.yaml; safe to run again.")
        script.variable("NAMESPACE", cluster.namespace)
        script.variable("RELEASE", cluster.release)
        let chartArgument: String
        switch chart.source {
        case .repository(let name, let url):
            // A git checkout is its commit; only a repository chart is chosen by version.
            script.variable("CHART_VERSION", cluster.chartVersion)
            script.variable("REPO_NAME", name)
            script.variable("REPO_URL", url)
            script.add(
                "",
                "helm repo add \"$REPO_NAME\" \"$REPO_URL\" --force-update >/dev/null || fail \"could not add the Helm repository $REPO_URL\"",
                "helm repo update \"$REPO_NAME\" || fail \"could not update the Helm repository $REPO_NAME\"")
            chartArgument = "\"$REPO_NAME/\(chart.name)\""
        case .git(let url, let commit, let path, let tree):
            script.variable("CHART_GIT_URL", url)
            script.variable("CHART_COMMIT", commit)
            script.variable("CHART_PATH", path)
            script.add(
                "",
                "# The chart is published in no Helm repository: clone it at the pinned commit and check that",
                "# the chart folder is exactly the one the values were written for.",
                "command -v git >/dev/null 2>&1 || fail \"git is not on PATH; it is needed to fetch the chart from $CHART_GIT_URL\"",
                "checkout=\"$(mktemp -d)\"",
                "trap 'rm -rf \"$checkout\"' EXIT",
                "git -C \"$checkout\" init --quiet || fail \"could not make a git checkout in $checkout\"",
                "git -C \"$checkout\" fetch --quiet --depth 1 \"$CHART_GIT_URL\" \"$CHART_COMMIT\" || fail \"could not fetch commit $CHART_COMMIT from $CHART_GIT_URL\"",
                "git -C \"$checkout\" -c advice.detachedHead=false checkout --quiet FETCH_HEAD || fail \"could not check out commit $CHART_COMMIT\"",
                "found_commit=\"$(git -C \"$checkout\" rev-parse HEAD)\"",
                "[ \"$found_commit\" = \"$CHART_COMMIT\" ] || fail \"the chart checkout is at commit $found_commit; expected $CHART_COMMIT. Refusing to install it.\"")
            if let tree {
                script.variable("CHART_TREE", tree)
                script.add(
                    "found_tree=\"$(git -C \"$checkout\" rev-parse \"HEAD:$CHART_PATH\" 2>/dev/null || true)\"",
                    "[ \"$found_tree\" = \"$CHART_TREE\" ] || fail \"the chart folder $CHART_PATH at $CHART_COMMIT is tree '${found_tree:-missing}'; expected $CHART_TREE. Refusing to install it.\"")
            }
            script.add("echo \"chart $CHART_PATH at commit $CHART_COMMIT verified\"")
            chartArgument = "\"$checkout/$CHART_PATH\""
        }
        var versionLine = "  --version \"$CHART_VERSION\" \\"
        if case .git = chart.source { versionLine = "" }
        script.add(
            "context_args=()",
            "if [ -n \"$KUBE_CONTEXT\" ]; then context_args=(--kube-context \"$KUBE_CONTEXT\"); fi",
            "helm upgrade --install \"$RELEASE\" \(chartArgument) \\",
            "  \"${context_args[@]}\" \\")
        if !versionLine.isEmpty { script.add(versionLine) }
        script.add(
            "  --namespace \"$NAMESPACE\" \\",
            "  -f values.yaml \\",
            "  --timeout 30m \\",
            "  --wait || fail \"helm could not install $RELEASE; 'kubectl get pods --namespace $NAMESPACE' shows what is failing, then run ./install.sh --from 40\"")
        return script
    }
}
