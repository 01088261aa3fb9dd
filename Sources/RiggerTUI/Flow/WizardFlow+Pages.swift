import Foundation
import RiggerCore

/// Moving between pages, what keeps a page from going on, and the review and writing of the bundle.
extension WizardFlow {
    // MARK: Pages

    /// Where a front end starts on the page, by index: the first field the operator must still
    /// fill (a missing or invalid answer, an empty secret value or Secret name), so that typing
    /// lands there and not in a choice list above it. The app page starts on the app, which
    /// decides the rest.
    public func firstFieldToFill() -> Int {
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
            case .confirmReplace:
                if problem(with: field) != nil { return index }
            case .outputFolder, .secretChoice, .resumeChoice, .preset:
                break
            }
        }
        return 0
    }

    /// Notes the page's fields as seen: all it shows when first acted on (before any answer on
    /// it changed which fields it has), and `field`, the one a front end stands on.
    func noteFieldsSeen(_ field: WizardField?) {
        if fieldsSeen?.page != page { fieldsSeen = (page, Set(fields)) }
        if let field { fieldsSeen?.fields.insert(field) }
    }

    /// The first field that appeared on the page after it was first acted on (a Secret's key once
    /// its name is typed) that no front end has stood on yet.
    var firstUnseenField: Int? {
        guard let seen = fieldsSeen, seen.page == page else { return nil }
        return fields.firstIndex { !seen.fields.contains($0) }
    }

    /// The page before (not the resume page): where to stand on it, or nil when there is none.
    func goBack() -> Int? {
        guard pageIndex > 0, pages[pageIndex - 1] != .resume else { return nil }
        pageIndex -= 1
        return firstFieldToFill()
    }

    /// Checks the page from `current`, where the front end stands; stays on the first bad field,
    /// or moves to the next page. Returns where to stand then.
    func advance(from current: WizardField?) -> Int {
        let pageFields = fields
        var firstBad: Int?
        for (index, field) in pageFields.enumerated() {
            let message = problem(with: field)
            errors[field.key] = message
            if message != nil, firstBad == nil { firstBad = index }
        }
        if let firstBad {
            // A replacement to confirm: the operator is taken to the yes, under the answer that says why.
            if let confirm = pageFields.firstIndex(of: .confirmReplace), errors[WizardField.confirmReplace.key] != nil {
                return confirm
            }
            return firstBad
        }
        // A field that appeared because of another is shown where it is asked before the page is left.
        if let unseen = firstUnseenField {
            leave(current, for: pageFields[unseen])
            return unseen
        }
        if page == .output, outputDirectory != loadedFolder {
            // Another folder: its bundle is the new starting point, and its draft is offered.
            loadedFolder = outputDirectory
            do {
                try loadBase()
            } catch {
                errors[WizardField.outputFolder.key] = "\(error)"
                return 0
            }
            offerDraft(in: outputDirectory)
            if pendingDraft != nil { return 0 }
        }
        pageIndex = min(pageIndex + 1, pages.count - 1)
        followClusterTarget()
        let start = firstFieldToFill()
        saveDraft()
        if page == .review { prepareReview() }
        return start
    }

    /// What keeps the page from going on at a field, as shown under it; nil when nothing does.
    func problem(with field: WizardField) -> String? {
        switch field {
        case .answer(let key):
            if let problem = resolution.problems.first(where: { $0.key == key }) { return Self.message(problem) }
            if page == .secrets, displayText(key).isEmpty, catalog.secrets.contains(where: { catalog.secretPolicy($0.key)?.existing?.name == key }) {
                return "required: the name of the Secret in the namespace"
            }
            return problemBetweenAnswers(naming: key).map(Self.message)
        case .confirmReplace:
            return replaceConfirmed || replacedPinnedKeys.isEmpty ? nil : "required: yes to replace, or change the answer above back"
        case .outputFolder: return checkOutputFolder()
        case .secretValue(let key):
            let text = secretText(key)
            if text.isEmpty { return "required: type or paste the value, or choose another way" }
            return catalog.secretPolicy(key)?.refusal(ofSupplied: text, answers: resolution.answers.lookup).map { "expected \($0)" }
        case .secretChoice, .resumeChoice, .preset: return nil
        }
    }

    /// An answer's problem as said under its field.
    static func message(_ problem: AnswerProblem) -> String {
        switch problem.reason {
        case .invalid(let expected): return "expected \(expected)"
        case .missing(let expected): return "required: \(expected)"
        default: return problem.description
        }
    }

    /// The folder a bundle of an app goes to when the operator names none.
    public static func defaultOutputFolder(app: String) -> String { "./\(app)-install" }

    /// Moves the output folder to the default of `app` (the app the answers name, by default)
    /// while it is a default: neither given with --out nor typed. The bundle starts from what is
    /// in the new folder, as when another folder is typed; returns whether the folder moved.
    @discardableResult
    func followOutputDefault(app: String? = nil) -> Bool {
        guard !outputGiven, !outputTyped, generator.registry.ids.map({ Self.defaultOutputFolder(app: $0) }).contains(outputDirectory) else {
            return false
        }
        let folder = Self.defaultOutputFolder(app: app ?? self.app.app.id)
        guard folder != outputDirectory else { return false }
        outputDirectory = folder
        loadedFolder = folder
        reviewed = nil
        return true
    }

    /// Why the bundle can't go to the output folder, or nil when it can.
    func checkOutputFolder() -> String? {
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
        request.force = replaceConfirmed
        return request
    }

    func prepareReview() {
        reviewError = nil
        reviewsPrepared += 1
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

    /// Writes exactly the bundle reviewed; without one (preparing it failed), prepares it again.
    public func write() {
        guard let reviewed else {
            prepareReview()
            return
        }
        do {
            let writer = BundleWriter(directory: outputDirectory)
            try writer.checkWritable(force: false)
            backupFolder = try writer.write(reviewed.bundle).backup
            writtenTo = outputDirectory
            drafts.remove(from: outputDirectory, removeEmptyFolder: false)
            if let draftFolder, draftFolder != outputDirectory { drafts.remove(from: draftFolder, removeEmptyFolder: draftCreatedFolder) }
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
