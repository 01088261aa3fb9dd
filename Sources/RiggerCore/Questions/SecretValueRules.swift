import Foundation

/// What a secret's value must be beyond readable text: long enough to be safe, of the form the
/// app decodes (Base64 of a number of bytes, or exactly so many bytes), of characters that
/// survive where the chart puts the value unencoded, and none published where anyone can read
/// it, such as the example in a chart's README. Checked on every value rigger is given or keeps;
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
    /// The characters the value may hold, where a chart or an image puts it unencoded into a URL,
    /// a command line or a config file; nil when any readable character is safe.
    public let characters: SecretCharacters?
    public let published: [PublishedValue]

    public init(
        minimumLength: Int = 0, because lengthReason: String? = nil, base64Bytes: Int? = nil, exactBytes: Int? = nil,
        characters: SecretCharacters? = nil, published: [PublishedValue] = []
    ) {
        self.minimumLength = minimumLength
        self.lengthReason = lengthReason
        self.base64Bytes = base64Bytes
        self.exactBytes = exactBytes
        self.characters = characters
        self.published = published
    }

    /// The length rule for passwords rigger would otherwise generate: shorter ones are guessable.
    public static let password = SecretValueRules(minimumLength: 16)

    /// The same rules with `characters` as the character rule.
    public func with(characters: SecretCharacters) -> SecretValueRules {
        SecretValueRules(
            minimumLength: minimumLength, because: lengthReason, base64Bytes: base64Bytes, exactBytes: exactBytes, characters: characters,
            published: published)
    }

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
        if let characters { rules.append(characters.expectation) }
        return rules.isEmpty ? nil : rules.joined(separator: "; ")
    }

    /// No rule: any readable value is taken.
    public static let none = SecretValueRules()

    /// Why the value can't be used with these answers, or nil when it can. Never quotes the
    /// value, nor any of its characters: it is a secret.
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
        if let characters, let problem = characters.problem(value, given: answers) { return problem }
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
            && (exactBytes == nil || value.utf8.count == exactBytes) && characters?.problem(value, given: answers) == nil
            && value.count < minimumLength
    }
}

/// The characters a secret may hold where a chart or an image puts it, unencoded, into a URL, a
/// command line or a config file (`postgres://user:PASSWORD@host/db`): what breaks there is refused,
/// with where and why, rather than written into a bundle that can't work.
public struct SecretCharacters: Sendable {
    /// The characters allowed, for refusals and `explain`, e.g. "letters, digits and - . _ ~".
    public let allowed: String
    /// Where the value goes unencoded, and so why only those: said with the refusal.
    public let reason: String
    /// When the rule applies (e.g. only while the service runs in the cluster).
    public let appliesWhen: Condition
    /// The allowed characters as a `tr` set, for 00-preflight.sh's check of a Secret in the cluster.
    public let trSet: String
    private let accepts: @Sendable (Unicode.Scalar) -> Bool

    public init(
        allowed: String, trSet: String, because reason: String, appliesWhen: Condition = .always,
        accepts: @escaping @Sendable (Unicode.Scalar) -> Bool
    ) {
        self.allowed = allowed
        self.trSet = trSet
        self.reason = reason
        self.appliesWhen = appliesWhen
        self.accepts = accepts
    }

    /// RFC 3986's unreserved characters: nothing in them ends a URL's user or password early,
    /// is decoded as `%XX`, means anything to a shell inside double quotes or to echo, or needs
    /// escaping in XML or YAML. Every value rigger generates (letters and digits) is of them.
    public static func unreserved(because reason: String, appliesWhen: Condition = .always) -> SecretCharacters {
        SecretCharacters(allowed: "letters, digits and - . _ ~", trSet: "A-Za-z0-9._~-", because: reason, appliesWhen: appliesWhen) { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "-", ".", "_", "~": return true
            default: return false
            }
        }
    }

    /// The rule as `explain` states it.
    public var expectation: String {
        let when = appliesWhen.summary.isEmpty ? "" : " when \(appliesWhen.summary)"
        return "only \(allowed)\(when) (\(reason))"
    }

    /// Why the value can't be used here, or nil; counts the other characters without naming them.
    public func problem(_ value: String, given answers: AnswerLookup) -> String? {
        guard appliesWhen.holds(answers) else { return nil }
        let others = value.unicodeScalars.filter { !accepts($0) }.count
        guard others > 0 else { return nil }
        return "only \(allowed) (\(reason)); the value given has \(others) other character\(others == 1 ? "" : "s")"
    }
}
