import Foundation
import RiggerCore

/// Moving between pages, what keeps a page from going on, and the review and writing of the bundle.
extension WizardSession {
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
            case .confirmReplace:
                if problem(with: field) != nil { return index }
            case .outputFolder, .secretChoice, .resumeChoice, .preset:
                break
            }
        }
        return 0
    }

    /// Notes the page's fields as seen: all it shows when first acted on (before any answer on
    /// it changed which fields it has), and the focused one.
    func noteFieldsSeen() {
        if fieldsSeen?.page != page { fieldsSeen = (page, Set(fields)) }
        if let focusedField { fieldsSeen?.fields.insert(focusedField) }
    }

    /// The first field that appeared on the page after it was first acted on (a Secret's key once
    /// its name is typed) and hasn't had the focus yet.
    var firstUnseenField: Int? {
        guard let seen = fieldsSeen, seen.page == page else { return nil }
        return fields.firstIndex { !seen.fields.contains($0) }
    }

    func goBack() {
        if page == .review { reviewScroll = 0 }
        if pageIndex > 0, pages[pageIndex - 1] != .resume {
            pageIndex -= 1
            focus = firstFieldToFill()
        }
    }

    /// Checks the page; stays on the first bad field, or moves to the next page.
    func advance() {
        let pageFields = fields
        var firstBad: Int?
        for (index, field) in pageFields.enumerated() {
            let message = problem(with: field)
            errors[field.key] = message
            if message != nil, firstBad == nil { firstBad = index }
        }
        if let firstBad {
            // A replacement to confirm: the focus waits on the yes, under the answer that says why.
            if let confirm = pageFields.firstIndex(of: .confirmReplace), errors[WizardField.confirmReplace.key] != nil {
                focus = confirm
            } else {
                focus = firstBad
            }
            return
        }
        // A field that appeared because of another is shown where it is asked before the page is left.
        if let unseen = firstUnseenField {
            moveFocus(to: unseen)
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
        outputEditor = TextEditor(folder)
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

    func writeReviewedBundle() {
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
