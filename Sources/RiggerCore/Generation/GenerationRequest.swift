/// Everything `rigger generate` (or the wizard) was asked for, before anything is read or checked.
public struct GenerationRequest: Sendable {
    /// The app named with `--app`, or picked in the wizard: the same as `--set app=NAME`, and
    /// what decides whose presets `preset` names.
    public var app: String?
    /// A preset name or path.
    public var preset: String?
    /// An answers file path.
    public var answersFile: String?
    /// `--set KEY=VALUE` arguments, as typed.
    public var setArguments: [String]
    /// `--secret KEY=@FILE|env:VAR` arguments, parsed.
    public var secretArguments: [String]
    /// Answers typed in the wizard (a strict layer over the others).
    public var wizardAnswers: AnswerLayer?
    /// Secret values typed in the wizard.
    public var wizardSecrets: [String: String]
    /// The bundle folder.
    public var outputDirectory: String
    /// Secret keys to generate anew although the bundle has them (`--rotate`).
    public var rotate: [String] = []
    /// Allows changing the release name or namespace of an existing bundle.
    public var force: Bool = false
    /// Advisories accepted for versions the answers pin (`--allow-vulnerable`), added to those
    /// the bundle already accepts.
    public var allowVulnerable: [String] = []
    /// Answers set from what was read from the cluster (`ClusterFindings.answerLayer`): above the
    /// bundle and the preset, below the answers file, `--set` and the wizard.
    public var clusterAnswers: AnswerLayer?

    public init(
        app: String? = nil, preset: String? = nil, answersFile: String? = nil, setArguments: [String] = [], secretArguments: [String] = [],
        wizardAnswers: AnswerLayer? = nil, wizardSecrets: [String: String] = [:], outputDirectory: String
    ) {
        self.app = app
        self.preset = preset
        self.answersFile = answersFile
        self.setArguments = setArguments
        self.secretArguments = secretArguments
        self.wizardAnswers = wizardAnswers
        self.wizardSecrets = wizardSecrets
        self.outputDirectory = outputDirectory
    }
}
