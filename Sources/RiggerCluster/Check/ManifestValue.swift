import Foundation
internal import Yams
import RiggerCore

/// A Kubernetes object as rendered (from Helm's YAML or from JSON), in the few shapes the checks
/// read: maps, lists, text, booleans.
public indirect enum ManifestValue: Sendable, Equatable {
    case map([String: ManifestValue])
    case list([ManifestValue])
    /// Text and numbers, as written.
    case scalar(String)
    case bool(Bool)
    case null

    /// The value under a key of a map.
    public subscript(key: String) -> ManifestValue? {
        if case .map(let entries) = self { return entries[key] }
        return nil
    }

    /// The text of a scalar.
    public var string: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    /// The flag of a boolean.
    public var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The items of a list, or none.
    public var items: [ManifestValue] {
        if case .list(let items) = self { return items }
        return []
    }

    /// The entries of a map, or none.
    public var entries: [String: ManifestValue] {
        if case .map(let entries) = self { return entries }
        return [:]
    }

    /// A value from YAML: plain `true`/`false` are booleans (YAML 1.2's core schema), `null` and
    /// `~` are null, everything else scalar is text.
    init(node: Node) {
        switch node {
        case .mapping(let mapping):
            var entries: [String: ManifestValue] = [:]
            for (key, value) in mapping { entries[key.string ?? ""] = ManifestValue(node: value) }
            self = .map(entries)
        case .sequence(let sequence):
            self = .list(sequence.map { ManifestValue(node: $0) })
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else {
                self = .scalar(scalar.string)
                return
            }
            switch scalar.string {
            case "true", "True", "TRUE": self = .bool(true)
            case "false", "False", "FALSE": self = .bool(false)
            case "null", "Null", "NULL", "~", "": self = .null
            default: self = .scalar(scalar.string)
            }
        case .alias:
            self = .null
        }
    }

    /// A value from what JSONSerialization returns.
    public init(json: Any) {
        switch json {
        case let map as [String: Any]: self = .map(map.mapValues { ManifestValue(json: $0) })
        case let list as [Any]: self = .list(list.map { ManifestValue(json: $0) })
        case let text as String: self = .scalar(text)
        case let number as NSNumber:
            // JSON's true and false arrive as NSNumbers of the C type "c".
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .scalar(number.stringValue)
        default: self = .null
        }
    }

    /// Calls `visit` on every map in the value, depth first.
    public func walkMaps(_ visit: ([String: ManifestValue]) -> Void) {
        switch self {
        case .map(let entries):
            visit(entries)
            for key in entries.keys.sorted() { entries[key]?.walkMaps(visit) }
        case .list(let items):
            for item in items { item.walkMaps(visit) }
        default:
            break
        }
    }
}
