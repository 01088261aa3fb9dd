import Foundation
import RiggerCore

/// The answers so far and what follows from them: the app and its catalog, the pages and their
/// fields, the choices, the presets, and how each secret is provided.
extension WizardFlow {
    // MARK: Answers

    /// The app the answers so far name, with its catalog; the pages follow its questions.
    public var app: AppRegistry.Entry {
        if let cachedApp { return cachedApp }
        let entry = generator.registry.entry(for: baseLayers + [layer])
        cachedApp = entry
        return entry
    }

    /// The catalog of the app chosen so far.
    public var catalog: QuestionCatalog { app.catalog }

    /// The answers resolved from the base layers and what was typed so far.
    /// Computed once per change of the answers: a frame reads it many times.
    public var resolution: (answers: ResolvedAnswers, problems: [AnswerProblem]) {
        if let cachedResolution { return cachedResolution }
        let computed = AnswerResolver(catalog: catalog, now: generator.now).evaluate(baseLayers + [layer])
        cachedResolution = computed
        return computed
    }

    /// The pages that apply to the answers so far; like `resolution`, computed once per change of
    /// the answers (a frame reads it several times).
    public var pages: [WizardPage] {
        let resume: [WizardPage] = pendingDraft == nil ? [] : [.resume]
        if let cachedPages { return resume + cachedPages }
        let lookup = resolution.answers.lookup
        let computed = WizardPage.order.filter { page in
            switch page {
            case .step(let step): return stepQuestions(step).contains { $0.appliesWhen.holds(lookup) }
            case .secrets:
                return catalog.secrets.contains { $0.appliesWhen.holds(lookup) } || stepQuestions(.secretStore).contains { $0.appliesWhen.holds(lookup) }
            default: return true
            }
        }
        cachedPages = computed
        return resume + computed
    }

    public var page: WizardPage {
        if writtenTo != nil { return .done }
        let all = pages
        return all[min(pageIndex, all.count - 1)]
    }

    /// The fields of the current page, in order.
    public var fields: [WizardField] {
        let lookup = resolution.answers.lookup
        switch page {
        case .resume: return [.resumeChoice]
        case .output: return [.outputFolder]
        case .step(let step):
            var answers = stepQuestions(step).filter { $0.appliesWhen.holds(lookup) }.map { WizardField.answer($0.key) }
            // Replacing the bundle's app, release or namespace is confirmed right under the first of them.
            if let replaced = answers.firstIndex(where: { replacedPinnedKeys.contains($0.key) }) {
                answers.insert(.confirmReplace, at: replaced + 1)
            }
            // The preset list is the chosen app's, so it comes right after the app (and its confirmation).
            guard step == .app, let appField = answers.first, appField == .answer("app") else { return answers }
            let head = answers.prefix { $0 == .answer("app") || $0 == .confirmReplace }
            return head + [.preset] + answers.dropFirst(head.count)
        case .secrets:
            // Where the secrets are kept comes after them: each way of getting a value holds for every store.
            let store = stepQuestions(.secretStore).filter { $0.appliesWhen.holds(lookup) }.map { WizardField.answer($0.key) }
            var shownExisting: Set<String> = []
            return catalog.secrets.filter { $0.appliesWhen.holds(lookup) }.flatMap { question -> [WizardField] in
                switch secretChoice(question.key) {
                case .type: return [.secretChoice(question.key), .secretValue(question.key)]
                case .existing:
                    // Secrets that share one Secret (object storage's two keys) ask for its name once.
                    guard let existing = catalog.secretPolicy(question.key)?.existing, shownExisting.insert(existing.name).inserted else {
                        return [.secretChoice(question.key)]
                    }
                    let answers = [existing.name, existing.dataKey].compactMap { $0 }.filter { catalog[$0]?.appliesWhen.holds(lookup) ?? false }
                    return [.secretChoice(question.key)] + answers.map(WizardField.answer)
                default: return [.secretChoice(question.key)]
                }
            } + store
        case .review, .done: return []
        }
    }

    /// The presets to start from: none, then each in the library (and one given by path).
    public var presetChoices: [Choice] {
        var choices = [Choice("none", "no preset: every answer from here")]
        let appID = app.app.id
        var names = generator.presets.names(app: appID)
        if let current = baseRequest.preset, !names.contains(current) { names.append(current) }
        for name in names { choices.append(Choice(name, (try? generator.presets.load(name, app: appID).description) ?? "")) }
        return choices
    }

    /// The preset the answers start from, or "none".
    public var presetName: String { baseRequest.preset ?? "none" }

    /// Starts the answers from another preset; what was typed stays on top of it.
    func choosePreset(_ name: String) {
        let previous = baseRequest.preset
        baseRequest.preset = name == "none" ? nil : name
        do {
            try loadBase()
            errors[WizardField.preset.key] = nil
        } catch {
            baseRequest.preset = previous
            errors[WizardField.preset.key] = "\(error)"
        }
        reviewed = nil
    }

