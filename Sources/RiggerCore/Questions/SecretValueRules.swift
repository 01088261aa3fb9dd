import Foundation

/// What a secret's value must be beyond readable text: long enough to be safe, of the form the
/// app decodes (Base64 of a number of bytes), and none published where anyone can read it, such
/// as the example in a chart's README. Checked on every value rigger is given or keeps; a value
/// rigger generates meets them by construction.
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
    /// Why `minimumLength` is what it is, when it is the app's own rule rather than a password's
    /// (e.g. what the app's own checks say of a shorter value); said with the refusal.
    public let lengthReason: String?
    /// When set, the value must be Base64 that decodes to exactly this many bytes.
    public let base64Bytes: Int?
    public let published: [PublishedValue]

    public init(minimumLength: Int = 0, because lengthReason: String? = nil, base64Bytes: Int? = nil, published: [PublishedValue] = []) {
        self.minimumLength = minimumLength
        self.lengthReason = lengthReason
        self.base64Bytes = base64Bytes
        self.published = published
    }

    /// The length rule for passwords rigger would otherwise generate: shorter ones are guessable.
    public static let password = SecretValueRules(minimumLength: 16)

    /// What a valid value is, for `explain`; nil when there is no rule to state.
    public var expectation: String? {
        if let base64Bytes { return "Base64 of exactly \(base64Bytes) bytes (e.g. openssl rand -base64 \(base64Bytes))" }
        return minimumLength > 0 ? "at least \(minimumLength) characters long\(reasonSaid)" : nil
    }

    /// No rule: any readable value is taken.
    public static let none = SecretValueRules()

    /// Why the value can't be used, or nil when it can. Never quotes the value: it is a secret.
    public func problem(_ value: String) -> String? {
        if let found = published.first(where: { $0.value == value }) {
            return "a value of your own: this one is published in \(found.source), so anyone can read it and use it against the install"
        }
        if let base64Bytes, Data(base64Encoded: value)?.count != base64Bytes {
            return "Base64 of exactly \(base64Bytes) bytes (e.g. openssl rand -base64 \(base64Bytes)); the value given is not"
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
    public func isOnlyTooShort(_ value: String) -> Bool {
        !published.contains { $0.value == value } && (base64Bytes == nil || Data(base64Encoded: value)?.count == base64Bytes)
            && value.count < minimumLength
    }
}
