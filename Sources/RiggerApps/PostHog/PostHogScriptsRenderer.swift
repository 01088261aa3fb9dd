import RiggerCore

/// The install scripts for a PostHog plan: the shared ones, with what PostHog's chart needs.
enum PostHogScriptsRenderer {
    /// The oldest Kubernetes minor version the chart accepts (its kubeVersion is ">= 1.24-0").
    static let minimumKubernetesMinor = 24

    /// Every script, by path under the bundle.
    static func scripts(plan: PostHogPlan, secrets: PostHogSecrets, chart: ChartReference) -> [BundleFile] {
        let scripts = InstallScripts(
            appTitle: "PostHog", cluster: plan.cluster, ingress: plan.ingress, chart: chart, secrets: secrets.references,
            hasVolumes: hasVolumes(plan), minimumKubernetesMinor: minimumKubernetesMinor, postRender: PostHogPostRender.make(plan))
        return InstallScripts.files([
            scripts.preflight(extra: [existingValueChecks(plan, secrets)].compactMap { $0 }),
            scripts.namespace(),
            scripts.applySecrets(),
            scripts.prerequisites(sections: prerequisites(plan), reminders: managedServices(plan, secrets)),
            scripts.install(),
            scripts.verify(
                webService: PostHogValuesRenderer.chartFullname(release: plan.release) + "-web", webPort: 8000,
                managedCertificate: "\(plan.release)-gke-cert", localController: localController(plan)),
        ])
    }

    /// A password in the operator's own Secret that the chart or PostHog would put unencoded into a
    /// URL: the in-cluster ClickHouse's, and Redis's without TLS (see `PostHogQuestions`).
    private static func existingValueChecks(_ plan: PostHogPlan, _ secrets: PostHogSecrets) -> ScriptSection? {
        var checks: [ExistingSecretValueCheck] = []
        if case .inCluster = plan.clickhouse, secrets.clickhouse.isExisting {
            checks.append(ExistingSecretValueCheck(
                secret: secrets.clickhouse.name, dataKey: secrets.clickhouse.dataKey, answer: "clickhouse.password",
                rule: .characters(PostHogQuestions.clickhousePasswordCharacters)))
        }
        var tls = false
        if case .managed(_, _, _, let withTLS) = plan.redis { tls = withTLS }
        if let redis = secrets.redis, redis.isExisting, !tls {
            checks.append(ExistingSecretValueCheck(
                secret: redis.name, dataKey: redis.dataKey, answer: "redis.password", rule: .characters(PostHogQuestions.redisPasswordCharacters)))
        }
        return ExistingSecretValueCheck.section(namespace: plan.namespace, checks: checks)
    }

    /// The chart's own ingress-nginx (a subchart, in the release's namespace), named as the
    /// subchart names it: the release's name, unless that already says ingress-nginx.
    private static func localController(_ plan: PostHogPlan) -> LocalhostAccess.Controller? {
        guard plan.ingress.type == .nginx else { return nil }
        let fullname = plan.release.contains("ingress-nginx") ? plan.release : "\(plan.release)-ingress-nginx"
        return LocalhostAccess.Controller(namespace: plan.namespace, service: "\(fullname)-controller")
    }

    private static func hasVolumes(_ plan: PostHogPlan) -> Bool {
        if case .inCluster = plan.postgresql { return true }
        if case .inCluster = plan.redis { return true }
        if case .inCluster = plan.kafka { return true }
        if case .inCluster = plan.clickhouse { return true }
        if case .inCluster = plan.objectStorage { return true }
        return plan.zookeeperStorage != nil
    }

    /// What Let's Encrypt needs: with the chart's own cert-manager, no other one in the cluster;
    /// without it, the one the cluster already runs.
    private static func prerequisites(_ plan: PostHogPlan) -> [ScriptSection] {
        guard plan.ingress.tls == .letsencrypt else { return [] }
        guard plan.ingress.installCertManager else {
            return [ScriptSection(lines: [
                "",
                "# ingress.installCertManager is false: the chart's ClusterIssuer goes to the cert-manager already in the cluster.",
                "kube get crd certificates.cert-manager.io clusterissuers.cert-manager.io >/dev/null 2>&1 \\",
                "  || fail \"cert-manager is not installed in this cluster, and ingress.installCertManager is false; install cert-manager, or regenerate with --set ingress.installCertManager=true\"",
                "echo \"cert-manager is installed; it issues the Let's Encrypt certificate once DNS points at the ingress (see 50-verify.sh)\"",
            ])]
        }
        return [ScriptSection(variables: [("RELEASE", plan.release)], lines: [
            "",
            "# The chart installs cert-manager with its CRDs; a cert-manager from elsewhere would clash.",
            "owner=\"$(kube get crd certificates.cert-manager.io -o jsonpath='{.metadata.annotations.meta\\.helm\\.sh/release-name}' 2>/dev/null || true)\"",
            "if kube get crd certificates.cert-manager.io >/dev/null 2>&1 && [ \"$owner\" != \"$RELEASE\" ]; then",
            "  fail \"cert-manager is already installed in this cluster (not by release $RELEASE); to use it, regenerate with --set ingress.installCertManager=false\"",
            "fi",
            "echo \"cert-manager will be installed with the chart; Let's Encrypt issues the certificate once DNS points at the ingress (see 50-verify.sh)\"",
        ])]
    }

    /// What each managed service must offer; rigger can't check them from the bastion.
    private static func managedServices(_ plan: PostHogPlan, _ secrets: PostHogSecrets) -> [String] {
        var reminders: [String] = []
        if case .managed(let postgres) = plan.postgresql {
            reminders.append("PostgreSQL at \(postgres.host):\(postgres.port): database '\(postgres.database)' must exist, owned by user '\(postgres.username)', reachable from the cluster")
        }
        if case .managed(let host, let port, _, let tls) = plan.redis {
            reminders.append("Redis at \(host):\(port) must be reachable from the cluster" + (tls ? " over TLS" : ""))
        }
        if case .managed(let brokers, _) = plan.kafka {
            reminders.append("Kafka brokers \(brokers.joined(separator: ",")) must be reachable from the cluster, with topic auto-creation allowed")
        }
        if case .managed(let connection, let host, _, _) = plan.clickhouse {
            reminders.append("ClickHouse at \(host): cluster '\(connection.cluster)' and user '\(connection.user)' must exist")
        }
        if case .managed(_, let bucket, _) = plan.objectStorage {
            reminders.append("the bucket '\(bucket)' must exist and the access key in \(secrets.objectStorage.map { $0.manifest?.path ?? "the Secret \($0.name)" } ?? "secrets/") must be able to write to it")
        }
        return reminders
    }
}
