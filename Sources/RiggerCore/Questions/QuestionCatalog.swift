/// Every question rigger asks, in the order they are asked and resolved.
///
/// A condition or derived default may only read keys declared before it, so that resolving the
/// questions in order always sees what it needs.
public struct QuestionCatalog: Sendable {
    public let questions: [Question]
    private let index: [String: Int]
    /// The answers that name existing Secrets: asked with their secrets rather than on a step of their own.
    /// Kept, not computed on each read: the wizard reads it several times for every frame.
    public let existingSecretAnswerKeys: Set<String>

    public init(_ questions: [Question]) {
        self.questions = questions
        var index: [String: Int] = [:]
        for (position, question) in questions.enumerated() where index[question.key] == nil {
            index[question.key] = position
        }
        self.index = index
        existingSecretAnswerKeys = Set(
            questions.compactMap { question -> ExistingSecretAnswers? in
                guard case .secret(let policy) = question.kind else { return nil }
                return policy.existing
            }.flatMap { [$0.name, $0.dataKey].compactMap { $0 } })
    }

    public subscript(key: String) -> Question? {
        index[key].map { questions[$0] }
    }

    /// The position of a key in the catalog's order.
    public func position(of key: String) -> Int? { index[key] }

    /// All keys, in order.
    public var keys: [String] { questions.map(\.key) }

    /// The secret questions.
    public var secrets: [Question] { questions.filter(\.isSecret) }

    /// How a secret question's value is provided, or nil for a key that is not a secret.
    public func secretPolicy(_ key: String) -> SecretPolicy? {
        guard case .secret(let policy)? = self[key]?.kind else { return nil }
        return policy
    }

    /// The known key closest to a mistyped one, for "did you mean".
    public func suggestion(for key: String) -> String? {
        let scored = keys.map { ($0, EditDistance.between($0.lowercased(), key.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 4) else { return nil }
        return best.0
    }

    /// Problems with the catalog itself: duplicate keys, conditions reading later keys, keys that are
    /// both a value and a prefix. Checked by tests; an empty list means the catalog is sound.
    public func selfCheck() -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for (position, question) in questions.enumerated() {
            if !seen.insert(question.key).inserted { problems.append("\(question.key): declared twice") }
            var reads = question.appliesWhen.keys
            if case .choice(let choices) = question.kind { reads += choices.flatMap(\.availableWhen.keys) }
            if case .secret(let policy) = question.kind {
                reads += policy.operatorSuppliedWhen?.keys ?? []
                reads += policy.valueRules.characters?.appliesWhen.keys ?? []
                reads += [policy.existing?.name, policy.existing?.dataKey].compactMap { $0 }
            }
            for key in reads {
                guard let other = self.position(of: key) else {
                    problems.append("\(question.key): reads unknown key \(key)")
                    continue
                }
                if other >= position { problems.append("\(question.key): reads \(key), which is declared after it") }
            }
            if keys.contains(where: { $0.hasPrefix(question.key + ".") }) {
                problems.append("\(question.key): is both an answer and a prefix of other keys")
            }
        }
        return problems
    }
}

/// Levenshtein distance, for suggesting a known key in place of a mistyped one.
enum EditDistance {
    static func between(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
