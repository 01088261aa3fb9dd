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

    /// The core's own schema: the keys every app shares. A change that renames or drops one of
    /// them adds its migration here; an app's own keys migrate through its `answersMigrations`,
    /// which `AppRegistry.schema` merges in. Version 2 renamed apps' keys only.
    public static let current = AnswersSchema(currentVersion: AnswersDocument.currentVersion, migrations: [AnswersMigration(fromVersion: 1)])

    /// This schema with more changes merged in, step by step: those of the same version are
    /// applied together (apps' keys never overlap).
    public func including(_ more: [AnswersMigration]) -> AnswersSchema {
        var merged = migrations
        for migration in more {
            if let index = merged.firstIndex(where: { $0.fromVersion == migration.fromVersion }) {
                merged[index] = merged[index].merged(with: migration)
            } else {
                merged.append(migration)
            }
        }
        return AnswersSchema(currentVersion: currentVersion, migrations: merged)
    }

    /// The document's answers in the current schema, with one note per change made.
    public func upgrade(_ document: AnswersDocument) throws(YAMLError) -> (layer: AnswerLayer, notes: [String]) {
        guard let version = document.version else { return (document.layer, []) }
        return try upgrade(document.layer, from: version, path: document.path)
    }

    /// Answers of schema `version`, read from `path` (named in errors and notes), in the current schema.
    public func upgrade(_ answers: AnswerLayer, from version: Int, path: String) throws(YAMLError) -> (layer: AnswerLayer, notes: [String]) {
        if version > currentVersion {
            throw YAMLError(
                file: path, line: nil, column: nil,
                message: "answers version \(version) is newer than this rigger understands (\(currentVersion)); use a newer rigger")
        }
        var layer = answers
        var notes: [String] = []
        var version = version
        while version < currentVersion {
            guard let migration = migrations.first(where: { $0.fromVersion == version }) else {
                throw YAMLError(
                    file: path, line: nil, column: nil,
                    message: "answers version \(version) cannot be migrated: this rigger knows no step from it to \(version + 1)")
            }
            notes += migration.apply(to: &layer).map { "\(path) (answers version \(version) to \(version + 1)): \($0)" }
            version += 1
        }
        return (layer, notes)
    }
}

extension AnswersSchema {
    /// Answers given by a key an older schema used (`--set OLD=VALUE` from an operator's older
    /// script) moved to today's key, with the value renamed as a file's would
    /// be, and a note for each; every other answer is left exactly as given, so that a wrong value
    /// under today's key is still refused rather than translated.
    public func movingOldKeys(in layer: AnswerLayer, source: String) -> (layer: AnswerLayer, notes: [String]) {
        var layer = layer
        var notes: [String] = []
        for migration in migrations.sorted(by: { $0.fromVersion < $1.fromVersion }) {
            for (old, _) in migration.renamedKeys {
                guard let raw = layer[old] else { continue }
                var moved = AnswerLayer(name: layer.name, strict: layer.strict, answers: [(old, raw)])
                var version = migration.fromVersion
                var steps: [String] = []
                while version < currentVersion, let step = migrations.first(where: { $0.fromVersion == version }) {
                    steps += step.apply(to: &moved)
                    version += 1
                }
                layer.remove(old)
                for key in moved.order {
                    guard let answer = moved[key] else { continue }
                    if layer[key] != nil {
                        notes.append("\(source) \(old): \(old) is now \(key); both were given, so \(key) is kept and \(old) dropped")
                    } else {
                        layer.set(key, answer)
                        notes.append("\(source) \(old): " + steps.joined(separator: "; "))
                    }
                }
            }
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

    /// The changes of both, for the same step.
    func merged(with other: AnswersMigration) -> AnswersMigration {
        AnswersMigration(
            fromVersion: fromVersion, renamedKeys: renamedKeys + other.renamedKeys, renamedValues: renamedValues + other.renamedValues,
            removedKeys: removedKeys + other.removedKeys)
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
