/// The Cloud SQL Auth Proxy v2 a bundle runs in the app's namespace when the app reaches Cloud SQL
/// through it: a Kubernetes service account bound to the operator's Google service account
/// through Workload Identity, a Deployment of the pinned proxy, and the Service the app connects
/// to. 30-prerequisites.sh applies them and waits for the proxy before the chart's migrations run.
public enum CloudSQLProxyAddOn {
    /// The proxy's version, pinned: the image's tag in Google's registry for the v2 proxy.
    public static let version = "2.25.3"
    /// The proxy's image.
    public static var image: String { "gcr.io/cloud-sql-connectors/cloud-sql-proxy:\(version)" }
    /// Where the manifest is written in the bundle.
    public static let manifestPath = "manifests/cloud-sql-proxy.yaml"
    /// What the manifest is, for a bundle README's list of files.
    public static let filePurpose = "the Cloud SQL Auth Proxy: its service account, Deployment and Service, and with sizing ha a PodDisruptionBudget"
    /// The port of the proxy's health endpoints (`--http-port`).
    static let healthPort = 9090
    /// The proxy image's nonroot user (distroless).
    static let userID = 65532

    /// The proxy's arguments: listen on every address of the pod (the Service reaches it there)
    /// on PostgreSQL's port, health endpoints for the probes, logs as JSON, and the instance last.
    public static func arguments(_ proxy: CloudSQLProxyPlan) -> [String] {
        var arguments = [
            "--address=0.0.0.0", "--port=\(CloudSQLProxyPlan.port)", "--structured-logs", "--health-check",
            "--http-address=0.0.0.0", "--http-port=\(healthPort)",
            // Connections open when the pod is told to stop get this long to finish, and a stop
            // asked for is not a failure.
            "--max-sigterm-delay=30s", "--exit-zero-on-sigterm",
        ]
        if proxy.privateIP { arguments.append("--private-ip") }
        arguments.append(proxy.instance)
        return arguments
    }

    /// What each replica requests: the proxy copies bytes between connections, and its memory grows
    /// with their number.
    public static let resources = ContainerResources(cpuMillis: 100, memoryMiB: 128, memoryLimitMiB: 512)

    /// Its line in the sizing table: two replicas with `ha`, one otherwise.
    public static func sizedComponent(sizing: Sizing) -> SizedComponent {
        SizedComponent("Cloud SQL Auth Proxy", replicas: sizing.isHighlyAvailable ? 2 : 1, resources: resources)
    }

    /// The README's and the images list's entry.
    public static func bundleImage() -> BundleImage { BundleImage("Cloud SQL Auth Proxy", image) }

    private static func labels(_ proxy: CloudSQLProxyPlan, partOf: String) -> YAMLTree {
        .map([
            ("app.kubernetes.io/name", .string("cloud-sql-proxy")), ("app.kubernetes.io/instance", .string(proxy.release)),
            ("app.kubernetes.io/part-of", .string(partOf)), ("app.kubernetes.io/managed-by", .string("rigger")),
        ])
    }

    private static func selectorLabels(_ proxy: CloudSQLProxyPlan) -> [(String, String)] {
        [("app.kubernetes.io/name", "cloud-sql-proxy"), ("app.kubernetes.io/instance", proxy.release)]
    }

    private static func selector(_ proxy: CloudSQLProxyPlan) -> YAMLTree {
        .map(selectorLabels(proxy).map { ($0.0, .string($0.1)) })
    }

    /// The service account, Deployment and Service, in that order, and with `ha` two replicas
    /// spread over nodes and zones and a disruption budget; `partOf` is the app's id.
    public static func documents(_ proxy: CloudSQLProxyPlan, partOf: String, sizing: Sizing) -> [YAMLTree] {
        let name = proxy.serviceName
        let metadata = YAMLTree.map([("name", .string(name)), ("labels", labels(proxy, partOf: partOf))])
        var accountMetadata = metadata
        accountMetadata.set(["annotations"], .map([("iam.gke.io/gcp-service-account", .string(proxy.googleServiceAccount))]))
        let serviceAccount = YAMLTree.map([("apiVersion", .string("v1")), ("kind", .string("ServiceAccount")), ("metadata", accountMetadata)])
        let service = YAMLTree.map([
            ("apiVersion", .string("v1")), ("kind", .string("Service")), ("metadata", metadata),
            ("spec", .map([
                ("selector", selector(proxy)),
                ("ports", .list([.map([
                    ("name", .string("postgresql")), ("port", .int(CloudSQLProxyPlan.port)), ("targetPort", .string("postgresql")),
                ])])),
            ])),
        ])
        let deployment = YAMLTree.map([
            ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")), ("metadata", metadata),
            ("spec", .map([
                ("replicas", .int(sizedComponent(sizing: sizing).replicas)),
                ("selector", .map([("matchLabels", selector(proxy))])),
                ("template", .map([
                    ("metadata", .map([("labels", labels(proxy, partOf: partOf))])),
                    ("spec", podSpec(proxy, sizing: sizing)),
                ])),
            ])),
        ])
        guard sizing.isHighlyAvailable else { return [serviceAccount, deployment, service] }
        // The post-renderer's budget, as a document of this manifest.
        let budget = Spreading.disruptionBudget(name: name, labels: selectorLabels(proxy), component: "the Cloud SQL Auth Proxy")
        guard case .map(let body) = budget.body else { return [serviceAccount, deployment, service] }
        let document = YAMLTree.map([("apiVersion", .string(budget.apiVersion)), ("kind", .string(budget.kind)), ("metadata", metadata)] + body)
        return [serviceAccount, deployment, service, document]
    }


