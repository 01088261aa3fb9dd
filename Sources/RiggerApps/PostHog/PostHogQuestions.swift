import RiggerCore

/// The questions for a PostHog install on its Helm chart, in the order they are asked.
public enum PostHogQuestions {
    /// The chart release rigger targets: 30.46.0 is the chart's last release.
    public static let chartVersion = "30.46.0"
    /// The PostHog image that chart release ships (its appVersion); never `latest`.
    public static let imageTag = "release-1.43.0"

    /// The dependencies that can be managed services or run in the cluster.
    public static let dependencies = ["postgresql", "redis", "kafka", "clickhouse"]

    /// The scripts every PostHog bundle holds.
    public static let scriptPaths = [
        "install.sh", "scripts/00-preflight.sh", "scripts/10-namespace.sh", "scripts/20-secrets.sh",
        "scripts/30-prerequisites.sh", "scripts/40-install.sh", "scripts/50-verify.sh",
    ]

    /// PostHog's questions after `app`, in the order they are asked.
    public static let questions: [Question] = [CommonQuestions.cloud] + clusterQuestions + dependencyQuestions + [allowVulnerable]
        + ingressQuestions + emailQuestions + sizingQuestions

    /// Asked on the Cluster page, but declared after the answers that pin a version (the image
    /// tag, ClickHouse's, and the choice of the chart's Redis), since it applies only when one of them has a
    /// known advisory.
    private static let allowVulnerable = CommonQuestions.allowVulnerable(
        pins: [
            CommonQuestions.PinnedVersion(key: "image.tag", component: PostHogAdvisories.component),
            CommonQuestions.PinnedVersion(key: "clickhouse.version", component: SecurityAdvisories.clickHouse) { answers in
                answers.text("clickhouse.mode") == "in-cluster" ? answers.text("clickhouse.version") : nil
            },
            CommonQuestions.PinnedVersion(key: "redis.server", component: PostHogAdvisories.redis) { answers in
                answers.text("redis.mode") == "in-cluster" && answers.text("redis.server") == PostHogPlan.RedisServer.chart.rawValue
                    ? PostHogImages.redis.tag : nil
            },
        ],
        advisories: AdvisoryTable(SecurityAdvisories.shared + PostHogAdvisories.all))

    private static func managed(_ dependency: String) -> Condition { CommonQuestions.managed(dependency) }
    private static func inCluster(_ dependency: String) -> Condition { CommonQuestions.inCluster(dependency) }
    private static func mode(
        _ dependency: String, _ service: String, managedExamples: String, inClusterLabel: String = "run it in the cluster (the chart installs it)"
    ) -> Question {
        CommonQuestions.mode(dependency, service, managedExamples: managedExamples, inClusterLabel: inClusterLabel)
    }

    private static let clusterQuestions: [Question] = CommonQuestions.cluster(
        app: "PostHog", id: "posthog", chartVersion: chartVersion,
        chartHelp: "The PostHog Helm chart version to install. 30.46.0 is the chart's last release and the one rigger's values are written for.",
        imageTag: imageTag, imageExample: imageTag
    ) + secretKeyExisting.questions + [
        Question(
            key: "posthog.secretKey", title: "PostHog secret key",
            help: "Django's SECRET_KEY, which signs sessions. Kept across upgrades; a new one logs every user out.",
            kind: .secret(SecretPolicy(length: 64, existing: secretKeyExisting.answers, valueRules: secretKeyRules)), step: .cluster),
    ]

    /// Django's SECRET_KEY: its deployment check (`manage.py check --deploy`, security.W009) warns
    /// of one shorter than 50 characters as too weak to sign sessions with, so a password's 16
    /// is not enough. rigger generates 64.
    private static let secretKeyRules = SecretValueRules(
        minimumLength: 50, because: "Django's deployment check warns of a SECRET_KEY shorter than 50 characters as too weak to sign sessions")

