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
    /// With TLS to a managed Redis, PostHog reads the whole rediss:// URL from this key.
    static let redisURLKey = "redis-url"
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
            entries: [.secret(redisPasswordKey, "redis.password"), SecretDataEntry(redisURLKey, .derived(inputs: ["redis.password"], compute: redisURL))]),
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

    /// The rediss:// URL PostHog reads as REDIS_URL with TLS: the password percent-encoded, and the
    /// certificate required (Celery refuses a rediss:// URL that doesn't say).
    @Sendable static func redisURL(_ answers: AnswerLookup, _ secrets: SecretSet) -> String? {
        guard let host = answers.text("redis.host"), let port = answers.text("redis.port") else { return nil }
        let credentials = secrets["redis.password"].map { ":" + PercentEncoding.userinfo($0.value) + "@" } ?? ""
        // With a CA of the operator's, redis-py and kombu take its path from the URL's ssl_ca_certs.
        let ca = answers.text("redis.caSecret") == nil ? "" : "&ssl_ca_certs=" + PostHogManagedTLS.redisCAFile
        return "rediss://\(credentials)\(host):\(port)/0?ssl_cert_reqs=required" + ca
    }

    /// The Secret files this plan's bundle holds: the URL key only with TLS to a managed Redis.
    static func files(for plan: PostHogPlan) -> [SecretFileSpec] {
        if case .managed(_, _, _, true) = plan.redis { return files }
        return files.map { file in
            SecretFileSpec(
                fileName: file.fileName, component: file.component, naming: file.naming, type: file.type,
                entries: file.entries.filter { $0.dataKey != redisURLKey })
        }
    }

    /// Throws when a Secret the chart always reads has neither values nor an existing Secret,
    /// which validated answers never allow.
    init(plan: PostHogPlan, secrets: SecretSet) throws(PlanError) {
        let references = SecretReferences(specs: Self.files(for: plan), release: plan.release, secrets: secrets)
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
