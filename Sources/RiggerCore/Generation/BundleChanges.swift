import Foundation

/// What a regeneration changes, shown before writing (`--diff`, the wizard's review) and
/// summarised after. Secrets appear only by state, never by value.
public struct BundleChanges: Sendable {
    public enum SecretChange: String, Sendable { case unchanged, rotated, added, removed }

    public let answers: [(key: String, old: String?, new: String?)]
    public let added: [String]
    public let changed: [String]
    public let removed: [String]
    public let secrets: [(key: String, change: SecretChange)]
    /// Unified diffs of every changed file but the Secrets (listed by state only), with any
    /// secret's value, old or new, shown as `***`.
    public let diffs: [String]

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// Compares the bundle on disk (files by path, answers and secrets) with the new one.
    public init(
        oldFiles: [String: Data], oldAnswers: ResolvedAnswers?, oldSecrets: [String: String], new prepared: PreparedBundle
    ) {
        var answerChanges: [(String, String?, String?)] = []
        if let oldAnswers {
            let before = Dictionary(oldAnswers.entries.map { ($0.key, $0.value.description) }, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(prepared.answers.entries.map { ($0.key, $0.value.description) }, uniquingKeysWith: { a, _ in a })
            let order = prepared.answers.entries.map(\.key) + oldAnswers.entries.map(\.key).filter { after[$0] == nil }
            for key in order where before[key] != after[key] { answerChanges.append((key, before[key], after[key])) }
        }
        answers = answerChanges

        var added: [String] = [], changed: [String] = [], diffs: [String] = []
        let secretValues = Array(oldSecrets.values) + prepared.secrets.entries.values.map(\.value)
        for file in prepared.bundle.files {
            guard let old = oldFiles[file.path] else {
                added.append(file.path)
                continue
            }
            let new = Data(file.contents.utf8)
            guard old != new else { continue }
            changed.append(file.path)
            if !file.path.hasPrefix("secrets/") {
                let diff = UnifiedDiff.diff(
                    old: String(decoding: old, as: UTF8.self), new: file.contents, oldName: "a/\(file.path)", newName: "b/\(file.path)")
                diffs.append(Self.masking(secretValues, in: diff))
            }
        }
        self.added = added
        self.changed = changed
        self.removed = oldFiles.keys.filter { prepared.bundle[$0] == nil }.sorted()
        self.diffs = diffs

        var secretChanges: [(String, SecretChange)] = []
        for key in prepared.secrets.entries.keys.sorted() {
            guard let entry = prepared.secrets[key] else { continue }
            if let old = oldSecrets[key] {
                secretChanges.append((key, old == entry.value ? .unchanged : .rotated))
            } else {
                secretChanges.append((key, .added))
            }
        }
        for key in oldSecrets.keys.sorted() where prepared.secrets[key] == nil { secretChanges.append((key, .removed)) }
        secrets = oldSecrets.isEmpty ? [] : secretChanges
    }

    /// `text` with each of `secrets` shown as `***`: no file but the Secrets should hold one, but
    /// a README edited by hand, or an answer pasted in the wrong field, could. Longer values go
    /// first, so that one holding another is masked whole.
    static func masking(_ secrets: [String], in text: String) -> String {
        var masked = text
        for secret in Set(secrets.filter { !$0.isEmpty }).sorted(by: { $0.count > $1.count }) where masked.contains(secret) {
            masked = masked.replacingOccurrences(of: secret, with: "***")
        }
        return masked
    }

    /// The change as text: answers old -> new, files, secrets by state, then the diffs.
    public func report(includeDiffs: Bool) -> String {
        if isEmpty { return "No change: every file would stay as it is.\n" }
        var lines: [String] = []
        if !answers.isEmpty {
            lines.append("Answers:")
            for change in answers { lines.append("  \(change.key): \(change.old ?? "(none)") -> \(change.new ?? "(none)")") }
        }
        lines.append("Files:")
        for path in added { lines.append("  added    \(path)") }
        for path in changed { lines.append("  changed  \(path)") }
        for path in removed { lines.append("  removed  \(path)") }
        if !secrets.isEmpty {
            lines.append("Secrets:")
            for secret in secrets { lines.append("  \(secret.change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(secret.key)") }
        }
        var text = lines.joined(separator: "\n") + "\n"
        if includeDiffs, !diffs.isEmpty { text += "\n" + diffs.joined(separator: "\n") }
        return text
    }
}
