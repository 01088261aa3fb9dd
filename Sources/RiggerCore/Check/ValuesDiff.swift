/// What an upgrade changes in a release's values: the values it was installed with (`helm get
/// values`) against the bundle's values.yaml, leaf by leaf. Values that may be secret (by their
/// key's name, or because they equal one of the bundle's secrets) are never shown.
public struct ValuesDiff: Sendable, Equatable {
    /// One changed leaf.
    public struct Change: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case added = "+", removed = "-", changed = "~" }
        public let kind: Kind
        /// The dotted path, e.g. `image.tag`.
        public let path: String
        /// How the old and new values are shown (masked ones as "(secret, masked)").
        public let old: String?
        public let new: String?

        public var description: String {
            switch kind {
            case .added: return "+ \(path): \(new ?? "")"
            case .removed: return "- \(path): \(old ?? "")"
            case .changed: return "~ \(path): \(old ?? "") -> \(new ?? "")"
            }
        }
    }

    public let changes: [Change]

    /// Compares the installed values with the bundle's; `secrets` are values to mask wherever they appear.
    public init(installed: ManifestValue, bundle: ManifestValue, secrets: Set<String> = []) {
        let before = Self.leaves(installed), after = Self.leaves(bundle)
        var changes: [Change] = []
        for path in Set(before.keys).union(after.keys).sorted() {
            let old = before[path], new = after[path]
            guard old != new else { continue }
            let masked = Self.maySecret(path) || [old, new].contains { $0.map(secrets.contains) ?? false }
            let show = { (value: String?) in value.map { masked ? Self.mask : $0 } }
            let kind: Change.Kind = old == nil ? .added : new == nil ? .removed : .changed
            changes.append(Change(kind: kind, path: path, old: show(old), new: show(new)))
        }
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// The changes, one per line; "no change" when there is none.
    public var text: String {
        changes.isEmpty ? "no change in the values\n" : changes.map { "  \($0)" }.joined(separator: "\n") + "\n"
    }

    static let mask = "(may be secret, masked)"

    /// Whether a value at this path may be a secret: its key names a password, token or key, and
    /// is not merely the name of a Secret or of a key in one.
    static func maySecret(_ path: String) -> Bool {
        let key = (path.split(separator: ".").last.map(String.init) ?? path).lowercased()
        let reference = ["existingsecret", "secretname", "secretref", "secretkeyref"]
        if reference.contains(where: key.contains) { return false }
        let secretWords = ["password", "passwd", "secret", "token", "apikey", "api_key", "accesskey", "access_key", "privatekey",
                           "private_key", "credential", "auth"]
        return secretWords.contains(where: key.contains)
    }

    /// Every leaf (a scalar, a list, an empty map) by dotted path, as compact text.
    static func leaves(_ value: ManifestValue, prefix: String = "") -> [String: String] {
        switch value {
        case .map(let entries) where !entries.isEmpty:
            var found: [String: String] = [:]
            for (key, child) in entries {
                found.merge(leaves(child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")) { first, _ in first }
            }
            return found
        default:
            return [prefix: compact(value)]
        }
    }

    static func compact(_ value: ManifestValue) -> String {
        switch value {
        case .map(let entries): return "{" + entries.keys.sorted().map { "\($0): \(compact(entries[$0] ?? .null))" }.joined(separator: ", ") + "}"
        case .list(let items): return "[" + items.map(compact).joined(separator: ", ") + "]"
        case .scalar(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}
