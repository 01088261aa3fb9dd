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
        case .choice(let choices): return "one of " + choices.map(\.value).joined(separator: ", ")
        case .text(let format): return format.expectation
        case .bool: return "true or false"
        case .int(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .size: return "a Kubernetes storage quantity such as 20Gi (Ki, Mi, Gi, Ti, Pi; or k, M, G, T, P)"
        case .secret(let policy): return policy.expectation
        }
    }
}

/// Where a secret's value comes from when the operator doesn't supply one.
public struct SecretPolicy: Sendable {
    /// How many characters rigger generates when it makes the value itself.
    public let length: Int
    /// When only the operator can know the value (a managed service's password): then a marked
    /// placeholder stands in until it is given, and 00-preflight.sh refuses to go on.
    /// nil when rigger always generates it.
    public let operatorSuppliedWhen: Condition?
    /// The answers that name a Secret already in the cluster to read the value from instead;
    /// nil when the secret can't come from one.
    public let existing: ExistingSecretAnswers?

    public init(length: Int = 32, operatorSuppliedWhen: Condition? = nil, existing: ExistingSecretAnswers? = nil) {
        self.length = length
        self.operatorSuppliedWhen = operatorSuppliedWhen
        self.existing = existing
    }

    /// A secret only the operator can supply, whatever the other answers.
    public static func operatorSupplied(existing: ExistingSecretAnswers? = nil) -> SecretPolicy {
        SecretPolicy(length: 0, operatorSuppliedWhen: .always, existing: existing)
    }

    /// Whether rigger may generate the value for these answers.
    public func isGenerated(_ answers: AnswerLookup) -> Bool {
        guard let condition = operatorSuppliedWhen else { return true }
        return !condition.holds(answers)
    }

    public var expectation: String {
        let supply = "--secret KEY=@FILE or --secret KEY=env:VAR"
        if length == 0 {
            return "supplied with \(supply); until then a placeholder that 00-preflight.sh refuses"
        }
        let generated = "generated (\(length) random characters) unless supplied with \(supply)"
        guard let condition = operatorSuppliedWhen else { return generated }
        return generated + "; when \(condition.summary), only the operator can supply it"
    }
}
