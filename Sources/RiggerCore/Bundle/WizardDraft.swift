import Foundation
internal import Yams

/// The wizard's answers so far, saved after each step to `DIR/.rigger/draft.yaml` so that a
/// dropped SSH session can resume where it was.
///
/// A draft holds everything that decides the wizard's questions, whatever set it: the app (given
/// with `--app`, named by a preset, or picked on the app page), the preset and answers file it
/// started from, and what the operator typed (as raw text, exactly as the wizard would send it to
/// the resolver); then how each secret is to be provided and the step reached. Typed secret
/// values are never saved: a resumed wizard asks for them again.
public struct WizardDraft: Sendable, Equatable {
    /// The draft format version, separate from the answers schema: drafts are short-lived.
    public static let formatVersion = 1
    static let fileName = "draft.yaml"

    /// The title of the step the operator had reached.
    public var step: String
    /// The app whose questions were asked; nil in a draft saved before drafts held it, whose
    /// answers then name the app or leave it to the default.
    public var app: String?
    public var preset: String?
    public var answersFile: String?
    /// Typed answers in the order given; nil means the operator cleared the field.
    public var answers: [DraftAnswer]
    /// The answers schema version the answers' keys are in (1 in a draft that doesn't say).
    public var answersVersion: Int
    /// How each secret is provided ("keep", "generate", "type", "later"), by secret key.
    public var secretChoices: [String: String]
    /// Whether rigger created the bundle folder for the draft, so quitting may remove it again.
    public var createdFolder: Bool
    /// Whether the operator confirmed replacing the app, release or namespace of the bundle in
    /// the folder (what `--force` confirms on the command line).
    public var replaceConfirmed: Bool = false

    /// One typed answer.
    public struct DraftAnswer: Sendable, Equatable {
        public var key: String
        public var text: String?

        public init(key: String, text: String?) {
            self.key = key
            self.text = text
        }
    }

    public init(
        step: String, app: String? = nil, preset: String?, answersFile: String?, answers: [DraftAnswer], secretChoices: [String: String],
        createdFolder: Bool = false, answersVersion: Int = AnswersDocument.currentVersion
    ) {
        self.step = step
        self.answersVersion = answersVersion
        self.app = app
        self.preset = preset
        self.answersFile = answersFile
        self.answers = answers
        self.secretChoices = secretChoices
        self.createdFolder = createdFolder
    }

    /// The draft's path in a bundle folder.
    public static func path(in directory: String) -> String { directory + "/.rigger/" + fileName }

    /// The typed answers as the wizard's answer layer.
    public var layer: AnswerLayer {
        AnswerLayer(name: "wizard", answers: answers.map { ($0.key, RawAnswer(text: $0.text ?? "", isNull: $0.text == nil, origin: .wizard)) })
    }

