/// Answers after validation: every question that applies, with its value (defaults filled in),
/// in catalog order. Secrets are not here; they live in a `SecretSet`.
public struct ResolvedAnswers: Sendable, Equatable {
    /// Key and value, in catalog order.
    public let entries: [(key: String, value: AnswerValue)]
    /// Keys whose value came from a default rather than an answer.
    public let defaulted: Set<String>

    public init(entries: [(key: String, value: AnswerValue)], defaulted: Set<String>) {
        self.entries = entries
        self.defaulted = defaulted
    }

    public var lookup: AnswerLookup {
        AnswerLookup(Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    public subscript(key: String) -> AnswerValue? { entries.first { $0.key == key }?.value }

    public static func == (lhs: ResolvedAnswers, rhs: ResolvedAnswers) -> Bool {
        lhs.entries.map(\.key) == rhs.entries.map(\.key) && lhs.entries.map(\.value) == rhs.entries.map(\.value)
    }
}
