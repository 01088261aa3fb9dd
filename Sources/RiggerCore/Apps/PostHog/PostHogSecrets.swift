/// The Secrets a PostHog release reads, named once here for both the manifests and values.yaml.
///
/// The chart reads each of these through an `existingSecret` value; the data keys are the ones
/// the chart (or its subchart) reads from such a Secret. Each is either written by the bundle or,
/// when the operator named one, a Secret already in the cluster.
public struct PostHogSecrets: Sendable, Equatable {
    /// Where the chart finds one group of secrets: a Secret's name and the data key of each secret.
    public struct Reference: Sendable, Equatable {
        /// What the Secret is for, as its file is named: "postgresql", "object-storage".
        public let purpose: String
        public let name: String
        /// The manifest the bundle writes; nil when the Secret is already in the cluster.
        public let manifest: SecretManifest?
        /// Data keys by secret answer key, in the order the chart reads them.
        public let dataKeys: [(secretKey: String, dataKey: String)]

        /// The data key of the group's first (for passwords, only) secret.
        public var dataKey: String { dataKeys.first?.dataKey ?? "" }
        public var isExisting: Bool { manifest == nil }

        public static func == (lhs: Reference, rhs: Reference) -> Bool {
            lhs.name == rhs.name && lhs.manifest == rhs.manifest
                && lhs.dataKeys.map(\.secretKey) == rhs.dataKeys.map(\.secretKey) && lhs.dataKeys.map(\.dataKey) == rhs.dataKeys.map(\.dataKey)
        }
    }

    public let secretKey: Reference
    public let postgresql: Reference
    public let redis: Reference?
    public let clickhouse: Reference
    public let email: Reference?
    public let objectStorage: Reference?

    /// The data key for the Django secret key (`posthogSecretKey.existingSecretKey`).
    public static let secretKeyDataKey = "posthog-secret"
    /// The bitnami PostgreSQL subchart reads only this key; the external branch takes it as configured.
    public static let postgresqlPasswordKey = "postgresql-password"
    public static let redisPasswordKey = "redis-password"
    public static let clickhousePasswordKey = "clickhouse-password"
    public static let smtpPasswordKey = "smtp-password"
    /// The chart reads object storage credentials from these fixed keys, for MinIO and external storage alike.
    public static let accessKeyIdKey = "root-user"
    public static let secretAccessKeyKey = "root-password"

    /// What each Secret file holds: file name, component, name suffix after the release, and the
    /// secret answer behind each data key. File names don't carry the release, so a bundle's
    /// secrets can be read back by file and key.
    static let layout: [(fileName: String, component: String, suffix: String, data: [(key: String, secretKey: String)])] = [
        ("posthog-secret-key.secret.yaml", "posthog", "secret-key", [(secretKeyDataKey, "posthog.secretKey")]),
        ("postgresql.secret.yaml", "postgresql", "postgresql-auth", [(postgresqlPasswordKey, "postgresql.password")]),
        ("redis.secret.yaml", "redis", "redis-auth", [(redisPasswordKey, "redis.password")]),
        ("clickhouse.secret.yaml", "clickhouse", "clickhouse-auth", [(clickhousePasswordKey, "clickhouse.password")]),
        ("smtp.secret.yaml", "email", "smtp-auth", [(smtpPasswordKey, "email.password")]),
        ("object-storage.secret.yaml", "object-storage", "object-storage-auth",
         [(accessKeyIdKey, "objectStorage.accessKeyId"), (secretAccessKeyKey, "objectStorage.secretAccessKey")]),
    ]

    /// The secret answer key stored under a data key of a Secret file, for reading a bundle back.
    public static func secretKey(fileName: String, dataKey: String) -> String? {
        layout.first { $0.fileName == fileName }?.data.first { $0.key == dataKey }?.secretKey
    }

    /// Throws when a Secret the chart always reads has neither values nor an existing Secret,
    /// which validated answers never allow.
    public init(plan: PostHogPlan, secrets: SecretSet) throws(PlanError) {
        func reference(_ fileName: String) -> Reference? {
            guard let entry = Self.layout.first(where: { $0.fileName == fileName }) else { return nil }
            let purpose = String(entry.fileName.dropLast(".secret.yaml".count))
            if let existing = secrets.existing[entry.data[0].secretKey] {
                // The operator's Secret: their data key where the chart lets them choose one.
                let keys = entry.data.map { ($0.secretKey, entry.data.count == 1 ? existing.dataKey ?? $0.key : $0.key) }
                return Reference(purpose: purpose, name: existing.name, manifest: nil, dataKeys: keys)
            }
            guard entry.data.allSatisfy({ secrets[$0.secretKey] != nil }) else { return nil }
            let name = "\(plan.release)-\(entry.suffix)"
            return Reference(
                purpose: purpose, name: name, manifest: SecretManifest(fileName: entry.fileName, name: name, component: entry.component, data: entry.data),
                dataKeys: entry.data.map { ($0.secretKey, $0.key) })
        }
        // The Django key, PostgreSQL and ClickHouse passwords always apply.
        func always(_ fileName: String, _ key: String) throws(PlanError) -> Reference {
            guard let found = reference(fileName) else { throw PlanError(key: key, message: "the secret is neither held nor in an existing Secret") }
            return found
        }
        secretKey = try always("posthog-secret-key.secret.yaml", "posthog.secretKey")
        postgresql = try always("postgresql.secret.yaml", "postgresql.password")
        clickhouse = try always("clickhouse.secret.yaml", "clickhouse.password")
        redis = reference("redis.secret.yaml")
        email = reference("smtp.secret.yaml")
        objectStorage = reference("object-storage.secret.yaml")
    }

    private var references: [Reference] { [secretKey, postgresql, redis, clickhouse, email, objectStorage].compactMap { $0 } }

    /// Every manifest the bundle writes, in file order.
    public var all: [SecretManifest] {
        references.compactMap(\.manifest).sorted { $0.fileName < $1.fileName }
    }

    /// The Secrets that must already be in the cluster, each with the data keys it must hold.
    public var existing: [Reference] { references.filter(\.isExisting) }
}
