/// What sort of answer a question takes, and so how raw text is parsed and checked.
public enum QuestionKind: Sendable {
    /// One of a fixed list of values.
    case choice([Choice])
    /// Free text in a given format.
    case text(TextFormat)
    /// true or false.
    case bool
    /// A whole number in a range.
    case int(ClosedRange<Int>)
    /// A Kubernetes storage quantity such as 20Gi.
    case size
    /// A secret value: never an answer in a file or on the command line.
    case secret(SecretPolicy)

    /// The kind's name as `explain` shows it.
    public var name: String {
        switch self {
        case .choice: return "choice"
        case .text: return "text"
        case .bool: return "bool"
        case .int: return "int"
        case .size: return "size"
        case .secret: return "secret"
        }
    }

    /// What a valid answer looks like, for errors and `explain`.
    public var expectation: String {
        switch self {
        case .choice(let choices): return "one of " + choices.filter { $0.refusal == nil }.map(\.value).joined(separator: ", ")
        case .text(let format): return format.expectation
        case .bool: return "true or false"
        case .int(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .size:
            return "a volume size with its unit, at least 1Gi, such as 20Gi (Ki, Mi, Gi, Ti, Pi; or k, M, G, T, P): "
                + "a bare number is bytes, and a smaller volume holds no useful data"
        case .secret(let policy): return policy.expectation
        }
    }
}
