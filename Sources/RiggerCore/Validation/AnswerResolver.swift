import Foundation

/// Merges answer layers and checks them against the catalog, collecting every problem at once.
public struct AnswerResolver: Sendable {
    public let catalog: QuestionCatalog
    /// The generation's clock, for first-generation defaults; nil leaves them unanswered.
    public let now: Date?

    public init(catalog: QuestionCatalog, now: Date? = nil) {
        self.catalog = catalog
        self.now = now
    }

    /// Resolves the layers (later ones win) into complete answers, or throws `InvalidAnswers`.
    public func resolve(_ layers: [AnswerLayer]) throws(InvalidAnswers) -> ResolvedAnswers {
        let outcome = evaluate(layers)
        if !outcome.problems.isEmpty { throw InvalidAnswers(outcome.problems) }
        return outcome.answers
    }

    /// Resolves as far as possible and returns the problems alongside: the wizard shows both.
    public func evaluate(_ layers: [AnswerLayer]) -> (answers: ResolvedAnswers, problems: [AnswerProblem]) {
        var problems: [AnswerProblem] = []
        var merged: [String: (raw: RawAnswer, strict: Bool)] = [:]
        var givenOrder: [String] = []
        for layer in layers {
            for key in layer.order {
                guard let raw = layer[key] else { continue }
                if merged[key] == nil { givenOrder.append(key) }
                merged[key] = (raw, layer.strict)
            }
        }

        for key in givenOrder {
            guard let question = catalog[key], let given = merged[key] else {
                let origin = merged[key]?.raw.origin
                problems.append(AnswerProblem(key: key, value: nil, reason: .unknownKey(suggestion: catalog.suggestion(for: key)), origin: origin))
                continue
            }
            if question.isSecret && !given.raw.isNull {
                problems.append(AnswerProblem(key: key, value: nil, reason: .secretNotAllowed, origin: given.raw.origin))
            }
        }

        var lookup = AnswerLookup()
        var entries: [(key: String, value: AnswerValue)] = []
        var defaulted: Set<String> = []
        for question in catalog.questions where !question.isSecret {
            let given = merged[question.key]
            guard question.appliesWhen.holds(lookup) else {
                if let given, given.strict, !given.raw.isNull {
                    problems.append(AnswerProblem(
                        key: question.key, value: given.raw.text,
                        reason: .doesNotApply(condition: question.appliesWhen.summary), origin: given.raw.origin))
                }
                continue
            }
            var value: AnswerValue?
            if let given, !given.raw.isNull {
                switch question.parse(given.raw.text, given: lookup) {
                case .success(let parsed): value = parsed
                case .failure(let reason):
                    problems.append(AnswerProblem(key: question.key, value: given.raw.text, reason: reason, origin: given.raw.origin))
                    // Carry on with the default so that later questions are still checked.
                    value = question.defaultValue.resolve(lookup, now: now)
                }
            } else if let fallback = question.defaultValue.resolve(lookup, now: now) {
                // A derived default can fall on a choice the other answers rule out; say so rather than use it.
                if case .choice = question.kind, case .failure(let reason) = question.parse(fallback.description, given: lookup) {
                    problems.append(AnswerProblem(key: question.key, value: fallback.description, reason: reason, origin: nil))
                }
                value = fallback
                defaulted.insert(question.key)
            } else if !question.isOptional {
                problems.append(AnswerProblem(key: question.key, value: nil, reason: .missing(expected: question.kind.expectation), origin: nil))
            }
            if let value {
                lookup.set(question.key, value)
                entries.append((question.key, value))
            }
        }
        return (ResolvedAnswers(entries: entries, defaulted: defaulted), problems)
    }
}
