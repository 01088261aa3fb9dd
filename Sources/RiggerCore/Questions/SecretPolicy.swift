import Foundation

/// Where a secret's value comes from when the operator doesn't supply one.
public struct SecretPolicy: Sendable {
    /// How many characters (or, for `.base64Bytes`, random bytes) rigger generates when it makes
    /// the value itself.
    public let length: Int
    /// What a generated value looks like.
    public let format: SecretFormat
    /// When only the operator can know the value (a managed service's password): then a marked
    /// placeholder stands in until it is given, and 00-preflight.sh refuses to go on.
    /// nil when rigger always generates it.
    public let operatorSuppliedWhen: Condition?
    /// The answers that name a Secret already in the cluster to read the value from instead;
    /// nil when the secret can't come from one.
    public let existing: ExistingSecretAnswers?
    /// What a value the operator supplies (or the bundle keeps) must not be. Unless a secret
    /// says otherwise, the rules of a password: at least 16 characters.
    public let valueRules: SecretValueRules

    public init(
        length: Int = 32, format: SecretFormat = .alphanumeric, operatorSuppliedWhen: Condition? = nil, existing: ExistingSecretAnswers? = nil,
        valueRules: SecretValueRules = .password
    ) {
        self.length = length
        self.format = format
        self.operatorSuppliedWhen = operatorSuppliedWhen
        self.existing = existing
        self.valueRules = valueRules
    }

    /// A secret only the operator can supply, whatever the other answers.
    public static func operatorSupplied(existing: ExistingSecretAnswers? = nil, valueRules: SecretValueRules = .password) -> SecretPolicy {
        SecretPolicy(length: 0, operatorSuppliedWhen: .always, existing: existing, valueRules: valueRules)
    }

    /// Whether rigger may generate the value for these answers.
    public func isGenerated(_ answers: AnswerLookup) -> Bool {
        guard let condition = operatorSuppliedWhen else { return true }
        return !condition.holds(answers)
    }

    /// Why a value the operator supplies can't be used, or nil when it can. A managed service's
    /// password that is only short is the operator's to choose: not refused (`generate` and the
    /// review warn about it instead). Never quotes the value.
    public func refusal(ofSupplied value: String, answers: AnswerLookup) -> String? {
        guard let problem = valueRules.problem(value, given: answers) else { return nil }
        return !isGenerated(answers) && valueRules.isOnlyTooShort(value, given: answers) ? nil : problem
    }

    public var expectation: String {
        let supply = "--secret KEY=@FILE or --secret KEY=env:VAR"
        if length == 0 {
            return "supplied with \(supply); until then a placeholder that 00-preflight.sh refuses"
        }
        let what = format == .base64Bytes ? "Base64 of \(length) random bytes" : "\(length) random characters"
        let rules = valueRules.expectation.map { ", which must be \($0)" } ?? ""
        let generated = "generated (\(what)) unless supplied with \(supply)" + rules
        guard let condition = operatorSuppliedWhen else { return generated }
        return generated + "; when \(condition.summary), only the operator can supply it"
    }
}

extension SecretPolicy {
    /// A new value in the policy's format, from the generator.
    public func generate(using generator: inout some SecretGenerator) -> String {
        switch format {
        case .alphanumeric: return generator.generate(length: length)
        case .base64Bytes: return Data(generator.bytes(count: length)).base64EncodedString()
        }
    }
}

/// What a generated secret looks like.
public enum SecretFormat: Sendable, Equatable {
    /// Letters and digits only: safe in URLs, shell words and YAML without escaping.
    case alphanumeric
    /// Base64 of random bytes, for keys the app decodes to a fixed number of bytes.
    case base64Bytes
}
