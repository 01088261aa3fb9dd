extension CommonQuestions {
    /// The answer that lists the advisories the operator accepts for versions the answers pin.
    public static let allowVulnerableKey = "allowVulnerable"

    /// A version an answer pins (an image tag), with the component it is a version of.
    public struct PinnedVersion: Sendable {
        public let key: String
        public let component: AdvisoryComponent
        /// The version the answers pin through `key`: its value, or for a choice that picks an
        /// image (the chart's Redis or rigger's), the version of the image chosen; nil for none.
        public let version: @Sendable (AnswerLookup) -> String?

        public init(key: String, component: AdvisoryComponent) {
            self.init(key: key, component: component) { $0.text(key) }
        }

        public init(key: String, component: AdvisoryComponent, version: @escaping @Sendable (AnswerLookup) -> String?) {
            self.key = key
            self.component = component
            self.version = version
        }
    }

    /// The advisories accepted for the versions `pins` name: without one, a new bundle that would
    /// start running a version with a known critical or high advisory is refused. Asked only
    /// while such a version is pinned, so that it never sits on the Cluster page for nothing, and
    /// a version moved past the fix drops the acceptance with it. Declare it after the pins.
    public static func allowVulnerable(pins: [PinnedVersion], advisories: AdvisoryTable) -> Question {
        let keys = pins.map(\.key)
        let affected = Condition(
            summary: "a version set by \(keys.joined(separator: " or ")) has a known critical or high advisory", keys: keys
        ) { answers in
            pins.contains { pin in
                guard let version = pin.version(answers) else { return false }
                return advisories.affecting(pin.component, version: version).contains(where: \.refusesNewInstalls)
            }
        }
        return Question(
            key: allowVulnerableKey, title: "Accepted advisories",
            help: "The known advisories you accept, by name (CVE or GHSA, separated by commas), for a version the answers set. rigger refuses "
                + "a new bundle that pins a version with a known critical or high advisory unless its advisory is named here "
                + "(or with --allow-vulnerable ID); it is kept in rigger.yaml and said again on every regeneration and in the "
                + "README. Better: move to the fixed version.",
            kind: .text(.advisoryIDs), step: .cluster, appliesWhen: affected, isOptional: true, whenEmpty: "(none accepted)")
    }
}
