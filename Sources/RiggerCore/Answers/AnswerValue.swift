/// A typed answer to one question: what the catalog's kinds parse raw text into.
public enum AnswerValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case int(Int)

    /// The value as an operator would type it after `--set KEY=`.
    public var description: String {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        }
    }

    /// The text of a string answer, or nil for other kinds.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The flag of a bool answer, or nil for other kinds.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number of an int answer, or nil for other kinds.
    public var intValue: Int? {
        if case .int(let number) = self { return number }
        return nil
    }
}
