/// A place that takes a secret's value as it is, where some characters would break it, and the
/// answers under which the value goes there: a value given or kept must fit it. rigger's generated
/// values (letters and digits) always do.
public struct ValuePlacement: Sendable {
    /// Where the value goes and what it does there, e.g. "the users XML file the clickhouse-server
    /// image's entrypoint writes it into without escaping".
    public let place: String
    /// When the value goes there.
    public let appliesWhen: Condition
    /// What a value may hold, for messages and `explain`, e.g. "no &, < or >".
    public let allowed: String
    private let accepts: @Sendable (String) -> Bool

    public init(place: String, appliesWhen: Condition, allowed: String, accepts: @escaping @Sendable (String) -> Bool) {
        self.place = place
        self.appliesWhen = appliesWhen
        self.allowed = allowed
        self.accepts = accepts
    }

    /// The text of an XML element, written without escaping: `&` and `<` would start markup (and
    /// `>` closes `]]>`, which text may not hold), and XML 1.0 takes no control characters.
    public static func unescapedXMLText(place: String, appliesWhen: Condition) -> ValuePlacement {
        ValuePlacement(place: place, appliesWhen: appliesWhen, allowed: "no &, < or > and no control characters") { value in
            !value.unicodeScalars.contains { "&<>".unicodeScalars.contains($0) || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        }
    }

    /// Why the value can't go there with these answers, or nil when it can or doesn't go there.
    /// Never quotes the value: it is a secret.
    public func problem(_ value: String, answers: AnswerLookup) -> String? {
        guard appliesWhen.holds(answers), !accepts(value) else { return nil }
        return "\(allowed): when \(appliesWhen.summary), \(place); the value given has one of them"
    }

    /// What a value must be, for `explain`.
    public var expectation: String { "when \(appliesWhen.summary), \(allowed) (\(place))" }
}
