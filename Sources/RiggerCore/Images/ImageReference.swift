import Foundation

/// A container image reference split into registry, repository, tag and digest, with Docker's
/// defaults filled in, so that `bitnami/redis:7` and `docker.io/bitnami/redis:7` compare alike.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host, e.g. `docker.io`, `registry.k8s.io`.
    public let registry: String
    /// The repository path, e.g. `library/busybox`, `bitnamilegacy/redis`.
    public let repository: String
    public let tag: String?
    /// The digest, e.g. `sha256:…`.
    public let digest: String?
    /// The reference as it was written.
    public let text: String

    /// Parses a reference; nil for empty text.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(" ") else { return nil }
        self.text = trimmed
        var rest = Substring(trimmed)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        } else {
            digest = nil
        }
        // A tag follows the last ':' after the last '/', so a registry's port isn't taken for one.
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        } else {
            tag = nil
        }
        let parts = rest.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
            registry = parts[0] == "index.docker.io" || parts[0] == "registry-1.docker.io" ? "docker.io" : parts[0]
            repository = registry == "docker.io" && !parts[1].contains("/") ? "library/" + parts[1] : parts[1]
        } else {
            registry = "docker.io"
            repository = parts.count == 1 ? "library/" + parts[0] : parts.joined(separator: "/")
        }
    }

    /// The reference with its registry and repository written out in full.
    public var normalized: String {
        "\(registry)/\(repository)" + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "")
    }

    /// Whether the reference names one build: a digest, or a tag other than `latest`.
    public var isPinned: Bool {
        if digest != nil { return true }
        guard let tag, !tag.isEmpty else { return false }
        return tag != "latest"
    }

    public var description: String { text }
}
