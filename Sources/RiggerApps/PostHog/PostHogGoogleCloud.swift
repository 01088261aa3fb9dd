import RiggerCore

/// PostHog on Google Cloud with managed services: the README's section of what to create first,
/// and what the review says of the dependencies that stay in the cluster.
enum PostHogGoogleCloud {
    /// The README's first section on Google Cloud: the managed services to create first, and why
    /// the others stay in the cluster.
    static func googleCloudSection(_ plan: PostHogPlan) -> [String] {
        guard plan.cloud == .gcp else { return [] }
        var server: ManagedPostgreSQL?
        if case .managed(let managed) = plan.postgresql { server = managed }
        var memorystore: GoogleCloudServicesReadme.Memorystore?
        if case .managed = plan.redis { memorystore = GoogleCloudServicesReadme.Memorystore(caSecret: plan.redisCASecret) }
        return GoogleCloudServicesReadme.section(
            namespace: plan.namespace, postgresql: server, memorystore: memorystore, inCluster: inClusterReasons(plan))
    }

    /// Why each dependency that runs in the cluster does, on Google Cloud.
    static func inClusterReasons(_ plan: PostHogPlan) -> [String] {
        var reasons: [String] = []
        if case .inCluster = plan.kafka {
            reasons.append("Kafka: Google's Managed Service for Apache Kafka takes clients over SASL only, which the chart's external Kafka "
                + "(brokers and TLS) does not speak.")
        }
        if case .inCluster = plan.clickhouse {
            reasons.append(GoogleCloudServicesReadme.clickHouseInCluster)
        }
        if plan.zookeeperStorage != nil { reasons.append("ZooKeeper: the in-cluster Kafka and ClickHouse need it; nothing managed replaces it.") }
        return reasons
    }

    /// What the review and `generate` say: Memorystore's TLS without its CA, which no client can
    /// check, and on Google Cloud with managed services, why the others stay in the cluster.
    static func warnings(_ plan: PostHogPlan) -> [String] {
        var warnings: [String] = []
        if plan.cloud == .gcp, case .managed(_, _, _, true) = plan.redis, plan.redisCASecret == nil {
            warnings.append("redis.caSecret: Memorystore's certificates are signed by the instance's own CA, which no system trusts; "
                + "without it in a Secret named here, every Redis client of PostHog refuses the connection (the certificate is always checked)")
        }
        let managesSome: Bool
        switch (plan.postgresql, plan.redis) {
        case (.managed, _), (_, .managed): managesSome = true
        default: managesSome = false
        }
        if plan.cloud == .gcp, managesSome {
            warnings += inClusterReasons(plan).map { "stays in the cluster: " + $0 }
        }
        return warnings
    }
}
