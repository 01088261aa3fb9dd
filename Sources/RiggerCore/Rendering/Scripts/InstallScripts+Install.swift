extension InstallScripts {
    /// 40-install.sh: `helm upgrade --install` of the pinned chart with values.yaml, from its Helm
    /// repository or a verified git checkout, through the bundle's post-renderer when it has one.
    /// `volumes` are the StatefulSets whose volumes the answers size, grown before the upgrade.
    public func install(growing volumes: [StatefulSetVolume] = []) -> ShellScript {
        var script = script("40-install", "Installs or upgrades the \(appTitle) release with values.yaml; safe to run again.")
        script.variable("NAMESPACE", cluster.namespace)
        script.variable("RELEASE", cluster.release)
        addChartSource(to: &script)
        addPostRenderArguments(to: &script)
        addValuesArguments(to: &script)
        script.add("if [ -f \(BundleFile.operatorValuesPath) ]; then echo \"with your own values from \(BundleFile.operatorValuesPath), after values.yaml\"; fi")
        script.add(Self.growVolumes(volumes))
        script.add(
            "context_args=()",
            "if [ -n \"$KUBE_CONTEXT\" ]; then context_args=(--kube-context \"$KUBE_CONTEXT\"); fi",
            "helm upgrade --install \"$RELEASE\" \"$chart\" \\",
            "  \"${context_args[@]}\" \\",
            "  \"${chart_version_args[@]}\" \\",
            "  \"${post_render_args[@]}\" \\",
            "  --namespace \"$NAMESPACE\" \\",
            "  \"${values_args[@]}\" \\",
            "  --timeout 30m \\",
            "  --wait || fail \"helm could not install $RELEASE; 'kubectl get pods --namespace $NAMESPACE' shows what is failing, then run ./install.sh --from 40\"")
        script.add(contentsOf: gatewayApply())
        return script
    }
}
