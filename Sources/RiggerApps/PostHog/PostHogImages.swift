import RiggerCore

/// The images a PostHog install pulls, pinned where the chart's defaults are no longer published:
/// its Bitnami subcharts' Debian 10 builds were never copied to `bitnamilegacy`, so each takes
/// the nearest build of the same version that was. The ingress controller and cert-manager are
/// the core's add-ons, not the chart's.
enum PostHogImages {
    /// A Docker Hub image, as a Bitnami subchart takes it: the registry, repository and tag keys.
    struct Bitnami {
        let repository: String
        let tag: String
        var reference: String { "docker.io/\(repository):\(tag)" }
    }

    // Same PostgreSQL major (11), so the data folder of an existing install is read as it is.
    static let postgresql = Bitnami(repository: "bitnamilegacy/postgresql", tag: "11.22.0-debian-11-r4")
    // Only bundles that still run the chart's Redis (`redis.server=chart`) pull it: see PostHogRedis.
    static let redis = Bitnami(repository: "bitnamilegacy/redis", tag: "6.2.7-debian-11-r11")
    static let kafka = Bitnami(repository: "bitnamilegacy/kafka", tag: "2.8.1")
    static let zookeeper = Bitnami(repository: "bitnamilegacy/zookeeper", tag: "3.7.1")
    // MinIO from 2022-10-29 on no longer reads the storage format that 2022.5.8 wrote.
    static let minio = Bitnami(repository: "bitnamilegacy/minio", tag: "2022.9.1")
    static let pgbouncer = Bitnami(repository: "bitnamilegacy/pgbouncer", tag: "1.18.0")

    static let clickhouseOperatorVersion = "0.19.0"

    /// Every image the install pulls for this plan, in the order the README lists them.
    static func list(_ plan: PostHogPlan) -> [BundleImage] {
        var images = [
            BundleImage("PostHog (web, workers, migrations)", "posthog/posthog:\(plan.imageTag)", pinnedBy: "image.tag"),
            BundleImage("init containers (wait for dependencies)", "busybox:1.34"),
            BundleImage("PgBouncer (always run by the chart)", pgbouncer.reference),
        ]
        if case .inCluster = plan.postgresql { images.append(BundleImage("PostgreSQL", postgresql.reference)) }
        if plan.cloudSQLProxy != nil { images.append(CloudSQLProxyAddOn.bundleImage()) }
        switch plan.redis {
        case .inCluster(_, .rigger): images.append(BundleImage("Redis (rigger's own)", PostHogRedis.image.reference))
        case .inCluster(_, .chart):
            images.append(BundleImage(
                "Redis (the chart's)", redis.reference, chosenBy: "redis.server", value: PostHogPlan.RedisServer.chart.rawValue,
                move: PostHogPlan.RedisServer.rigger.rawValue))
        case .managed: break
        }
        if case .inCluster = plan.kafka { images.append(BundleImage("Kafka", kafka.reference)) }
        if plan.zookeeperStorage != nil { images.append(BundleImage("ZooKeeper", zookeeper.reference)) }
        if case .inCluster(_, _, let version) = plan.clickhouse {
            images += [
                BundleImage("ClickHouse", "clickhouse/clickhouse-server:\(version)", pinnedBy: "clickhouse.version"),
                BundleImage("ClickHouse operator", "altinity/clickhouse-operator:\(clickhouseOperatorVersion)"),
                BundleImage("ClickHouse operator metrics", "altinity/metrics-exporter:\(clickhouseOperatorVersion)"),
            ]
        }
        if case .inCluster = plan.objectStorage { images.append(BundleImage("MinIO", minio.reference)) }
        images += IngressAddOns.images(ingress: plan.ingress)
        return images
    }

    /// Which answers do without the frozen images, for the README.
    static let avoidingFrozen = """
        Managed services avoid most of them: `postgresql.mode`, `redis.mode` and `kafka.mode` set to `managed` (the aws-managed \
        preset) drop PostgreSQL, Redis and Kafka; `redis.server=rigger` (the default) runs Redis on the official image instead; `objectStorage.mode=managed` drops MinIO; ZooKeeper stays while ClickHouse or \
        Kafka runs in the cluster; the chart always runs its own PgBouncer. \(IngressAddOns.avoidingIngressNginx)
        """

    /// Points a Bitnami subchart's image at its pinned build, through the subchart's own keys.
    static func set(_ image: Bitnami, under key: String, in values: inout YAMLTree) {
        values.set("\(key).image.registry", .string("docker.io"))
        values.set("\(key).image.repository", .string(image.repository))
        values.set("\(key).image.tag", .string(image.tag))
    }
}
