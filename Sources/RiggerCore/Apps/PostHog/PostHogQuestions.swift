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

    public static let catalog = QuestionCatalog(appQuestions + clusterQuestions + dependencyQuestions + ingressQuestions + emailQuestions + sizingQuestions)

    private static func managed(_ dependency: String) -> Condition { .when("\(dependency).mode", is: "managed") }
    private static func inCluster(_ dependency: String) -> Condition { .when("\(dependency).mode", is: "in-cluster") }

    /// The answers that read a secret from a Secret already in the cluster: its name, and its data
    /// key unless the chart fixes it. They apply when the secret does.
    private static func existingSecret(
        _ prefix: String, for secret: String, step: WizardStep, appliesWhen: Condition = .always, defaultKey: String?,
        keyAppliesWhen: Condition = .always
    ) -> (questions: [Question], answers: ExistingSecretAnswers) {
        var questions = [
            Question(
                key: "\(prefix).existingSecret", title: "Existing Secret",
                help: "The name of a Secret already in the namespace to read \(secret) from, instead of one rigger writes. "
                    + "rigger then neither generates nor stores the value; 00-preflight.sh checks that the Secret is there.",
                kind: .text(.kubernetesName), step: step, appliesWhen: appliesWhen, isOptional: true),
        ]
        if let defaultKey {
            questions.append(Question(
                key: "\(prefix).existingSecretKey", title: "Key in the Secret",
                help: "The key in the existing Secret that holds \(secret).",
                kind: .text(.secretDataKey), step: step, defaultValue: .value(.string(defaultKey)),
                appliesWhen: .all(appliesWhen, keyAppliesWhen, .answered("\(prefix).existingSecret"))))
        }
        return (questions, ExistingSecretAnswers(name: "\(prefix).existingSecret", dataKey: defaultKey == nil ? nil : "\(prefix).existingSecretKey"))
    }

    private static func mode(_ dependency: String, _ service: String, managedExamples: String) -> Question {
        Question(
            key: "\(dependency).mode", title: "\(service)",
            help: "Run \(service) in the cluster (the chart installs it) or use a managed service (\(managedExamples)).",
            kind: .choice([Choice("in-cluster", "run it in the cluster"), Choice("managed", "a managed service: \(managedExamples)")]),
            step: .dependencies, defaultValue: .value(.string("in-cluster")))
    }

    private static let appQuestions: [Question] = [
        Question(
            key: "app", title: "App", help: "The analytics app to install. PostHog, on its Helm chart.",
            kind: .choice([Choice("posthog", "PostHog product analytics")]), step: .app,
            defaultValue: .value(.string("posthog"))),
        Question(
            key: "cloud", title: "Cloud",
            help: "Where the Kubernetes cluster runs: GKE on Google Cloud, EKS on AWS, or anything else (kind, k3s, on-premises).",
            kind: .choice([Choice("gcp", "Google Cloud (GKE)"), Choice("aws", "Amazon Web Services (EKS)"), Choice("other", "another cluster")]),
            step: .app),
    ]

    private static let clusterQuestions: [Question] = [
        Question(
            key: "kubeContext", title: "Kube context",
            help: "The kubeconfig context of the target cluster. When set, the scripts refuse to run against any other context.",
            kind: .text(.kubeContext), step: .cluster, isOptional: true),
        Question(
            key: "namespace", title: "Namespace", help: "The Kubernetes namespace PostHog is installed into.",
            kind: .text(.dnsLabel(maxLength: 63)), step: .cluster, defaultValue: .value(.string("posthog"))),
        Question(
            key: "release", title: "Release name",
            help: "The Helm release name. It must stay the same for every upgrade: a new name is a new install.",
            kind: .text(.dnsLabel(maxLength: 53)), step: .cluster, defaultValue: .value(.string("posthog"))),
        Question(
            key: "chart.version", title: "Chart version",
            help: "The PostHog Helm chart version to install. 30.46.0 is the chart's last release and the one rigger's values are written for.",
            kind: .text(.semanticVersion), step: .cluster, defaultValue: .value(.string(chartVersion))),
        Question(
            key: "image.tag", title: "PostHog image tag",
            help: "The PostHog image tag, pinned so that a pod restart never changes the version (never 'latest').",
            kind: .text(.imageTag), step: .cluster, defaultValue: .value(.string(imageTag))),
        Question(
            key: "storageClass", title: "Storage class",
            help: "The storage class for every volume rigger sizes. Empty uses the cluster's default storage class.",
            kind: .text(.kubernetesName), step: .cluster, isOptional: true),
    ] + secretKeyExisting.questions + [
        Question(
            key: "posthog.secretKey", title: "PostHog secret key",
            help: "Django's SECRET_KEY, which signs sessions. Kept across upgrades; a new one logs every user out.",
            kind: .secret(SecretPolicy(length: 64, existing: secretKeyExisting.answers)), step: .cluster),
    ]

    private static let secretKeyExisting = existingSecret(
        "posthog", for: "the PostHog secret key", step: .cluster, defaultKey: PostHogSecrets.secretKeyDataKey)
    private static let postgresqlExisting = existingSecret(
        "postgresql", for: "the PostgreSQL password (in the cluster, under the fixed key postgresql-password)", step: .dependencies,
        defaultKey: PostHogSecrets.postgresqlPasswordKey, keyAppliesWhen: managed("postgresql"))
    private static let redisPasswordApplies = Condition.any(inCluster("redis"), .enabled("redis.auth"))
    private static let redisExisting = existingSecret(
        "redis", for: "the Redis password", step: .dependencies, appliesWhen: redisPasswordApplies, defaultKey: PostHogSecrets.redisPasswordKey)
    private static let clickhouseExisting = existingSecret(
        "clickhouse", for: "the ClickHouse password", step: .dependencies, defaultKey: PostHogSecrets.clickhousePasswordKey)
    private static let objectStorageExisting = existingSecret(
        "objectStorage", for: "the access key ID and secret access key (under the keys root-user and root-password)", step: .dependencies,
        appliesWhen: .when("objectStorage.mode", isNot: "none"), defaultKey: nil)
    private static let emailPasswordApplies = Condition.all(.enabled("email.enabled"), .answered("email.user"))
    private static let emailExisting = existingSecret(
        "email", for: "the SMTP password", step: .email, appliesWhen: emailPasswordApplies, defaultKey: PostHogSecrets.smtpPasswordKey)

    private static let dependencyQuestions: [Question] = [
        mode("postgresql", "PostgreSQL", managedExamples: "RDS, Cloud SQL"),
        Question(
            key: "postgresql.host", title: "PostgreSQL host", help: "The managed PostgreSQL endpoint, e.g. the RDS instance's address.",
            kind: .text(.host), step: .dependencies, appliesWhen: managed("postgresql")),
        Question(
            key: "postgresql.port", title: "PostgreSQL port", help: "The managed PostgreSQL port.",
            kind: .int(1...65535), step: .dependencies, defaultValue: .value(.int(5432)), appliesWhen: managed("postgresql")),
        Question(
            key: "postgresql.database", title: "PostgreSQL database", help: "The database PostHog uses; it must exist on the managed server.",
            kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string("posthog")), appliesWhen: managed("postgresql")),
        Question(
            key: "postgresql.username", title: "PostgreSQL user", help: "The user PostHog connects as; it must own the database.",
            kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string("posthog")), appliesWhen: managed("postgresql")),
    ] + postgresqlExisting.questions + [
        Question(
            key: "postgresql.password", title: "PostgreSQL password",
            help: "The PostgreSQL password. Generated for the in-cluster server; for a managed one, the password the server already has.",
            kind: .secret(SecretPolicy(length: 32, operatorSuppliedWhen: managed("postgresql"), existing: postgresqlExisting.answers)),
            step: .dependencies),

        mode("redis", "Redis", managedExamples: "ElastiCache, Memorystore"),
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
    ] + redisExisting.questions + [
        Question(
            key: "redis.password", title: "Redis password",
            help: "The Redis password. Generated for the in-cluster Redis; for a managed one, its AUTH token.",
            kind: .secret(SecretPolicy(length: 32, operatorSuppliedWhen: managed("redis"), existing: redisExisting.answers)),
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
            help: "The ClickHouse password. Generated for the in-cluster ClickHouse (never the chart's published default); for a managed one, its password.",
            kind: .secret(SecretPolicy(length: 32, operatorSuppliedWhen: managed("clickhouse"), existing: clickhouseExisting.answers)),
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
                length: 20, operatorSuppliedWhen: .when("objectStorage.mode", is: "managed"), existing: objectStorageExisting.answers)),
            step: .dependencies, appliesWhen: .when("objectStorage.mode", isNot: "none")),
        Question(
            key: "objectStorage.secretAccessKey", title: "Secret access key",
            help: "The secret access key for the bucket. Generated as MinIO's root password in the cluster.",
            kind: .secret(SecretPolicy(
                length: 40, operatorSuppliedWhen: .when("objectStorage.mode", is: "managed"), existing: objectStorageExisting.answers)),
            step: .dependencies, appliesWhen: .when("objectStorage.mode", isNot: "none")),
    ]

    private static let ingressQuestions: [Question] = [
        Question(
            key: "ingress.type", title: "Ingress",
            help: "How traffic reaches PostHog: a Google Cloud load balancer (GKE), ingress-nginx installed by the chart, an ingress controller the cluster already has, or no ingress.",
            kind: .choice([
                Choice("gcp-clb", "Google Cloud load balancer (GKE ingress)", availableWhen: .when("cloud", is: "gcp")),
                Choice("nginx", "ingress-nginx, installed with PostHog"),
                Choice("existing", "an ingress controller already in the cluster"),
                Choice("none", "no ingress (port-forward or your own)"),
            ]),
            step: .ingress,
            defaultValue: .derived(summary: "gcp-clb when cloud is gcp, otherwise nginx") { answers in
                .string(answers.text("cloud") == "gcp" ? "gcp-clb" : "nginx")
            }),
        Question(
            key: "ingress.hostname", title: "Hostname",
            help: "The DNS name PostHog is served on, e.g. posthog.example.com. You create its DNS record after the install.",
            kind: .text(.dnsName), step: .ingress, appliesWhen: .when("ingress.type", isNot: "none")),
        Question(
            key: "ingress.className", title: "Ingress class",
            help: "The IngressClass of the controller already in the cluster.",
            kind: .text(.kubernetesName), step: .ingress, defaultValue: .value(.string("nginx")),
            appliesWhen: .when("ingress.type", is: "existing")),
        Question(
            key: "ingress.staticIpName", title: "Static IP name",
            help: "The name of the global static IP address for the Google load balancer; 30-prerequisites.sh creates it.",
            kind: .text(.gcpResourceName), step: .ingress, defaultValue: .value(.string("posthog")),
            appliesWhen: .when("ingress.type", is: "gcp-clb")),
        Question(
            key: "ingress.tls", title: "TLS",
            help: "How the HTTPS certificate is obtained: Google-managed (GKE load balancer), Let's Encrypt through cert-manager, an existing TLS Secret, or plain HTTP.",
            kind: .choice([
                Choice("gcp-managed", "a Google-managed certificate", availableWhen: .when("ingress.type", is: "gcp-clb")),
                Choice("letsencrypt", "Let's Encrypt through cert-manager (installed with PostHog)", availableWhen: .when("ingress.type", is: "nginx")),
                Choice("secret", "a TLS Secret already in the namespace"),
                Choice("none", "no TLS (plain HTTP)"),
            ]),
            step: .ingress,
            defaultValue: .derived(summary: "gcp-managed with gcp-clb, letsencrypt with nginx, none with existing") { answers in
                switch answers.text("ingress.type") {
                case "gcp-clb": return .string("gcp-managed")
                case "nginx": return .string("letsencrypt")
                default: return .string("none")
                }
            },
            appliesWhen: .when("ingress.type", isNot: "none")),
        Question(
            key: "ingress.letsencryptEmail", title: "Let's Encrypt email",
            help: "The address Let's Encrypt writes to about expiring certificates.",
            kind: .text(.email), step: .ingress, appliesWhen: .when("ingress.tls", is: "letsencrypt")),
        Question(
            key: "ingress.tlsSecretName", title: "TLS Secret",
            help: "The name of the kubernetes.io/tls Secret in the namespace that holds the certificate for the hostname.",
            kind: .text(.kubernetesName), step: .ingress, appliesWhen: .when("ingress.tls", is: "secret")),
    ]

    private static let emailQuestions: [Question] = [
        Question(
            key: "email.enabled", title: "Send email",
            help: "Whether PostHog sends email (invites, password resets, alerts) through an SMTP server.",
            kind: .bool, step: .email, defaultValue: .value(.bool(false))),
        Question(
            key: "email.host", title: "SMTP host", help: "The SMTP server, e.g. email-smtp.us-east-1.amazonaws.com.",
            kind: .text(.host), step: .email, appliesWhen: .enabled("email.enabled")),
        Question(
            key: "email.port", title: "SMTP port", help: "The SMTP port: 587 for STARTTLS, 465 for TLS, 25 for none.",
            kind: .int(1...65535), step: .email, defaultValue: .value(.int(587)), appliesWhen: .enabled("email.enabled")),
        Question(
            key: "email.user", title: "SMTP user", help: "The SMTP user name; leave empty for a server without authentication.",
            kind: .text(.userName), step: .email, appliesWhen: .enabled("email.enabled"), isOptional: true),
        Question(
            key: "email.from", title: "From address", help: "The sender address of PostHog's email.",
            kind: .text(.email), step: .email, appliesWhen: .enabled("email.enabled")),
        Question(
            key: "email.tls", title: "SMTP TLS", help: "Whether to use TLS (STARTTLS) with the SMTP server.",
            kind: .bool, step: .email, defaultValue: .value(.bool(true)), appliesWhen: .enabled("email.enabled")),
    ] + emailExisting.questions + [
        Question(
            key: "email.password", title: "SMTP password", help: "The SMTP password for the user.",
            kind: .secret(.operatorSupplied(existing: emailExisting.answers)), step: .email, appliesWhen: emailPasswordApplies),
    ]

    private static func storage(_ key: String, _ title: String, _ size: String, appliesWhen: Condition) -> Question {
        Question(
            key: key, title: title,
            help: "The size of the \(title) volume. Volumes can grow later but never shrink.",
            kind: .size, step: .sizing, defaultValue: .value(.string(size)), appliesWhen: appliesWhen)
    }

    private static let sizingQuestions: [Question] = [
        storage("postgresql.storage", "PostgreSQL", "10Gi", appliesWhen: inCluster("postgresql")),
        storage("redis.storage", "Redis", "5Gi", appliesWhen: inCluster("redis")),
        storage("kafka.storage", "Kafka", "20Gi", appliesWhen: inCluster("kafka")),
        storage("clickhouse.storage", "ClickHouse", "20Gi", appliesWhen: inCluster("clickhouse")),
        storage("zookeeper.storage", "ZooKeeper", "8Gi", appliesWhen: .any(inCluster("kafka"), inCluster("clickhouse"))),
        storage("objectStorage.storage", "MinIO", "10Gi", appliesWhen: .when("objectStorage.mode", is: "in-cluster")),
    ]
}
