import RiggerCore

/// The Secrets a Plausible release reads, named once here for the manifests, values.yaml and
/// the database manifests.
///
/// The chart reads Plausible's whole environment from one Secret (`secret.existingSecret`):
/// the two keys, and the two connection URLs, which carry the database passwords. The URLs are
/// derived from the answers and the passwords on every run, never read back; the passwords
/// themselves live in the databases' own Secrets, which the in-cluster databases read.
struct PlausibleSecrets: Sendable {
    typealias Reference = SecretReferences.Reference

    /// Plausible's environment: the bundle's, or the operator's (`plausible.existingSecret`).
    let environment: Reference
    /// The PostgreSQL credentials (a basic-auth Secret, as CloudNativePG's bootstrap reads it);
    /// nil when the operator's environment Secret holds a managed server's URL.
    let postgresql: Reference?
    /// The ClickHouse password, read by the in-cluster ClickHouse; nil as for PostgreSQL.
    let clickhouse: Reference?
    let references: SecretReferences

    static let environmentFile = "plausible-env.secret.yaml"
    static let postgresqlFile = "postgresql.secret.yaml"
    static let clickhouseFile = "clickhouse.secret.yaml"
    /// The data key of each database password.
    static let passwordKey = "password"
    static let usernameKey = "username"

    /// Every Secret file a Plausible bundle may hold.
    static let files: [SecretFileSpec] = [
        SecretFileSpec(
            fileName: environmentFile, component: "plausible", naming: .releasePrefixed("env"),
            entries: [
                .secret("SECRET_KEY_BASE", "plausible.secretKeyBase"),
                .secret("TOTP_VAULT_KEY", "plausible.totpVaultKey"),
                SecretDataEntry("DATABASE_URL", .derived(inputs: ["postgresql.password"], compute: PlausibleConnectionURL.databaseURL)),
                SecretDataEntry(
                    "CLICKHOUSE_DATABASE_URL", .derived(inputs: ["clickhouse.password"], compute: PlausibleConnectionURL.clickhouseDatabaseURL)),
                .secret("SMTP_USER_PWD", "email.password", optional: true),
            ]),
        SecretFileSpec(
            fileName: postgresqlFile, component: "postgresql", naming: .releasePrefixed("postgresql-auth"), type: "kubernetes.io/basic-auth",
            entries: [
                // CloudNativePG requires the user of its bootstrap Secret to be the database owner.
                SecretDataEntry(usernameKey, .derived(inputs: []) { answers, _ in answers.text("postgresql.username") ?? PlausibleNames.postgresqlUser }),
                .secret(passwordKey, "postgresql.password"),
            ]),
        SecretFileSpec(
            fileName: clickhouseFile, component: "clickhouse", naming: .releasePrefixed("clickhouse-auth"),
            entries: [.secret(passwordKey, "clickhouse.password")]),
    ]

    /// Throws when the environment has neither values nor the operator's Secret, which
    /// validated answers never allow.
    init(plan: PlausiblePlan, secrets: SecretSet) throws(PlanError) {
        let references = SecretReferences(specs: Self.files, release: plan.release, secrets: secrets)
        self.references = references
        environment = try references.required(Self.environmentFile, for: "plausible.secretKeyBase")
        postgresql = references[Self.postgresqlFile]
        clickhouse = references[Self.clickhouseFile]
    }

    /// Every manifest the bundle writes, in file order.
    var all: [SecretManifest] { references.manifests }

    /// The Secrets that must already be in the cluster, each with the data keys it must hold.
    var existing: [Reference] { references.existing }
}
