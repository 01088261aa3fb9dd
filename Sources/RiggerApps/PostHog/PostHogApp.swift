import RiggerCore

/// PostHog on its Helm chart 30.46.0 (the chart's last release), with every dependency in the
/// cluster or managed.
public struct PostHogApp: AppDefinition {
    public init() {}

    public let id = "posthog"
    public let title = "PostHog"
    public let summary = "PostHog product analytics"
    public let chart = ChartReference(
        name: "posthog", version: PostHogQuestions.chartVersion, appVersion: "1.43.0",
        source: .repository(name: "posthog", url: "https://posthog.github.io/charts-clickhouse/"))
    public var questions: [Question] { PostHogQuestions.questions }
    public var secretFiles: [SecretFileSpec] { PostHogSecrets.files }
    public func minimumKubernetesMinor(_ answers: ResolvedAnswers) -> Int? { PostHogScriptsRenderer.minimumKubernetesMinor }
    public let upgradeRules = UpgradeRules(
        volumeKeys: ["postgresql.storage", "redis.storage", "kafka.storage", "clickhouse.storage", "zookeeper.storage", "objectStorage.storage"],
        rotationWarnings: [
            "posthog.secretKey": "a new PostHog secret key logs every user out and invalidates signed links",
            "postgresql.password": "the in-cluster PostgreSQL keeps its old password in its volume: set the new one in the database too (ALTER USER) or PostHog can't connect",
            "redis.password": "Redis restarts with the new password; clients reconnect",
            "clickhouse.password": "the ClickHouse operator applies the new password; PostHog pods restart to pick it up",
            "objectStorage.accessKeyId": "MinIO's root user changes; anything else using the old one stops working",
            "objectStorage.secretAccessKey": "MinIO's root password changes; anything else using the old one stops working",
        ],
        dataStores: "PostgreSQL and ClickHouse",
        changeNotes: [
            "image.tag": "PostHog runs its database migrations on upgrade; back up first.",
            "redis.server": PostHogRedis.changeNote,
            "clickhouse.version": "ClickHouse restarts on the new version; back it up first, and read its release notes when the line changes.",
        ])

    /// Bundles written before rigger ran its own Redis ran the chart's, and keep it until moved.
    public var answersOfEarlierBundles: [String: String] {
        [
            "redis.server": PostHogPlan.RedisServer.chart.rawValue, "clickhouse.version": PostHogClickHouse.chartVersion,
            // Bundles before TLS to a managed PostgreSQL connected without it.
            "postgresql.sslmode": ManagedPostgreSQL.SSLMode.disable.rawValue,
        ]
    }

    /// ingress-nginx and cert-manager, which the bundle installs itself, are its own.
    public var prerequisiteReleases: [HelmOwner] { IngressAddOns.owners }

    public var advisories: [SecurityAdvisory] { PostHogAdvisories.all }

    public func images(_ answers: ResolvedAnswers) throws -> [BundleImage] { PostHogImages.list(try PostHogPlan(answers)) }

    public func regenerationNotes(previous: ExistingBundle, previousAnswers: ResolvedAnswers, answers: ResolvedAnswers) -> [String] {
        PostHogIngress.regenerationNotes(previous: previous, previousAnswers: previousAnswers, answers: answers)
            + PostHogRedis.regenerationNotes(directory: previous.directory, answers: answers)
            + PostHogClickHouse.regenerationNotes(answers: answers)
            + PostHogManagedTLS.regenerationNotes(directory: previous.directory, answers: answers)
    }

    public func warnings(_ answers: ResolvedAnswers) -> [String] {
        guard let plan = try? PostHogPlan(answers) else { return [] }
        return PostHogGoogleCloud.warnings(plan)
    }

    public func sizing(_ answers: ResolvedAnswers) -> SizingTable? { (try? PostHogPlan(answers)).map(PostHogSizing.table) }

    public func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> Bundle {
        try Bundle(assembling: try PostHogRenderer.parts(plan: try PostHogPlan(answers), secrets: secrets), app: self, answers: answers, secrets: secrets)
    }
}
