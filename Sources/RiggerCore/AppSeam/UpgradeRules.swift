/// The rules that keep a running install safe when its bundle is regenerated: what each app
/// declares, and the checks the core makes with them.
public struct UpgradeRules: Sendable {
    /// Answers whose change would orphan the running install, whatever the app.
    public static let pinnedKeys = ["app", "release", "namespace"]

    /// Volume sizes that can grow but never shrink (a StatefulSet's volume claims can't).
    public let volumeKeys: [String]
    /// What rotating each secret breaks, shown when the operator asks for it.
    public let rotationWarnings: [String: String]
    /// What to back up before a chart version change, e.g. "PostgreSQL and ClickHouse".
    public let dataStores: String
    /// A note for an answer whose change needs one, e.g. an image tag whose upgrade migrates data.
    public let changeNotes: [String: String]
    /// Answers that go back to their default when a secret is rotated, by the secret's key: such
    /// as the issue time of tokens signed with it, whose first-generation default is then the
    /// generation's clock, so that the new tokens are issued now. An answer given with the
    /// rotation (--set, an answers file, the wizard) still wins.
    public let rotationResets: [String: [String]]

    public init(
        volumeKeys: [String], rotationWarnings: [String: String], dataStores: String, changeNotes: [String: String] = [:],
        rotationResets: [String: [String]] = [:]
    ) {
        self.volumeKeys = volumeKeys
        self.rotationWarnings = rotationWarnings
        self.dataStores = dataStores
        self.changeNotes = changeNotes
        self.rotationResets = rotationResets
    }

    /// A layer that sends the answers `rotationResets` names for these rotated secrets back to
    /// their defaults; nil when there are none. It goes just above the bundle's own answers.
    public func rotationResetLayer(rotating keys: [String]) -> AnswerLayer? {
        var layer = AnswerLayer(name: "--rotate", strict: false)
        for key in keys {
            for reset in rotationResets[key] ?? [] { layer.set(reset, RawAnswer(text: "", isNull: true, origin: .commandLine)) }
        }
        return layer.order.isEmpty ? nil : layer
    }

    /// What rotating a secret breaks.
    public func rotationWarning(_ key: String) -> String {
        rotationWarnings[key] ?? "everything using the old value stops working"
    }

    /// What `problems` tells the operator to do to change a pinned answer anyway, on the command line.
    public static let forceOnTheCommandLine = "pass --force to change it anyway"

    /// Problems that refuse the regeneration: a pinned answer changed without `force`, or a volume
    /// shrunk. `howToForce` ends a pinned answer's message: how this front end confirms the change.
    public func problems(
        old: ResolvedAnswers, new: ResolvedAnswers, appTitle: String, force: Bool, howToForce: String = forceOnTheCommandLine
    ) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        for key in Self.pinnedKeys where !force {
            guard let before = old[key], let after = new[key], before != after else { continue }
            let what = key == "app"
                ? "a bundle for another app leaves the running \(before) install orphaned (and its data)"
                : "a new \(key) installs \(appTitle) again beside the running one and orphans it (and its data)"
            problems.append(AnswerProblem(
                key: key, value: after.description,
                reason: .conflict(explanation: "would replace the bundle's \(before): \(what); \(howToForce)"),
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

    /// Warnings that don't refuse: a chart version change (major ones with the upgrade notes),
    /// and the app's notes on other answers, but for those a rotation of `rotating` resets, which
    /// its own warning covers.
    public func warnings(old: ResolvedAnswers, new: ResolvedAnswers, rotating: [String] = []) -> [String] {
        let reset = Set(rotating.flatMap { rotationResets[$0] ?? [] })
        var warnings: [String] = []
        if let before = old["chart.version"]?.description, let after = new["chart.version"]?.description, before != after {
            let major = { (version: String) in version.split(separator: ".").first.map(String.init) ?? version }
            if major(before) != major(after) {
                warnings.append("""
                    chart.version changes major version (\(before) -> \(after)). Before upgrading: back up \(dataStores); \
                    read the chart's upgrade notes for every major version in between; then run ./install.sh --from 40. \
                    To roll back: helm rollback <release> --namespace <namespace>.
                    """)
            } else {
                warnings.append("chart.version changes (\(before) -> \(after)): back up first, then run ./install.sh --from 40.")
            }
        }
        for (key, note) in changeNotes.sorted(by: { $0.key < $1.key }) where !reset.contains(key) {
            guard let before = old[key]?.description, let after = new[key]?.description, before != after else { continue }
            warnings.append("\(key) changes (\(before) -> \(after)): \(note)")
        }
        warnings += Self.dependencyMoves(old: old, new: new)
        return warnings
    }

    /// A dependency that moves between the cluster and a managed service (`<dependency>.mode`,
    /// asked alike by every app) moves none of its data: say so before the install switches over.
    static func dependencyMoves(old: ResolvedAnswers, new: ResolvedAnswers) -> [String] {
        new.entries.compactMap { entry -> String? in
            guard entry.key.hasSuffix(".mode"), let before = old[entry.key]?.description, before != entry.value.description else { return nil }
            let dependency = String(entry.key.dropLast(".mode".count))
            switch (before, entry.value.description) {
            case ("in-cluster", "managed"):
                return "\(entry.key) changes (in-cluster -> managed): nothing moves the data of the \(dependency) running in the cluster to the managed "
                    + "service. Copy it over first (a dump and restore), and keep the old volume until the install works: the install no "
                    + "longer runs the in-cluster \(dependency), and its volume stays until deleted by hand."
            case ("managed", "in-cluster"):
                return "\(entry.key) changes (managed -> in-cluster): the \(dependency) the install brings starts empty. Copy the managed "
                    + "service's data into it before the app is used, or the app starts from nothing."
            default:
                return nil
            }
        }
    }
}
