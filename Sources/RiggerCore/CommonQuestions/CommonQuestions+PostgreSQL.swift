extension CommonQuestions {
    /// The answer that says how an app on GKE reaches a Cloud SQL instance.
    public static let postgresqlConnectionKey = "postgresql.connection"

    /// How an app reaches a managed PostgreSQL on Google Cloud.
    public enum PostgreSQLConnection: String, Sendable, CaseIterable {
        /// Straight to the server's address (Cloud SQL's private IP, an RDS endpoint), with the TLS `postgresql.sslmode` says.
        case direct
        /// Through the Cloud SQL Auth Proxy v2 in the namespace, which authenticates with IAM and encrypts to the instance.
        case cloudSQLProxy = "cloud-sql-proxy"
    }

    /// What an app says about its own TLS to a managed PostgreSQL: the modes its clients can
    /// honour, and how they are told (for the help).
    public struct PostgreSQLTLSSupport: Sendable {
        public let modes: [ManagedPostgreSQL.SSLMode]
        public let defaultMode: ManagedPostgreSQL.SSLMode
        /// How the app's clients get the mode and the CA, e.g. "as PGSSLMODE and PGSSLROOTCERT".
        public let how: String

        public init(modes: [ManagedPostgreSQL.SSLMode], defaultMode: ManagedPostgreSQL.SSLMode, how: String) {
            self.modes = modes
            self.defaultMode = defaultMode
            self.how = how
        }
    }

    private static let modeLabels: [ManagedPostgreSQL.SSLMode: String] = [
        .verifyFull: "TLS, the certificate and host name checked against a CA you give (RDS)",
        .verifyCA: "TLS, the certificate checked against a CA you give (Cloud SQL's private IP, RDS)",
        .require: "TLS, the certificate not checked",
        .disable: "no TLS",
    ]

    /// How an app reaches a managed PostgreSQL, asked when `postgresql.mode` is managed: on GKE,
    /// directly or through the Cloud SQL Auth Proxy; the host and port (not with the proxy); the
    /// database and user; and the TLS mode and CA Secret of a direct connection.
    public static func managedPostgreSQL(app: String, defaultName: String, tls: PostgreSQLTLSSupport) -> [Question] {
        let managed = managed("postgresql")
        let proxy = Condition.all(managed, .when(postgresqlConnectionKey, is: PostgreSQLConnection.cloudSQLProxy.rawValue))
        // Off Google Cloud the connection isn't asked: unanswered is direct.
        let notProxy = Condition(summary: "\(postgresqlConnectionKey) is not \(PostgreSQLConnection.cloudSQLProxy.rawValue)", keys: [postgresqlConnectionKey]) {
            $0.text(postgresqlConnectionKey) != PostgreSQLConnection.cloudSQLProxy.rawValue
        }
        let direct = Condition.all(managed, notProxy)
        let verifying = tls.modes.filter(\.verifies).map(\.rawValue)
        var questions = [
            Question(
                key: postgresqlConnectionKey, title: "Cloud SQL access",
                help: "How \(app) reaches Cloud SQL. direct: to the instance's private IP, over the TLS of postgresql.sslmode, its "
                    + "certificate checked against the instance's server CA. cloud-sql-proxy: through the Cloud SQL Auth Proxy v2, which the "
                    + "bundle runs in the namespace; it signs in to Cloud SQL with IAM through Workload Identity and encrypts to the instance "
                    + "itself, so no CA is needed and \(app) connects to the proxy's Service.",
                kind: .choice([
                    Choice(PostgreSQLConnection.direct.rawValue, "to the instance's address, over TLS"),
                    Choice(PostgreSQLConnection.cloudSQLProxy.rawValue, "through the Cloud SQL Auth Proxy in the namespace"),
                ]),
                step: .dependencies, defaultValue: .value(.string(PostgreSQLConnection.direct.rawValue)),
                appliesWhen: .all(managed, .when("cloud", is: Cloud.gcp.rawValue))),
            Question(
                key: "postgresql.cloudSQL.instance", title: "Cloud SQL instance",
                help: "The instance connection name, PROJECT:REGION:INSTANCE: gcloud sql instances describe INSTANCE --format='value(connectionName)'.",
                kind: .text(.cloudSQLInstance), step: .dependencies, appliesWhen: proxy),
            Question(
                key: "postgresql.cloudSQL.privateIP", title: "Proxy private IP",
                help: "Whether the proxy dials the instance's private IP (--private-ip): the cluster must be on the VPC with private services "
                    + "access. Off: its public IP, which the instance must have.",
                kind: .bool, step: .dependencies, defaultValue: .value(.bool(true)), appliesWhen: proxy),
            Question(
                key: "postgresql.cloudSQL.serviceAccount", title: "Proxy identity",
                help: "The Google service account, with roles/cloudsql.client, that the proxy acts as: the bundle's Kubernetes service account "
                    + "for the proxy is annotated with it (Workload Identity), and the README gives the binding to create.",
                kind: .text(.gcpServiceAccount), step: .dependencies, appliesWhen: proxy),
            Question(
                key: "postgresql.host", title: "PostgreSQL host",
                help: "The managed PostgreSQL's address: the RDS endpoint, or Cloud SQL's private IP.",
                kind: .text(.host), step: .dependencies, appliesWhen: direct),
            Question(
                key: "postgresql.port", title: "PostgreSQL port", help: "The managed PostgreSQL port.",
                kind: .int(1...65535), step: .dependencies, defaultValue: .value(.int(5432)), appliesWhen: direct),
            Question(
                key: "postgresql.database", title: "PostgreSQL database", help: "The database \(app) uses; it must exist on the managed server.",
                kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string(defaultName)), appliesWhen: managed),
            Question(
                key: "postgresql.username", title: "PostgreSQL user", help: "The user \(app) connects as; it must own the database.",
                kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string(defaultName)), appliesWhen: managed),
            Question(
                key: "postgresql.sslmode", title: "PostgreSQL TLS",
                help: "How \(app) encrypts its connections to the managed PostgreSQL (\(tls.how)). "
                    + tls.modes.map { "\($0.rawValue): \(modeLabels[$0] ?? $0.rawValue)" }.joined(separator: "; ") + ".",
                kind: .choice(tls.modes.map { Choice($0.rawValue, modeLabels[$0] ?? $0.rawValue) }),
                step: .dependencies, defaultValue: .value(.string(tls.defaultMode.rawValue)), appliesWhen: direct),
        ]
        if !verifying.isEmpty {
            questions.append(Question(
                key: "postgresql.caSecret", title: "PostgreSQL CA",
                help: "A Secret in the namespace whose key ca.crt holds the managed PostgreSQL's CA certificate(s). 00-preflight.sh "
                    + "checks it, and the bundle's README gives the commands that fetch the CA and create it. Cloud SQL: the instance's "
                    + "server CA. RDS: its global bundle, https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem.",
                kind: .text(.kubernetesName), step: .dependencies,
                defaultValue: .derived(summary: "<release>-postgresql-ca") { answers in
                    .string("\(answers.text("release") ?? defaultName)-postgresql-ca")
                },
                appliesWhen: .all(direct, .when("postgresql.sslmode", isIn: verifying))))
        }
        return questions
    }
}
