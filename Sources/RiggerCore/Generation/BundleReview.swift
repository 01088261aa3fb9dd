/// What the operator checks before a bundle is written, as sections of plain lines that every
/// front end shows alike: on a regeneration what changes comes first, since that is what the
/// operator came to check; then warnings, the answers by step, the secrets by state and length
/// (never their values) and the files with their sizes.
public struct BundleReview: Sendable {
    /// A titled group of lines; `isWarning` marks lines to stand out.
    public struct Section: Sendable, Equatable {
        public let title: String
        public let lines: [String]
        public let isWarning: Bool
        /// Lines whose columns matter (a diff): cut, never wrapped.
        public let isPreformatted: Bool
    }

    public let sections: [Section]

    /// The review of a prepared bundle. `cluster` is what was read from the cluster about the
    /// install as a whole (a new install or an upgrade, probes that read nothing); the cluster's
    /// warnings on answers come with the other `warnings`.
    public init(prepared: PreparedBundle, changes: BundleChanges?, warnings: [String], cluster: [String] = []) {
        var sections: [Section] = []
        if let changes {
            // What changes reads as text, wrapped where it is long; only the diffs keep their columns.
            let report = changes.report(includeDiffs: false).split(separator: "\n").map(String.init)
            sections.append(Section(title: "Changes to the bundle in this folder", lines: report, isWarning: false, isPreformatted: false))
            if !changes.diffs.isEmpty {
                let diffs = changes.diffs.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                sections.append(Section(title: "Diff of values.yaml and the scripts", lines: diffs, isWarning: false, isPreformatted: true))
            }
        }
        if !warnings.isEmpty {
            sections.append(Section(title: "Warnings", lines: warnings.map { "! " + $0 }, isWarning: true, isPreformatted: false))
        }
        if !cluster.isEmpty {
            sections.append(Section(title: "Read from the cluster", lines: cluster, isWarning: false, isPreformatted: false))
        }
        let catalog = prepared.app.catalog
        let lookup = prepared.answers.lookup
        var byStep: [WizardStep: [String]] = [:]
        for question in catalog.questions where !question.isSecret && question.appliesWhen.holds(lookup) {
            if let value = prepared.answers[question.key] {
                byStep[question.step, default: []].append("\(question.key): \(question.reviewText(value))")
            } else if let meaning = question.whenEmpty {
                byStep[question.step, default: []].append("\(question.key): \(meaning)")
            }
        }
        for step in WizardStep.allCases {
            guard let lines = byStep[step], !lines.isEmpty else { continue }
            sections.append(Section(title: step.title, lines: lines, isWarning: false, isPreformatted: false))
        }
        if let table = prepared.app.app.sizing(prepared.answers) {
            sections.append(Section(title: "Replicas and requests", lines: table.reviewLines, isWarning: false, isPreformatted: false))
        }
        var secrets: [String] = []
        for key in prepared.secrets.entries.keys.sorted() {
            guard let entry = prepared.secrets[key] else { continue }
            let how: String
            switch entry.source {
            case .supplied: how = "typed"
            case .kept: how = "kept"
            case .generated: how = "generated"
            case .placeholder: how = "placeholder"
            }
            secrets.append("\(key): \(how)" + (entry.source == .placeholder ? "" : ", \(entry.value.count) characters"))
        }
        for key in prepared.secrets.existing.keys.sorted() {
            guard let reference = prepared.secrets.existing[key] else { continue }
            secrets.append("\(key): existing Secret \(reference.name)" + (reference.dataKey.map { ", key \($0)" } ?? ""))
        }
        if !secrets.isEmpty {
            sections.append(Section(title: "Secrets (values never shown)", lines: secrets, isWarning: false, isPreformatted: false))
        }
        sections.append(Section(
            title: "Files", lines: prepared.bundle.files.map { "\($0.path)  \($0.contents.utf8.count) bytes" }, isWarning: false,
            isPreformatted: false))
        self.sections = sections
    }
}