    private static let secretKeyExisting = CommonQuestions.existingSecret(
        "posthog", named: "the PostHog secret key", for: "the PostHog secret key", step: .cluster, defaultKey: PostHogSecrets.secretKeyDataKey)
    private static let postgresqlExisting = CommonQuestions.existingSecret(
        "postgresql", named: "the PostgreSQL password", for: "the PostgreSQL password (in the cluster, under the fixed key postgresql-password)", step: .dependencies,
        defaultKey: PostHogSecrets.postgresqlPasswordKey, keyAppliesWhen: managed("postgresql"))
    private static let redisPasswordApplies = Condition.any(inCluster("redis"), .enabled("redis.auth"))
    private static let redisExisting = CommonQuestions.existingSecret(
        "redis", named: "the Redis password", for: "the Redis password (and, with redis.tls, the whole rediss:// URL under the key redis-url)", step: .dependencies,
        appliesWhen: redisPasswordApplies, defaultKey: PostHogSecrets.redisPasswordKey)
    private static let clickhouseExisting = CommonQuestions.existingSecret(
        "clickhouse", named: "the ClickHouse password", for: "the ClickHouse password", step: .dependencies, defaultKey: PostHogSecrets.clickhousePasswordKey)
    private static let objectStorageExisting = CommonQuestions.existingSecret(
        "objectStorage", named: "the bucket's keys", for: "the access key ID and secret access key (under the keys root-user and root-password)", step: .dependencies,
        appliesWhen: .when("objectStorage.mode", isNot: "none"), defaultKey: nil)

    /// Without REDIS_URL, PostHog (1.43) builds `redis://:PASSWORD@host:port/` from the password
    /// unencoded; with TLS rigger writes that URL itself, percent-encoded, so any password works.
    static let redisPasswordCharacters = SecretCharacters.unreserved(
        because: "PostHog writes it unencoded into the redis:// URL it builds; with redis.tls, rigger writes that URL percent-encoded "
            + "and takes any password",
        appliesWhen: Condition(summary: "redis.tls is not true", keys: ["redis.tls"]) { $0["redis.tls"]?.boolValue != true })
    /// The chart's init container in every PostHog pod waits for the in-cluster ClickHouse with
    /// `wget "http://$CLICKHOUSE_USER:$CLICKHOUSE_PASSWORD@…"`, unencoded; a managed one is never called so.
    static let clickhousePasswordCharacters = SecretCharacters.unreserved(
        because: "the chart's wait-for-service-dependencies init container puts it unencoded into an http:// URL for wget",
        appliesWhen: CommonQuestions.inCluster("clickhouse"))

    /// PostHog's pods reach PostgreSQL through the chart's PgBouncer, and its migration job
    /// directly: each is told the mode and the CA (see PostHogPostgreSQLTLS).
    private static let postgresqlTLS = CommonQuestions.PostgreSQLTLSSupport(
        modes: [.verifyFull, .verifyCA, .require, .disable], defaultMode: .verifyCA,
        how: "PgBouncer's server_tls_sslmode and server_tls_ca_file, and PGSSLMODE and PGSSLROOTCERT for the migration job, "
            + "which connects directly; the CA of postgresql.caSecret is mounted into both")

