import RiggerCore

/// What the full screen asks of its flow by name: the words and values of a field as the view
/// lays them out, and the cluster as the runner polls it. Each is the flow's own (see `WizardFlow`).
extension WizardSession {
    /// The page shown.
    public var page: WizardPage { flow.page }
    /// The fields of the page shown, in order.
    public var fields: [WizardField] { flow.fields }
    /// The text shown for an answer field.
    public func displayText(_ key: String) -> String { flow.displayText(key) }
    /// A secret's typed value.
    public func secretText(_ key: String) -> String { flow.secretText(key) }
    /// The choices the other answers allow for a choice question.
    public func choices(_ key: String) -> [Choice] { flow.choices(key) }
    /// How a secret is provided.
    public func secretChoice(_ key: String) -> SecretChoice { flow.secretChoice(key) }
    /// The ways a secret may be provided here.
    public func secretOptions(_ key: String) -> [SecretChoice] { flow.secretOptions(key) }
    /// The field's label.
    public func label(_ field: WizardField) -> String { flow.label(field) }
    /// How a way of providing a secret reads.
    public func label(_ option: SecretChoice, forSecret key: String) -> String { flow.label(option, forSecret: key) }
    /// The field's one-line help; a secret's value says how the screen shows it.
    public func help(_ field: WizardField) -> String {
        guard case .secretValue = field else { return flow.help(field) }
        return "Typed values are shown as bullets with their length; F2 shows or hides them."
    }
    /// The whole description of the choice a choice field has.
    public func choiceDescription(_ field: WizardField) -> String? { flow.choiceDescription(field) }
    /// The field's full help, as groups of paragraphs.
    public func fullHelp(_ field: WizardField, help: String? = nil) -> [[String]] { flow.fullHelp(field, help: help ?? self.help(field)) }
    /// What keeps the page from going on at a field.
    func problem(with field: WizardField) -> String? { flow.problem(with: field) }
    /// Sets an answer as typed.
    func setAnswer(_ key: String, _ text: String) { flow.setAnswer(key, text) }

    /// Starts reading the cluster, once the first frame is drawn.
    public func startReadingCluster() { flow.startReadingCluster() }
    /// Stops reading the cluster, at the end of the run.
    public func stopReadingCluster() { flow.stopReadingCluster() }
    /// Whether anything arrived from the cluster since the last call.
    public func clusterDidChange() -> Bool { flow.clusterDidChange() }
    /// Reads the cluster the answers now point at.
    public func followClusterTarget() { flow.followClusterTarget() }
    /// What the cluster says about one answer.
    public func clusterField(_ key: String) -> ClusterField? { flow.clusterField(key) }
    /// The values the cluster offers for a free-text answer.
    public func clusterSuggestions(_ key: String) -> [ClusterChoice] { flow.clusterSuggestions(key) }
    /// Where a free-text answer's offered values were read.
    public func suggestionsSource(_ key: String) -> ClusterField.Source? { flow.suggestionsSource(key) }
    /// The lines the cluster adds to a field's help.
    public func clusterLines(_ field: WizardField) -> [String] { flow.clusterLines(field) }
    /// A cluster warning as a field shows it.
    public func clusterText(_ warning: ClusterWarning) -> String { flow.clusterText(warning) }

    /// The field's label beside its value on the full screen: as `label`, except that the name and
    /// key of an existing Secret, which sit right under the secret they hold, say only what they
    /// are ("  value" does the same): their titles, which say whose they are, would fill three
    /// lines of the label column. The help box and plain mode show the whole title.
    public func screenLabel(_ field: WizardField) -> String {
        guard case .answer(let key) = field, flow.catalog.existingSecretAnswerKeys.contains(key) else { return flow.label(field) }
        return key.hasSuffix("Key") ? "  key in Secret" : "  Secret name"
    }
}
