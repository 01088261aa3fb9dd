/// Read access to the answers resolved so far, which conditions and derived defaults consult.
public struct AnswerLookup: Sendable {
    public private(set) var values: [String: AnswerValue]

    public init(_ values: [String: AnswerValue] = [:]) {
        self.values = values
    }

    public subscript(key: String) -> AnswerValue? { values[key] }

    /// The answer as text (any kind), or nil when the key is unanswered or doesn't apply.
    public func text(_ key: String) -> String? { values[key]?.description }

    public mutating func set(_ key: String, _ value: AnswerValue?) { values[key] = value }
}
