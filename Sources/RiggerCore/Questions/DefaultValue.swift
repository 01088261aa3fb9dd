/// What a question's answer is when nobody gave one.
public enum DefaultValue: Sendable {
    /// No default: the question is required when it applies, unless it is optional.
    case none
    /// A fixed value.
    case value(AnswerValue)
    /// A value that follows from earlier answers; `summary` says how, for `explain`.
    case derived(summary: String, compute: @Sendable (AnswerLookup) -> AnswerValue?)

    /// The default for these answers, if there is one.
    public func resolve(_ answers: AnswerLookup) -> AnswerValue? {
        switch self {
        case .none: return nil
        case .value(let value): return value
        case .derived(_, let compute): return compute(answers)
        }
    }

    /// The default as `explain` shows it.
    public var summary: String? {
        switch self {
        case .none: return nil
        case .value(let value): return value.description
        case .derived(let summary, _): return summary
        }
    }
}
