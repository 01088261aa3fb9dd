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
    /// What a value the operator supplies must be for the app to accept it; nil when any will do.
    public let requirement: SecretRequirement?

    public init(
        length: Int = 32, format: SecretFormat = .alphanumeric, operatorSuppliedWhen: Condition? = nil, existing: ExistingSecretAnswers? = nil,
        requirement: SecretRequirement? = nil
    ) {
        self.length = length
        self.format = format
        self.operatorSuppliedWhen = operatorSuppliedWhen
        self.existing = existing
        self.requirement = requirement
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
        let what = format == .base64Bytes ? "Base64 of \(length) random bytes" : "\(length) random characters"
        let generated = "generated (\(what)) unless supplied with \(supply)" + (requirement.map { ", which must be \($0.expectation)" } ?? "")
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

/// What a supplied secret must be for the app to accept it, checked before anything is written.
public enum SecretRequirement: Sendable, Equatable {
    /// At least this many bytes of UTF-8.
    case minimumBytes(Int)
    /// Base64 that decodes to exactly this many bytes.
    case base64OfBytes(Int)

    /// What a valid value is, for errors and `explain`.
    public var expectation: String {
        switch self {
        case .minimumBytes(let count): return "at least \(count) bytes long"
        case .base64OfBytes(let count): return "Base64 of exactly \(count) bytes (e.g. openssl rand -base64 \(count))"
        }
    }

    /// Whether the value meets the requirement; a value is never echoed back by the caller.
    public func accepts(_ value: String) -> Bool {
        switch self {
        case .minimumBytes(let count): return value.utf8.count >= count
        case .base64OfBytes(let count): return Data(base64Encoded: value)?.count == count
        }
    }
}