    private static let dependencyQuestions: [Question] = [
        mode("postgresql", "PostgreSQL", managedExamples: "RDS, Cloud SQL"),
    ] + CommonQuestions.managedPostgreSQL(app: "PostHog", defaultName: "posthog", tls: postgresqlTLS) + postgresqlExisting.questions + [
        Question(
            key: "postgresql.password", title: "PostgreSQL password",
            help: "The PostgreSQL password. Generated for the in-cluster server; for a managed one, the password the server already has.",
            kind: .secret(SecretPolicy(length: 32, operatorSuppliedWhen: managed("postgresql"), existing: postgresqlExisting.answers)),
            step: .dependencies),

        // Which Redis runs in the cluster is the next question: rigger's own, unless a bundle kept the chart's.
        mode("redis", "Redis", managedExamples: "ElastiCache, Memorystore", inClusterLabel: "run it in the cluster (see Redis server)"),
        Question(
            key: "redis.server", title: "Redis server",
            help: "Which Redis runs in the cluster. rigger: rigger's own, on the official redis image (\(PostHogRedis.image.tag)), with a "
                + "password, a volume and probes, run as a non-root user. chart: the chart's Bitnami subchart, whose image is frozen at "
                + "Redis 6.2.7 (CVE-2025-49844, critical); bundles written before rigger ran its own keep it until moved.",
            kind: .choice([
                Choice("rigger", "rigger's own Redis on the official image"),
                Choice("chart", "the chart's Bitnami Redis 6.2.7 (known critical advisory)"),
            ]),
            step: .dependencies, defaultValue: .value(.string(PostHogPlan.RedisServer.rigger.rawValue)), appliesWhen: inCluster("redis")),
        Question(
            key: "redis.host", title: "Redis host", help: "The managed Redis endpoint, e.g. the ElastiCache primary endpoint.",
            kind: .text(.host), step: .dependencies, appliesWhen: managed("redis")),
        Question(
            key: "redis.port", title: "Redis port", help: "The managed Redis port.",
            kind: .int(1...65535), step: .dependencies, defaultValue: .value(.int(6379)), appliesWhen: managed("redis")),
        Question(
            key: "redis.auth", title: "Redis password auth",
            help: "Whether the managed Redis asks for a password (AUTH). In the cluster, Redis always has one.",
            kind: .bool, step: .dependencies, defaultValue: .value(.bool(true)), appliesWhen: managed("redis")),
        Question(
            key: "redis.tls", title: "Redis TLS",
            help: "Whether to reach the managed Redis over TLS (rediss://). ElastiCache with an AUTH token requires it; "
                + "PostHog then reads REDIS_URL, which rigger writes into the Redis Secret with the password percent-encoded.",
            kind: .bool, step: .dependencies, defaultValue: .value(.bool(false)), appliesWhen: managed("redis")),
        Question(
            key: "redis.caSecret", title: "Redis CA",
            help: "A Secret in the namespace whose key ca.crt holds the CA of a managed Redis whose certificate no public CA signs: "
                + "Memorystore's server CA, which the bundle's README says how to fetch. "
                + "Every PostHog pod mounts it: Python reads it through REDIS_URL's ssl_ca_certs, the plugin server through "
                + "NODE_EXTRA_CA_CERTS. Empty: the system's CAs, which sign ElastiCache's. The certificate is checked either way.",
            kind: .text(.kubernetesName), step: .dependencies, appliesWhen: .all(managed("redis"), .enabled("redis.tls")), isOptional: true,
            whenEmpty: "(the system's trusted CAs)"),
    ] + redisExisting.questions + [
        Question(
            key: "redis.password", title: "Redis password",
            help: "The Redis password. Generated for the in-cluster Redis; for a managed one, its AUTH token. Without redis.tls, only "
                + "letters, digits and - . _ ~, since PostHog puts it unencoded into the redis:// URL it builds.",
            kind: .secret(SecretPolicy(
                length: 32, operatorSuppliedWhen: managed("redis"), existing: redisExisting.answers,
                valueRules: SecretValueRules.password.with(characters: redisPasswordCharacters))),
            step: .dependencies, appliesWhen: redisPasswordApplies),

        mode("kafka", "Kafka", managedExamples: "MSK, Confluent"),
        Question(
            key: "kafka.brokers", title: "Kafka brokers", help: "The managed Kafka bootstrap brokers as host:port, separated by commas.",
            kind: .text(.brokerList), step: .dependencies, appliesWhen: managed("kafka")),
        Question(
            key: "kafka.tls", title: "Kafka TLS", help: "Whether to connect to the managed Kafka brokers over TLS (MSK's TLS listener is port 9094).",
            kind: .bool, step: .dependencies, defaultValue: .value(.bool(false)), appliesWhen: managed("kafka")),

        mode("clickhouse", "ClickHouse", managedExamples: "ClickHouse Cloud, Altinity.Cloud"),
        Question(
            key: "clickhouse.version", title: "ClickHouse version",
            help: "The clickhouse-server image tag the operator runs. \(PostHogClickHouse.version), the last release of the 23.8 LTS line, "
                + "has every fix of ClickHouse's advisories for it; the chart's own 23.9.2.56 is in the range of CVE-2024-6873, which no "
                + "23.9 release fixes. Bundles written before keep 23.9.2.56 until moved.",
            kind: .text(.imageTag(example: PostHogClickHouse.version)), step: .dependencies,
            defaultValue: .value(.string(PostHogClickHouse.version)), appliesWhen: inCluster("clickhouse")),
        Question(
            key: "clickhouse.host", title: "ClickHouse host", help: "The managed ClickHouse host.",
            kind: .text(.host), step: .dependencies, appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.cluster", title: "ClickHouse cluster", help: "The ClickHouse cluster name PostHog creates its tables on.",
            kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string("posthog"))),
        Question(
            key: "clickhouse.database", title: "ClickHouse database", help: "The ClickHouse database PostHog uses.",
            kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string("posthog"))),
        Question(
            key: "clickhouse.user", title: "ClickHouse user", help: "The ClickHouse user PostHog connects as.",
            kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string("admin"))),
        Question(
            key: "clickhouse.secure", title: "ClickHouse TLS", help: "Whether to connect to the managed ClickHouse over TLS.",
            kind: .bool, step: .dependencies, defaultValue: .value(.bool(false)), appliesWhen: managed("clickhouse")),
        Question(
            key: "clickhouse.verify", title: "Verify ClickHouse certificate", help: "Whether to verify the managed ClickHouse's TLS certificate.",
            kind: .bool, step: .dependencies, defaultValue: .value(.bool(false)),
            appliesWhen: .all(managed("clickhouse"), .enabled("clickhouse.secure"))),
    ] + clickhouseExisting.questions + [
        Question(
            key: "clickhouse.password", title: "ClickHouse password",
            help: "The ClickHouse password. Generated for the in-cluster ClickHouse (never the chart's published default); one you give "
                + "it may hold only letters, digits and - . _ ~, since the chart puts it unencoded into a URL. For a managed one, its password.",
            kind: .secret(SecretPolicy(
                length: 32, operatorSuppliedWhen: managed("clickhouse"), existing: clickhouseExisting.answers,
                valueRules: SecretValueRules.password.with(characters: clickhousePasswordCharacters))),
            step: .dependencies),

        Question(
            key: "objectStorage.mode", title: "Object storage",
            help: "Where PostHog keeps session recordings and exports: nowhere extra, MinIO in the cluster, or a managed S3-compatible bucket.",
            kind: .choice([
                Choice("none", "no object storage"), Choice("in-cluster", "MinIO in the cluster"),
                Choice("managed", "a managed bucket: S3, GCS, R2"),
            ]),
            step: .dependencies, defaultValue: .value(.string("none"))),
        Question(
            key: "objectStorage.endpoint", title: "Object storage endpoint", help: "The S3-compatible endpoint URL, e.g. https://s3.us-east-1.amazonaws.com.",
            kind: .text(.endpointURL), step: .dependencies, appliesWhen: .when("objectStorage.mode", is: "managed")),
        Question(
            key: "objectStorage.bucket", title: "Bucket", help: "The managed bucket PostHog writes to; it must exist. (In the cluster, MinIO's bucket is always 'posthog'.)",
            kind: .text(.bucketName), step: .dependencies, appliesWhen: .when("objectStorage.mode", is: "managed")),
        Question(
            key: "objectStorage.region", title: "Bucket region", help: "The bucket's region (AWS).",
            kind: .text(.region), step: .dependencies, appliesWhen: .when("objectStorage.mode", is: "managed"), isOptional: true),
    ] + objectStorageExisting.questions + [
        Question(
            key: "objectStorage.accessKeyId", title: "Access key ID",
            help: "The access key ID for the bucket. Generated as MinIO's root user in the cluster.",
            kind: .secret(SecretPolicy(
                length: 20, operatorSuppliedWhen: .when("objectStorage.mode", is: "managed"), existing: objectStorageExisting.answers,
                // A key ID names the key and is no password; MinIO takes root users of 3 characters.
                valueRules: SecretValueRules(minimumLength: 3))),
            step: .dependencies, appliesWhen: .when("objectStorage.mode", isNot: "none")),
        Question(
            key: "objectStorage.secretAccessKey", title: "Secret access key",
            help: "The secret access key for the bucket. Generated as MinIO's root password in the cluster.",
            kind: .secret(SecretPolicy(
                length: 40, operatorSuppliedWhen: .when("objectStorage.mode", is: "managed"), existing: objectStorageExisting.answers)),
            step: .dependencies, appliesWhen: .when("objectStorage.mode", isNot: "none")),
    ]

    private static let ingressQuestions = CommonQuestions.ingress(
        app: "PostHog", id: "posthog", nginxLabel: "ingress-nginx, installed by 30-prerequisites.sh",
        letsencryptLabel: "Let's Encrypt through cert-manager (installed by 30-prerequisites.sh)")

    private static let emailQuestions = CommonQuestions.email(
        app: "PostHog", sends: "invites, password resets, alerts", existingKey: PostHogSecrets.smtpPasswordKey)

    private static let sizingQuestions: [Question] = [
        CommonQuestions.sizing,
        CommonQuestions.storage("postgresql.storage", "PostgreSQL", "10Gi", appliesWhen: inCluster("postgresql")),
        CommonQuestions.storage("redis.storage", "Redis", "5Gi", appliesWhen: inCluster("redis")),
        CommonQuestions.storage("kafka.storage", "Kafka", "20Gi", appliesWhen: inCluster("kafka")),
        CommonQuestions.storage("clickhouse.storage", "ClickHouse", "20Gi", appliesWhen: inCluster("clickhouse")),
        CommonQuestions.storage("zookeeper.storage", "ZooKeeper", "8Gi", appliesWhen: .any(inCluster("kafka"), inCluster("clickhouse"))),
        CommonQuestions.storage("objectStorage.storage", "MinIO", "10Gi", appliesWhen: .when("objectStorage.mode", is: "in-cluster")),
    ]
}
