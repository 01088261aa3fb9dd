import Foundation
import RiggerCore

/// The questions for a Helicone install on the Supabase-based chart, in the order they are asked.
public enum HeliconeQuestions {
    /// The chart's version at the pinned commit; it is in no Helm repository, so the commit is what counts.
    public static let chartVersion = "0.0.1"
    /// The web (dashboard) and worker (proxy) images the chart's example pins; never `latest`.
    public static let webImageTag = "v2023.07.18.dev.0"
    public static let workerImageTag = "v2023.07.13"

    /// The scripts every Helicone bundle holds.
    public static let scriptPaths = [
        "install.sh", "scripts/00-preflight.sh", "scripts/10-namespace.sh", "scripts/20-secrets.sh",
        "scripts/30-prerequisites.sh", "scripts/40-install.sh", "scripts/50-verify.sh",
    ]

    /// Helicone's questions after `app`, in the order they are asked. Every secret, the common
    /// ones included, refuses the chart's published examples.
    public static let questions: [Question] = ([CommonQuestions.cloud] + clusterQuestions + dependencyQuestions + ingressQuestions
        + emailQuestions + sizingQuestions).map(refusingPublishedValues)

    /// The question, with the published examples refused when it is a secret that has no rules yet.
    private static func refusingPublishedValues(_ question: Question) -> Question {
        guard case .secret(let policy) = question.kind, policy.valueRules.published.isEmpty else { return question }
        return Question(
            key: question.key, title: question.title, help: question.help,
            kind: .secret(SecretPolicy(
                length: policy.length, format: policy.format, operatorSuppliedWhen: policy.operatorSuppliedWhen, existing: policy.existing,
                valueRules: HeliconePublishedValues.rules(policy.valueRules))),
            step: question.step, defaultValue: question.defaultValue, appliesWhen: question.appliesWhen, isOptional: question.isOptional)
    }

    private static func managed(_ dependency: String) -> Condition { CommonQuestions.managed(dependency) }
    private static func inCluster(_ dependency: String) -> Condition { CommonQuestions.inCluster(dependency) }

    /// A generated secret that refuses the chart's published examples and what `rules` refuses.
    private static func policy(
        length: Int, rules: SecretValueRules = .password, operatorSuppliedWhen: Condition? = nil, existing: ExistingSecretAnswers
    ) -> SecretPolicy {
        SecretPolicy(
            length: length, operatorSuppliedWhen: operatorSuppliedWhen, existing: existing, valueRules: HeliconePublishedValues.rules(rules))
    }

    // MARK: Cluster

    private static let jwtExisting = CommonQuestions.existingSecret(
        "helicone", named: "the JWT secret and API keys", for: "the JWT secret and the two API keys signed with it (under the keys JWT_SECRET, ANON_KEY and SERVICE_ROLE_KEY)",
        step: .cluster, defaultKey: nil)
    private static let realtimeExisting = CommonQuestions.existingSecret(
        "realtime", named: "Realtime's keys", for: "Realtime's two keys (under the keys SECRET_KEY_BASE and DB_ENC_KEY)", step: .cluster, defaultKey: nil)

    private static let clusterQuestions: [Question] = CommonQuestions.cluster(
        app: "Helicone", id: "helicone", chartVersion: chartVersion,
        chartHelp: "The Helicone chart version. The chart is in no Helm repository: 40-install.sh fetches it at commit 4289687, "
            + "whose version is 0.0.1 and for which rigger's values are written.",
        imageTag: webImageTag, imageExample: webImageTag
    ) + [
        Question(
            key: "helicone.workerImageTag", title: "Worker image tag",
            help: "The Helicone worker (the proxy your apps send requests through) image tag, pinned like the web image's, e.g. \(workerImageTag).",
            kind: .text(.imageTag(example: workerImageTag)), step: .cluster, defaultValue: .value(.string(workerImageTag))),
        CommonQuestions.allowVulnerable(pins: HeliconeAdvisories.pins, advisories: AdvisoryTable(SecurityAdvisories.shared + HeliconeAdvisories.all)),
        Question(
            key: "helicone.jwtIssuedAt", title: "API keys issued at",
            help: "When the two API keys (ANON_KEY, SERVICE_ROLE_KEY) were issued, in Unix seconds: the time the bundle was first made, "
                + "kept so that regenerating signs the same keys; --rotate helicone.jwtSecret issues new ones at the current time. "
                + "They are valid for 3652 days from then: keys already expired are refused, and a warning comes a year ahead.",
            kind: .int(1...4_102_444_800), step: .cluster,
            defaultValue: .firstGeneration(summary: "the time the bundle is first generated (SOURCE_DATE_EPOCH when set)") { now in
                .int(Int(now.timeIntervalSince1970))
            },
            // Kept from the first generation, reset by a rotation: nothing to decide on the way through.
            isAskedInWizard: false, valueReading: { $0.intValue.map(HeliconeKeyLifetime.moment) }),
    ] + jwtExisting.questions + [
        Question(
            key: "helicone.jwtSecret", title: "JWT secret",
            help: "The secret that signs every session and the two API keys, which rigger derives from it. "
                + "Generated (64 characters); a new one logs everyone out and replaces both keys.",
            kind: .secret(policy(length: 64, rules: SecretValueRules(minimumLength: 32), existing: jwtExisting.answers)), step: .cluster),
    ] + realtimeExisting.questions + [
        Question(
            key: "realtime.secretKeyBase", title: "Realtime key base",
            help: "Realtime's SECRET_KEY_BASE, which signs its sessions. Generated; never the chart example's published one.",
            kind: .secret(policy(length: 64, rules: SecretValueRules(minimumLength: 64), existing: realtimeExisting.answers)), step: .cluster),
        Question(
            key: "realtime.dbEncKey", title: "Realtime DB encryption key",
            help: "Realtime's DB_ENC_KEY, the AES-128 key that encrypts the database credentials it stores: exactly 16 bytes, "
                + "such as 16 letters and digits (an accented letter takes two). Generated; never the chart example's published one.",
            kind: .secret(policy(length: 16, rules: realtimeKeyRules, existing: realtimeExisting.answers)), step: .cluster),
    ]

