import Foundation
import RiggerCore

/// What an upgrade changes in a release's values: the values it was installed with (`helm get
/// values`) against the bundle's values.yaml, leaf by leaf, lists item by item. Values that may be
/// secret are never shown: by their key's name, by the name beside them in an env-style entry
/// (`{name: OPENAI_KEY, value: …}`), or because they hold one of the bundle's secrets; a URL's
/// password is hidden in what is shown.
public struct ValuesDiff: Sendable, Equatable {
    /// One changed leaf.
    public struct Change: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case added = "+", removed = "-", changed = "~" }
        public let kind: Kind
        /// The dotted path, e.g. `image.tag`, with list items by index, e.g. `env[2].value`.
        public let path: String
        /// How the old and new values are shown (masked ones as "(may be secret, masked)").
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

    /// A leaf's text, and whether where it sits says it may be secret.
    struct Leaf: Equatable {
        let text: String
        let maySecret: Bool
    }

    public let changes: [Change]

    /// Compares the installed values with the bundle's; `secrets` are values to mask wherever they
    /// appear, whole or inside a longer value.
    public init(installed: ManifestValue, bundle: ManifestValue, secrets: Set<String> = []) {
        let secrets = secrets.filter { !$0.isEmpty }
        let before = Self.leaves(installed), after = Self.leaves(bundle)
        var changes: [Change] = []
        let paths = Set(before.keys).union(after.keys).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        for path in paths {
            let old = before[path], new = after[path]
            guard old?.text != new?.text else { continue }
            // Both sides are masked when either may be secret: one shown would tell about the other.
            let masked = [old, new].contains { leaf in
                guard let leaf else { return false }
                return leaf.maySecret || secrets.contains { leaf.text.contains($0) }
            }
            let show = { (leaf: Leaf?) in leaf.map { masked ? Self.mask : Self.hidingURLPasswords($0.text) } }
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

    /// Words that, anywhere in a key, say its value may be a secret. `key` alone masks `keyspace`
    /// too: a value hidden by mistake costs less than one shown.
    private static let secretParts = ["password", "passwd", "passphrase", "secret", "token", "key", "credential", "auth", "salt", "dsn"]
    /// Words too short to look for inside other words (`bypass`), that mask as whole words only.
    private static let secretWords: Set<String> = ["pass", "pw", "pwd", "cred", "creds"]

    /// Whether a value under this key may be a secret: the key names a password, token, key,
    /// credential and the like, and is not merely the name of a Secret or of a key in one
    /// (`existingSecret`, `passwordSecretName`, `secretKeyRef`). A dotted path is judged by its last key.
    static func maySecret(_ path: String) -> Bool {
        let key = path.split(separator: ".").last.map(String.init) ?? path
        let words = Self.words(key)
        if isSecretReference(words) { return false }
        let joined = words.joined()
        return secretParts.contains(where: joined.contains) || words.contains(where: secretWords.contains)
    }

    /// Whether the key's words name a Secret or a key of one rather than hold a secret.
    private static func isSecretReference(_ words: [String]) -> Bool {
        if words.first == "existing", words.contains("secret") { return true }
        let references: [[String]] = [["secret", "name"], ["secret", "ref"], ["key", "ref"]]
        return references.contains { words.count >= $0.count && Array(words.suffix($0.count)) == $0 }
    }

    /// A key's words, lowercased: camelCase, snake_case, kebab-case and SCREAMING_SNAKE alike
    /// (`totpVaultKey` is totp, vault, key; `OPENAI_API_KEY` is openai, api, key).
    static func words(_ key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in key {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            // A capital after a small letter starts a word: vault|Key, but not A|P|I in API.
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    /// Every leaf by path: scalars, empty maps and empty lists; list items each on their own, by index.
    static func leaves(_ value: ManifestValue) -> [String: Leaf] {
        var found: [String: Leaf] = [:]
        collect(value, path: "", maySecret: false, into: &found)
        return found
    }

    /// `maySecret` says what the nearest key above (or the env-style name beside) says of the value.
    private static func collect(_ value: ManifestValue, path: String, maySecret: Bool, into found: inout [String: Leaf]) {
        switch value {
        case .map(let entries) where !entries.isEmpty:
            // An env-style entry, `{name: OPENAI_KEY, value: sk-…}`: the name says what the value is.
            let namedSecret = ["name", "key"].contains { entries[$0]?.string.map(Self.maySecret) ?? false }
            for (key, child) in entries {
                let childMaySecret = Self.maySecret(key) || (key == "value" && namedSecret)
                collect(child, path: path.isEmpty ? key : "\(path).\(key)", maySecret: childMaySecret, into: &found)
            }
        case .list(let items) where !items.isEmpty:
            for (index, item) in items.enumerated() {
                collect(item, path: "\(path)[\(index)]", maySecret: maySecret, into: &found)
            }
        default:
            if found[path] == nil { found[path] = Leaf(text: compact(value), maySecret: maySecret) }
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

    /// The text with the password of every URL in it replaced by `***`: `redis://:***@host`. The
    /// password runs to the last `@` before a space, so one with an `@` in it is hidden whole.
    static func hidingURLPasswords(_ text: String) -> String {
        var shown = ""
        var rest = Substring(text)
        while let scheme = rest.range(of: "://") {
            shown += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let authority = rest.prefix { !$0.isWhitespace }
            guard let colon = authority.firstIndex(of: ":"), !authority[..<colon].contains("/"),
                let at = authority.lastIndex(of: "@"), colon < at
            else { continue }
            shown += rest[...colon] + "***"
            rest = rest[at...]
        }
        return shown + rest
    }
}
