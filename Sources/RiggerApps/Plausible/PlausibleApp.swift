import RiggerCore

/// Plausible Community Edition on IMIO's plausible-analytics chart 0.4.1: the chart runs the
/// app, and PostgreSQL and ClickHouse run in the cluster (CloudNativePG, and the official
/// ClickHouse image) or as managed services.
public struct PlausibleApp: AppDefinition {
    public init() {}

    public let id = "plausible"
    public let title = "Plausible"
    public let summary = "Plausible web analytics"
    public let chart = ChartReference(
        name: "plausible-analytics", version: PlausibleQuestions.chartVersion, appVersion: "3.0.1",
        source: .repository(name: "imio", url: "https://imio.github.io/helm-charts"))
    public var questions: [Question] { PlausibleQuestions.questions }
    public var secretFiles: [SecretFileSpec] { PlausibleSecrets.files }
    public var answersMigrations: [AnswersMigration] { PlausibleQuestions.answersMigrations }
    public let upgradeRules = UpgradeRules(
        volumeKeys: ["postgresql.storage", "clickhouse.storage"],
        rotationWarnings: [
            "plausible.secretKeyBase": "a new SECRET_KEY_BASE logs every user out; restart Plausible after ./install.sh --from 20",
            "plausible.totpVaultKey": "a new TOTP_VAULT_KEY breaks every user's two-factor login: the enrolled secrets were encrypted with the old key, so each such user must sign in with a recovery code and set two-factor up again",
            "postgresql.password": "PostgreSQL keeps the password its owner was created with: set the new one in the database too (ALTER ROLE, or on the managed server) before restarting Plausible, or it can't connect",
            "clickhouse.password": "the in-cluster ClickHouse takes the new password when its pod restarts (kubectl rollout restart statefulset); a managed one must have it set there first; then restart Plausible",
            "email.password": "the SMTP server must accept the new password; restart Plausible after ./install.sh --from 20",
        ],
        dataStores: "PostgreSQL and ClickHouse",
        changeNotes: ["image.tag": "Plausible migrates PostgreSQL and ClickHouse when the new version starts; back both up first."])

    /// CloudNativePG's floor when the bundle runs PostgreSQL with it: what 00-preflight.sh refuses below.
    public func minimumKubernetesMinor(_ answers: ResolvedAnswers) -> Int? {
        guard let plan = try? PlausiblePlan(answers) else { return PlausibleComponents.chartMinimumKubernetesMinor }
        return PlausibleScriptsRenderer.minimumKubernetesMinor(plan)
    }
    /// ingress-nginx, cert-manager and CloudNativePG, which the bundle installs itself, are its own.
    public var prerequisiteReleases: [HelmOwner] { IngressAddOns.owners + [PlausibleComponents.cloudNativePG.owner] }

    public var advisories: [SecurityAdvisory] { PlausibleAdvisories.all }

    public func images(_ answers: ResolvedAnswers) throws -> [BundleImage] { PlausibleImages.list(try PlausiblePlan(answers)) }

    public func sizing(_ answers: ResolvedAnswers) -> SizingTable? { (try? PlausiblePlan(answers)).map(PlausibleSizing.table) }

    public func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> Bundle {
        try Bundle(assembling: try PlausibleRenderer.parts(plan: try PlausiblePlan(answers), secrets: secrets), app: self, answers: answers, secrets: secrets)
    }
}
