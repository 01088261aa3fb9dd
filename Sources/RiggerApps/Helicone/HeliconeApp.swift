import Foundation
import RiggerCore

/// Helicone on the Supabase-based chart of Helicone/helicone-helm-chart (helm/helicone at commit
/// 4289687): Supabase's PostgreSQL, auth, API and storage in the cluster, ClickHouse in the
/// cluster or managed, and the web dashboard and worker proxy, each behind its own host.
public struct HeliconeApp: AppDefinition {
    public init() {}

    public let id = "helicone"
    public let title = "Helicone"
    public let summary = "Helicone LLM monitoring"
    public let chart = ChartReference(
        name: "helicone", version: HeliconeQuestions.chartVersion, appVersion: HeliconeQuestions.webImageTag,
        // No tree id: the full commit id already names the whole tree (git is content-addressed),
        // and the copy rigger was written against could not be shown to hold every file of the
        // folder at that commit, so a tree id computed from it could wrongly refuse the real one.
        source: .git(url: HeliconeChart.gitURL, commit: HeliconeChart.commit, path: HeliconeChart.path, tree: nil))
    public var questions: [Question] { HeliconeQuestions.questions }
    public var secretFiles: [SecretFileSpec] { HeliconeSecrets.files }
    public let upgradeRules = UpgradeRules(
        volumeKeys: ["postgresql.storage", "clickhouse.storage", "fileStorage.storage"],
        rotationWarnings: [
            "helicone.jwtSecret": "every API key and session in use stops working: ANON_KEY and SERVICE_ROLE_KEY are signed again "
                + "with the new secret (issued now), everyone is logged out, and any client holding the old keys must be given the new ones. "
                + Self.rollout,
            "postgresql.password": "the in-cluster PostgreSQL keeps its old password in its volume, for postgres and every Supabase role: "
                + "set the new one in the database first (ALTER USER for each) or nothing can connect. " + Self.rollout,
            "clickhouse.password": "ClickHouse in the cluster takes the new password when its pod restarts, as web and worker do. " + Self.rollout,
            "realtime.secretKeyBase": "Realtime's sessions end; clients reconnect. " + Self.rollout,
            "realtime.dbEncKey": "Realtime can no longer read the database credentials it stored with the old key: clear its tenants table first. "
                + Self.rollout,
            "email.password": "GoTrue (auth) signs in to the SMTP server with the new password. " + Self.rollout,
        ],
        dataStores: "PostgreSQL, ClickHouse and the Storage volume",
        changeNotes: [
            "image.tag": "Helicone's web image runs its database migrations on start; back up first.",
            "helicone.jwtIssuedAt": "the API keys are signed again with the new issue time: every client holding the old ones must be given the new ones.",
            "ingress.hostname": "the API, proxy and Studio hosts keep their own answers; to move them under the new domain too, add "
                + "--set helicone.apiHostname= --set helicone.workerHostname= --set helicone.studioHostname= (empty: back to the default).",
        ],
        // New keys are issued now, for a fresh ten years, rather than at the bundle's first issue time.
        rotationResets: ["helicone.jwtSecret": ["helicone.jwtIssuedAt"]])

    /// How a rotated secret reaches the running pods.
    private static let rollout = "Then run ./install.sh --from 20: it applies the new Secret, and helm upgrade restarts each Deployment "
        + "that reads it (the Secret's digest is on their pods, annotation \(HeliconeSecretsChecksum.annotation))."

    public func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> RiggerCore.Bundle {
        try Bundle(assembling: try HeliconeRenderer.parts(plan: try HeliconePlan(answers), answers: answers, secrets: secrets), app: self, answers: answers, secrets: secrets)
    }

    public func minimumKubernetesMinor(_ answers: ResolvedAnswers) -> Int? { HeliconeScriptsRenderer.minimumKubernetesMinor }

    public var prerequisiteReleases: [HelmOwner] { IngressAddOns.owners }

    public var advisories: [SecurityAdvisory] { HeliconeAdvisories.all }

    public func sizing(_ answers: ResolvedAnswers) -> SizingTable? { (try? HeliconePlan(answers)).map(HeliconeSizing.table) }

    public func images(_ answers: ResolvedAnswers) throws -> [BundleImage] { HeliconeImages.list(try HeliconePlan(answers)) }

    public func regenerationNotes(previous: ExistingBundle, previousAnswers: ResolvedAnswers, answers: ResolvedAnswers) -> [String] {
        HeliconeClickHouseUpgrade.notes(previous: previous, answers: answers)
    }

    public func problems(_ answers: ResolvedAnswers) -> [AnswerProblem] { HeliconeRules.problems(answers) }

    public func warnings(_ answers: ResolvedAnswers) -> [String] { HeliconeRules.warnings(answers) }

    public func problems(_ answers: ResolvedAnswers, now: Date) -> [AnswerProblem] {
        HeliconeRules.problems(answers) + HeliconeKeyLifetime.problems(answers, now: now)
    }

    public func warnings(_ answers: ResolvedAnswers, now: Date) -> [String] {
        HeliconeRules.warnings(answers) + HeliconeKeyLifetime.warnings(answers, now: now)
    }
}
