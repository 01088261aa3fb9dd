/// An image a bundle's install pulls, as the app knows it from its answers; the README lists them
/// and the real-chart tests check the list against what the chart renders.
public struct BundleImage: Sendable, Equatable {
    /// What runs it, e.g. "PostgreSQL".
    public let component: String
    /// The reference, pinned to a tag or digest.
    public let reference: String

    public init(_ component: String, _ reference: String) {
        self.component = component
        self.reference = reference
    }

    /// The README section listing the images with their registries, marking those from a frozen
    /// registry with what happened and `avoidFrozen`: which answers do without them.
    public static func readmeSection(_ images: [BundleImage], avoidFrozen: String) -> [String] {
        var lines = [
            "## Images",
            "",
            "Every image the install pulls, each pinned to a tag or digest. `00-preflight.sh` renders the chart as the install",
            "will and refuses any image from a registry that no longer serves it.",
            "",
            "| Component | Image | Registry |",
            "| --- | --- | --- |",
        ]
        var frozen: [(BundleImage, ImageRegistryNotice)] = []
        for image in images {
            let parsed = ImageReference(image.reference)
            lines.append("| \(image.component) | `\(image.reference)` | \(parsed?.registry ?? "?") |")
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
}
