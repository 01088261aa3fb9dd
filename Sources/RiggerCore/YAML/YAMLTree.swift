internal import Yams

/// An ordered YAML document built in memory and serialized by Yams.
///
/// Order matters: the same plan must give byte-identical files, so maps keep insertion order
/// instead of a dictionary's.
public indirect enum YAMLTree: Sendable, Equatable {
    case map([(String, YAMLTree)])
    case list([YAMLTree])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    public static func == (lhs: YAMLTree, rhs: YAMLTree) -> Bool {
        switch (lhs, rhs) {
        case (.map(let a), .map(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        case (.list(let a), .list(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// An empty map.
    public static let emptyMap = YAMLTree.map([])

    /// Sets the value at a path of map keys, creating maps on the way and keeping existing order.
    public mutating func set(_ path: [String], _ value: YAMLTree) {
        guard let first = path.first else {
            self = value
            return
        }
        var entries: [(String, YAMLTree)]
        if case .map(let existing) = self { entries = existing } else { entries = [] }
        if let index = entries.firstIndex(where: { $0.0 == first }) {
            entries[index].1.set(Array(path.dropFirst()), value)
        } else {
            var child = YAMLTree.emptyMap
            child.set(Array(path.dropFirst()), value)
            entries.append((first, child))
        }
        self = .map(entries)
    }

    /// Sets a value at a dotted path such as `ingress.gcp.ip_name`.
    public mutating func set(_ dottedPath: String, _ value: YAMLTree) {
        set(dottedPath.split(separator: ".").map(String.init), value)
    }

    /// The value at a path of map keys, if any.
    public subscript(path: [String]) -> YAMLTree? {
        guard let first = path.first else { return self }
        guard case .map(let entries) = self, let child = entries.first(where: { $0.0 == first })?.1 else { return nil }
        return child[Array(path.dropFirst())]
    }

    /// Every path to a leaf (a scalar, a list or an empty map), as dotted strings.
    public var leafPaths: [[String]] {
        switch self {
        case .map(let entries) where !entries.isEmpty:
            return entries.flatMap { key, value in value.leafPaths.map { [key] + $0 } }
        default:
            return [[]]
        }
    }

    /// The Yams node for this tree. Strings that a YAML reader would take for another type
    /// ("true", "5432", "", "~") are quoted so they stay strings.
    var node: Node {
        switch self {
        case .map(let entries):
            return .mapping(Node.Mapping(entries.map { (Node($0.0), $0.1.node) }))
        case .list(let items):
            return .sequence(Node.Sequence(items.map(\.node)))
        case .string(let text):
            return .scalar(Node.Scalar(text, Tag(.str), Self.style(for: text)))
        case .int(let number):
            return .scalar(Node.Scalar(String(number), Tag(.int)))
        case .bool(let flag):
            return .scalar(Node.Scalar(flag ? "true" : "false", Tag(.bool)))
        case .null:
            return .scalar(Node.Scalar("null", Tag(.null)))
        }
    }

    static func style(for text: String) -> Node.Scalar.Style {
        // A file's contents (a config file in a ConfigMap) stays readable as a literal block;
        // the emitter falls back to a quoted style where a block can't hold the text exactly.
        if text.contains("\n") { return .literal }
        let plain = Node.Scalar(text)
        if text.isEmpty || Resolver.default.resolveTag(of: .scalar(plain)) != .str {
            return .doubleQuoted
        }
        return .any
    }

    /// The document as YAML text.
    public func serialized() throws(YAMLError) -> String {
        do {
            return try Yams.serialize(
                node: node, indent: 2, width: -1, allowUnicode: true, lineBreak: .ln, explicitStart: true, sortKeys: false)
        } catch {
            throw YAMLError(file: nil, line: nil, column: nil, message: "could not serialize YAML: \(error)")
        }
    }
}
