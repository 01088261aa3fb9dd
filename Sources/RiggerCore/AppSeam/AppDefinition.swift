import Foundation

/// Everything rigger needs to know about one app it installs. The core reads apps only through
/// this protocol, so it never names one; each app lives in a folder of its own beside the core.
public protocol AppDefinition: Sendable {
    /// The value of the `app` answer and the name of the app's presets folder, e.g. `analytics`.
    var id: String { get }
    /// The app's name in titles and messages, e.g. "Analytics".
    var title: String { get }
    /// A few words for the app choice and `rigger presets`.
    var summary: String { get }
    /// The chart the bundle installs.
    var chart: ChartReference { get }
    /// The app's questions in the order they are asked; the registry puts `app` before them.
    var questions: [Question] { get }
    /// Every Secret the bundle may write, declared so that the core can read a bundle's secrets back.
    var secretFiles: [SecretFileSpec] { get }
    /// What regenerating must keep: volumes that never shrink, what rotating each secret breaks.
    var upgradeRules: UpgradeRules { get }
    /// The oldest Kubernetes 1.x minor version the bundle for these answers installs on, e.g. 24:
    /// the chart's, or an operator's the answers add (CloudNativePG). The cluster probe, `rigger
    /// check` and 00-preflight.sh all hold the cluster to this one. Nil (the default) when the app
    /// names none.
    func minimumKubernetesMinor(_ answers: ResolvedAnswers) -> Int?
    /// Helm releases the bundle installs beside its chart (a cert-manager its 30-prerequisites.sh
    /// installs), which the cluster probe counts as the bundle's own, not as a clash. None by default.
    var prerequisiteReleases: [HelmOwner] { get }
    /// How the app's own answer keys changed from one answers schema version to the next, so that
    /// an older bundle's rigger.yaml (and answers file) still reads. None by default.
    var answersMigrations: [AnswersMigration] { get }
    /// What a bundle written before a question was asked ran instead of that question's default,
    /// by key: a key its rigger.yaml lacks is read as this value, so that regenerating it keeps
    /// what it runs while a new bundle takes the default. None by default.
    var answersOfEarlierBundles: [String: String] { get }
    /// The bundle for validated answers and their secrets: a pure function, with no I/O, no clock
    /// and no randomness, so that the same inputs always give byte-identical files. An app gives
    /// its `BundleParts` to `Bundle(assembling:app:answers:secrets:)`, which writes the files.
    func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> Bundle
    /// Problems between answers that no single question can see (two hosts that must differ),
    /// reported with the catalog's own; any of them refuses the bundle.
    func problems(_ answers: ResolvedAnswers) -> [AnswerProblem]
    /// What the operator should know before installing with these answers, shown by `generate`
    /// and the wizard's review, such as an admin interface exposed to the internet.
    func warnings(_ answers: ResolvedAnswers) -> [String]
    /// The problems of `problems(_:)` and those only the clock can tell, such as tokens that
    /// recorded an issue time and have expired by `now`, the generation's clock. By default, the
    /// clock's are none.
    func problems(_ answers: ResolvedAnswers, now: Date) -> [AnswerProblem]
    /// The warnings of `warnings(_:)` and those only the clock can tell, such as tokens that
    /// expire soon after `now`. By default, the clock's are none.
    func warnings(_ answers: ResolvedAnswers, now: Date) -> [String]
    /// The advisories rigger knows for the app's own images: its entries of the table, beside the
    /// core's (`SecurityAdvisories.shared`) for the add-ons. None by default.
    var advisories: [SecurityAdvisory] { get }
    /// Every image the bundle pulls for validated answers, each with the answer that sets its
    /// version when one does: checked against the advisories whenever a bundle is generated.
    /// None by default.
    func images(_ answers: ResolvedAnswers) throws -> [BundleImage]
    /// What moves when an existing bundle is regenerated with these answers that the answers
    /// alone don't show, such as a controller the chart ran moving to an add-on release. None by default.
    func regenerationNotes(previous: ExistingBundle, previousAnswers: ResolvedAnswers, answers: ResolvedAnswers) -> [String]
    /// What each component runs and requests for validated answers (the `sizing` answer), for the
    /// review, the README and the check of the cluster's nodes. None (nil) by default.
    func sizing(_ answers: ResolvedAnswers) -> SizingTable?
}

extension AppDefinition {
    public var answersMigrations: [AnswersMigration] { [] }
    public var answersOfEarlierBundles: [String: String] { [:] }
    public func problems(_ answers: ResolvedAnswers) -> [AnswerProblem] { [] }
    public func warnings(_ answers: ResolvedAnswers) -> [String] { [] }
    public func problems(_ answers: ResolvedAnswers, now: Date) -> [AnswerProblem] { problems(answers) }
    public func warnings(_ answers: ResolvedAnswers, now: Date) -> [String] { warnings(answers) }
    public var advisories: [SecurityAdvisory] { [] }
    public func images(_ answers: ResolvedAnswers) throws -> [BundleImage] { [] }
    public func regenerationNotes(previous: ExistingBundle, previousAnswers: ResolvedAnswers, answers: ResolvedAnswers) -> [String] { [] }

    /// The app's advisories with the core's shared ones: what its bundles are checked against.
    public var advisoryTable: AdvisoryTable { AdvisoryTable(SecurityAdvisories.shared + advisories) }
}

extension AppDefinition {
    /// The secret answer key stored under a data key of a Secret file, for reading a bundle back.
    public func secretKey(fileName: String, dataKey: String) -> String? {
        secretFiles.first { $0.fileName == fileName }?.entries.first { $0.dataKey == dataKey }?.secretKey
    }
}
