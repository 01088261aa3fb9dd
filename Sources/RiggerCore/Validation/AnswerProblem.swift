/// One thing wrong with the answers: which key, which value, what was expected, and where it came from.
public struct AnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Error, Sendable, Hashable {
        /// The value isn't valid; `expected` says what would be.
        case invalid(expected: String)
        /// No question has this key.
        case unknownKey(suggestion: String?)
        /// The question applies and has no default, and nobody answered it.
        case missing(expected: String)
        /// The question doesn't apply with the other answers.
        case doesNotApply(condition: String)
        /// A secret was given as a plain answer.
        case secretNotAllowed
        /// A rule between answers is broken (shrinking a volume, moving a release).
        case conflict(explanation: String)
    }

    public let key: String
    /// The value as given, or nil when there was none.
    public let value: String?
    public let reason: Reason
    public let origin: AnswerOrigin?
    /// Other answers a rule between answers names (the host `key` must differ from), which a
    /// front end marks with `key`; empty for a problem of one answer.
    public let relatedKeys: [String]

    public init(key: String, value: String?, reason: Reason, origin: AnswerOrigin?, relatedKeys: [String] = []) {
        self.key = key
        self.value = value
        self.reason = reason
        self.origin = origin
        self.relatedKeys = relatedKeys
    }

    /// Every answer the problem names: its key, then the related ones.
    public var keys: [String] { [key] + relatedKeys }

    /// One line naming the place, the key, the value and what is expected.
    public var description: String {
        let place = origin.map { "\($0): " } ?? ""
        // A problem without a value (a secret's, never shown) reads "key is not valid", with no
        // empty slot where the value would be.
        let subject = value.map { "\(key): '\(Self.printable($0))'" } ?? key
        switch reason {
        case .invalid(let expected):
            return "\(place)\(subject) is not valid; expected \(expected)"
        case .unknownKey(let suggestion):
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return "\(place)\(key): unknown key\(hint); `rigger explain` lists every key"
        case .missing(let expected):
            return "\(place)\(key): missing; expected \(expected)"
        case .doesNotApply(let condition):
            return "\(place)\(subject) was given, but \(key) applies only when \(condition)"
        case .secretNotAllowed:
            return "\(place)\(key): is a secret; give it with --secret \(key)=@FILE or --secret \(key)=env:VAR, never as a plain value"
        case .conflict(let explanation):
            return "\(place)\(subject) \(explanation)"
        }
    }

    /// Shows control characters escaped so that a bad value can't garble the terminal.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// The answers failed validation: every problem at once.
public struct InvalidAnswers: Error, Sendable, CustomStringConvertible {
    public let problems: [AnswerProblem]

    public init(_ problems: [AnswerProblem]) { self.problems = problems }

    public var description: String {
        let count = problems.count
        let head = "\(count) problem\(count == 1 ? "" : "s") with the answers; nothing was written:"
        return ([head] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
