/// The rules that keep a running install safe when its bundle is regenerated.
public enum UpgradeRules {
    /// Answers whose change would orphan the running install.
    public static let pinnedKeys = ["release", "namespace"]

    /// Volume sizes that can grow but never shrink (a StatefulSet's volume claims can't).
    public static let volumeKeys = [
        "postgresql.storage", "redis.storage", "kafka.storage", "clickhouse.storage", "zookeeper.storage", "objectStorage.storage",
    ]

    /// What rotating each secret breaks, shown when the operator asks for it.
    public static let rotationWarnings: [String: String] = [
        "posthog.secretKey": "a new PostHog secret key logs every user out and invalidates signed links",
        "postgresql.password": "the in-cluster PostgreSQL keeps its old password in its volume: set the new one in the database too (ALTER USER) or PostHog can't connect",
        "redis.password": "Redis restarts with the new password; clients reconnect",
        "clickhouse.password": "the ClickHouse operator applies the new password; PostHog pods restart to pick it up",
        "objectStorage.accessKeyId": "MinIO's root user changes; anything else using the old one stops working",
        "objectStorage.secretAccessKey": "MinIO's root password changes; anything else using the old one stops working",
    ]

    /// Problems that refuse the regeneration: a pinned answer changed without --force, or a volume shrunk.
    public static func problems(old: ResolvedAnswers, new: ResolvedAnswers, force: Bool) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        for key in pinnedKeys where !force {
            guard let before = old[key], let after = new[key], before != after else { continue }
            problems.append(AnswerProblem(
                key: key, value: after.description,
                reason: .conflict(explanation: "would replace the bundle's \(before): a new \(key) installs PostHog again beside the running one and orphans it (and its data); pass --force to change it anyway"),
                origin: nil))
        }
        for key in volumeKeys {
            guard let before = old[key].flatMap({ StorageQuantity($0.description) }),
                let after = new[key].flatMap({ StorageQuantity($0.description) }), after < before
            else { continue }
            problems.append(AnswerProblem(
                key: key, value: after.text,
                reason: .conflict(explanation: "is smaller than the bundle's \(before.text); a StatefulSet's volume claims can grow but never shrink, so keep \(before.text) or more"),
                origin: nil))
        }
        return problems
    }

    /// Warnings that don't refuse: a major chart version change, with the upgrade notes.
    public static func warnings(old: ResolvedAnswers, new: ResolvedAnswers) -> [String] {
        var warnings: [String] = []
        if let before = old["chart.version"]?.description, let after = new["chart.version"]?.description, before != after {
            let major = { (version: String) in version.split(separator: ".").first.map(String.init) ?? version }
            if major(before) != major(after) {
                warnings.append("""
                    chart.version changes major version (\(before) -> \(after)). Before upgrading: back up PostgreSQL and ClickHouse; \
                    read the chart's upgrade notes for every major version in between; then run ./install.sh --from 40. \
                    To roll back: helm rollback <release> --namespace <namespace>.
                    """)
            } else {
                warnings.append("chart.version changes (\(before) -> \(after)): back up first, then run ./install.sh --from 40.")
            }
        }
        if let before = old["image.tag"]?.description, let after = new["image.tag"]?.description, before != after {
            warnings.append("image.tag changes (\(before) -> \(after)): PostHog runs its database migrations on upgrade; back up first.")
        }
        return warnings
    }
}
