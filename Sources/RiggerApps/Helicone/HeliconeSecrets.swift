import RiggerCore

/// The Secrets a Helicone release reads, named once here for the manifests, values.yaml, the
/// post-renderer and the scripts.
///
/// The chart's templates fix four names (`helicone-supabase`, `-postgres`, `-clickhouse`, `-smtp`)
/// and their data keys; the templates, not the README, are the truth. A fifth, `helicone-realtime`,
/// is rigger's own: it keeps Realtime's two keys out of the ConfigMap the chart would put them in.
/// Each is written by the bundle or, when the operator names one, a Secret already in the cluster.
struct HeliconeSecrets: Sendable {
    typealias Reference = SecretReferences.Reference

    let supabase: Reference
    let postgresql: Reference
    let clickhouse: Reference
    let smtp: Reference
    let realtime: Reference
    let references: SecretReferences

    /// The PostgreSQL superuser the Supabase image and the chart's init scripts are written for.
    static let postgresUser = "postgres"

    static let supabaseFile = "supabase.secret.yaml"
    static let postgresqlFile = "postgresql.secret.yaml"
    static let clickhouseFile = "clickhouse.secret.yaml"
    static let smtpFile = "smtp.secret.yaml"
    static let realtimeFile = "realtime.secret.yaml"

    /// The name the chart's templates read each Secret by.
    static let chartNames = [
        supabaseFile: "helicone-supabase", postgresqlFile: "helicone-postgres", clickhouseFile: "helicone-clickhouse",
        smtpFile: "helicone-smtp", realtimeFile: "helicone-realtime",
    ]

    /// An API key signed with the JWT secret at the bundle's issue time; derived again on every
    /// run, so a regeneration gives the same key and rotating the secret gives a new one.
    private static func apiKey(_ role: SupabaseJWT.Role) -> SecretDataEntry.Source {
        .derived(inputs: ["helicone.jwtSecret"]) { answers, secrets in
            guard let secret = secrets["helicone.jwtSecret"]?.value, let issuedAt = answers["helicone.jwtIssuedAt"]?.intValue else { return nil }
            return SupabaseJWT.token(role: role, issuedAt: issuedAt, secret: secret)
        }
    }

    private static func named(_ file: String) -> SecretFileSpec.Naming { .fixed(chartNames[file] ?? file) }

    /// Every Secret file a Helicone bundle holds.
    static let files: [SecretFileSpec] = [
        SecretFileSpec(
            fileName: supabaseFile, component: "supabase", naming: named(supabaseFile),
            entries: [
                .secret("JWT_SECRET", "helicone.jwtSecret"),
                SecretDataEntry("ANON_KEY", apiKey(.anon)),
                SecretDataEntry("SERVICE_ROLE_KEY", apiKey(.serviceRole)),
            ]),
        SecretFileSpec(
            fileName: postgresqlFile, component: "postgresql", naming: named(postgresqlFile),
            entries: [SecretDataEntry("POSTGRES_USER", .literal(postgresUser)), .secret("POSTGRES_PASSWORD", "postgresql.password")]),
        SecretFileSpec(
            fileName: clickhouseFile, component: "clickhouse", naming: named(clickhouseFile),
            entries: [SecretDataEntry("CLICKHOUSE_USER", .answer("clickhouse.user")), .secret("CLICKHOUSE_PASSWORD", "clickhouse.password")]),
        // The auth templates read both keys whether or not mail is on; with mail off (or a server
        // without login) they are empty, never the README's examples.
        SecretFileSpec(
            fileName: smtpFile, component: "email", naming: named(smtpFile),
            entries: [
                SecretDataEntry("SMTP_USERNAME", .derived(inputs: []) { answers, _ in answers.text("email.user") ?? "" }),
                SecretDataEntry("SMTP_PASSWORD", .secretOrEmpty("email.password")),
            ]),
        SecretFileSpec(
            fileName: realtimeFile, component: "realtime", naming: named(realtimeFile),
            entries: [.secret("SECRET_KEY_BASE", "realtime.secretKeyBase"), .secret("DB_ENC_KEY", "realtime.dbEncKey")]),
    ]

    /// Throws when a Secret the chart always reads has neither values nor an existing Secret,
    /// which validated answers never allow.
    init(release: String, secrets: SecretSet) throws(PlanError) {
        let references = SecretReferences(specs: Self.files, release: release, secrets: secrets)
        self.references = references
        supabase = try references.required(Self.supabaseFile, for: "helicone.jwtSecret")
        postgresql = try references.required(Self.postgresqlFile, for: "postgresql.password")
        clickhouse = try references.required(Self.clickhouseFile, for: "clickhouse.password")
        smtp = try references.required(Self.smtpFile, for: "email.password")
        realtime = try references.required(Self.realtimeFile, for: "realtime.secretKeyBase")
    }

    /// The Secret the chart reads by `chartName` (e.g. `helicone-postgres`), under the name it really has.
    func reference(chartName: String) -> Reference? {
        guard let file = Self.chartNames.first(where: { $0.value == chartName })?.key else { return nil }
        return references[file]
    }

    /// Every Secret the workloads read, in declaration order.
    var all: [Reference] { references.all }

    /// Every manifest the bundle writes, in file order.
    var manifests: [SecretManifest] { references.manifests }

    /// The Secrets that must already be in the cluster, each with the data keys it must hold.
    var existing: [Reference] { references.existing }

    /// The Secret the chart reads under a fixed name, with the name it really has: the same, or
    /// the operator's own, which the post-renderer points the workloads at.
    var renamed: [(chartName: String, name: String)] {
        [(Self.supabaseFile, supabase), (Self.postgresqlFile, postgresql), (Self.clickhouseFile, clickhouse), (Self.smtpFile, smtp)]
            .compactMap { file, reference in
                guard let chartName = Self.chartNames[file], chartName != reference.name else { return nil }
                return (chartName, reference.name)
            }
    }
}
