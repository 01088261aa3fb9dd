import Foundation
import RiggerCore

/// One field of a wizard page as the plain mode asks it: a line with its title and one-line
/// help, its choices numbered, and a prompt that starts with the title and shows in brackets what
/// Enter keeps. It also reads the operator's reply to it.
struct PlainQuestion {
    /// How the field is answered.
    enum Form: Equatable {
        /// Free text; "-" empties it.
        case text
        /// A secret's value, read with echo off and never shown.
        case secret
        /// One of `options`, by number or by value.
        case choice
        /// yes or no.
        case yesNo
    }

    /// One numbered option: what is chosen, and how it reads.
    struct Option: Equatable {
        let value: String
        let text: String
    }

    /// What the operator's line asks for.
    enum Reply: Equatable {
        /// Enter alone: keep what the brackets show.
        case keep
        /// `<`: the question before.
        case back
        /// `?`: the full help.
        case help
        /// A text field's new value ("" to empty it).
        case text(String)
        /// A choice field's new value.
        case choose(String)
        /// A line that is no answer to this question, with what was expected.
        case invalid(String)
    }

    let field: WizardField
    let title: String
    let help: String
    let form: Form
    let options: [Option]
    /// What Enter keeps, as the brackets show it.
    let current: String
    /// What the cluster says about the field (its warnings, what was read, why nothing was).
    let clusterLines: [String]
    /// Where the values offered for free text were read (the cluster, the kubeconfig).
    let suggestionsSource: ClusterField.Source

    init(_ field: WizardField, in flow: WizardFlow) {
        self.field = field
        title = Self.title(field, in: flow)
        help = Self.help(field, in: flow)
        var options: [Option] = []
        switch field {
        case .outputFolder:
            form = .text
            current = flow.outputDirectory
        case .secretValue(let key):
            form = .secret
            let length = flow.secretText(key).count
            current = length == 0 ? "" : "\(length) characters typed"
        case .secretChoice(let key):
            form = .choice
            options = flow.secretOptions(key).map { Option(value: $0.rawValue, text: flow.label($0, forSecret: key)) }
            current = flow.label(flow.secretChoice(key), forSecret: key)
        case .preset:
            form = .choice
            options = flow.presetChoices.map(Self.option)
            current = flow.presetName
        case .confirmReplace:
            form = .yesNo
            current = flow.replaceConfirmed ? "yes" : "no"
        case .resumeChoice:
            form = .choice
            options = WizardFlow.resumeOptions.map { Option(value: $0.resume ? "resume" : "start over", text: $0.label) }
            // Enter resumes, as the full screen's first choice does.
            current = "resume"
        case .answer(let key):
            let value = flow.displayText(key)
            switch flow.catalog[key]?.kind {
            case .choice?:
                form = .choice
                options = flow.choices(key).map(Self.option)
                current = value
            case .bool?:
                form = .yesNo
                current = value == "true" ? "yes" : "no"
            default:
                form = .text
                current = value.isEmpty ? Self.emptyMeaning(flow.catalog[key]?.whenEmpty) : value
                // A free-text answer the cluster has values for offers them by number too.
                options = flow.clusterSuggestions(key).map { Option(value: $0.value, text: $0.description + ($0.detail.map { ": \($0)" } ?? "")) }
            }
        }
        self.options = options
        var source = ClusterField.Source.cluster
        if case .answer(let key) = field, let found = flow.suggestionsSource(key) { source = found }
        suggestionsSource = source
        // The offered values are numbered below instead.
        clusterLines = flow.clusterLines(field).filter { !$0.hasPrefix(WizardFlow.suggestionsPrefix(source)) }
    }

    /// The field's name: its label, and for a secret's value the secret's title before "value".
    private static func title(_ field: WizardField, in flow: WizardFlow) -> String {
        guard case .secretValue(let key) = field else { return flow.label(field) }
        return flow.label(.secretChoice(key)) + " value"
    }

    /// The one-line help; a secret's value says how it is read here, not how the full screen shows it.
    static func help(_ field: WizardField, in flow: WizardFlow) -> String {
        guard case .secretValue = field else { return flow.help(field) }
        return "What you type is not shown; after Enter rigger says how many characters it read."
    }

    private static func option(_ choice: Choice) -> Option {
        Option(value: choice.value, text: choice.label.isEmpty ? choice.value : "\(choice.value): \(choice.label)")
    }

    /// What an empty optional answer means, without the parentheses the review puts round it.
    private static func emptyMeaning(_ whenEmpty: String?) -> String {
        guard let whenEmpty else { return "" }
        return whenEmpty.hasPrefix("(") && whenEmpty.hasSuffix(")") ? String(whenEmpty.dropFirst().dropLast()) : whenEmpty
    }

    /// The question's lines before the prompt: title and help, what the cluster says, then the
    /// numbered options (for free text, the values read from the cluster).
    var lines: [String] {
        let suggestions = form == .text && !options.isEmpty ? ["  Read from \(suggestionsSource.rawValue) (a number picks one, or type another):"] : []
        return ["\(title): \(help)"] + clusterLines.map { "  " + $0 } + suggestions + optionLines
    }

    /// The options, numbered from 1.
    var optionLines: [String] {
        options.enumerated().map { "  \($0.offset + 1)) \($0.element.text)" }
    }

    /// The prompt the answer is typed after.
    var prompt: String {
        let kind: String
        switch form {
        case .secret: kind = ""
        case .text: kind = options.isEmpty ? "" : " (1-\(options.count) or text)"
        case .choice: kind = " (1-\(options.count))"
        case .yesNo: kind = " (yes/no)"
        }
        let keeps = current.isEmpty ? "" : " [\(current)]"
        return "\(title)\(kind)\(keeps): "
    }

    /// What a line typed at the prompt asks for. A secret is taken as typed; other answers
    /// without the spaces around them, which can't be seen.
    func reply(to line: String) -> Reply {
        let answer = form == .secret ? line : line.trimmingCharacters(in: .whitespaces)
        switch answer {
        case "": return .keep
        case "<": return .back
        case "?": return .help
        default: break
        }
        switch form {
        case .text:
            if let number = Int(answer), options.indices.contains(number - 1) { return .text(options[number - 1].value) }
            return .text(answer == "-" ? "" : answer)
        case .secret: return .text(answer)
        case .yesNo:
            switch answer.lowercased() {
            case "y", "yes", "true": return .choose("true")
            case "n", "no", "false": return .choose("false")
            default: return .invalid("expected yes or no")
            }
        case .choice:
            if let number = Int(answer), options.indices.contains(number - 1) { return .choose(options[number - 1].value) }
            if let option = options.first(where: { $0.value.lowercased() == answer.lowercased() }) { return .choose(option.value) }
            let values = options.map(\.value).joined(separator: ", ")
            return .invalid("expected a number from 1 to \(options.count), or one of \(values)")
        }
    }
}
