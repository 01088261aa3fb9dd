/// A set of raw answers from one source: a preset, an answers file, `--set` flags or the wizard.
///
/// Layers are merged in order; a later layer's answer replaces an earlier one's.
public struct AnswerLayer: Sendable, Hashable {
    /// What the layer is, for messages ("preset aws", "answers file rigger.yaml").
    public var name: String
    /// Whether answers to questions that don't apply are errors (explicit `--set`) or quietly dropped.
    public var strict: Bool
    public private(set) var answers: [String: RawAnswer]
    /// The order the keys were given in, so that problems are listed as the operator wrote them.
    public private(set) var order: [String]

    public init(name: String, strict: Bool = false, answers: [(String, RawAnswer)] = []) {
        self.name = name
        self.strict = strict
        self.answers = [:]
        self.order = []
        for (key, raw) in answers { set(key, raw) }
    }

    /// Sets or replaces one answer.
    public mutating func set(_ key: String, _ raw: RawAnswer) {
        if answers[key] == nil { order.append(key) }
        answers[key] = raw
    }

    /// Removes one answer, if present.
    public mutating func remove(_ key: String) {
        answers[key] = nil
        order.removeAll { $0 == key }
    }

    public subscript(key: String) -> RawAnswer? { answers[key] }
    public var isEmpty: Bool { answers.isEmpty }
}
