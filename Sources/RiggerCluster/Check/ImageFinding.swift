import RiggerCore

/// What is worth saying about one image an install pulls: it can't be pulled (a retired
/// registry), it is frozen, it is not pinned, or it can't be read.
public struct ImageFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// From a registry in `ImageRegistryNotice` that no longer serves it: the install would fail.
        case retired(ImageRegistryNotice)
        /// From a frozen registry: it pulls, but gets no fixes.
        case frozen(ImageRegistryNotice)
        /// Neither a digest nor a tag other than `latest`: a restart may change what runs.
        case unpinned
        /// Not an image reference.
        case unreadable
    }

    public let workload: String
    public let image: String
    public let kind: Kind

    /// Whether it stops the install.
    public var isProblem: Bool {
        if case .retired = kind { return true }
        return false
    }

    public var description: String {
        switch kind {
        case .retired(let notice): return "\(workload): \(image) is from \(notice.prefix), retired since \(notice.since): \(notice.what); use \(notice.replacement)"
        case .frozen(let notice): return "\(workload): \(image) is frozen since \(notice.since): \(notice.what)"
        case .unpinned: return "\(workload): \(image) is not pinned to a tag or digest"
        case .unreadable: return "\(workload): unreadable image '\(image)'"
        }
    }

    /// The findings for every image, in order, without repeats.
    public static func findings(_ images: [(workload: String, image: String)]) -> [ImageFinding] {
        var seen: Set<ImageFinding> = []
        var found: [ImageFinding] = []
        for (workload, text) in images {
            var kinds: [Kind] = []
            if let image = ImageReference(text) {
                if !image.isPinned { kinds.append(.unpinned) }
                if let notice = ImageRegistryNotice.notice(for: image) {
                    kinds.append(notice.status == .retired ? .retired(notice) : .frozen(notice))
                }
            } else {
                kinds.append(.unreadable)
            }
            for kind in kinds {
                let finding = ImageFinding(workload: workload, image: text, kind: kind)
                if seen.insert(finding).inserted { found.append(finding) }
            }
        }
        return found
    }
}

extension ImageRegistryNotice: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(prefix) }
}
