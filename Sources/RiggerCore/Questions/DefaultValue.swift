import Foundation

/// What a question's answer is when nobody gave one.
public enum DefaultValue: Sendable {
    /// No default: the question is required when it applies, unless it is optional.
    case none
    /// A fixed value.
    case value(AnswerValue)
    /// A value that follows from earlier answers; `summary` says how, for `explain`.
    case derived(summary: String, compute: @Sendable (AnswerLookup) -> AnswerValue?)
    /// A value taken from the generation's clock when the bundle is first made (such as when its
    /// tokens were issued); rigger.yaml keeps it from then on, so regenerating gives the same.
    case firstGeneration(summary: String, compute: @Sendable (Date) -> AnswerValue)

    /// The default for these answers, if there is one; `now` is the generation's clock, without
    /// which a first-generation default has no value.
    public func resolve(_ answers: AnswerLookup, now: Date?) -> AnswerValue? {
        switch self {
        case .none: return nil
        case .value(let value): return value
        case .derived(_, let compute): return compute(answers)
        case .firstGeneration(_, let compute): return now.map(compute)
        }
    }

    /// The default as `explain` shows it.
    public var summary: String? {
        switch self {
        case .none: return nil
        case .value(let value): return value.description
        case .derived(let summary, _), .firstGeneration(let summary, _): return summary
        }
    }
}
