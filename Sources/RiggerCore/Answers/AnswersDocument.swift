internal import Yams

/// A YAML file of answers (a preset, an answers file or a bundle's rigger.yaml), read into a layer.
///
/// Keys may be nested maps or dotted (`ingress: {hostname: x}` and `ingress.hostname: x` are the
/// same answer). The top-level keys `version` and `description` are the document's own.
public struct AnswersDocument: Sendable {
    /// The answers schema version this rigger writes.
    public static let currentVersion = 2

    public let path: String
    /// The schema version the file declares, or nil when it has none (presets).
    public let version: Int?
    /// A one-line description (presets carry one).
    public let description: String?
    public let layer: AnswerLayer

    /// Parses `text`, read from `path`; errors carry the file, line and column.
    public init(text: String, path: String, layerName: String, strict: Bool = false) throws(YAMLError) {
        let root: Node?
        do {
            // The basic resolver: tags are not read here, and the default one compiles regular
            // expressions (starting ICU) on first use, milliseconds before the wizard's first frame.
            // For the same reason no constructor (answers are read as text, never constructed into
            // values) and UTF-8 named outright (Yams' default reads the whole environment).
            root = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)
        } catch let error as YamlError {
            throw Self.describe(error, path: path)
        } catch {
            throw YAMLError(file: path, line: nil, column: nil, message: "\(error)")
        }
        try self.init(root: root, path: path, layerName: layerName, strict: strict)
    }

    /// Reads answers from an already parsed YAML node (a draft keeps them under a key of its own).
    init(root: Node?, path: String, layerName: String, strict: Bool = false) throws(YAMLError) {
        self.path = path
        var layer = AnswerLayer(name: layerName, strict: strict)
        var version: Int?
        var description: String?
        guard let root else {
            self.version = nil
            self.description = nil
            self.layer = layer
            return
        }
        guard case .mapping(let mapping) = root else {
            throw YAMLError(file: path, line: root.mark?.line, column: root.mark?.column, message: "expected a map of answers (key: value)")
        }
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw Self.error(path, keyNode, "a key must be plain text")
            }
            switch keyScalar.string {
            case "version":
                guard case .scalar(let scalar) = valueNode, let number = Int(scalar.string), number > 0 else {
                    throw Self.error(path, valueNode, "version must be a positive whole number")
                }
                version = number
            case "description":
                guard case .scalar(let scalar) = valueNode else {
                    throw Self.error(path, valueNode, "description must be text")
                }
                description = scalar.string
            default:
                try Self.flatten(valueNode, prefix: keyScalar.string, keyNode: keyNode, path: path, into: &layer)
            }
        }
        self.version = version
        self.description = description
        self.layer = layer
    }

    private static func flatten(_ node: Node, prefix: String, keyNode: Node, path: String, into layer: inout AnswerLayer) throws(YAMLError) {
        let origin = Self.origin(path, keyNode)
        switch node {
        case .scalar(let scalar):
            let isNull = (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string))
            if layer[prefix] != nil { throw error(path, keyNode, "\(prefix) is given twice") }
            layer.set(prefix, RawAnswer(text: scalar.string, isNull: isNull, origin: origin))
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else { throw error(path, item, "\(prefix): a list may only hold plain values") }
                items.append(scalar.string)
            }
            if layer[prefix] != nil { throw error(path, keyNode, "\(prefix) is given twice") }
            layer.set(prefix, RawAnswer(text: items.joined(separator: ","), origin: origin))
        case .mapping(let mapping):
            if mapping.count == 0 { throw error(path, node, "\(prefix): an empty map answers nothing") }
            for (childKey, childValue) in mapping {
                guard case .scalar(let keyScalar) = childKey else { throw error(path, childKey, "a key must be plain text") }
                try flatten(childValue, prefix: prefix + "." + keyScalar.string, keyNode: childKey, path: path, into: &layer)
            }
        case .alias:
            throw error(path, node, "\(prefix): YAML aliases are not allowed in answers")
        }
    }

    private static func origin(_ path: String, _ node: Node) -> AnswerOrigin {
        .file(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    private static func error(_ path: String, _ node: Node, _ message: String) -> YAMLError {
        YAMLError(file: path, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    static func describe(_ error: YamlError, path: String) -> YAMLError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let extra = context.map { " (\($0.text))" } ?? ""
            return YAMLError(file: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)\(extra)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return YAMLError(
                file: path, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return YAMLError(file: path, line: nil, column: nil, message: "unreadable YAML: \(problem)")
        default:
            return YAMLError(file: path, line: nil, column: nil, message: "invalid YAML: \(error)")
        }
    }

    /// The YAML for complete answers: `version` first, then every answer nested by its dots, in
    /// catalog order. Secrets are never in it.
    public static func render(_ answers: ResolvedAnswers, header: [String]) throws(YAMLError) -> String {
        var tree = YAMLTree.map([("version", .int(currentVersion))])
        for (key, value) in answers.entries {
            tree.set(key, YAMLTree(value))
        }
        return header.map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n") + (header.isEmpty ? "" : "\n") + (try tree.serialized())
    }
}

extension YAMLTree {
    /// The YAML form of an answer.
    public init(_ value: AnswerValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        }
    }
}
