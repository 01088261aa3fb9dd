import RiggerCore

/// The typed, validated form of PostHog answers that renderers consume.
public struct PostHogPlan: Sendable, Equatable {
    public enum PostgreSQL: Sendable, Equatable {
        case inCluster(storage: StorageQuantity)
        case managed(ManagedPostgreSQL)
    }

    /// Which Redis runs in the cluster: rigger's own on the official image, or the chart's Bitnami
    /// subchart, which bundles written before rigger ran its own keep until moved.
    public enum RedisServer: String, Sendable, Equatable {
        case rigger, chart
    }

    public enum Redis: Sendable, Equatable {
        case inCluster(storage: StorageQuantity, server: RedisServer)
        case managed(host: String, port: Int, auth: Bool, tls: Bool)
    }

    public enum Kafka: Sendable, Equatable {
        case inCluster(storage: StorageQuantity)
        case managed(brokers: [String], tls: Bool)
    }

    public struct ClickHouseConnection: Sendable, Equatable {
        public let cluster: String
        public let database: String
        public let user: String
    }

    public enum ClickHouse: Sendable, Equatable {
        case inCluster(ClickHouseConnection, storage: StorageQuantity, version: String)
        case managed(ClickHouseConnection, host: String, secure: Bool, verify: Bool)
    }

    public enum ObjectStorage: Sendable, Equatable {
        case none
        case inCluster(storage: StorageQuantity)
        case managed(endpoint: String, bucket: String, region: String?)
    }

    public let cluster: ClusterPlan
    public let postgresql: PostgreSQL
    public let redis: Redis
    /// The Secret (key `ca.crt`) with the CA that a managed Redis's TLS certificate is checked
    /// against, for one no public CA signs (Memorystore); nil for the system's CAs.
    public let redisCASecret: String?
    public let kafka: Kafka
    public let clickhouse: ClickHouse
    /// ZooKeeper runs in the cluster whenever Kafka or ClickHouse does; nil when neither does.
    public let zookeeperStorage: StorageQuantity?
    public let objectStorage: ObjectStorage
    public let ingress: IngressPlan
    public let email: EmailPlan?
    /// How many replicas run and what each requests (see `PostHogSizing`).
    public let sizing: Sizing

    public var cloud: Cloud { cluster.cloud }
    public var namespace: String { cluster.namespace }
    public var release: String { cluster.release }
    public var kubeContext: String? { cluster.kubeContext }
    public var chartVersion: String { cluster.chartVersion }
    public var imageTag: String { cluster.imageTag }
    public var storageClass: String? { cluster.storageClass }

    /// The Cloud SQL Auth Proxy PostHog reaches its PostgreSQL through, if it does.
    public var cloudSQLProxy: CloudSQLProxyPlan? {
        guard case .managed(let server) = postgresql else { return nil }
        return server.cloudSQLProxy
    }

    /// Builds the plan from answers that `AnswerResolver` has validated.
    public init(_ answers: ResolvedAnswers) throws(PlanError) {
        let read = PlanReader(answers: answers)
        cluster = try ClusterPlan(read)

        postgresql = try read.string("postgresql.mode") == "managed"
            ? .managed(try ManagedPostgreSQL(read))
            : .inCluster(storage: try read.size("postgresql.storage"))
        redis = try read.string("redis.mode") == "managed"
            ? .managed(
                host: try read.string("redis.host"), port: try read.int("redis.port"), auth: try read.bool("redis.auth"),
                tls: try read.bool("redis.tls"))
            : .inCluster(
                storage: try read.size("redis.storage"), server: RedisServer(rawValue: read.optionalString("redis.server") ?? "") ?? .rigger)
        if case .managed(_, _, _, true) = redis { redisCASecret = read.optionalString("redis.caSecret") } else { redisCASecret = nil }
        kafka = try read.string("kafka.mode") == "managed"
            ? .managed(brokers: try read.string("kafka.brokers").split(separator: ",").map(String.init), tls: try read.bool("kafka.tls"))
            : .inCluster(storage: try read.size("kafka.storage"))
        let connection = ClickHouseConnection(
            cluster: try read.string("clickhouse.cluster"), database: try read.string("clickhouse.database"),
            user: try read.string("clickhouse.user"))
        clickhouse = try read.string("clickhouse.mode") == "managed"
            ? .managed(
                connection, host: try read.string("clickhouse.host"), secure: try read.bool("clickhouse.secure"),
                verify: (answers["clickhouse.verify"]?.boolValue) ?? false)
            : .inCluster(
                connection, storage: try read.size("clickhouse.storage"),
                version: read.optionalString("clickhouse.version") ?? PostHogClickHouse.version)
        zookeeperStorage = answers["zookeeper.storage"] == nil ? nil : try read.size("zookeeper.storage")

        switch try read.string("objectStorage.mode") {
        case "in-cluster": objectStorage = .inCluster(storage: try read.size("objectStorage.storage"))
        case "managed":
            objectStorage = .managed(
                endpoint: try read.string("objectStorage.endpoint"), bucket: try read.string("objectStorage.bucket"),
                region: read.optionalString("objectStorage.region"))
        default: objectStorage = .none
        }

        ingress = try IngressPlan(read)
        email = try EmailPlan.read(read)
        sizing = try read.sizing()
    }
}
