import Foundation

/// What a secret's value must be beyond readable text: long enough to be safe, of the form the
/// app decodes (Base64 of a number of bytes, or exactly so many bytes), and none published where
/// anyone can read it, such as the example in a chart's README. Checked on every value rigger is given or keeps;
/// a value rigger generates meets them by construction.
public struct SecretValueRules: Sendable {
    /// A value that was published, and where, so the refusal can say why it is unsafe.
    public struct PublishedValue: Sendable, Hashable {
        public let value: String
        /// Where it was published, e.g. "the chart's README".
        public let source: String

        public init(_ value: String, source: String) {
            self.value = value
            self.source = source
        }
    }

    /// The fewest characters a value may have; 0 for no limit.
    public let minimumLength: Int
    /// Why `minimumLength` (or `exactBytes`) is what it is, when it is the app's own rule rather
    /// than a password's (e.g. what the app's own checks say of a shorter value); said with the refusal.
    public let lengthReason: String?
    /// When set, the value must be Base64 that decodes to exactly this many bytes.
    public let base64Bytes: Int?
    /// When set, the value itself must be exactly this many bytes of UTF-8: a key the app uses
    /// as it is, such as an AES key, counts bytes, not characters.
    public let exactBytes: Int?
    public let published: [PublishedValue]

    public init(
        minimumLength: Int = 0, because lengthReason: String? = nil, base64Bytes: Int? = nil, exactBytes: Int? = nil,
        published: [PublishedValue] = []
    ) {
        self.minimumLength = minimumLength
        self.lengthReason = lengthReason
        self.base64Bytes = base64Bytes
        self.exactBytes = exactBytes
        self.published = published
    }

    /// The length rule for passwords rigger would otherwise generate: shorter ones are guessable.
    public static let password = SecretValueRules(minimumLength: 16)

    /// What a valid value is, for `explain`; nil when there is no rule to state.
    public var expectation: String? {
        var rules: [String] = []
        if let base64Bytes {
            rules.append("Base64 of exactly \(base64Bytes) bytes (e.g. openssl rand -base64 \(base64Bytes))")
        } else if let exactBytes {
            rules.append("exactly \(exactBytes) bytes long\(reasonSaid), e.g. \(exactBytes) letters and digits")
        } else if minimumLength > 0 {
            rules.append("at least \(minimumLength) characters long\(reasonSaid)")
        }
        return rules.isEmpty ? nil : rules.joined(separator: "; ")
    }

    /// No rule: any readable value is taken.
    public static let none = SecretValueRules()

    /// Why the value can't be used with these answers, or nil when it can. Never quotes the value:
    /// it is a secret.
    public func problem(_ value: String, given answers: AnswerLookup) -> String? {
        if let found = published.first(where: { $0.value == value }) {
            return "a value of your own: this one is published in \(found.source), so anyone can read it and use it against the install"
        }
        if let base64Bytes, Data(base64Encoded: value)?.count != base64Bytes {
            return "Base64 of exactly \(base64Bytes) bytes (e.g. openssl rand -base64 \(base64Bytes)); the value given is not"
        }
        if let exactBytes, value.utf8.count != exactBytes {
            let characters = value.utf8.count == value.count ? "" : " (\(value.count) characters)"
            return "exactly \(exactBytes) bytes\(reasonSaid), such as \(exactBytes) letters and digits; the value given has \(value.utf8.count) bytes\(characters)"
        }
        if value.count < minimumLength {
            return "at least \(minimumLength) characters\(reasonSaid); the value given has \(value.count)"
        }
        return nil
    }

    /// The length's reason in parentheses, or nothing.
    private var reasonSaid: String { lengthReason.map { " (\($0))" } ?? "" }

    /// Whether the only thing wrong with the value is its length: a managed service's password is
    /// the operator's to choose, so that is warned about rather than refused.
    public func isOnlyTooShort(_ value: String, given answers: AnswerLookup) -> Bool {
        !published.contains { $0.value == value } && (base64Bytes == nil || Data(base64Encoded: value)?.count == base64Bytes)
            && (exactBytes == nil || value.utf8.count == exactBytes)
            && value.count < minimumLength
    }
}
