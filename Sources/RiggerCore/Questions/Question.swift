/// One question, declared once: the wizard, `generate`, `explain` and validation all read it.
public struct Question: Sendable {
    /// The dotted key used by presets, answers files, `--set` and `--secret`.
    public var key: String { fields.key }
    /// A short title for the wizard's field label.
    public var title: String { fields.title }
    /// One or two sentences of help: the wizard's help line and `explain`.
    public var help: String { fields.help }
    public var kind: QuestionKind { fields.kind }
    public var step: WizardStep { fields.step }
    public var defaultValue: DefaultValue { fields.defaultValue }
    /// When the question applies; an answer to a question that doesn't apply is not used.
    public var appliesWhen: Condition { fields.appliesWhen }
    /// Whether the question may stay unanswered when it applies and has no default.
    public var isOptional: Bool { fields.isOptional }
    /// What leaving an optional question unanswered means, for the review and `explain`,
    /// e.g. "(the current context)"; nil when it means nothing worth saying.
    public var whenEmpty: String? { fields.whenEmpty }
    /// Whether the wizard asks it on its step's page. False for a detail of regenerating (when the
    /// bundle's API keys were issued), which the review shows with the other answers, and which
    /// presets, answers files and `--set` still set.
    public var isAskedInWizard: Bool { fields.isAskedInWizard }
    /// How a value reads for people, shown after it on the review, e.g. the date of a Unix time;
    /// nil when the value says it alone.
    public var valueReading: (@Sendable (AnswerValue) -> String?)? { fields.valueReading }

    /// The fields, in one object that copies share: catalogs are concatenated and filtered
    /// question by question, and copying the fields one by one (strings, closures, enums) was a
    /// fifth of the instructions before the wizard's first frame.
    private final class Fields: Sendable {
        let key: String
        let title: String
        let help: String
        let kind: QuestionKind
        let step: WizardStep
        let defaultValue: DefaultValue
        let appliesWhen: Condition
        let isOptional: Bool
        let whenEmpty: String?
        let isAskedInWizard: Bool
        let valueReading: (@Sendable (AnswerValue) -> String?)?

        init(
            key: String, title: String, help: String, kind: QuestionKind, step: WizardStep, defaultValue: DefaultValue, appliesWhen: Condition,
            isOptional: Bool, whenEmpty: String?, isAskedInWizard: Bool, valueReading: (@Sendable (AnswerValue) -> String?)?
        ) {
            self.key = key
            self.title = title
            self.help = help
            self.kind = kind
            self.step = step
            self.defaultValue = defaultValue
            self.appliesWhen = appliesWhen
            self.isOptional = isOptional
            self.whenEmpty = whenEmpty
            self.isAskedInWizard = isAskedInWizard
            self.valueReading = valueReading
        }
    }

    private let fields: Fields

    public init(
        key: String, title: String, help: String, kind: QuestionKind, step: WizardStep,
        defaultValue: DefaultValue = .none, appliesWhen: Condition = .always, isOptional: Bool = false, whenEmpty: String? = nil,
        isAskedInWizard: Bool = true, valueReading: (@Sendable (AnswerValue) -> String?)? = nil
    ) {
        fields = Fields(
            key: key, title: title, help: help, kind: kind, step: step, defaultValue: defaultValue, appliesWhen: appliesWhen,
            isOptional: isOptional, whenEmpty: whenEmpty, isAskedInWizard: isAskedInWizard, valueReading: valueReading)
    }

    /// A value as the review shows it: with its reading for people after it, where it has one.
    public func reviewText(_ value: AnswerValue) -> String {
        guard let reading = valueReading?(value) else { return value.description }
        return "\(value.description) (\(reading))"
    }

    /// Whether this question holds a secret (never written to answers files or values.yaml).
    public var isSecret: Bool {
        if case .secret = kind { return true }
        return false
    }

    /// The choices that may be picked with these answers (all of them for other kinds).
    public func availableChoices(_ answers: AnswerLookup) -> [Choice] {
        guard case .choice(let choices) = kind else { return [] }
        return choices.filter { $0.availableWhen.holds(answers) }
    }

    /// What a valid answer looks like with these answers: for a choice, the choices they allow,
    /// and what each of the others needs (a refused one is never named); for other kinds, the
    /// same as `kind.expectation`.
    public func expectation(given answers: AnswerLookup) -> String {
        guard case .choice(let choices) = kind else { return kind.expectation }
        let available = availableChoices(answers)
        let others = choices.filter { choice in choice.refusal == nil && !available.contains { $0.value == choice.value } }
        let offered = "one of " + available.map(\.value).joined(separator: ", ")
        return ([offered] + others.map { "\($0.value) only when \($0.availableWhen.summary)" }).joined(separator: "; ")
    }

    /// Parses and checks raw text; returns the value as it is written (see `TextFormat.normalized`),
    /// or what was expected.
    public func parse(_ text: String, given answers: AnswerLookup) -> Result<AnswerValue, AnswerProblem.Reason> {
        switch kind {
        case .choice(let choices):
            guard let choice = choices.first(where: { $0.value == text }) else {
                return .failure(.invalid(expected: kind.expectation))
            }
            if let refusal = choice.refusal {
                let accepted = choices.filter { $0.refusal == nil }.map(\.value).joined(separator: ", ")
                return .failure(.invalid(expected: "\(accepted); '\(text)' is refused: \(refusal)"))
            }
            guard choice.availableWhen.holds(answers) else {
                let others = availableChoices(answers).map(\.value).joined(separator: ", ")
                return .failure(.invalid(expected: "a choice that fits the other answers: '\(text)' only when \(choice.availableWhen.summary); possible here: \(others)"))
            }
            return .success(.string(text))
        case .text(let format):
            return format.accepts(text) ? .success(.string(format.normalized(text))) : .failure(.invalid(expected: format.expectation))
        case .bool:
            switch text {
            case "true": return .success(.bool(true))
            case "false": return .success(.bool(false))
            default: return .failure(.invalid(expected: kind.expectation))
            }
        case .int(let range):
            guard text.allSatisfy(\.isASCII), let number = Int(text), range.contains(number) else {
                return .failure(.invalid(expected: kind.expectation))
            }
            return .success(.int(number))
        case .size:
            return StorageQuantity(text)?.isVolumeSize == true ? .success(.string(text)) : .failure(.invalid(expected: kind.expectation))
        case .secret:
            return .failure(.secretNotAllowed)
        }
    }
}
