/// Values a secret must not take although they are readable text: too short to be safe, or
/// published where anyone can read them, such as the example in a chart's README. Checked on every
/// value rigger is given or keeps; a value rigger generates meets them by construction.
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
    public let published: [PublishedValue]

    public init(minimumLength: Int = 0, published: [PublishedValue] = []) {
        self.minimumLength = minimumLength
        self.published = published
    }

    /// No rule: any readable value is taken.
    public static let none = SecretValueRules()

    /// Why the value can't be used, or nil when it can. Never quotes the value: it is a secret.
    public func problem(_ value: String) -> String? {
        if let found = published.first(where: { $0.value == value }) {
            return "a value of your own: this one is published in \(found.source), so anyone can read it and use it against the install"
        }
        if value.count < minimumLength {
            return "at least \(minimumLength) characters; the value given has \(value.count)"
        }
        return nil
    }
}