    /// Another app was picked: its presets and questions from here on. A preset of the same name
    /// is kept (each app has its own `aws`), otherwise the answers start from none. What the
    /// cluster settled is settled again for the new app's questions.
    func chooseApp(_ id: String) {
        baseRequest.app = id
        baseRequest.clusterAnswers = nil
        clusterAdjustments = []
        if let preset = baseRequest.preset, !PresetLibrary.isPath(preset), !generator.presets.names(app: id).contains(preset) {
            baseRequest.preset = nil
        }
        followOutputDefault(app: id)
        do {
            try loadBase()
            errors["app"] = nil
        } catch {
            errors["app"] = "\(error)"
        }
        reviewed = nil
        applyClusterAnswers()
    }

    /// Replaces the request the base answers come from and reads them again (the cluster's
    /// answers changed); a failure is shown on the review.
    func setBaseRequest(_ request: GenerationRequest) {
        let previous = baseRequest
        baseRequest = request
        do {
            try loadBase()
        } catch {
            baseRequest = previous
            reviewError = "\(error)"
        }
        reviewed = nil
    }

    /// The questions a step's page asks: not secrets, nor the names of existing Secrets, which
    /// the secrets page asks with the secret they stand for, nor the details of regenerating that
    /// the review alone shows.
    func stepQuestions(_ step: WizardStep) -> [Question] {
        let existingKeys = catalog.existingSecretAnswerKeys
        return catalog.questions.filter { $0.step == step && $0.isAskedInWizard && !$0.isSecret && !existingKeys.contains($0.key) }
    }

    /// The page's field at `index` (the last one past its end); nil on a page without fields.
    public func field(at index: Int) -> WizardField? {
        let all = fields
        return all.isEmpty ? nil : all[min(index, all.count - 1)]
    }

    /// The text shown for an answer field: what was typed, else the answer it resolves to.
    public func displayText(_ key: String) -> String {
        if let raw = layer[key] { return raw.isNull ? "" : raw.text }
        return resolution.answers[key]?.description ?? ""
    }

    /// The choices for a choice question, limited to those the other answers allow.
    public func choices(_ key: String) -> [Choice] {
        catalog[key]?.availableChoices(resolution.answers.lookup) ?? []
    }

    /// How a secret is provided: from an existing Secret whenever its name is answered (as the
    /// bundle then reads it, whatever was chosen for it before), else as chosen, else keep (a
    /// bundle's), generate, or type.
    public func secretChoice(_ key: String) -> SecretChoice {
        if let existing = catalog.secretPolicy(key)?.existing, resolution.answers.lookup.text(existing.name) != nil { return .existing }
        if let choice = secretChoices[key] { return choice }
        if previousSecrets[key].map({ !$0.hasPrefix(SecretSet.placeholderMarker) }) == true { return .keep }
        // Only the operator knows a managed service's password: ask for it rather than leave a
        // placeholder that the preflight refuses later.
        return secretOptions(key).contains(.generate) ? .generate : .type
    }

    /// The ways a secret may be provided here.
    public func secretOptions(_ key: String) -> [SecretChoice] {
        guard case .secret(let policy)? = catalog[key]?.kind else { return [] }
        var options: [SecretChoice] = []
        if previousSecrets[key].map({ !$0.hasPrefix(SecretSet.placeholderMarker) }) == true { options.append(.keep) }
        options.append(policy.isGenerated(resolution.answers.lookup) ? .generate : .later)
        options.append(.type)
        if policy.existing != nil { options.append(.existing) }
        return options
    }

    /// Whether the bundle in the folder already has a value for the secret (so generating rotates it).
    public func hasKeptValue(_ key: String) -> Bool {
        previousSecrets[key].map { !$0.hasPrefix(SecretSet.placeholderMarker) } == true
    }

    /// Sets how a secret is provided. The secrets of one Secret (object storage's two keys) are
    /// read from an existing one together: choosing it for one chooses it for all, and leaving it
    /// clears the Secret's name and key and leaves it for all.
    func chooseSecret(_ key: String, _ choice: SecretChoice) {
        secretChoices[key] = choice
        if choice == .existing, let existing = catalog.secretPolicy(key)?.existing {
            for other in catalog.secrets where catalog.secretPolicy(other.key)?.existing == existing { secretChoices[other.key] = .existing }
        }
        if choice != .existing, let existing = catalog.secretPolicy(key)?.existing {
            for answer in [existing.name, existing.dataKey].compactMap({ $0 }) where layer[answer] != nil || resolution.answers.lookup.text(answer) != nil {
                setAnswer(answer, "")
            }
            // The other secrets of the same Secret follow.
            for other in catalog.secrets where other.key != key && catalog.secretPolicy(other.key)?.existing == existing && secretChoices[other.key] == .existing {
                secretChoices[other.key] = nil
            }
        }
        reviewed = nil
    }

    public func secretText(_ key: String) -> String { secretValues[key] ?? "" }

    func setAnswer(_ key: String, _ text: String) {
        layer.set(key, RawAnswer(text: text, isNull: text.isEmpty, origin: .wizard))
        errors[key] = nil
        reviewed = nil
        forgetConfirmationWhenNothingIsReplaced()
    }
}
