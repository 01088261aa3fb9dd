import RiggerCore

/// The words of the wizard that every front end shows alike: each field's label, help and full
/// help, the ways a secret can be provided, the resume offer and the next steps. The full-screen
/// view lays them out on a page; the plain mode prints them one per line.
extension WizardFlow {
    /// The field's label: the question's title, or the name of what it sets.
    public func label(_ field: WizardField) -> String {
        switch field {
        case .outputFolder: return "Output folder"
        case .answer(let key): return catalog[key]?.title ?? key
        case .secretChoice(let key): return catalog[key]?.title ?? key
        case .secretValue: return "  value"
        case .resumeChoice: return "Draft"
        case .preset: return "Preset"
        case .confirmReplace: return "Replace the install"
        }
    }

    /// The field's one-line help.
    public func help(_ field: WizardField) -> String {
        switch field {
        case .outputFolder: return "The folder rigger writes the bundle to; an existing bundle there is the starting point."
        case .answer(let key), .secretChoice(let key): return catalog[key]?.help ?? ""
        case .secretValue: return "The secret's value, typed or pasted; it is never saved with the answers."
        case .resumeChoice: return "Resume the answers typed before the last run stopped, or start again from the preset."
        case .preset: return "Answers for a common setup (rigger presets lists them); what you answer here goes over them."
        case .confirmReplace: return replaceHelp
        }
    }

    /// The whole description of the choice a choice field has, e.g. "aws: EKS on AWS; ...": a
    /// list may show only as much of it as fits its line.
    public func choiceDescription(_ field: WizardField) -> String? {
        let choices: [Choice], value: String
        switch field {
        case .preset:
            choices = presetChoices
            value = presetName
        case .answer(let key):
            guard case .choice? = catalog[key]?.kind else { return nil }
            choices = self.choices(key)
            value = displayText(key)
        default:
            return nil
        }
        guard let choice = choices.first(where: { $0.value == value }), !choice.label.isEmpty else { return nil }
        return "\(choice.value): \(choice.label)"
    }

    /// The field's full help after its label, as groups of paragraphs (a blank line between
    /// groups): its error, its help, the choice it has, and for an answer its key, what it
    /// expects and when it applies. `help` stands in for the field's one-line help where a front
    /// end words it its own way (how a secret's value shows as it is typed).
    public func fullHelp(_ field: WizardField, help: String? = nil) -> [[String]] {
        var groups: [[String]] = []
        if let error = errors[field.key] { groups.append(["! " + error]) }
        let cluster = clusterLines(field)
        if !cluster.isEmpty { groups.append(cluster) }
        groups.append([help ?? self.help(field)])
        if let description = choiceDescription(field) { groups.append([description]) }
        if case .answer(let key) = field, let question = catalog[key] {
            var lines = ["Key: \(key). Expects \(question.expectation(given: resolution.answers.lookup))."]
            if !question.appliesWhen.summary.isEmpty { lines.append("Applies when \(question.appliesWhen.summary).") }
            groups.append(lines)
        }
        return groups
    }

    /// How a way of providing a secret reads: on a bundle that has the value, generating a new
    /// one is rotating it.
    public func label(_ option: SecretChoice, forSecret key: String) -> String {
        option == .generate && hasKeptValue(key) ? "rotate: generate a new random value" : option.label
    }

    /// What the resume page says about the draft it offers, a paragraph a line.
    public var resumeDescription: [String] {
        guard let draft = pendingDraft else { return [] }
        let typed = draft.answers.count == 1 ? "1 answer" : "\(draft.answers.count) answers"
        return [
            "A draft of an unfinished run is in \(WizardDraft.path(in: outputDirectory)).",
            "It had reached \(draft.step)" + (draft.app.flatMap { generator.registry.entry($0)?.title }.map { " of the \($0) bundle" } ?? "")
                + ", with \(typed) typed" + (draft.preset.map { " over the \($0) preset." } ?? "."),
            "Typed secret values are never saved: the secrets step asks for them again.",
        ]
    }

    /// The resume page's two options: resume (true) or start over (false), with their labels.
    public static let resumeOptions = [(resume: true, label: "Resume where it stopped"), (resume: false, label: "Start over (the draft is replaced at the next step)")]

    /// What the done page says first: where the bundle is written, and where the one it replaced
    /// is backed up.
    public var writtenSummary: [String] {
        ["The bundle is written to \(writtenTo ?? outputDirectory)"] + (backupFolder.map { ["The previous bundle is backed up in \($0)"] } ?? [])
    }

    /// What the done page says next, a line each ("" between paragraphs): what `generate` says
    /// after writing, and the review's warnings that still hold (`NextSteps`); then what changed.
    public var nextSteps: [String] {
        let folder = writtenTo ?? outputDirectory
        // Only the bundle reviewed is ever written.
        guard let reviewed else { return [] }
        let steps = NextSteps(prepared: reviewed, folder: folder, rotated: request.rotate, warnings: reviewed.standingWarnings + clusterWarnings)
        let changes = reviewChanges.map { ["What changed:"] + $0.report(includeDiffs: false).split(separator: "\n").map { "  " + $0 } } ?? []
        return steps.lines + (changes.isEmpty ? [] : [""] + changes)
    }
}
