/// The numbered install scripts and install.sh that every app's bundle holds, built from the
/// answers every app shares; an app adds what is its own through `ScriptSection`s.
///
/// Every script is a pure function of its inputs: no I/O, no clock.
public struct InstallScripts: Sendable {
    public let appTitle: String
    public let cluster: ClusterPlan
    public let ingress: IngressPlan
    public let chart: ChartReference
    public let secrets: SecretReferences
    /// Whether any volume is sized, so that the storage class must exist.
    public let hasVolumes: Bool
    /// The oldest Kubernetes minor version the chart (and what the bundle installs) accepts.
    public let minimumKubernetesMinor: Int
    /// What the bundle's post-renderer changes; empty when it has none.
    public let postRender: PostRender

    public init(
        appTitle: String, cluster: ClusterPlan, ingress: IngressPlan, chart: ChartReference, secrets: SecretReferences,
        hasVolumes: Bool, minimumKubernetesMinor: Int, postRender: PostRender = PostRender()
    ) {
        self.appTitle = appTitle
        self.cluster = cluster
        self.ingress = ingress
        self.chart = chart
        self.secrets = secrets
        self.hasVolumes = hasVolumes
        self.minimumKubernetesMinor = minimumKubernetesMinor
        self.postRender = postRender
    }

    /// The six scripts and install.sh as bundle files.
    public static func files(_ scripts: [ShellScript]) -> [BundleFile] {
        scripts.map { BundleFile(path: "scripts/\($0.name).sh", contents: $0.text, mode: BundleFile.executable) }
            + [BundleFile(path: "install.sh", contents: installAll().text, mode: BundleFile.executable)]
    }

    /// A script with the bundle prelude: run from the bundle folder, `fail`, and `kube`; then a
    /// line for each of kubectl and helm that the script calls, saying it is needed when missing.
    func script(_ name: String, _ summary: String) -> ShellScript {
        var script = ShellScript(name: name, summary: [summary])
        script.bundlePrelude(kubeContext: cluster.kubeContext, tools: [
            ("kube", "install kubectl 1.\(minimumKubernetesMinor) or newer"), ("helm", "install Helm 3 or 4"),
        ])
        return script
    }

    static let placeholderCheck = [
        "placeholders=\"$(grep -l '\(SecretSet.placeholderMarker)' secrets/*.secret.yaml 2>/dev/null || true)\"",
        "if [ -n \"$placeholders\" ]; then",
        "  printf 'These secrets are still placeholders:\\n' >&2",
        "  grep -ho '\(SecretSet.placeholderMarker) supply [A-Za-z.]*' secrets/*.secret.yaml | sed 's/.* supply /  /' >&2",
        "  fail \"supply each with: rigger generate --out <this folder> --secret KEY=@FILE, then run install.sh again\"",
        "fi",
    ]

    /// 10-namespace.sh: creates the namespace when it doesn't exist yet.
    public func namespace() -> ShellScript {
        var script = script("10-namespace", "Creates the namespace when it doesn't exist yet.")
        script.variable("NAMESPACE", cluster.namespace)
        script.add(
            "",
            "if kube get namespace \"$NAMESPACE\" >/dev/null 2>&1; then",
            "  echo \"namespace $NAMESPACE exists\"",
            "else",
            "  kube create namespace \"$NAMESPACE\" || fail \"could not create the namespace $NAMESPACE\"",
            "fi")
        return script
    }

    /// 20-secrets.sh: applies the bundle's Secrets, refusing placeholders; with a cloud secret
    /// store, puts them there instead (`applySecretsToStore`).
    public func applySecrets() -> ShellScript {
        if let store = cluster.secretStore { return applySecretsToStore(store) }
        var script = script("20-secrets", "Applies the Secrets the chart reads; they must exist before the chart is installed.")
        script.variable("NAMESPACE", cluster.namespace)
        script.add("")
        guard !secrets.manifests.isEmpty else {
            script.add("echo \"no Secrets to apply: every secret comes from a Secret already in namespace $NAMESPACE\"")
            return script
        }
        script.add(contentsOf: Self.placeholderCheck)
        script.add(
            "for manifest in secrets/*.secret.yaml; do",
            "  kube apply --namespace \"$NAMESPACE\" -f \"$manifest\" || fail \"could not apply $manifest\"",
            "done")
        return script
    }
}

extension ShellScript {
    /// Appends lines of the body as they are.
    public mutating func add(contentsOf lines: [String]) {
        for line in lines { add(line) }
    }
}
