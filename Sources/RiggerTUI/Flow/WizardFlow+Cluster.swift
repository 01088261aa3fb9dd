import RiggerCore

/// The cluster in the wizard: what the probes read becomes choices, marks, warnings and quiet
/// lines on the fields concerned, and the answers the cluster settles (cert-manager already
/// installed) go in under the operator's own. Nothing here waits for a probe: a front end polls
/// `clusterDidChange()` between the operator's actions, and reads what has arrived so far.
extension WizardFlow {
    /// Starts reading the cluster the answers point at; a front end calls it once it has shown
    /// the first page, so that not even starting the probes comes before it.
    public func startReadingCluster() {
        guard !clusterStarted else { return }
        clusterStarted = true
        // Even looking for kubectl on PATH waits until now.
        guard let reader = clusterSource else {
            clusterOffReason = Self.noProbe
            return
        }
        if let reason = reader.unavailableBecause {
            clusterOffReason = reason
            return
        }
        clusterReader = reader
        followClusterTarget(reader)
    }

    /// Why the cluster is not read when the flow was made without a probe.
    static let noProbe = "probing is off"

    /// Stops reading: no probe starts after this. For the end of the run.
    public func stopReadingCluster() {
        clusterReader?.stop()
    }

    /// Whether anything arrived from the cluster since the last call: then a front end shows it,
    /// and an answer the cluster settles is applied.
    public func clusterDidChange() -> Bool {
        guard let clusterReader, clusterStarted else { return false }
        let stamp = clusterReader.stamp
        guard stamp != clusterSeen else { return false }
        clusterSeen = stamp
        cachedFindings = nil
        applyClusterAnswers()
        return true
    }

    /// The probes read for the answers' context, namespace and release: a change of any of them
    /// (checked when a field is left, not at each key) starts reading again.
    public func followClusterTarget() {
        guard let clusterReader, clusterStarted else { return }
        followClusterTarget(clusterReader)
    }

    private func followClusterTarget(_ reader: any WizardClusterReading) {
        guard let target = ClusterProbeTarget(answers: resolution.answers.lookup) else { return }
        if reader.read(target) {
            cachedFindings = nil
            clusterSeen = nil
        }
    }

    /// What the cluster says about the answers so far; nil until a probe has answered, or when
    /// the cluster is not read.
    public var clusterFindings: ClusterFindings? {
        if let cachedFindings { return cachedFindings }
        guard let facts = clusterReader?.facts else { return nil }
        let findings = ClusterFindings(facts: facts, answers: resolution.answers, app: app)
        cachedFindings = findings
        return findings
    }

    /// What the cluster says about one answer.
    public func clusterField(_ key: String) -> ClusterField? {
        clusterFindings?[key]
    }

    /// The values the cluster offers for a free-text answer (contexts, storage classes, Secret
    /// names), which the wizard lists under its field; empty for choice and yes/no answers, whose
    /// values the catalog fixes.
    public func clusterSuggestions(_ key: String) -> [ClusterChoice] {
        switch catalog[key]?.kind {
        case .choice?, .bool?, .secret?, nil: return []
        default: return clusterField(key)?.choices ?? []
        }
    }

    /// The lines the cluster adds to a field's help: its warnings whole, what was read, and why
    /// nothing was (the quiet line), each marked as read from the cluster.
    public func clusterLines(_ field: WizardField) -> [String] {
        guard case .answer(let key) = field, let found = clusterField(key) else { return [] }
        var lines = found.warnings.map { "cluster: " + clusterText($0) + " (" + ClusterFindings.origin + ")" }
        let suggestions = clusterSuggestions(key)
        if !suggestions.isEmpty {
            let source = found.choicesSource.rawValue
            lines.append(Self.suggestionsPrefix(found.choicesSource) + suggestions.map(\.description).joined(separator: ", ")
                + " (read from \(source); up and down pick one, or type another)")
        }
        if let info = found.info { lines.append(info + " (" + ClusterFindings.origin + ")") }
        if let note = found.note { lines.append("cluster: " + note) }
        return lines
    }

    /// How the line of offered values starts, e.g. "In the kubeconfig: ".
    static func suggestionsPrefix(_ source: ClusterField.Source) -> String {
        "In \(source.rawValue): "
    }

    /// Where a free-text answer's offered values were read, e.g. "the kubeconfig"; nil when none are.
    public func suggestionsSource(_ key: String) -> ClusterField.Source? {
        clusterSuggestions(key).isEmpty ? nil : clusterField(key)?.choicesSource
    }

    /// A warning as a field shows it: what the cluster contradicts, or what rigger set and why.
    public func clusterText(_ warning: ClusterWarning) -> String {
        guard !warning.isWarning, let set = clusterFindings?.adjustments.first(where: { $0.key == warning.key }) else { return warning.message }
        return "set to \(set.value) because " + warning.message
    }

    /// What the review says of the cluster: whether the install is new or an upgrade, why some
    /// of it was not read, or why none of it was.
    public var clusterReviewLines: [String] {
        // Off by request (--offline, or no probe at all) says nothing; off for want of kubectl says so.
        guard clusterReader != nil else {
            return clusterOffReason.flatMap { $0 == ProbeFailure.offline.description || $0 == Self.noProbe ? nil : ["not read: \($0)"] } ?? []
        }
        guard let findings = clusterFindings else { return ["nothing has answered yet; the fields are as typed"] }
        let settled = findings.warnings.filter { !$0.isWarning }.map { "\($0.key): " + clusterText($0) }
        return (findings.installSummary.map { [$0] } ?? []) + settled + findings.notes
    }

    /// Where the answers and the cluster disagree, and what the bundle would use from the cluster
    /// that has a known advisory, for the review's warnings, each naming its key.
    public var clusterWarnings: [String] {
        (clusterFindings?.warnings.filter(\.isWarning) ?? []).map { "cluster: \($0)" }
    }

    /// Applies what the cluster settles as a layer under the operator's answers, as `generate
    /// --probe` does; an answer typed here still wins. Only a change of what it settles reloads
    /// the base answers. The intents that move between pages apply it; a front end that edits
    /// answers a key at a time applies it after each.
    public func applyClusterAnswers() {
        guard let findings = clusterFindings else { return }
        let adjustments = findings.adjustments
        guard adjustments != clusterAdjustments else { return }
        clusterAdjustments = adjustments
        var request = baseRequest
        request.clusterAnswers = adjustments.isEmpty ? nil : findings.answerLayer
        setBaseRequest(request)
    }
}
