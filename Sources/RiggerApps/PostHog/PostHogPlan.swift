import RiggerCore

/// The typed, validated form of PostHog answers that renderers consume.
public struct PostHogPlan: Sendable, Equatable {
    public enum Cloud: String, Sendable { case gcp, aws, other }
    public enum IngressType: String, Sendable { case gcpCLB = "gcp-clb", nginx, existing, none }
    public enum TLS: String, Sendable { case gcpManaged = "gcp-managed", letsencrypt, secret, none }

    public struct ManagedPostgreSQL: Sendable, Equatable {
        public let host: String
        public let port: Int
        public let database: String
        public let username: String
    }

    public enum PostgreSQL: Sendable, Equatable {
        case inCluster(storage: StorageQuantity)
        case managed(ManagedPostgreSQL)
    }

    public enum Redis: Sendable, Equatable {
        case inCluster(storage: StorageQuantity)
        case managed(host: String, port: Int, auth: Bool)
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
        case inCluster(ClickHouseConnection, storage: StorageQuantity)
        case managed(ClickHouseConnection, host: String, secure: Bool, verify: Bool)
    }

    public enum ObjectStorage: Sendable, Equatable {
        case none
        case inCluster(storage: StorageQuantity)
        case managed(endpoint: String, bucket: String, region: String?)
    }

    public struct Ingress: Sendable, Equatable {
        public let type: IngressType
        public let hostname: String?
        public let tls: TLS
        public let className: String?
        public let staticIPName: String?
        public let letsencryptEmail: String?
        public let tlsSecretName: String?

        /// The URL PostHog is reached at, when it has a hostname.
        public var siteURL: String? {
            hostname.map { (tls == .none ? "http://" : "https://") + $0 }
        }
    }

    public struct Email: Sendable, Equatable {
        public let host: String
        public let port: Int
        public let user: String?
        public let from: String
        public let tls: Bool
    }

    public let cloud: Cloud
    public let namespace: String
    public let release: String
    public let kubeContext: String?
    public let chartVersion: String
    public let imageTag: String
    public let storageClass: String?
    public let postgresql: PostgreSQL
    public let redis: Redis
    public let kafka: Kafka
    public let clickhouse: ClickHouse
    /// ZooKeeper runs in the cluster whenever Kafka or ClickHouse does; nil when neither does.
    public let zookeeperStorage: StorageQuantity?
    public let objectStorage: ObjectStorage
    public let ingress: Ingress
    public let email: Email?

    /// Builds the plan from answers that `AnswerResolver` has validated.
    public init(_ answers: ResolvedAnswers) throws(PlanError) {
        let read = PlanReader(answers: answers)
        cloud = try read.choice("cloud", as: Cloud.self)
        namespace = try read.string("namespace")
        release = try read.string("release")
        kubeContext = read.optionalString("kubeContext")
        chartVersion = try read.string("chart.version")
        imageTag = try read.string("image.tag")
        storageClass = read.optionalString("storageClass")

        postgresql = try read.string("postgresql.mode") == "managed"
            ? .managed(ManagedPostgreSQL(
                host: try read.string("postgresql.host"), port: try read.int("postgresql.port"),
                database: try read.string("postgresql.database"), username: try read.string("postgresql.username")))
            : .inCluster(storage: try read.size("postgresql.storage"))
        redis = try read.string("redis.mode") == "managed"
            ? .managed(host: try read.string("redis.host"), port: try read.int("redis.port"), auth: try read.bool("redis.auth"))
            : .inCluster(storage: try read.size("redis.storage"))
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
            : .inCluster(connection, storage: try read.size("clickhouse.storage"))
        zookeeperStorage = answers["zookeeper.storage"] == nil ? nil : try read.size("zookeeper.storage")

        switch try read.string("objectStorage.mode") {
        case "in-cluster": objectStorage = .inCluster(storage: try read.size("objectStorage.storage"))
        case "managed":
            objectStorage = .managed(
                endpoint: try read.string("objectStorage.endpoint"), bucket: try read.string("objectStorage.bucket"),
                region: read.optionalString("objectStorage.region"))
        default: objectStorage = .none
        }

        let ingressType = try read.choice("ingress.type", as: IngressType.self)
        ingress = Ingress(
            type: ingressType,
            hostname: read.optionalString("ingress.hostname"),
            tls: ingressType == .none ? .none : try read.choice("ingress.tls", as: TLS.self),
            className: read.optionalString("ingress.className"),
            staticIPName: read.optionalString("ingress.staticIpName"),
            letsencryptEmail: read.optionalString("ingress.letsencryptEmail"),
            tlsSecretName: read.optionalString("ingress.tlsSecretName"))

        email = try read.bool("email.enabled")
            ? Email(
                host: try read.string("email.host"), port: try read.int("email.port"), user: read.optionalString("email.user"),
                from: try read.string("email.from"), tls: try read.bool("email.tls"))
            : nil
    }
}
