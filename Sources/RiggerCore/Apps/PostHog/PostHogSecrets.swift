/// The Secrets a PostHog bundle creates, named once here for both the manifests and values.yaml.
///
/// The chart reads each of these through an `existingSecret` value; the data keys are the ones
/// the chart (or its subchart) reads from such a Secret.
public struct PostHogSecrets: Sendable, Equatable {
    public let secretKey: SecretManifest
    public let postgresql: SecretManifest
    public let redis: SecretManifest?
    public let clickhouse: SecretManifest
    public let email: SecretManifest?
    public let objectStorage: SecretManifest?

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

    public init(plan: PostHogPlan, secrets: SecretSet) {
        func manifest(_ fileName: String) -> SecretManifest? {
            guard let entry = Self.layout.first(where: { $0.fileName == fileName }),
                entry.data.allSatisfy({ secrets[$0.secretKey] != nil })
            else { return nil }
            return SecretManifest(fileName: entry.fileName, name: "\(plan.release)-\(entry.suffix)", component: entry.component, data: entry.data)
        }
        // The Django key, PostgreSQL and ClickHouse passwords always apply, so these are always there.
        secretKey = manifest("posthog-secret-key.secret.yaml") ?? SecretManifest(fileName: "", name: "", component: "", data: [])
        postgresql = manifest("postgresql.secret.yaml") ?? SecretManifest(fileName: "", name: "", component: "", data: [])
        clickhouse = manifest("clickhouse.secret.yaml") ?? SecretManifest(fileName: "", name: "", component: "", data: [])
        redis = manifest("redis.secret.yaml")
        email = manifest("smtp.secret.yaml")
        objectStorage = manifest("object-storage.secret.yaml")
    }

    /// Every manifest the bundle writes, in file order.
    public var all: [SecretManifest] {
        [secretKey, postgresql, redis, clickhouse, email, objectStorage].compactMap { $0 }.sorted { $0.fileName < $1.fileName }
    }
}
