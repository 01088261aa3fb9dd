/// A version as security advisories state their ranges: dotted numbers and an optional
/// pre-release, read from a tag or a label (`v1.11.5`, `3.0.0-rc.0`, `release-1.43.0`,
/// `24.12.6.70-alpine`). A build variant after `-` (alpine, debian-12-r4) is not part of the
/// version; `rc`, `alpha`, `beta` and `pre` are, and sort before the release.
public struct AdvisoryVersion: Sendable, Comparable, CustomStringConvertible {
    public let numbers: [Int]
    /// The pre-release, e.g. `rc.0`; nil for a release.
    public let preRelease: String?
    /// The text it was read from.
    public let text: String

    /// Reads a version; nil for text that holds none (a tag such as `latest` or `main`).
    public init?(_ text: String) {
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") { rest = rest[..<at] }
        // A word before the numbers (`release-1.43.0`, `controller-v1.1.0`) names the line, not the version.
        if let dash = rest.firstIndex(of: "-"), rest[..<dash].allSatisfy(\.isLetter), !rest[..<dash].isEmpty {
            rest = rest[rest.index(after: dash)...]
        }
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        let core: Substring
        let suffix: Substring?
        if let dash = rest.firstIndex(of: "-") {
            core = rest[..<dash]
            suffix = rest[rest.index(after: dash)...]
        } else {
            core = rest
            suffix = nil
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        let lowered = suffix.map { $0.lowercased() }
        if let lowered, ["rc", "alpha", "beta", "pre"].contains(where: { lowered.hasPrefix($0) }) {
            preRelease = lowered
        } else {
            preRelease = nil
        }
        self.text = text
    }

    public var description: String { text }

    public static func == (lhs: AdvisoryVersion, rhs: AdvisoryVersion) -> Bool {
        compare(lhs, rhs) == 0
    }

    public static func < (lhs: AdvisoryVersion, rhs: AdvisoryVersion) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1: the numbers first (missing ones count as 0), then a pre-release before the release.
    private static func compare(_ lhs: AdvisoryVersion, _ rhs: AdvisoryVersion) -> Int {
        for index in 0..<max(lhs.numbers.count, rhs.numbers.count) {
            let left = index < lhs.numbers.count ? lhs.numbers[index] : 0
            let right = index < rhs.numbers.count ? rhs.numbers[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        switch (lhs.preRelease, rhs.preRelease) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let left?, let right?): return comparePreRelease(left, right)
        }
    }

    /// Pre-releases compare part by part, numbers as numbers (`rc.2` before `rc.10`).
    private static func comparePreRelease(_ lhs: String, _ rhs: String) -> Int {
        let left = lhs.split(separator: "."), right = rhs.split(separator: ".")
        for index in 0..<max(left.count, right.count) {
            guard index < left.count else { return -1 }
            guard index < right.count else { return 1 }
            if let a = Int(left[index]), let b = Int(right[index]) {
                if a != b { return a < b ? -1 : 1 }
            } else if left[index] != right[index] {
                return left[index] < right[index] ? -1 : 1
            }
        }
        return 0
    }
}

/// The versions one stretch of an advisory covers: from `introduced` (included; nil for every
/// earlier version) up to `fixed` (excluded: the first version without the hole), as the
/// advisory writes them. The tests read every entry of the table, so a text that is no version
/// fails there rather than matching nothing in an operator's hands.
public struct AffectedVersions: Sendable {
    public let introduced: String?
    public let fixed: String

    public init(from introduced: String? = nil, fixed: String) {
        self.introduced = introduced
        self.fixed = fixed
    }

    /// Whether both ends are versions.
    public var isReadable: Bool {
        AdvisoryVersion(fixed) != nil && (introduced.map { AdvisoryVersion($0) != nil } ?? true)
    }

    public func contains(_ version: AdvisoryVersion) -> Bool {
        guard let end = AdvisoryVersion(fixed) else { return false }
        if let introduced, let start = AdvisoryVersion(introduced), version < start { return false }
        return version < end
    }
}