    /// Realtime encrypts with AES-128 under DB_ENC_KEY as it is, so the key is counted in bytes:
    /// 16 characters of which some take two bytes in UTF-8 are no AES-128 key.
    private static let realtimeKeyRules = SecretValueRules(
        because: "Realtime uses it as its AES-128 key", exactBytes: 16)

    // MARK: Dependencies

    /// Why a managed PostgreSQL can't be used, shown when one is asked for.
    public static let managedPostgreSQLRefusal = "Helicone needs Supabase's Postgres extensions (pgjwt, pgsodium, pg_graphql, wal2json and "
        + "Supabase's own roles and schemas), which RDS and Cloud SQL lack; the chart runs Supabase's PostgreSQL image in the cluster"

    private static let postgresqlExisting = CommonQuestions.existingSecret(
        "postgresql", named: "the PostgreSQL user and password", for: "the PostgreSQL user and password (under the keys POSTGRES_USER and POSTGRES_PASSWORD)", step: .dependencies,
        defaultKey: nil)
    private static let clickhouseExisting = CommonQuestions.existingSecret(
        "clickhouse", named: "the ClickHouse user and password", for: "the ClickHouse user and password (under the keys CLICKHOUSE_USER and CLICKHOUSE_PASSWORD)", step: .dependencies,
        defaultKey: nil)

    /// The chart builds the database URLs of GoTrue, PostgREST, Storage, the functions and the
    /// web app as `postgres://USER:$(DB_PASSWORD)@…`, unencoded, and the database's init script
    /// reads the password back with `echo` into psql: only characters that mean nothing in a URL,
    /// or to echo, arrive intact everywhere. The password is the database's own, so any such one will do.
    static let postgresqlPasswordCharacters = SecretCharacters.unreserved(
        because: "Helicone's chart writes it unencoded into the postgres:// URLs of GoTrue, PostgREST, Storage, the functions and "
            + "the web app, and its init script echoes it into psql")
    private static let postgresqlPasswordRules = SecretValueRules.password.with(characters: postgresqlPasswordCharacters)

