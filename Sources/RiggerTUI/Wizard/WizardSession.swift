import Foundation
import RiggerCore

/// The wizard's state and its response to keys: no terminal in here, so that every screen can be
/// driven and checked in tests. `WizardView` draws it; `WizardRunner` connects it to a terminal.
public final class WizardSession {
    /// What the session wants after a key.
    public enum Outcome: Equatable {
        case continueRunning
        /// The operator quit without writing.
        case quit
        /// The bundle was written and the operator left the done page.
        case finished
    }

    let generator: BundleGenerator
    private(set) var baseRequest: GenerationRequest
    /// The answers below the wizard's own: the bundle in the folder, the preset, the answers file.
    private(set) var baseLayers: [AnswerLayer] = [] {
        didSet {
            cachedResolution = nil
            cachedPages = nil
            cachedApp = nil
            cachedFindings = nil
        }
    }
    private(set) var previousSecrets: [String: String] = [:]
    /// The folder the base layers were read from.
    private var loadedFolder: String
    let outputGiven: Bool

    /// A draft of an unfinished run found in the folder, offered on the resume page.
    public private(set) var pendingDraft: WizardDraft?
    /// On the resume page: resume (true) or start over.
    public private(set) var resumeSelected = true
    /// Where this run saved its draft, and whether it created that folder for it.
    private var draftFolder: String?
    private var draftCreatedFolder = false
    /// Why the last draft could not be saved, shown on the review.
    public private(set) var draftError: String?

    public private(set) var layer = AnswerLayer(name: "wizard") {
        didSet {
            cachedResolution = nil
            cachedPages = nil
            cachedApp = nil
            cachedFindings = nil
        }
    }
    private var cachedResolution: (answers: ResolvedAnswers, problems: [AnswerProblem])?
    private var cachedApp: AppRegistry.Entry?
    private var cachedPages: [WizardPage]?
    public private(set) var pageIndex = 0
    public private(set) var focus = 0
    public private(set) var errors: [String: String] = [:]
    public private(set) var editors: [String: TextEditor] = [:]
    public private(set) var secretChoices: [String: SecretChoice] = [:]
    public private(set) var secretEditors: [String: TextEditor] = [:]
    public var revealSecrets = false
    public private(set) var showingHelp = false
    public private(set) var confirmingQuit = false
    /// The bundle as reviewed: exactly this is written.
    public private(set) var reviewed: PreparedBundle?
    public private(set) var reviewChanges: BundleChanges?
    public private(set) var reviewError: String?
    public private(set) var writtenTo: String?
    var outputEditor: TextEditor
    /// Where on a long review the view starts.
    public var reviewScroll = 0

    /// What reads the cluster; nil when the session reads none.
    let clusterProbe: ClusterProbe?
    /// The cluster, read in the background once started; nil when it is not read (`--offline`, no kubectl).
    var clusterReader: WizardClusterReader?
    /// Why the cluster is not read, for the review; nil when it is, or before reading starts.
    public internal(set) var clusterOffReason: String?
    var clusterStarted = false
    var clusterSeen: WizardClusterReader.Stamp?
    var cachedFindings: ClusterFindings?
    /// What the cluster settles, as applied to the base answers.
    var clusterAdjustments: [ClusterAdjustment] = []

    /// A session starting from a request's preset, answers file and the bundle already in its
    /// folder. With `cluster`, the cluster is read in the background once `startReadingCluster()`
    /// is called; a probe that can't run (offline, no kubectl) reads nothing and says why.
    public init(request: GenerationRequest, generator: BundleGenerator, outputGiven: Bool, cluster: ClusterProbe? = nil) throws {
        clusterProbe = cluster
        self.generator = generator
        self.baseRequest = request
        self.loadedFolder = request.outputDirectory
        self.outputGiven = outputGiven
        self.outputEditor = TextEditor(request.outputDirectory)
        try loadBase()
        // With --out given, start at the app step; the folder can still be changed by going back.
        if outputGiven { pageIndex = 1 }
        offerDraft(in: request.outputDirectory)
        // A folder that can't take the bundle is said at once, on the page where another is chosen.
        if outputGiven, pendingDraft == nil, let problem = checkOutputFolder() {
            pageIndex = 0
            errors[WizardField.outputFolder.key] = problem
        }
        focus = firstFieldToFill()
    }

