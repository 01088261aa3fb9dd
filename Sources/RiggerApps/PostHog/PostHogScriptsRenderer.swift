import RiggerCore

/// What PostHog's chart needs in the shared install scripts.
enum PostHogScriptsRenderer {
    /// The oldest Kubernetes minor version the chart accepts (its kubeVersion is ">= 1.24-0").
    static let minimumKubernetesMinor = 24

    /// What PostHog adds to the install scripts.
    static func scripts(plan: PostHogPlan, secrets: PostHogSecrets) -> BundleParts.Scripts {
        var scripts = BundleParts.Scripts(
            hasVolumes: hasVolumes(plan),
            verify: .init(
                webService: PostHogValuesRenderer.chartFullname(release: plan.release) + "-web", webPort: 8000,
                managedCertificate: "\(plan.release)-gke-cert"))
        scripts.preflightChecks = [existingValueChecks(plan, secrets)].compactMap { $0 } + caSecretChecks(plan)
        scripts.managedServices = managedServices(plan, secrets)
        scripts.formerIngressOwner = PostHogIngress.chartRelease(plan)
        scripts.growingVolumes = statefulSetVolumes(plan)
        return scripts
    }

    /// The Secrets with the CAs of the managed PostgreSQL and Redis, which the pods mount.
    private static func caSecretChecks(_ plan: PostHogPlan) -> [ScriptSection] {
        var checks: [ScriptSection] = []
        if case .managed(let server) = plan.postgresql, let secret = server.tls.caSecret {
            checks.append(CASecretCheck.section(
                namespace: plan.namespace, secret: secret, variable: "POSTGRESQL_CA", service: "the managed PostgreSQL",
                source: CASecretCheck.postgreSQLSource(cloud: plan.cloud)))
        }
        if let secret = plan.redisCASecret {
            checks.append(CASecretCheck.section(
                namespace: plan.namespace, secret: secret, variable: "REDIS_CA", service: "the managed Redis",
                source: CASecretCheck.memorystoreSource))
        }
        return checks
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

    /// The StatefulSets whose volumes the answers size, by the names the chart's Bitnami subcharts
    /// and rigger's Redis render. ClickHouse's volumes are the ClickHouse operator's to grow.
    static func statefulSetVolumes(_ plan: PostHogPlan) -> [StatefulSetVolume] {
        let release = plan.release
        var volumes: [StatefulSetVolume] = []
        if case .inCluster(let storage) = plan.postgresql {
            volumes.append(StatefulSetVolume(
                statefulSet: PostHogValuesRenderer.bitnamiFullname(release: release, nameOverride: "posthog-postgresql"), claimTemplate: "data", size: storage))
        }
        switch plan.redis {
        case .inCluster(let storage, .rigger):
            volumes.append(StatefulSetVolume(statefulSet: PostHogRedis.name(release: release), claimTemplate: "data", size: storage))
        case .inCluster(let storage, .chart):
            volumes.append(StatefulSetVolume(
                statefulSet: PostHogValuesRenderer.bitnamiFullname(release: release, nameOverride: "posthog-redis") + "-master",
                claimTemplate: "redis-data", size: storage))
        case .managed:
            break
        }
        if case .inCluster(let storage) = plan.kafka {
            volumes.append(StatefulSetVolume(
                statefulSet: PostHogValuesRenderer.bitnamiFullname(release: release, nameOverride: "posthog-kafka"), claimTemplate: "data", size: storage))
        }
        if let storage = plan.zookeeperStorage {
            volumes.append(StatefulSetVolume(
                statefulSet: PostHogValuesRenderer.bitnamiFullname(release: release, nameOverride: "posthog-zookeeper"), claimTemplate: "data", size: storage))
        }
        return volumes
    }

    private static func hasVolumes(_ plan: PostHogPlan) -> Bool {
        if case .inCluster = plan.postgresql { return true }
        if case .inCluster = plan.redis { return true }
        if case .inCluster = plan.kafka { return true }
        if case .inCluster = plan.clickhouse { return true }
        if case .inCluster = plan.objectStorage { return true }
        return plan.zookeeperStorage != nil
    }

    /// What each managed service must offer; rigger can't check them from the bastion.
    private static func managedServices(_ plan: PostHogPlan, _ secrets: PostHogSecrets) -> [String] {
        var reminders: [String] = []
        if case .managed(let postgres) = plan.postgresql {
            let server = postgres.cloudSQLProxy.map { "Cloud SQL instance \($0.instance)" } ?? "PostgreSQL at \(postgres.host):\(postgres.port)"
            reminders.append("\(server): database '\(postgres.database)' must exist, owned by user '\(postgres.username)', reachable from the cluster")
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
