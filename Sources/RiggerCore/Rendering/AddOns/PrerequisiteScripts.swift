/// Script sections that install a bundle's prerequisites: pinned charts unless the cluster has
/// what they provide, and manifests applied while the operators that admit them start.
public enum PrerequisiteScripts {
    /// The arguments that pin helm to the kube context, as a section that installs a chart passes them.
    static let helmContext = "\"${helm_context[@]}\""

    /// `helm_context` for helm, and `apply_manifest`, which retries while an operator that was
    /// just installed starts the webhook that admits its objects.
    public static func helpers(namespace: String, installsCharts: Bool, appliesManifests: Bool) -> ScriptSection {
        var lines: [String] = [""]
        if installsCharts {
            lines += [
                "helm_context=()",
                "if [ -n \"$KUBE_CONTEXT\" ]; then helm_context=(--kube-context \"$KUBE_CONTEXT\"); fi",
            ]
        }
        if appliesManifests {
            lines += [
                "apply_manifest() {",
                "  for _ in $(seq 1 12); do",
                "    if kube apply --namespace \"$NAMESPACE\" -f \"$1\"; then return 0; fi",
                "    echo \"retrying $1 in 10 seconds (a webhook that was just installed may still be starting)\"",
                "    sleep 10",
                "  done",
                "  fail \"could not apply $1\"",
                "}",
            ]
        }
        return ScriptSection(variables: appliesManifests ? [("NAMESPACE", namespace)] : [], lines: lines)
    }

    /// Installs a pinned chart from its repository unless `present` finds what it provides.
    /// `waitsForLoadBalancer` false waits for the chart's Deployments rather than with `helm
    /// --wait`, which also waits for a load balancer's address: a test cluster may never give one.
    public static func chartUnlessPresent(
        _ chart: ClusterAddOn, variable: String, values: String, comment: String, present: String, presentMessage: String,
        waitsForLoadBalancer: Bool = true
    ) -> ScriptSection {
        let failure = "fail \"could not install $\(variable)_CHART $\(variable)_VERSION; 'kubectl get pods --namespace $\(variable)_NAMESPACE' shows what is failing\""
        var lines = [
            "",
            comment,
            "if \(present); then",
            "  echo \"\(presentMessage)\"",
            "else",
            "  helm upgrade --install \"$\(variable)_RELEASE\" \"$\(variable)_CHART\" --repo \"$\(variable)_REPO\" --version \"$\(variable)_VERSION\" \\",
        ]
        if waitsForLoadBalancer {
            lines += [
                "    \(helmContext) --namespace \"$\(variable)_NAMESPACE\" --create-namespace -f \(values) --wait --timeout 10m \\",
                "    || \(failure)",
            ]
        } else {
            lines += [
                "    \(helmContext) --namespace \"$\(variable)_NAMESPACE\" --create-namespace -f \(values) \\",
                "    || \(failure)",
                "  kube wait --namespace \"$\(variable)_NAMESPACE\" --for=condition=Available deployment --all --timeout=10m \\",
                "    || \(failure)",
            ]
        }
        lines.append("fi")
        return ScriptSection(
            variables: [
                ("\(variable)_CHART", chart.name), ("\(variable)_REPO", chart.repositoryURL), ("\(variable)_VERSION", chart.version),
                ("\(variable)_RELEASE", chart.release), ("\(variable)_NAMESPACE", chart.namespace),
            ],
            lines: lines)
    }
}