    /// Reads the bundle already in the folder (if any) under the preset and answers file.
    private func loadBase() throws {
        let previous = try generator.existingBundle(in: loadedFolder)
        var base = GenerationRequest(app: baseRequest.app, preset: baseRequest.preset, answersFile: baseRequest.answersFile, outputDirectory: loadedFolder)
        base.clusterAnswers = baseRequest.clusterAnswers
        baseLayers = try generator.layers(for: base, previous: previous).layers
        previousSecrets = previous?.secrets ?? [:]
    }

    /// Shows the resume page first when the folder holds a readable draft.
    private func offerDraft(in folder: String) {
        do {
            pendingDraft = try WizardDraft.read(from: folder)
        } catch {
            draftError = "the draft in \(folder) cannot be read, so it is not offered: \(error)"
        }
        if pendingDraft != nil {
            pageIndex = 0
            resumeSelected = true
        }
    }

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
            case .secrets: return catalog.secrets.contains { $0.appliesWhen.holds(lookup) }
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
            let answers = stepQuestions(step).filter { $0.appliesWhen.holds(lookup) }.map { WizardField.answer($0.key) }
            // The preset list is the chosen app's, so it comes right after the app.
            guard step == .app, let appField = answers.first, appField == .answer("app") else { return answers }
            return [appField, .preset] + answers.dropFirst()
        case .secrets:
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
            }
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
    private func choosePreset(_ name: String) {
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
    private func chooseApp(_ id: String) {
        baseRequest.app = id
        baseRequest.clusterAnswers = nil
        clusterAdjustments = []
        if let preset = baseRequest.preset, !PresetLibrary.isPath(preset), !generator.presets.names(app: id).contains(preset) {
            baseRequest.preset = nil
        }
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
    /// the secrets page asks with the secret they stand for.
    private func stepQuestions(_ step: WizardStep) -> [Question] {
        let existingKeys = catalog.existingSecretAnswerKeys
        return catalog.questions.filter { $0.step == step && !$0.isSecret && !existingKeys.contains($0.key) }
    }

    public var focusedField: WizardField? {
        let all = fields
        return all.isEmpty ? nil : all[min(focus, all.count - 1)]
    }

    /// The text shown for an answer field: what was typed, else the answer it resolves to.
    public func displayText(_ key: String) -> String {
        if let editor = editors[key] { return editor.text }
        if let raw = layer[key] { return raw.isNull ? "" : raw.text }
        return resolution.answers[key]?.description ?? ""
    }

    public var outputDirectory: String { outputEditor.text }

    /// The choices for a choice question, limited to those the other answers allow.
    public func choices(_ key: String) -> [Choice] {
        catalog[key]?.availableChoices(resolution.answers.lookup) ?? []
    }

    /// How a secret is provided: as chosen, else keep (a bundle's), generate, or later.
    public func secretChoice(_ key: String) -> SecretChoice {
        if let choice = secretChoices[key] { return choice }
        if let existing = catalog.secretPolicy(key)?.existing, resolution.answers.lookup.text(existing.name) != nil { return .existing }
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

    /// Sets how a secret is provided; leaving "existing" clears the Secret's name and key.
    private func chooseSecret(_ key: String, _ choice: SecretChoice) {
        secretChoices[key] = choice
        if choice != .existing, let existing = catalog.secretPolicy(key)?.existing {
            for answer in [existing.name, existing.dataKey].compactMap({ $0 }) where layer[answer] != nil || resolution.answers.lookup.text(answer) != nil {
                setAnswer(answer, "")
                editors[answer] = nil
            }
            // The other secrets of the same Secret follow.
            for other in catalog.secrets where other.key != key && catalog.secretPolicy(other.key)?.existing == existing && secretChoices[other.key] == .existing {
                secretChoices[other.key] = nil
            }
        }
        reviewed = nil
    }

    public func secretText(_ key: String) -> String { secretEditors[key]?.text ?? "" }

    private func setAnswer(_ key: String, _ text: String) {
        layer.set(key, RawAnswer(text: text, isNull: text.isEmpty, origin: .wizard))
        errors[key] = nil
        reviewed = nil
    }

    // MARK: Keys

    /// Handles one key press.
    public func handle(_ key: Key) -> Outcome {
        if confirmingQuit {
            confirmingQuit = false
            // y quits, and so does a second Ctrl-C: pressing it again is how one insists on stopping.
            if key == .character("y") || key == .character("Y") || key == .control("c") {
                discardDraft()
                return .quit
            }
            return .continueRunning
        }
        if key == .control("c") {
            confirmingQuit = true
            return .continueRunning
        }
        if showingHelp {
            showingHelp = false
            return .continueRunning
        }
        if page == .done { return .finished }
        if key == .function(1) || (key == .character("?") && !focusIsTextual) {
            showingHelp = true
            return .continueRunning
        }
        if page == .resume { return handleResume(key) }
        switch key {
        case .escape:
            goBack()
        case .enter:
            if page == .review { writeReviewedBundle() } else { advance() }
        case .tab:
            moveFocus(by: 1)
        case .down where !focusConsumesVertical(key):
            moveFocus(by: 1)
        case .backTab:
            moveFocus(by: -1)
        case .up where !focusConsumesVertical(key):
            moveFocus(by: -1)
        case .function(2):
            revealSecrets.toggle()
        case .pageDown where page == .review: reviewScroll += 10
        case .pageUp where page == .review: reviewScroll = max(0, reviewScroll - 10)
        default:
            editFocused(key)
        }
        applyClusterAnswers()
        return .continueRunning
    }

    private func handleResume(_ key: Key) -> Outcome {
        switch key {
        case .up, .down, .left, .right, .tab, .backTab, .character(" "): resumeSelected.toggle()
        case .character("r"), .character("R"): resumeSelected = true
        case .character("s"), .character("S"): resumeSelected = false
        case .enter:
            if let draft = pendingDraft, resumeSelected { resume(draft) } else { startOver() }
        default: break
        }
        return .continueRunning
    }

    /// Restores a draft: its preset and answers file, the answers typed, the secret choices and
    /// the step reached. Typed secret values were never saved, so those fields come back empty.
    private func resume(_ draft: WizardDraft) {
        pendingDraft = nil
        baseRequest.app = AppRegistry.appNamed(in: [draft.layer])
        baseRequest.preset = draft.preset
        baseRequest.answersFile = draft.answersFile
        do {
            try loadBase()
        } catch {
            draftError = "the draft's preset or answers file cannot be read: \(error)"
        }
        layer = draft.layer
        editors = [:]
        secretChoices = draft.secretChoices.reduce(into: [:]) { choices, entry in
            if let choice = SecretChoice(rawValue: entry.value) { choices[entry.key] = choice }
        }
        draftFolder = loadedFolder
        draftCreatedFolder = draft.createdFolder
        pageIndex = pages.firstIndex { $0.title == draft.step } ?? (outputGiven ? 1 : 0)
        focus = firstFieldToFill()
        if page == .review { prepareReview() }
    }

    private func startOver() {
        pendingDraft = nil
        pageIndex = outputGiven ? 1 : 0
        focus = firstFieldToFill()
    }

    /// Saves the answers so far to the folder's draft; typed secret values stay out of it.
    private func saveDraft() {
        let folder = outputDirectory
        if let draftFolder, draftFolder != folder { WizardDraft.remove(from: draftFolder, removeEmptyFolder: draftCreatedFolder) }
        if draftFolder != folder { draftCreatedFolder = !FileManager.default.fileExists(atPath: folder) }
        let draft = WizardDraft(
            step: page.title, preset: baseRequest.preset, answersFile: baseRequest.answersFile,
            answers: layer.order.compactMap { key in layer[key].map { WizardDraft.DraftAnswer(key: key, text: $0.isNull ? nil : $0.text) } },
            secretChoices: secretChoices.mapValues(\.rawValue), createdFolder: draftCreatedFolder)
        do {
            try draft.save(in: folder)
            draftFolder = folder
            draftError = nil
        } catch {
            draftError = "the answers so far cannot be saved to \(WizardDraft.path(in: folder)): \(error)"
        }
    }

    /// Quitting on purpose drops this run's draft, and the folder if the draft alone made it.
    private func discardDraft() {
        if let draftFolder { WizardDraft.remove(from: draftFolder, removeEmptyFolder: draftCreatedFolder) }
        draftFolder = nil
    }

    var focusIsTextual: Bool {
        switch focusedField {
        case .outputFolder?, .secretValue?: return true
        case .answer(let key)?:
            switch catalog[key]?.kind {
            case .text?, .int?, .size?: return true
            default: return false
            }
        default: return false
        }
    }

    /// Up and down move within a choice list, and on to the next field at its ends.
    private func focusConsumesVertical(_ key: Key) -> Bool {
        let options: [String], current: String
        switch focusedField {
        case .preset?:
            options = presetChoices.map(\.value)
            current = presetName
        case .answer(let field)? where { if case .choice? = catalog[field]?.kind { return true } else { return false } }():
            options = choices(field).map(\.value)
            current = displayText(field)
        case .secretChoice(let secret)?:
            options = secretOptions(secret).map(\.rawValue)
            current = secretChoice(secret).rawValue
        case .answer(let field)? where !clusterSuggestions(field).isEmpty:
            return nextSuggestion(field, after: displayText(field), key) != nil
        default: return false
        }
        guard let index = options.firstIndex(of: current) else { return false }
        return key == .down ? index < options.count - 1 : index > 0
    }

    /// The next value of a choice list for a key: arrows step, a letter jumps to the next value starting with it.
    private static func nextChoice(_ options: [String], from current: String, key: Key) -> String? {
        guard !options.isEmpty else { return nil }
        let index = options.firstIndex(of: current) ?? 0
        switch key {
        case .up, .left: return options[(index - 1 + options.count) % options.count]
        case .down, .right, .character(" "): return options[(index + 1) % options.count]
        case .character(let c):
            let lower = Character(c.lowercased())
            return Array(options[(index + 1)...] + options[...index]).first { $0.first == lower }
        default: return nil
        }
    }

    private func moveFocus(by offset: Int) {
        let count = fields.count
        guard count > 0 else {
            if page == .review { reviewScroll = max(0, reviewScroll + offset) }
            return
        }
        moveFocus(to: (focus + offset + count) % count)
    }

    /// Leaves the focused field for the page's field at `index`: the field left is checked, and
    /// the draft saved, so a drop mid-step loses at most the field being typed.
    func moveFocus(to index: Int) {
        validateFocused()
        focus = index
        followClusterTarget()
        if page != .output, page != .resume, draftFolder != nil { saveDraft() }
    }

    private func validateFocused() {
        guard case .answer(let key)? = focusedField else { return }
        if let problem = resolution.problems.first(where: { $0.key == key }) {
            errors[key] = Self.message(problem)
        } else {
            errors[key] = nil
        }
    }

    static func message(_ problem: AnswerProblem) -> String {
        switch problem.reason {
        case .invalid(let expected): return "expected \(expected)"
        case .missing(let expected): return "required: \(expected)"
        default: return problem.description
        }
    }

    private func editFocused(_ key: Key) {
        switch focusedField {
        case .outputFolder?:
            _ = outputEditor.handle(key)
            reviewed = nil
        case .secretValue(let secret)?:
            var editor = secretEditors[secret] ?? TextEditor()
            _ = editor.handle(key)
            secretEditors[secret] = editor
            reviewed = nil
        case .secretChoice(let secret)?:
            let options = secretOptions(secret)
            guard let index = options.firstIndex(of: secretChoice(secret)) else { return }
            switch key {
            case .left, .up: chooseSecret(secret, options[(index - 1 + options.count) % options.count])
            case .right, .down, .character(" "): chooseSecret(secret, options[(index + 1) % options.count])
            case .character(let c):
                // Type-ahead follows the label the operator reads; a letter that matches none changes nothing.
                let letter = Character(c.lowercased())
                let rotated = Array(options[(index + 1)...] + options[...index])
                if let match = rotated.first(where: { $0.label.lowercased().first == letter }) { chooseSecret(secret, match) }
            default: return
            }
        case .answer(let field)?:
            guard let question = catalog[field] else { return }
            switch question.kind {
            case .choice:
                if let next = Self.nextChoice(choices(field).map(\.value), from: displayText(field), key: key) { select(next, in: .answer(field)) }
            case .bool:
                switch key {
                case .character(" "), .left, .right: setAnswer(field, displayText(field) == "true" ? "false" : "true")
                case .character("y"), .character("t"): setAnswer(field, "true")
                case .character("n"), .character("f"): setAnswer(field, "false")
                default: break
                }
            default:
                if key == .up || key == .down, let suggestion = nextSuggestion(field, after: displayText(field), key) {
                    replaceText(suggestion, in: .answer(field))
                    return
                }
                var editor = editors[field] ?? TextEditor(displayText(field))
                if editor.handle(key) {
                    editors[field] = editor
                    setAnswer(field, editor.text)
                }
            }
        case .preset?:
            if let next = Self.nextChoice(presetChoices.map(\.value), from: presetName, key: key) { select(next, in: .preset) }
        case .resumeChoice?, nil:
            break
        }
    }

    /// Gives a choice field one of its values: an answer's choice or true/false, the preset, or a
    /// secret's way (a `SecretChoice` raw value). The app and the preset bring their answers along.
    func select(_ value: String, in field: WizardField) {
        switch field {
        case .answer(let key):
            setAnswer(key, value)
            if key == "app" { chooseApp(value) }
        case .preset:
            if value != presetName { choosePreset(value) }
        case .secretChoice(let key):
            if let choice = SecretChoice(rawValue: value) { chooseSecret(key, choice) }
        case .outputFolder, .secretValue, .resumeChoice:
            break
        }
    }

    /// Replaces a text field's whole value, as a front end that reads whole lines answers it.
    func replaceText(_ text: String, in field: WizardField) {
        switch field {
        case .outputFolder:
            outputEditor = TextEditor(text)
            reviewed = nil
        case .secretValue(let key):
            secretEditors[key] = TextEditor(text)
            reviewed = nil
        case .answer(let key):
            editors[key] = TextEditor(text)
            setAnswer(key, text)
        case .secretChoice, .resumeChoice, .preset:
            break
        }
    }

    /// The text editor of the focused field, for drawing its cursor and scroll.
    public func editor(for field: WizardField) -> TextEditor {
        switch field {
        case .outputFolder: return outputEditor
        case .secretValue(let key): return secretEditors[key] ?? TextEditor()
        case .answer(let key): return editors[key] ?? TextEditor(displayText(key))
        case .secretChoice, .resumeChoice, .preset: return TextEditor()
        }
    }

    // MARK: Pages

    /// Where focus starts on a page: the first field the operator must still fill (a missing or
    /// invalid answer, an empty secret value or Secret name), so that typing lands there and not
    /// in a choice list above it. The app page starts on the app, which decides the rest.
    func firstFieldToFill() -> Int {
        guard page != .step(.app) else { return 0 }
        let problems = Set(resolution.problems.map(\.key))
        let existingNames = Set(catalog.secrets.compactMap { catalog.secretPolicy($0.key)?.existing?.name })
        for (index, field) in fields.enumerated() {
            switch field {
            case .answer(let key):
                if problems.contains(key) { return index }
                if page == .secrets, existingNames.contains(key), displayText(key).isEmpty { return index }
            case .secretValue(let key):
                if secretText(key).isEmpty { return index }
            case .outputFolder, .secretChoice, .resumeChoice, .preset:
                break
            }
        }
        return 0
    }

    private func goBack() {
        if page == .review { reviewScroll = 0 }
        if pageIndex > 0, pages[pageIndex - 1] != .resume {
            pageIndex -= 1
            focus = firstFieldToFill()
        }
    }

    /// Checks the page; stays on the first bad field, or moves to the next page.
    private func advance() {
        let pageFields = fields
        var firstBad: Int?
        for (index, field) in pageFields.enumerated() {
            let message = problem(with: field)
            errors[field.key] = message
            if message != nil, firstBad == nil { firstBad = index }
        }
        if let firstBad {
            focus = firstBad
            return
        }
        focus = 0
        if page == .output, outputDirectory != loadedFolder {
            // Another folder: its bundle is the new starting point, and its draft is offered.
            loadedFolder = outputDirectory
            do {
                try loadBase()
            } catch {
                errors[WizardField.outputFolder.key] = "\(error)"
                return
            }
            offerDraft(in: outputDirectory)
            if pendingDraft != nil { return }
        }
        pageIndex = min(pageIndex + 1, pages.count - 1)
        followClusterTarget()
        focus = firstFieldToFill()
        saveDraft()
        if page == .review { prepareReview() }
    }

    /// What keeps the page from going on at a field, as shown under it; nil when nothing does.
    func problem(with field: WizardField) -> String? {
        switch field {
        case .answer(let key):
            if let problem = resolution.problems.first(where: { $0.key == key }) { return Self.message(problem) }
            if page == .secrets, displayText(key).isEmpty, catalog.secrets.contains(where: { catalog.secretPolicy($0.key)?.existing?.name == key }) {
                return "required: the name of the Secret in the namespace"
            }
            return nil
        case .outputFolder: return checkOutputFolder()
        case .secretValue(let key):
            let text = secretText(key)
            if text.isEmpty { return "required: type or paste the value, or choose another way" }
            return catalog.secretPolicy(key)?.refusal(ofSupplied: text, answers: resolution.answers.lookup).map { "expected \($0)" }
        case .secretChoice, .resumeChoice, .preset: return nil
        }
    }

    /// Why the bundle can't go to the output folder, or nil when it can.
    private func checkOutputFolder() -> String? {
        if outputDirectory.isEmpty { return "required: the folder to write the bundle to" }
        do {
            try BundleWriter(directory: outputDirectory).checkWritable(force: false)
            return nil
        } catch let error as ForeignFolderError {
            return "not a rigger bundle and not empty (holds \(error.entries.prefix(3).joined(separator: ", "))\(error.entries.count > 3 ? ", ..." : "")); "
                + "type another folder here: a new or empty one, or a bundle to regenerate"
        } catch {
            return "\(error)"
        }
    }

    /// The request the review and the written bundle come from.
    public var request: GenerationRequest {
        var request = baseRequest
        request.outputDirectory = outputDirectory
        request.setArguments = []
        request.wizardAnswers = layer
        var secrets: [String: String] = [:]
        var rotate: [String] = []
        for question in catalog.secrets {
            switch secretChoice(question.key) {
            case .type where !secretText(question.key).isEmpty: secrets[question.key] = secretText(question.key)
            case .generate where previousSecrets[question.key] != nil: rotate.append(question.key)
            default: break
            }
        }
        request.wizardSecrets = secrets
        request.rotate = rotate
        return request
    }

    private func prepareReview() {
        reviewError = nil
        reviewScroll = 0
        do {
            var random = SystemSecretGenerator()
            let prepared = try generator.prepare(request, generator: &random)
            reviewed = prepared
            let writer = BundleWriter(directory: outputDirectory)
            reviewChanges = prepared.previous == nil ? nil : BundleChanges(
                oldFiles: writer.currentFiles(), oldAnswers: prepared.previousAnswers, oldSecrets: prepared.previous?.secrets ?? [:],
                new: prepared)
        } catch {
            reviewed = nil
            reviewError = "\(error)"
        }
    }

    private func writeReviewedBundle() {
        guard let reviewed else {
            prepareReview()
            return
        }
        do {
            let writer = BundleWriter(directory: outputDirectory)
            try writer.checkWritable(force: false)
            _ = try writer.write(reviewed.bundle)
            writtenTo = outputDirectory
            WizardDraft.remove(from: outputDirectory)
            if let draftFolder, draftFolder != outputDirectory { WizardDraft.remove(from: draftFolder, removeEmptyFolder: draftCreatedFolder) }
            draftFolder = nil
        } catch is ForeignFolderError {
            // The folder filled up since it was chosen; --force is the command line's, not the wizard's.
            reviewError = "\(outputDirectory): " + (checkOutputFolder() ?? "cannot be written") + " (Esc goes back to it)"
        } catch {
            reviewError = "\(error)"
        }
    }

    /// Warnings for the review: the bundle's own (rotations, version changes, answers that can't
    /// work), a draft that can't be saved, and placeholders left.
    public var reviewWarnings: [String] {
        guard let reviewed else { return [] }
        var warnings = reviewed.warnings + clusterWarnings
        if let draftError { warnings.append(draftError) }
        let placeholders = reviewed.secrets.placeholderKeys
        if !placeholders.isEmpty {
            warnings.append("placeholders until supplied: \(placeholders.joined(separator: ", ")); the preflight refuses to install until then")
        }
        return warnings
    }
}
