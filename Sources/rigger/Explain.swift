import ArgumentParser
import RiggerCore

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explains every answer key, or the keys under KEY: meaning, type, allowed values, default, when it applies.")

    @Option(help: ArgumentHelp("The app whose answers to explain (default posthog).", valueName: "NAME"), completion: Completions.appIDs)
    var app: String?

    @Argument(help: "A key such as ingress.hostname, or a prefix such as ingress.", completion: Completions.answerKeys)
    var key: String?

    func run() throws {
        let catalog = try CLI.app(app).catalog
        let questions = catalog.questions.filter { question in
            guard let key else { return true }
            return question.key == key || question.key.hasPrefix(key + ".")
        }
        guard !questions.isEmpty, let first = questions.first else {
            let hint = key.flatMap { catalog.suggestion(for: $0) }.map { " (did you mean \($0)?)" } ?? ""
            CLI.printError("rigger: no answer key \(key ?? "")\(hint); `rigger explain\(app.map { " --app \($0)" } ?? "")` lists them all")
            throw ExitCode(2)
        }
        _ = first
        print(TerminalText.wrapLines(questions.map(AnswerExplanation.text).joined(separator: "\n")))
    }
}

/// How `explain` shows one question.
enum AnswerExplanation {
    static func text(_ question: Question) -> String {
        var lines = ["\(question.key)  (\(question.kind.name))", "  \(question.title): \(question.help)"]
        switch question.kind {
        case .choice(let choices):
            lines.append("  allowed:")
            for choice in choices {
                if let refusal = choice.refusal {
                    lines.append("    \(choice.value): refused: \(refusal)")
                    continue
                }
                let when = choice.availableWhen.summary.isEmpty ? "" : "; only when \(choice.availableWhen.summary)"
                lines.append("    \(choice.value): \(choice.label)\(when)")
            }
        case .secret(let policy):
            lines.append("  value: \(policy.expectation)")
        default:
            lines.append("  expects: \(question.kind.expectation)")
        }
        if let summary = question.defaultValue.summary {
            lines.append("  default: \(summary)")
        } else if !question.isSecret {
            let required = question.appliesWhen.summary.isEmpty ? "required" : "required when it applies"
            lines.append(question.isOptional ? "  default: none (optional)" : "  default: none (\(required))")
        }
        if !question.appliesWhen.summary.isEmpty { lines.append("  applies when: \(question.appliesWhen.summary)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
