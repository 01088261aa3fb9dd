import RiggerCore

/// The questions for a Plausible Community Edition install, in the order they are asked.
public enum PlausibleQuestions {
    /// The IMIO chart release rigger's values are written for.
    public static let chartVersion = "0.4.1"
    /// The Plausible release rigger installs. The chart's appVersion is 3.0.1, which CVE-2026-8467
    /// affects; v3.2.1 is its fix and changes no setting rigger writes (see the README's notes).
    public static let imageTag = "v3.2.1"

    /// Plausible's questions after `app`, in the order they are asked.
    public static let questions: [Question] =
        [CommonQuestions.cloud] + clusterQuestions + dependencyQuestions + ingressQuestions + emailQuestions + sizingQuestions

    private static func managed(_ dependency: String) -> Condition { CommonQuestions.managed(dependency) }
    private static func inCluster(_ dependency: String) -> Condition { CommonQuestions.inCluster(dependency) }

    /// Holds when rigger writes Plausible's environment Secret itself, rather than reading the operator's.
    static let riggerWritesTheEnvironment = Condition(summary: "plausible.existingSecret is not set", keys: ["plausible.existingSecret"]) {
        $0["plausible.existingSecret"] == nil
    }

    /// The operator's own Secret with Plausible's whole environment. There is one for all of it:
    /// the chart reads every secret from the same Secret, and the connection URLs carry the
    /// database passwords, so a Secret per password couldn't be read.
    static let environmentExisting = CommonQuestions.existingSecret(
        "plausible", named: "Plausible's environment",
        for: "Plausible's whole environment: SECRET_KEY_BASE, TOTP_VAULT_KEY, DATABASE_URL and CLICKHOUSE_DATABASE_URL "
            + "(and SMTP_USER_PWD when mail has a user)",
        note: "The connection URLs carry the database passwords, so one Secret holds them all rather than one per password.",
        step: .cluster, defaultKey: nil)

    private static let clusterQuestions: [Question] = CommonQuestions.cluster(
        app: "Plausible", id: "plausible", chartVersion: chartVersion,
        chartHelp: "The IMIO plausible-analytics Helm chart version to install. rigger's values are written for 0.4.1.",
        imageTag: imageTag, imageExample: imageTag
    ) + [
        CommonQuestions.allowVulnerable(
            pins: [CommonQuestions.PinnedVersion(key: "image.tag", component: PlausibleAdvisories.component)],
            advisories: AdvisoryTable(SecurityAdvisories.shared + PlausibleAdvisories.all)),
    ] + environmentExisting.questions + [
        Question(
            key: "plausible.secretKeyBase", title: "Secret key base",
            help: "SECRET_KEY_BASE, which signs sessions and cookies: at least 64 characters (Plausible refuses a shorter one); "
                + "rigger generates Base64 of 64 random bytes. Kept across upgrades; a new one logs every user out.",
            kind: .secret(SecretPolicy(length: 64, format: .base64Bytes, existing: environmentExisting.answers, valueRules: SecretValueRules(minimumLength: 64))),
            step: .cluster),
        Question(
            key: "plausible.totpVaultKey", title: "TOTP vault key",
            help: "TOTP_VAULT_KEY, which encrypts two-factor secrets: Base64 of exactly 32 random bytes (never the chart's "
                + "published default). Kept across upgrades; a new one breaks every user's two-factor login.",
            kind: .secret(SecretPolicy(
                length: 32, format: .base64Bytes, existing: environmentExisting.answers,
                valueRules: SecretValueRules(base64Bytes: 32, published: [chartDefaultTOTPVaultKey]))),
            step: .cluster),
    ]

    /// The chart's own default TOTP_VAULT_KEY: anyone who reads the chart can decrypt the
    /// two-factor secrets of an install that uses it, so it is refused as a value given or kept.
    static let chartDefaultTOTPVaultKey = SecretValueRules.PublishedValue(
        "dsxvbn3jxDd16az2QpsX5B8O+llxjQ2SJE2i5Bzx38I=", source: "the plausible-analytics chart's values.yaml (its default totpVaultKey)")

    /// Plausible's TLS to a managed PostgreSQL: DATABASE_CACERTFILE turns it on in every v3 and
    /// checks the certificate against that CA; v3.0.1 reads no sslmode from DATABASE_URL.
    private static let postgresqlTLS = CommonQuestions.PostgreSQLTLSSupport(
        modes: [.verifyCA, .disable], defaultMode: .verifyCA,
        how: "verify-ca sets DATABASE_CACERTFILE to the CA of postgresql.caSecret, mounted, which turns TLS on in every Plausible v3; "
            + "rigger writes no sslmode into DATABASE_URL, which v3.0.1 doesn't read")

