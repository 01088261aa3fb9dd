/// What a bundle's README says that is the app's own. `BundleReadme` writes the rest around it
/// (the title, the advisories, the answers, the files, sizing, images, the secret store, the next
/// steps and regenerating), in the same order and words for every app.
///
/// Each section the app adds is a list of lines ending with an empty one, as Markdown.
public struct ReadmeParts: Sendable {
    /// How regenerating the bundle before an upgrade goes for the app.
    public struct Regenerating: Sendable {
        /// The answer the example upgrade changes, e.g. `chart.version`.
        public var upgradeKey: String
        /// The install step to resume from after regenerating, e.g. `40`.
        public var resumeFrom: String
        /// What regenerating keeps besides the secrets, e.g. "(and signs the same API keys)".
        public var keepsAlso: String?
        /// The app's lines before the common last one: what to back up, how to roll back.
        public var notes: [String]

        public init(upgradeKey: String, resumeFrom: String, keepsAlso: String? = nil, notes: [String] = []) {
            self.upgradeKey = upgradeKey
            self.resumeFrom = resumeFrom
            self.keepsAlso = keepsAlso
            self.notes = notes
        }
    }

    /// The app's name in the title: "# Analytics install bundle".
    public var title: String
    /// The chart as the first sentence names it after "for the", e.g. "Analytics Helm chart 1.2.0 (image `1.2`)".
    public var chart: String
    /// Sentences after the first one, e.g. where the app will be reached.
    public var introNote: String?
    public var cluster: ClusterPlan
    public var ingress: IngressPlan
    /// The bundle's Secrets and those the operator keeps.
    public var secrets: SecretReferences
    /// Every image the bundle pulls, and the advisories they are checked against.
    public var images: [BundleImage]
    public var advisories: AdvisoryTable
    /// How the operator avoids frozen images, for the images section.
    public var avoidFrozen: String = IngressAddOns.avoidingIngressNginx
    public var sizing: SizingTable?
    public var postRender = PostRender()

    /// Sections right after the first paragraph, before the advisories: what the operator does
    /// before the install, such as creating managed services.
    public var lead: [String] = []
    /// Sections after the advisories, before the answers: what runs where, where the app is reached.
    public var overview: [String] = []
    /// Lines after the answers, e.g. on values derived from them.
    public var answersNote: [String] = []
    /// What follows "the Helm values." in the list of files, e.g. where the chart reads the passwords.
    public var valuesNote: String
    /// What follows the `secrets/` line's common sentences, if anything.
    public var secretsNote: String?
    /// What each Secret file is for, by its file name; none said when missing.
    public var secretPurposes: [String: String] = [:]
    /// What each of the app's own files under `manifests/` is, by path (the add-ons' are the core's).
    public var manifestPurposes: [String: String] = [:]
    /// What an install script does, by file name (`30-prerequisites.sh`), where the app's says more than the common one.
    public var scriptPurposes: [String: String] = [:]
    /// The host names the bundle serves (none without an ingress), which 50-verify.sh shows: by
    /// default the ingress's one.
    public var servedHosts: [String]
    /// Sections after the list of files, e.g. the app's own environment.
    public var details: [String] = []
    /// The tools and what they reach on the host that runs install.sh.
    public var installHost = "kubectl and helm reach the cluster"
    /// The steps after running install.sh, each its lines, the first without its number.
    public var steps: [[String]] = []
    /// Sections after the next steps: backups, rotation.
    public var operations: [String] = []
    public var regenerating: Regenerating
    /// Sections after regenerating.
    public var closing: [String] = []

    public init(
        title: String, chart: String, cluster: ClusterPlan, ingress: IngressPlan, secrets: SecretReferences, images: [BundleImage],
        advisories: AdvisoryTable, valuesNote: String, regenerating: Regenerating
    ) {
        self.title = title
        self.chart = chart
        self.cluster = cluster
        self.ingress = ingress
        self.secrets = secrets
        self.images = images
        self.advisories = advisories
        self.valuesNote = valuesNote
        self.regenerating = regenerating
        servedHosts = ingress.servedHostname.map { [$0] } ?? []
    }
}
