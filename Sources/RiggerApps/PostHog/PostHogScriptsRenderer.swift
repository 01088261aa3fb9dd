import RiggerCore

/// The install scripts for a PostHog plan: the shared ones, with what PostHog's chart needs.
enum PostHogScriptsRenderer {
    /// The oldest Kubernetes minor version the chart accepts (its kubeVersion is ">= 1.24-0").
    static let minimumKubernetesMinor = 24

    /// Every script, by path under the bundle.
    static func scripts(plan: PostHogPlan, secrets: PostHogSecrets, chart: ChartReference) -> [BundleFile] {
        let scripts = InstallScripts(
            appTitle: "PostHog", cluster: plan.cluster, ingress: plan.ingress, chart: chart, secrets: secrets.references,
            hasVolumes: hasVolumes(plan), minimumKubernetesMinor: minimumKubernetesMinor, postRender: PostHogPostRender.make(plan, secrets: secrets))
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

    /// The ingress-nginx the add-ons install, for the port-forward to a `*.localhost` host.
    private static func localController(_ plan: PostHogPlan) -> LocalhostAccess.Controller? {
        IngressAddOns.localController(plan.ingress)
    }

    private static func hasVolumes(_ plan: PostHogPlan) -> Bool {
        if case .inCluster = plan.postgresql { return true }
        if case .inCluster = plan.redis { return true }
        if case .inCluster = plan.kafka { return true }
        if case .inCluster = plan.clickhouse { return true }
        if case .inCluster = plan.objectStorage { return true }
        return plan.zookeeperStorage != nil
    }

    /// The ingress controller and cert-manager, as every app has them: installed unless the
    /// cluster has them, and handed over from the chart's release where older bundles let the
    /// chart run its own.
    private static func prerequisites(_ plan: PostHogPlan) -> [ScriptSection] {
        let needs = IngressAddOns.needs(ingress: plan.ingress)
        var sections: [ScriptSection] = []
        if needs.installsCharts || needs.appliesManifests {
            sections.append(PrerequisiteScripts.helpers(
                namespace: plan.namespace, installsCharts: needs.installsCharts, appliesManifests: needs.appliesManifests))
        }
        return sections + IngressAddOns.sections(ingress: plan.ingress, cloud: plan.cloud, formerOwner: PostHogIngress.chartRelease(plan))
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
