import RiggerCore

/// What `rigger check` found: the reasons the install can't go ahead, notes, and what an upgrade
/// would change.
public struct BundleCheckReport: Sendable {
    /// What was checked, in a few lines: the bundle, the chart and how it was had, the cluster.
    public var summary: [String] = []
    /// Each one stops the install: a render error, a Secret nobody provides, an image that can't be
    /// pulled, a server-side dry run that fails, a clash with what the cluster has.
    public var problems: [String] = []
    /// Known advisories of what the install uses from the cluster: no reason to stop, but to act on.
    public var warnings: [String] = []
    /// Worth knowing, but no reason to stop: frozen images, what was not checked and why.
    public var notes: [String] = []
    /// Longer output under a title: the values diff against the release, helm-diff's output.
    public var sections: [(title: String, body: String)] = []

    public init() {}

    /// Whether the install can go ahead.
    public var canInstall: Bool { problems.isEmpty }

    /// The report as the operator reads it.
    public var text: String {
        var lines = summary
        if !problems.isEmpty {
            lines.append("Problems:")
            lines += problems.map { "  - " + $0 }
        }
        if !warnings.isEmpty {
            lines.append("Warnings:")
            lines += warnings.map { "  - " + $0 }
        }
        if !notes.isEmpty {
            lines.append("Notes:")
            lines += notes.map { "  - " + $0 }
        }
        for section in sections {
            lines.append("")
            lines.append("== \(section.title) ==")
            lines.append(section.body.hasSuffix("\n") ? String(section.body.dropLast()) : section.body)
        }
        lines.append("")
        lines.append(canInstall
            ? "The install can go ahead."
            : "The install cannot go ahead: \(problems.count) problem\(problems.count == 1 ? "" : "s") above.")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Why `rigger check` could not check at all: the folder is no bundle, or its answers can't be read.
public enum BundleCheckError: Error, Sendable, CustomStringConvertible {
    case notABundle(directory: String)
    case unreadable(directory: String, reason: String)

    public var description: String {
        switch self {
        case .notABundle(let directory): return "\(directory) holds no rigger.yaml: it is not a rigger bundle"
        case .unreadable(let directory, let reason): return "the bundle in \(directory) can't be read: \(reason)"
        }
    }
}