    /// The draft as YAML. Answer keys stay flat (one per line) so a half-typed answer never nests
    /// under another.
    public func serialized() throws(YAMLError) -> String {
        var draft: [(String, YAMLTree)] = [("version", .int(Self.formatVersion)), ("step", .string(step))]
        if let app { draft.append(("app", .string(app))) }
        if let preset { draft.append(("preset", .string(preset))) }
        if let answersFile { draft.append(("answersFile", .string(answersFile))) }
        if createdFolder { draft.append(("createdFolder", .bool(true))) }
        if replaceConfirmed { draft.append(("replaceConfirmed", .bool(true))) }
        draft.append(("answersVersion", .int(answersVersion)))
        draft.append(("answers", .map(answers.map { ($0.key, $0.text.map(YAMLTree.string) ?? .null) })))
        draft.append(("secrets", .map(secretChoices.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        let comment = "# rigger wizard draft: the answers typed so far, for resuming after a dropped session.\n"
            + "# Typed secret values are not saved. Writing the bundle removes this file.\n"
        return comment + (try YAMLTree.map(draft).serialized())
    }

    /// Reads a draft from YAML text; errors carry the file, line and column.
    public init(text: String, path: String) throws(YAMLError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw AnswersDocument.describe(error, path: path)
        } catch {
            throw YAMLError(file: path, line: nil, column: nil, message: "\(error)")
        }
        guard let root, case .mapping(let mapping) = root else {
            throw YAMLError(file: path, line: root?.mark?.line, column: root?.mark?.column, message: "expected a wizard draft (a map)")
        }
        func value(_ key: String) -> String? { mapping[Node(key)]?.string }
        guard let version = value("version").flatMap(Int.init), version == Self.formatVersion else {
            throw YAMLError(file: path, line: root.mark?.line, column: root.mark?.column, message: "not a draft this rigger can resume (version \(value("version") ?? "missing"))")
        }
        guard let step = value("step") else {
            throw YAMLError(file: path, line: root.mark?.line, column: root.mark?.column, message: "the draft names no step")
        }
        var answers: [DraftAnswer] = []
        if let answersNode = mapping[Node("answers")] {
            guard case .mapping(let entries) = answersNode else {
                throw YAMLError(file: path, line: answersNode.mark?.line, column: answersNode.mark?.column, message: "answers must be a map")
            }
            for (keyNode, valueNode) in entries {
                guard let key = keyNode.string, case .scalar(let scalar) = valueNode else {
                    throw YAMLError(file: path, line: keyNode.mark?.line, column: keyNode.mark?.column, message: "an answer must be a key and a plain value")
                }
                let isNull = scalar.style == .plain && ["", "~", "null"].contains(scalar.string)
                answers.append(DraftAnswer(key: key, text: isNull ? nil : scalar.string))
            }
        }
        var choices: [String: String] = [:]
        if case .mapping(let entries)? = mapping[Node("secrets")] {
            for (keyNode, valueNode) in entries {
                if let key = keyNode.string, let value = valueNode.string { choices[key] = value }
            }
        }
        self.init(
            step: step, app: value("app"), preset: value("preset"), answersFile: value("answersFile"), answers: answers, secretChoices: choices,
            createdFolder: value("createdFolder") == "true", answersVersion: value("answersVersion").flatMap(Int.init) ?? 1)
        replaceConfirmed = value("replaceConfirmed") == "true"
    }

    /// Reads the draft in a bundle folder, or nil when there is none.
    public static func read(from directory: String) throws(YAMLError) -> WizardDraft? {
        let path = path(in: directory)
        // Asked first: reading a missing file costs far more (see `ExistingBundle.read`).
        guard FileManager.default.fileExists(atPath: path), let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLError(file: path, line: nil, column: nil, message: "not UTF-8 text")
        }
        return try WizardDraft(text: text, path: path)
    }

    /// Saves the draft (0600 in a 0700 `.rigger/`), replacing any earlier one in one rename.
    /// Refuses a foreign folder, as a bundle write would.
    public func save(in directory: String) throws {
        let writer = BundleWriter(directory: directory)
        try writer.checkWritable(force: false)
        let data = Data(try serialized().utf8)
        try writer.createDirectory(directory, mode: 0o755)
        try writer.createDirectory(directory + "/.rigger", mode: 0o700)
        let target = Self.path(in: directory)
        let temporary = target + ".tmp"
        try writer.writeFile(temporary, data, mode: 0o600)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw BundleWriteError(path: target, message: "cannot save the draft: \(reason)")
        }
    }

    /// Removes the draft in a bundle folder, and `.rigger/` when nothing else is in it; the bundle
    /// folder too when `removeEmptyFolder` (rigger created it for the draft) and it is then empty.
    public static func remove(from directory: String, removeEmptyFolder: Bool = false) {
        let manager = FileManager.default
        try? manager.removeItem(atPath: path(in: directory))
        try? manager.removeItem(atPath: path(in: directory) + ".tmp")
        let riggerFolder = directory + "/.rigger"
        if (try? manager.contentsOfDirectory(atPath: riggerFolder))?.isEmpty == true {
            try? manager.removeItem(atPath: riggerFolder)
            if removeEmptyFolder, (try? manager.contentsOfDirectory(atPath: directory))?.isEmpty == true {
                try? manager.removeItem(atPath: directory)
            }
        }
    }
}