    private static let dependencyQuestions: [Question] = [
        Question(
            key: "postgresql.mode", title: "PostgreSQL hosting",
            help: "Only in the cluster, on Supabase's image: a managed PostgreSQL (RDS, Cloud SQL) is refused, since it lacks the "
                + "extensions Supabase needs.",
            kind: .choice([
                Choice("in-cluster", "Supabase's PostgreSQL in the cluster (the chart runs it)"),
                .refused("managed", "a managed service: RDS, Cloud SQL", because: managedPostgreSQLRefusal),
            ]),
            step: .dependencies, defaultValue: .value(.string("in-cluster"))),
    ] + postgresqlExisting.questions + [
        Question(
            key: "postgresql.password", title: "PostgreSQL password",
            help: "The password of the postgres user and of every Supabase role (the database's init scripts give them all this one): "
                + "letters, digits and - . _ ~ only, since the chart puts it unencoded into the components' database URLs. "
                + "Generated; the database keeps it in its volume from the first start, so rotating it needs ALTER USER too.",
            kind: .secret(policy(length: 32, rules: postgresqlPasswordRules, existing: postgresqlExisting.answers)), step: .dependencies),

        CommonQuestions.mode("clickhouse", "ClickHouse", managedExamples: "ClickHouse Cloud, Altinity.Cloud", inClusterLabel: "run it in the cluster (the chart runs it)"),
        Question(
            key: "clickhouse.host", title: "ClickHouse host", help: "The managed ClickHouse host, e.g. abc123.us-east-1.aws.clickhouse.cloud.",
            kind: .text(.host), step: .dependencies, appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.secure", title: "ClickHouse TLS", help: "Whether Helicone reaches the managed ClickHouse's HTTP interface over HTTPS.",
            kind: .bool, step: .dependencies, defaultValue: .value(.bool(true)), appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.port", title: "ClickHouse port",
            help: "The managed ClickHouse's HTTP(S) port: Helicone speaks ClickHouse's HTTP interface, not the native protocol.",
            kind: .int(1...65535), step: .dependencies,
            defaultValue: .derived(summary: "8443 with clickhouse.secure, otherwise 8123") { answers in
                .int(answers["clickhouse.secure"]?.boolValue == false ? 8123 : 8443)
            },
            appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.user", title: "ClickHouse user",
            help: "The ClickHouse user Helicone connects as. In the cluster, ClickHouse is started with this user instead of its "
                + "password-less 'default' (so it must start with a letter or '_': it names an element of ClickHouse's users XML); "
                + "a managed one must already have it.",
            kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string("helicone"))),
    ] + clickhouseExisting.questions + [
        Question(
            key: "clickhouse.password", title: "ClickHouse password",
            help: "The ClickHouse password. Generated for the in-cluster ClickHouse (never the README's published 'default'); for a managed one, its password.",
            kind: .secret(SecretPolicy(
                length: 32, operatorSuppliedWhen: managed("clickhouse"), existing: clickhouseExisting.answers,
                valueRules: SecretValueRules.password.with(characters: ClickHouseEntrypoint.passwordCharacters(appliesWhen: inCluster("clickhouse"))))),
            step: .dependencies),
    ]

    // MARK: Ingress

    private static func hostQuestion(_ key: String, _ title: String, label: String, what: String, appliesWhen: Condition) -> Question {
        Question(
            key: key, title: title,
            help: "The DNS name of \(what), e.g. \(label).example.com. It defaults to '\(label).' under the web host's domain "
                + "(helicone.example.com gives \(label).example.com), or under the web host itself when that is an apex such as "
                + "example.com or example.co.uk: never on a top-level domain or public suffix.",
            kind: .text(.dnsName), step: .ingress,
            defaultValue: .derived(summary: "\(label).<the domain of ingress.hostname, or ingress.hostname itself when it is an apex>") { answers in
                answers.text("ingress.hostname").map { .string(HeliconeHosts.derived(label, web: $0)) }
            },
            // Optional only so that a missing ingress.hostname is reported once, not again for each
            // host derived from it: with it answered, each has a value.
            appliesWhen: appliesWhen, isOptional: true)
    }

    private static let served = Condition.when("ingress.type", isNot: "none")

    private static let ingressQuestions: [Question] = CommonQuestions.ingress(
        app: "Helicone", id: "helicone", nginxLabel: "ingress-nginx, installed by 30-prerequisites.sh",
        letsencryptLabel: "Let's Encrypt through cert-manager (installed by 30-prerequisites.sh)"
    ) + [
        hostQuestion("helicone.apiHostname", "API host", label: "api", what: "the Supabase API (Kong): sign-in and the dashboard's data", appliesWhen: served),
        hostQuestion("helicone.workerHostname", "Proxy host", label: "oai", what: "the Helicone proxy (worker) your apps send LLM requests through", appliesWhen: served),
        Question(
            key: "helicone.studio", title: "Supabase Studio",
            help: "Whether to run Supabase Studio, the database admin UI. It has no login of its own and holds the admin key: with an "
                + "ingress, anyone who reaches its host can read and change every table. Off unless you need it.",
            kind: .bool, step: .ingress, defaultValue: .value(.bool(false))),
        hostQuestion(
            "helicone.studioHostname", "Studio host", label: "studio", what: "Supabase Studio (the database admin UI)",
            appliesWhen: .all(served, .enabled("helicone.studio"))),
    ]

    // MARK: Email

    private static let emailQuestions = CommonQuestions.email(
        app: "Helicone", sends: "sign-up confirmations, invitations and password resets, sent by Supabase's GoTrue", existingKey: nil,
        existingHolds: "the SMTP user name and password (under the keys SMTP_USERNAME and SMTP_PASSWORD)"
    ) + [
        Question(
            key: "helicone.signup", title: "Open sign-up",
            help: "Whether anyone who reaches the web host can create an account. Turn it off once your team has signed up. "
                + "With mail off, new accounts are confirmed without an email.",
            kind: .bool, step: .email, defaultValue: .value(.bool(true))),
    ]

    // MARK: Sizing

    private static let sizingQuestions: [Question] = [
        CommonQuestions.sizing,
        CommonQuestions.storage("postgresql.storage", "PostgreSQL", "10Gi", appliesWhen: inCluster("postgresql")),
        CommonQuestions.storage("clickhouse.storage", "ClickHouse", "20Gi", appliesWhen: inCluster("clickhouse")),
        CommonQuestions.storage("fileStorage.storage", "File storage", "10Gi", appliesWhen: .always),
    ]
}
