/// The answers schema: its current version and how files of older versions become current.
///
/// Every answers document that declares a version (a bundle's rigger.yaml, an answers file) goes
/// through `upgrade`: an older one is migrated step by step with a note of each change, a newer
/// one is refused, and one without a version (presets, hand-written files) is taken as current.
public struct AnswersSchema: Sendable {
    public let currentVersion: Int
    /// One migration per older version, each from `fromVersion` to `fromVersion + 1`.
    public let migrations: [AnswersMigration]

    public init(currentVersion: Int, migrations: [AnswersMigration]) {
        self.currentVersion = currentVersion
        self.migrations = migrations
    }

    /// The schema this rigger reads and writes. Version 1 is the first, so nothing migrates yet;
    /// a change that renames or drops a key adds its migration here.
    public static let current = AnswersSchema(currentVersion: AnswersDocument.currentVersion, migrations: [])

    /// The document's answers in the current schema, with one note per change made.
    public func upgrade(_ document: AnswersDocument) throws(YAMLError) -> (layer: AnswerLayer, notes: [String]) {
        guard var version = document.version else { return (document.layer, []) }
        if version > currentVersion {
            throw YAMLError(
                file: document.path, line: nil, column: nil,
                message: "answers version \(version) is newer than this rigger understands (\(currentVersion)); use a newer rigger")
        }
        var layer = document.layer
        var notes: [String] = []
        while version < currentVersion {
            guard let migration = migrations.first(where: { $0.fromVersion == version }) else {
                throw YAMLError(
                    file: document.path, line: nil, column: nil,
                    message: "answers version \(version) cannot be migrated: this rigger knows no step from it to \(version + 1)")
            }
            notes += migration.apply(to: &layer).map { "\(document.path) (answers version \(version) to \(version + 1)): \($0)" }
            version += 1
        }
        return (layer, notes)
    }
}

/// The changes from one answers schema version to the next, declared rather than coded so that
/// each one can say what it did.
public struct AnswersMigration: Sendable {
    public let fromVersion: Int
    /// Keys that were renamed: the answer moves, its value and origin kept.
    public let renamedKeys: [(old: String, new: String)]
    /// Choice values that were renamed under a key.
    public let renamedValues: [(key: String, old: String, new: String)]
    /// Keys that no longer exist, with why, so the note can tell the operator what to do instead.
    public let removedKeys: [(key: String, reason: String)]

    public init(
        fromVersion: Int, renamedKeys: [(old: String, new: String)] = [], renamedValues: [(key: String, old: String, new: String)] = [],
        removedKeys: [(key: String, reason: String)] = []
    ) {
        self.fromVersion = fromVersion
        self.renamedKeys = renamedKeys
        self.renamedValues = renamedValues
        self.removedKeys = removedKeys
    }

    /// Changes the layer in place and returns a note for each change it made.
    func apply(to layer: inout AnswerLayer) -> [String] {
        var notes: [String] = []
        for (old, new) in renamedKeys {
            guard let raw = layer[old] else { continue }
            layer.remove(old)
            if layer[new] != nil {
                notes.append("\(old) is now \(new); both were given, so \(new) is kept and \(old) dropped")
            } else {
                layer.set(new, raw)
                notes.append("\(old) is now \(new)")
            }
        }
        for (key, old, new) in renamedValues {
            guard let raw = layer[key], !raw.isNull, raw.text == old else { continue }
            layer.set(key, RawAnswer(text: new, isNull: false, origin: raw.origin))
            notes.append("\(key): \(old) is now called \(new)")
        }
        for (key, reason) in removedKeys where layer[key] != nil {
            layer.remove(key)
            notes.append("\(key) was dropped: \(reason)")
        }
        return notes
    }
}
