import Foundation

/// Something rigger pins, installs or finds in a cluster that advisories are published for: an
/// app, an ingress controller, cert-manager. Named once, with the images that run it.
public struct AdvisoryComponent: Sendable, Hashable {
    /// Its name in messages, e.g. "ingress-nginx controller".
    public let name: String
    /// The images that run it, as `registry/repository` with Docker's defaults written out
    /// (see `ImageReference`), e.g. `registry.k8s.io/ingress-nginx/controller`.
    public let imageRepositories: [String]

    public init(name: String, imageRepositories: [String]) {
        self.name = name
        self.imageRepositories = imageRepositories
    }

    /// Whether the image is one of the component's.
    public func runs(_ image: ImageReference) -> Bool {
        imageRepositories.contains(image.registry + "/" + image.repository)
    }
}

/// One published advisory against a component: what is affected, how badly, what fixes it and
/// where it was read. An entry of rigger's table (see `SecurityAdvisories`).
public struct SecurityAdvisory: Sendable {
    /// How the advisory's own source rates it.
    public enum Severity: Int, Sendable, Comparable, CustomStringConvertible {
        case low, moderate, high, critical

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .low: return "low"
            case .moderate: return "moderate"
            case .high: return "high"
            case .critical: return "critical"
            }
        }
    }

    /// The CVE, e.g. CVE-2025-1974.
    public let id: String
    /// Other names of the same advisory, e.g. its GHSA.
    public let aliases: [String]
    public let component: AdvisoryComponent
    public let severity: Severity
    /// Every stretch of versions it affects.
    public let affected: [AffectedVersions]
    /// The versions that fix it, as the component names its releases (`v1.12.1`), lowest first.
    public let fixedIn: [String]
    /// What an attacker gets, in one line.
    public let impact: String
    /// Where it was read: the advisory's own page.
    public let source: String
    /// Why the hole can't be reached in what rigger's bundles configure (the setting it needs and
    /// rigger never writes), or nil when it can be. Only a reachable critical or high advisory
    /// refuses a new bundle; the README says the condition beside the image either way.
    public let unreachable: String?

    public init(
        id: String, aliases: [String] = [], component: AdvisoryComponent, severity: Severity, affected: [AffectedVersions], fixedIn: [String],
        impact: String, source: String, unreachable: String? = nil
    ) {
        self.id = id
        self.aliases = aliases
        self.component = component
        self.severity = severity
        self.affected = affected
        self.fixedIn = fixedIn
        self.impact = impact
        self.source = source
        self.unreachable = unreachable
    }

    /// Whether a version of the component has the hole.
    public func affects(_ version: AdvisoryVersion) -> Bool {
        affected.contains { $0.contains(version) }
    }

    /// Whether the advisory goes by this name (its CVE or an alias), in any letter case.
    public func isNamed(_ name: String) -> Bool {
        ([id] + aliases).contains { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Critical and high advisories stop a version that a new bundle would start running, unless
    /// rigger's configuration can't reach the hole.
    public var refusesNewInstalls: Bool { severity >= .high && unreachable == nil }

    /// The release to move to from `version`: the lowest fix above it, or the newest fix.
    public func fix(for version: AdvisoryVersion) -> String? {
        fixedIn.first { AdvisoryVersion($0).map { $0 > version } ?? false } ?? fixedIn.last
    }

    /// "CVE-2026-0001 (GHSA-…, critical)", and "not reachable as rigger configures it" when so.
    public var label: String {
        id + " (" + (aliases + [severity.description] + (unreachable == nil ? [] : ["not reachable as rigger configures it"])).joined(separator: ", ") + ")"
    }

    /// The fixes as one phrase: "v1.11.5 or v1.12.1".
    public var fixedText: String {
        switch fixedIn.count {
        case 0: return "no release yet"
        case 1: return fixedIn[0]
        default: return fixedIn.dropLast().joined(separator: ", ") + " or " + (fixedIn.last ?? "")
        }
    }
}

/// Advisories to look versions up in: the core's shared entries and an app's own.
public struct AdvisoryTable: Sendable {
    public let advisories: [SecurityAdvisory]

    public init(_ advisories: [SecurityAdvisory]) {
        self.advisories = advisories
    }

    /// The advisories affecting the version of a component, most severe first.
    public func affecting(_ component: AdvisoryComponent, version: String) -> [SecurityAdvisory] {
        guard let parsed = AdvisoryVersion(version) else { return [] }
        return advisories.filter { $0.component == component && $0.affects(parsed) }.sorted { $0.severity > $1.severity }
    }

    /// The advisories affecting the version an image reference pins (by its tag), most severe first.
    public func affecting(_ image: ImageReference) -> [SecurityAdvisory] {
        guard let tag = image.tag, let parsed = AdvisoryVersion(tag) else { return [] }
        return advisories.filter { $0.component.runs(image) && $0.affects(parsed) }.sorted { $0.severity > $1.severity }
    }

    /// The first release after `version` that none of the table's advisories for the component
    /// affects, from their fixes; nil when no fix clears them all.
    public func firstUnaffected(_ component: AdvisoryComponent, after version: String) -> String? {
        guard var current = AdvisoryVersion(version) else { return nil }
        var text: String?
        // Each round moves past the fixes of what still affects the candidate; a fix can land in
        // another advisory's range, hence the loop, which ends because versions only grow.
        for _ in 0..<advisories.count + 1 {
            let affecting = advisories.filter { $0.component == component && $0.affects(current) }
            guard !affecting.isEmpty else { return text }
            let fixes = affecting.compactMap { $0.fix(for: current) }.compactMap { fix in AdvisoryVersion(fix).map { (fix, $0) } }
            guard let highest = fixes.max(by: { $0.1 < $1.1 }), highest.1 > current else { return nil }
            (text, current) = (highest.0, highest.1)
        }
        return nil
    }

    /// The components the table has entries for, in table order: it says nothing of the others.
    public var components: [AdvisoryComponent] {
        var seen: [AdvisoryComponent] = []
        for advisory in advisories where !seen.contains(advisory.component) { seen.append(advisory.component) }
        return seen
    }

    /// Whether the table has entries for the component the image runs.
    public func covers(_ image: ImageReference) -> Bool {
        advisories.contains { $0.component.runs(image) }
    }

    /// The advisory with this CVE or alias, if the table has it.
    public func advisory(named name: String) -> SecurityAdvisory? {
        advisories.first { $0.isNamed(name) }
    }
}
