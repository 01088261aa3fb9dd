import RiggerCore

/// PostHog's components at each size: replicas (or the chart's autoscaler), requests and memory
/// limits written into the chart's own per-component values, and for `ha` spreading through the
/// chart's `affinity` values and PodDisruptionBudgets through the post-renderer, since the chart
/// offers budgets only for web and events, and those only with a key its values don't declare.
enum PostHogSizing {
    /// Where the sizes come from, for the README.
    static let source = "PostHog's Kubernetes docs found two m5.large nodes (2 vCPUs and 8 GB each) enough on EKS "
        + "(https://github.com/PostHog/posthog.com/pull/2222); per component the sizes are rigger's."

    /// A Deployment of PostHog's own that can run more than one replica.
    struct Stateless {
        /// The chart's values key, e.g. `web`.
        let key: String
        /// The pods' `role` label and the Deployment's name after the chart's fullname.
        let role: String
        /// Whether the chart's HorizontalPodAutoscaler scales it with `ha`.
        let autoscales: Bool
        /// The values key its resources and affinity are read from: events reads web's.
        var valuesKey: String { key == "events" ? "web" : key }
    }

    static let stateless = [
        Stateless(key: "web", role: "web", autoscales: true),
        Stateless(key: "events", role: "events", autoscales: true),
        Stateless(key: "worker", role: "worker-default", autoscales: false),
        Stateless(key: "plugins", role: "plugins", autoscales: false),
        Stateless(key: "pgbouncer", role: "pgbouncer", autoscales: false),
    ]

    /// The autoscaler's range with `ha`.
    static let autoscaleRange = (minimum: 2, maximum: 6)

    /// Requests per replica: (CPU millicores, memory MiB, memory limit MiB). small requests little
    /// (a 2-CPU, 4 GB test node holds it) and leaves the limits room to burst into.
    static func resources(_ component: String, _ sizing: Sizing) -> ContainerResources {
        let small = sizing == .small
        let (cpu, memory, limit): (Int, Int, Int)
        switch component {
        case "web", "events": (cpu, memory, limit) = small ? (100, 384, 1536) : (500, 1024, 2048)
        case "worker": (cpu, memory, limit) = small ? (100, 384, 1536) : (500, 1024, 2048)
        case "plugins": (cpu, memory, limit) = small ? (100, 256, 1024) : (500, 1024, 2048)
        case "pgbouncer": (cpu, memory, limit) = small ? (25, 32, 256) : (100, 128, 256)
        case "migrate": (cpu, memory, limit) = small ? (100, 256, 1024) : (500, 1024, 2048)
        case "clickhouse-operator": (cpu, memory, limit) = small ? (25, 32, 256) : (100, 128, 512)
        case "postgresql": (cpu, memory, limit) = small ? (100, 128, 1024) : (500, 1024, 2048)
        case "redis": (cpu, memory, limit) = small ? (50, 64, 512) : (250, 512, 1024)
        case "kafka": (cpu, memory, limit) = small ? (100, 512, 2048) : (500, 2048, 4096)
        case "zookeeper": (cpu, memory, limit) = small ? (50, 128, 512) : (250, 512, 1024)
        case "clickhouse": (cpu, memory, limit) = small ? (200, 512, 4096) : (1000, 4096, 8192)
        case "minio": (cpu, memory, limit) = small ? (50, 128, 1024) : (250, 512, 1024)
        default: (cpu, memory, limit) = (100, 128, 256)
        }
        return ContainerResources(cpuMillis: cpu, memoryMiB: memory, memoryLimitMiB: limit)
    }

    /// The pods' labels of a stateless component, as the chart writes them.
    static func labels(_ component: Stateless, release: String) -> [(String, String)] {
        [("app", PostHogValuesRenderer.chartFullname(release: release)), ("release", release), ("role", component.role)]
    }

