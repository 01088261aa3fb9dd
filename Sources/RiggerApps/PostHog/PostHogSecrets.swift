import RiggerCore

/// The Secrets a PostHog release reads, named once here for both the manifests and values.yaml.
///
/// The chart reads each of these through an `existingSecret` value; the data keys are the ones
/// the chart (or its subchart) reads from such a Secret. Each is either written by the bundle or,
/// when the operator named one, a Secret already in the cluster.
struct PostHogSecrets: Sendable {
    typealias Reference = SecretReferences.Reference

    let secretKey: Reference
    let postgresql: Reference
    let redis: Reference?
    let clickhouse: Reference
    let email: Reference?
    let objectStorage: Reference?
    let references: SecretReferences

    /// The data key for the Django secret key (`posthogSecretKey.existingSecretKey`).
    static let secretKeyDataKey = "posthog-secret"
    /// The bitnami PostgreSQL subchart reads only this key; the external branch takes it as configured.
    static let postgresqlPasswordKey = "postgresql-password"
    static let redisPasswordKey = "redis-password"
    static let clickhousePasswordKey = "clickhouse-password"
    static let smtpPasswordKey = "smtp-password"
    /// The chart reads object storage credentials from these fixed keys, for MinIO and external storage alike.
    static let accessKeyIdKey = "root-user"
    static let secretAccessKeyKey = "root-password"

    /// Every Secret file a PostHog bundle may hold.
    static let files: [SecretFileSpec] = [
        SecretFileSpec(
            fileName: "posthog-secret-key.secret.yaml", component: "posthog", naming: .releasePrefixed("secret-key"),
            entries: [.secret(secretKeyDataKey, "posthog.secretKey")]),
        SecretFileSpec(
            fileName: "postgresql.secret.yaml", component: "postgresql", naming: .releasePrefixed("postgresql-auth"),
            entries: [.secret(postgresqlPasswordKey, "postgresql.password")]),
        SecretFileSpec(
            fileName: "redis.secret.yaml", component: "redis", naming: .releasePrefixed("redis-auth"),
            entries: [.secret(redisPasswordKey, "redis.password")]),
        SecretFileSpec(
            fileName: "clickhouse.secret.yaml", component: "clickhouse", naming: .releasePrefixed("clickhouse-auth"),
            entries: [.secret(clickhousePasswordKey, "clickhouse.password")]),
        SecretFileSpec(
            fileName: "smtp.secret.yaml", component: "email", naming: .releasePrefixed("smtp-auth"),
            entries: [.secret(smtpPasswordKey, "email.password")]),
        SecretFileSpec(
            fileName: "object-storage.secret.yaml", component: "object-storage", naming: .releasePrefixed("object-storage-auth"),
            entries: [.secret(accessKeyIdKey, "objectStorage.accessKeyId"), .secret(secretAccessKeyKey, "objectStorage.secretAccessKey")]),
    ]

    /// Throws when a Secret the chart always reads has neither values nor an existing Secret,
    /// which validated answers never allow.
    init(plan: PostHogPlan, secrets: SecretSet) throws(PlanError) {
        let references = SecretReferences(specs: Self.files, release: plan.release, secrets: secrets)
        self.references = references
        // The Django key, PostgreSQL and ClickHouse passwords always apply.
        secretKey = try references.required("posthog-secret-key.secret.yaml", for: "posthog.secretKey")
        postgresql = try references.required("postgresql.secret.yaml", for: "postgresql.password")
        clickhouse = try references.required("clickhouse.secret.yaml", for: "clickhouse.password")
        redis = references["redis.secret.yaml"]
        email = references["smtp.secret.yaml"]
        objectStorage = references["object-storage.secret.yaml"]
    }

    /// Every manifest the bundle writes, in file order.
    var all: [SecretManifest] { references.manifests }

    /// The Secrets that must already be in the cluster, each with the data keys it must hold.
    var existing: [Reference] { references.existing }
}