    private static let dependencyQuestions: [Question] = [
        CommonQuestions.mode(
            "postgresql", "PostgreSQL", managedExamples: "RDS, Cloud SQL",
            inClusterLabel: "run it in the cluster (CloudNativePG, installed by 30-prerequisites.sh)"),
    ] + CommonQuestions.managedPostgreSQL(app: "Plausible", defaultName: "plausible", tls: postgresqlTLS) + [
        Question(
            key: "postgresql.password", title: "PostgreSQL password",
            help: "The PostgreSQL password. Generated for the in-cluster server; for a managed one, the password it already has "
                + "(any characters: it is percent-encoded into DATABASE_URL). Not asked when plausible.existingSecret holds "
                + "DATABASE_URL for a managed server.",
            kind: .secret(SecretPolicy(length: 32, operatorSuppliedWhen: managed("postgresql"))),
            step: .dependencies, appliesWhen: .any(inCluster("postgresql"), riggerWritesTheEnvironment)),

        CommonQuestions.mode(
            "clickhouse", "ClickHouse", managedExamples: "ClickHouse Cloud, over HTTPS",
            inClusterLabel: "run it in the cluster (the official image, one node)"),
        Question(
            key: "clickhouse.host", title: "ClickHouse host", help: "The managed ClickHouse host, e.g. abc123.eu-west-1.aws.clickhouse.cloud.",
            kind: .text(.host), step: .dependencies, appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.port", title: "ClickHouse HTTPS port", help: "The managed ClickHouse's HTTPS port (8443 on ClickHouse Cloud).",
            kind: .int(1...65535), step: .dependencies, defaultValue: .value(.int(8443)), appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.database", title: "ClickHouse database",
            help: "The ClickHouse database Plausible writes events to; Plausible creates it when the user may.",
            kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string("plausible_events_db")), appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.user", title: "ClickHouse user", help: "The managed ClickHouse user Plausible connects as.",
            kind: .text(.userName), step: .dependencies, defaultValue: .value(.string("default")), appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.password", title: "ClickHouse password",
            help: "The ClickHouse password. Generated for the in-cluster ClickHouse; for a managed one, its password "
                + "(percent-encoded into CLICKHOUSE_DATABASE_URL). Not asked when plausible.existingSecret holds "
                + "CLICKHOUSE_DATABASE_URL for a managed server.",
            kind: .secret(SecretPolicy(
                length: 32, operatorSuppliedWhen: managed("clickhouse"),
                valueRules: SecretValueRules.password.with(characters: ClickHouseEntrypoint.passwordCharacters(appliesWhen: inCluster("clickhouse"))))),
            step: .dependencies, appliesWhen: .any(inCluster("clickhouse"), riggerWritesTheEnvironment)),
    ]

    private static let ingressQuestions = CommonQuestions.ingress(
        app: "Plausible", id: "plausible", nginxLabel: "ingress-nginx (30-prerequisites.sh installs it unless the cluster has one)",
        letsencryptLabel: "Let's Encrypt through cert-manager (30-prerequisites.sh installs it unless the cluster has one)")

    /// Who may create an account, asked with the mail that sends the invitations: where every
    /// app asks who may sign up.
    private static let emailQuestions = CommonQuestions.email(
        app: "Plausible", sends: "invitations, password resets, weekly and monthly reports", existingKey: nil,
        sharedExisting: environmentExisting.answers
    ) + [
        Question(
            key: "plausible.registration", title: "Who may register",
            help: "Who may create an account: invite-only (the first person to open the site registers, then only people "
                + "invited by email), open (anyone who reaches the site) or closed (nobody).",
            kind: .choice([
                Choice("invite-only", "the first person, then only people invited"),
                Choice("open", "anyone who can reach the site"),
                Choice("closed", "nobody: registration is closed"),
            ]),
            step: .email, defaultValue: .value(.string("invite-only"))),
    ]

    /// How Plausible's own answer keys changed between answers schema versions.
    static let answersMigrations = [
        // Version 2: `plausible.disableRegistration`, where `true` closed registration, became
        // `plausible.registration`, named for who may register.
        AnswersMigration(
            fromVersion: 1, renamedKeys: [(old: "plausible.disableRegistration", new: "plausible.registration")],
            renamedValues: [
                (key: "plausible.registration", old: "invite_only", new: "invite-only"),
                (key: "plausible.registration", old: "true", new: "closed"),
                (key: "plausible.registration", old: "false", new: "open"),
            ]),
    ]

    private static let sizingQuestions: [Question] = [
        CommonQuestions.sizing,
        CommonQuestions.storage("postgresql.storage", "PostgreSQL", "10Gi", appliesWhen: inCluster("postgresql")),
        CommonQuestions.storage("clickhouse.storage", "ClickHouse", "20Gi", appliesWhen: inCluster("clickhouse")),
    ]
}