    private static func podSpec(_ proxy: CloudSQLProxyPlan, sizing: Sizing) -> YAMLTree {
        func probe(_ path: String, period: Int, failures: Int) -> YAMLTree {
            .map([
                ("httpGet", .map([("path", .string(path)), ("port", .string("health"))])),
                ("periodSeconds", .int(period)), ("timeoutSeconds", .int(5)), ("failureThreshold", .int(failures)),
            ])
        }
        let container = YAMLTree.map([
            ("name", .string("cloud-sql-proxy")),
            ("image", .string(image)),
            ("args", .list(arguments(proxy).map(YAMLTree.string))),
            ("ports", .list([
                .map([("name", .string("postgresql")), ("containerPort", .int(CloudSQLProxyPlan.port))]),
                .map([("name", .string("health")), ("containerPort", .int(healthPort))]),
            ])),
            // Up to a minute to reach the instance first; then restarted only after three missed checks.
            ("startupProbe", probe("/startup", period: 5, failures: 12)),
            ("livenessProbe", probe("/liveness", period: 10, failures: 3)),
            ("readinessProbe", probe("/readiness", period: 10, failures: 3)),
            ("resources", resources.tree),
            ("securityContext", .map([
                ("runAsNonRoot", .bool(true)), ("runAsUser", .int(userID)), ("runAsGroup", .int(userID)),
                ("allowPrivilegeEscalation", .bool(false)), ("readOnlyRootFilesystem", .bool(true)),
                ("capabilities", .map([("drop", .list([.string("ALL")]))])),
            ])),
        ])
        var spec = YAMLTree.map([
            ("serviceAccountName", .string(proxy.serviceName)),
            ("securityContext", .map([("seccompProfile", .map([("type", .string("RuntimeDefault"))]))])),
            // The proxy drains for --max-sigterm-delay; the pod gets a little longer.
            ("terminationGracePeriodSeconds", .int(40)),
            ("containers", .list([container])),
        ])
        if sizing.isHighlyAvailable { spec.set(["topologySpreadConstraints"], Spreading.topologySpreadConstraints(selectorLabels(proxy))) }
        return spec
    }

    /// The bundle's manifest file.
    public static func file(_ proxy: CloudSQLProxyPlan, partOf: String, sizing: Sizing) throws -> BundleFile {
        try BundleFile.manifest(path: manifestPath, documents: documents(proxy, partOf: partOf, sizing: sizing))
    }

    /// 30-prerequisites.sh's part: apply the manifest and wait until the proxy is ready, which
    /// it is only once it reaches the instance (so a missing binding shows here, not in the app).
    public static func prerequisiteSection(_ proxy: CloudSQLProxyPlan) -> ScriptSection {
        ScriptSection(
            variables: [("CLOUD_SQL_PROXY", proxy.serviceName)],
            lines: [
                "",
                "# The Cloud SQL Auth Proxy the app connects through, before the chart's migrations need it.",
                "apply_manifest \(manifestPath)",
                "kube rollout status --namespace \"$NAMESPACE\" \"deployment/$CLOUD_SQL_PROXY\" --timeout=5m \\",
                "  || fail \"the Cloud SQL Auth Proxy is not ready: 'kubectl logs --namespace $NAMESPACE deployment/$CLOUD_SQL_PROXY' says why \\",
                "(most often the Workload Identity binding or roles/cloudsql.client of its Google service account; see the README)\"",
            ])
    }

    /// What the operator creates in Google Cloud for the proxy, with the commands, for the README.
    public static func readmeLines(_ proxy: CloudSQLProxyPlan) -> [String] {
        let account = ShellQuote.quote(proxy.googleServiceAccount)
        let member = ShellQuote.quote("serviceAccount:\(workloadPool(proxy))[\(proxy.namespace)/\(proxy.serviceName)]")
        return [
            "The app connects to the Cloud SQL Auth Proxy (`\(image)`), which the bundle runs as Deployment `\(proxy.serviceName)` "
                + "with the Kubernetes service account of the same name, annotated with `\(proxy.googleServiceAccount)`. It reaches "
                + "`\(proxy.instance)` over its \(proxy.privateIP ? "private IP (`--private-ip`)" : "public IP"), signed in with IAM "
                + "and encrypted by the proxy; the app's own connection to the proxy stays in the namespace. Before the install:",
            "",
            "```sh",
            "gcloud projects add-iam-policy-binding \(ShellQuote.quote(proxy.project)) --member=\(ShellQuote.quote("serviceAccount:" + proxy.googleServiceAccount)) --role=roles/cloudsql.client",
            "gcloud iam service-accounts add-iam-policy-binding \(account) --role=roles/iam.workloadIdentityUser --member=\(member)",
            "```",
            "",
            "The cluster needs Workload Identity (GKE Autopilot has it; a Standard cluster needs `--workload-pool=PROJECT.svc.id.goog` "
                + "and node pools with the GKE metadata server).",
        ]
    }

    /// The Workload Identity pool of the project, `PROJECT.svc.id.goog`.
    static func workloadPool(_ proxy: CloudSQLProxyPlan) -> String { "\(proxy.project).svc.id.goog" }
}