    static func table(_ plan: PostHogPlan) -> SizingTable {
        let sizing = plan.sizing
        var components: [SizedComponent] = stateless.map { component in
            let ha = sizing == .ha
            return SizedComponent(
                component.key, replicas: ha ? autoscaleRange.minimum : 1,
                maximumReplicas: ha && component.autoscales ? autoscaleRange.maximum : nil, resources: resources(component.key, sizing))
        }
        if case .inCluster = plan.clickhouse {
            components.append(SizedComponent(
                "ClickHouse operator", replicas: 1, resources: resources("clickhouse-operator", sizing).doubled,
                singleBecause: "the chart fixes it at one replica; the ClickHouse it manages keeps serving while it restarts"))
            components.append(SizedComponent(
                "ClickHouse", replicas: 1, resources: resources("clickhouse", sizing),
                singleBecause: "the chart marks its replicated ClickHouse layout experimental", managedAlternative: "ClickHouse Cloud or Altinity.Cloud (clickhouse.mode=managed)"))
        }
        if case .inCluster = plan.postgresql {
            components.append(SizedComponent(
                "PostgreSQL", replicas: 1, resources: resources("postgresql", sizing),
                singleBecause: "the chart runs one primary and PostHog connects to one host", managedAlternative: "RDS or Cloud SQL with a standby (postgresql.mode=managed)"))
        }
        if plan.cloudSQLProxy != nil { components.append(CloudSQLProxyAddOn.sizedComponent(sizing: sizing)) }
        if case .inCluster = plan.redis {
            components.append(SizedComponent(
                "Redis", replicas: 1, resources: resources("redis", sizing),
                singleBecause: "the chart runs Redis standalone", managedAlternative: "ElastiCache or Memorystore with a replica (redis.mode=managed)"))
        }
        if case .inCluster = plan.kafka {
            components.append(SizedComponent(
                "Kafka", replicas: 1, resources: resources("kafka", sizing),
                singleBecause: "the chart runs Kafka as one broker", managedAlternative: "MSK or Confluent (kafka.mode=managed)"))
        }
        if plan.zookeeperStorage != nil {
            components.append(SizedComponent(
                "ZooKeeper", replicas: 1, resources: resources("zookeeper", sizing),
                singleBecause: "the chart runs ZooKeeper as one server, for the Kafka and ClickHouse above", managedAlternative: "none needed once Kafka and ClickHouse are managed"))
        }
        if case .inCluster = plan.objectStorage {
            components.append(SizedComponent(
                "MinIO", replicas: 1, resources: resources("minio", sizing),
                singleBecause: "the chart runs MinIO standalone", managedAlternative: "S3, GCS or R2 (objectStorage.mode=managed)"))
        }
        return SizingTable(sizing: sizing, components: components, source: source, notes: [
            "The worker (Celery) and the ClickHouse operator have no readiness probe: neither serves an endpoint to ask. Every other "
                + "long-running container has the chart's readiness probe. The Job the chart runs for a moment after each "
                + "release (a busybox echo of the revision, named with the time) has no resources setting and requests nothing.",
        ] + (sizing == .ha ? [
            "web's and events' autoscalers scale on CPU through the Kubernetes metrics API: install metrics-server where the cluster "
                + "has none (GKE runs it; EKS doesn't by default). Without it they hold the minimum of 2.",
        ] : []))
    }

    /// Replicas, autoscalers, requests and spreading, in the chart's own values.
    static func addValues(_ plan: PostHogPlan, to values: inout YAMLTree) {
        let sizing = plan.sizing
        for component in stateless {
            let ha = sizing == .ha
            if component.autoscales, ha {
                values.set("\(component.key).hpa.enabled", .bool(true))
                values.set("\(component.key).hpa.minpods", .int(autoscaleRange.minimum))
                values.set("\(component.key).hpa.maxpods", .int(autoscaleRange.maximum))
            } else {
                values.set("\(component.key).replicacount", .int(ha ? autoscaleRange.minimum : 1))
            }
            // events has no resources or affinity of its own: the chart gives it web's.
            guard component.key != "events" else { continue }
            values.set("\(component.key).resources", resources(component.key, sizing).tree)
            if ha { values.set("\(component.key).affinity", Spreading.antiAffinity(labels(component, release: plan.release))) }
        }
        values.set("hooks.migrate.resources", resources("migrate", sizing).tree)
        if case .inCluster = plan.clickhouse { values.set("clickhouse.resources", resources("clickhouse", sizing).tree) }
        if case .inCluster = plan.postgresql { values.set("postgresql.resources", resources("postgresql", sizing).tree) }
        if case .inCluster = plan.redis { values.set("redis.master.resources", resources("redis", sizing).tree) }
        if case .inCluster = plan.kafka { values.set("kafka.resources", resources("kafka", sizing).tree) }
        if plan.zookeeperStorage != nil { values.set("zookeeper.resources", resources("zookeeper", sizing).tree) }
        if case .inCluster = plan.objectStorage { values.set("minio.resources", resources("minio", sizing).tree) }
    }

    /// What no chart value sets: the operator's requests, events' own spreading, and for `ha` a
    /// PodDisruptionBudget for each stateless component.
    static func addPostRender(_ plan: PostHogPlan, to postRender: inout PostRender) {
        let fullname = PostHogValuesRenderer.chartFullname(release: plan.release)
        if case .inCluster = plan.clickhouse {
            let operatorResources = resources("clickhouse-operator", plan.sizing).tree
            let containers = YAMLTree.list(["clickhouse-operator", "metrics-exporter"].map { name in
                .map([("name", .string(name)), ("resources", operatorResources)])
            })
            postRender.patches.append(PostRender.Patch(
                kind: "Deployment", name: "clickhouse-operator",
                body: .map([("spec", .map([("template", .map([("spec", .map([("containers", containers)]))]))]))]),
                reason: "the chart gives the ClickHouse operator's containers no resources and no value to set them"))
        }
        guard plan.sizing == .ha else { return }
        if let events = stateless.first(where: { $0.key == "events" }) {
            let affinity = Spreading.antiAffinity(labels(events, release: plan.release))
            postRender.patches.append(PostRender.Patch(
                kind: "Deployment", name: "\(fullname)-events",
                body: .map([("spec", .map([("template", .map([("spec", .map([("affinity", affinity)]))]))]))]),
                reason: "sizing ha: events takes web's affinity value, which would keep it from web's nodes rather than its own"))
        }
        for component in stateless {
            postRender.resources.append(Spreading.disruptionBudget(
                name: "\(fullname)-\(component.role)", labels: labels(component, release: plan.release), component: component.key))
        }
    }
}

extension ContainerResources {
    /// Two containers' worth, for a table row that stands for a pod of two alike.
    var doubled: ContainerResources {
        ContainerResources(cpuMillis: cpuMillis * 2, memoryMiB: memoryMiB * 2, memoryLimitMiB: memoryLimitMiB * 2)
    }
}
