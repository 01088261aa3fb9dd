/// An image a bundle's install pulls, as the app knows it from its answers; the README lists them
/// and the real-chart tests check the list against what the chart renders.
public struct BundleImage: Sendable, Equatable {
    /// What runs it, e.g. "PostgreSQL".
    public let component: String
    /// The reference, pinned to a tag or digest.
    public let reference: String
    /// The answer that sets its version (`image.tag`), or nil when rigger or the chart pins it.
    public let pinnedBy: String?
    /// When `pinnedBy` is a choice rather than a version: the value chosen, and the value that
    /// moves to an image without the advisories (e.g. `redis.server` `chart`, moved by `rigger`).
    public let choice: (value: String, move: String)?

    public init(_ component: String, _ reference: String, pinnedBy: String? = nil) {
        self.component = component
        self.reference = reference
        self.pinnedBy = pinnedBy
        self.choice = nil
    }

    /// An image the answer `key` chooses by its value `value`; `move` is the value that chooses another.
    public init(_ component: String, _ reference: String, chosenBy key: String, value: String, move: String) {
        self.component = component
        self.reference = reference
        self.pinnedBy = key
        self.choice = (value, move)
    }

    public static func == (lhs: BundleImage, rhs: BundleImage) -> Bool {
        lhs.component == rhs.component && lhs.reference == rhs.reference && lhs.pinnedBy == rhs.pinnedBy
            && lhs.choice?.value == rhs.choice?.value && lhs.choice?.move == rhs.choice?.move
    }

    /// The README section listing the images with their registries and the advisories rigger
    /// knows for each, marking those from a frozen registry with what happened and `avoidFrozen`:
    /// which answers do without them.
    public static func readmeSection(_ images: [BundleImage], avoidFrozen: String, advisories: AdvisoryTable) -> [String] {
        let covered = advisories.components.map(\.name)
        let coverage = covered.isEmpty ? "has no entries" : "covers " + Self.listed(covered)
        var lines = [
            "## Images",
            "",
            "Every image the install pulls, each pinned to a tag or digest, with the advisories rigger knows for its version.",
            "rigger's table of advisories (last reviewed on \(SecurityAdvisories.reviewed)) \(coverage); it says nothing of the",
            "other images: scan them (`trivy image IMAGE`, for one) before you rely on them, the frozen ones above all.",
            "`00-preflight.sh` renders the chart as the install will and refuses any image from a registry that no longer serves it.",
            "",
            "| Component | Image | Registry | Known advisories |",
            "| --- | --- | --- | --- |",
        ]
        var frozen: [(BundleImage, ImageRegistryNotice)] = []
        for image in images {
            let parsed = ImageReference(image.reference)
            let known = parsed.map { advisories.affecting($0) } ?? []
            let advisoryText: String
            if !known.isEmpty {
                advisoryText = known.map { advisory in
                    "\(advisory.id) (\(advisory.severity), fixed in \(advisory.fixedText)"
                        + (advisory.unreachable.map { "; not reachable here: " + $0 } ?? "") + ")"
                }.joined(separator: "; ")
            } else if let parsed, advisories.covers(parsed) {
                advisoryText = SecurityAdvisories.noneKnown
            } else {
                advisoryText = SecurityAdvisories.notCovered
            }
            lines.append("| \(image.component) | `\(image.reference)` | \(parsed?.registry ?? "?") | \(advisoryText) |")
            if let parsed, let notice = ImageRegistryNotice.notice(for: parsed), notice.status == .frozen {
                frozen.append((image, notice))
            }
        }
        if !frozen.isEmpty {
            lines += ["", "Some come from registries that are frozen: they still pull, but get no security fixes.", ""]
            var notices: [ImageRegistryNotice] = []
            for (_, notice) in frozen where !notices.contains(notice) { notices.append(notice) }
            for notice in notices {
                let components = frozen.filter { $0.1 == notice }.map(\.0.component)
                lines.append("- \(components.joined(separator: ", ")): from `\(notice.prefix)`, frozen since \(notice.since): \(notice.what). Instead: \(notice.replacement).")
            }
            lines += ["", avoidFrozen]
        }
        return lines + [""]
    }

    /// "a, b and c".
    private static func listed(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}
