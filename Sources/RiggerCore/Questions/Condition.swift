/// When a question (or a choice) applies, with a sentence that says so for `explain` and errors.
public struct Condition: Sendable {
    /// Reads like "postgresql.mode is managed"; empty for `always`.
    public let summary: String
    /// The keys the condition reads: they must be declared before the question that uses it.
    public let keys: [String]
    private let test: @Sendable (AnswerLookup) -> Bool

    public init(summary: String, keys: [String], test: @escaping @Sendable (AnswerLookup) -> Bool) {
        self.summary = summary
        self.keys = keys
        self.test = test
    }

    /// Whether the condition holds for these answers.
    public func holds(_ answers: AnswerLookup) -> Bool { test(answers) }

    /// Holds for every set of answers.
    public static let always = Condition(summary: "", keys: []) { _ in true }

    /// Holds for no set of answers.
    public static let never = Condition(summary: "never", keys: []) { _ in false }

    /// Holds when `key` has an answer (a default counts).
    public static func answered(_ key: String) -> Condition {
        Condition(summary: "\(key) is set", keys: [key]) { answers in answers[key] != nil }
    }

    /// Holds when `key` is answered with one of `values`.
    public static func when(_ key: String, is values: String...) -> Condition {
        when(key, isIn: values)
    }

    /// Holds when `key` is answered with one of `values`.
    public static func when(_ key: String, isIn values: [String]) -> Condition {
        let set = Set(values)
        let shown = values.count == 1 ? values[0] : "one of " + values.joined(separator: ", ")
        return Condition(summary: "\(key) is \(shown)", keys: [key]) { answers in
            guard let value = answers.text(key) else { return false }
            return set.contains(value)
        }
    }

    /// Holds when `key` is answered and not with any of `values`.
    public static func when(_ key: String, isNot values: String...) -> Condition {
        let set = Set(values)
        return Condition(summary: "\(key) is not \(values.joined(separator: " or "))", keys: [key]) { answers in
            guard let value = answers.text(key) else { return false }
            return !set.contains(value)
        }
    }

    /// Holds when the bool answer `key` is true.
    public static func enabled(_ key: String) -> Condition {
        Condition(summary: "\(key) is true", keys: [key]) { answers in answers[key]?.boolValue == true }
    }

    /// Holds when every one of the conditions holds.
    public static func all(_ conditions: Condition...) -> Condition {
        let parts = conditions.filter { !$0.summary.isEmpty }
        return Condition(summary: parts.map { grouped($0.summary, inside: " or ") }.joined(separator: " and "), keys: parts.flatMap(\.keys)) { answers in
            parts.allSatisfy { $0.holds(answers) }
        }
    }

    /// Holds when at least one of the conditions holds.
    public static func any(_ conditions: Condition...) -> Condition {
        Condition(summary: conditions.map { grouped($0.summary, inside: " and ") }.joined(separator: " or "), keys: conditions.flatMap(\.keys)) {
            answers in conditions.contains { $0.holds(answers) }
        }
    }

    /// A summary in parentheses when it holds the other connective, so that "a or b" within an
    /// "and" never reads as "a or (b and c)".
    private static func grouped(_ summary: String, inside connective: String) -> String {
        summary.contains(connective) ? "(\(summary))" : summary
    }
}
