import Foundation
import RiggerCore

/// Drafts: the answers so far saved after each step, offered again on the resume page.
extension WizardFlow {
    // MARK: Drafts

    /// Restores a draft: its app, preset and answers file, the answers typed, the secret choices
    /// and the step reached. Typed secret values were never saved, so those fields come back empty.
    /// Returns where to stand on the page reached.
    func resume(_ draft: WizardDraft) -> Int {
        pendingDraft = nil
        // The draft's app wins over this run's --app: resuming gives back the session that was left.
        baseRequest.app = draft.app ?? AppRegistry.appNamed(in: [draft.layer])
        baseRequest.clusterAnswers = nil
        clusterAdjustments = []
        baseRequest.preset = draft.preset
        baseRequest.answersFile = draft.answersFile
        do {
            try loadBase()
        } catch {
            draftError = "the draft's preset or answers file cannot be read: \(error)"
        }
        // A draft of an older rigger names answers as its schema did.
        do {
            layer = try generator.schema.upgrade(draft.layer, from: draft.answersVersion, path: WizardDraft.path(in: loadedFolder)).layer
        } catch {
            layer = draft.layer
            draftError = "the draft's answers cannot be read: \(error)"
        }
        secretChoices = draft.secretChoices.reduce(into: [:]) { choices, entry in
            if let choice = SecretChoice(rawValue: entry.value) { choices[entry.key] = choice }
        }
        draftFolder = loadedFolder
        draftCreatedFolder = draft.createdFolder
        replaceConfirmed = draft.replaceConfirmed
        applyClusterAnswers()
        pageIndex = pages.firstIndex { $0.title == draft.step } ?? (outputGiven ? 1 : 0)
        let start = firstFieldToFill()
        if page == .review { prepareReview() }
        return start
    }

    /// Leaves the draft where it is (the next step replaces it) and starts where a new run does.
    func startOver() -> Int {
        pendingDraft = nil
        pageIndex = outputGiven ? 1 : 0
        return firstFieldToFill()
    }

    /// Saves the answers so far to the folder's draft; typed secret values stay out of it.
    func saveDraft() {
        let folder = outputDirectory
        if let draftFolder, draftFolder != folder { drafts.remove(from: draftFolder, removeEmptyFolder: draftCreatedFolder) }
        if draftFolder != folder { draftCreatedFolder = !drafts.folderExists(folder) }
        var draft = WizardDraft(
            step: page.title, app: app.app.id, preset: baseRequest.preset, answersFile: baseRequest.answersFile,
            answers: layer.order.compactMap { key in layer[key].map { WizardDraft.DraftAnswer(key: key, text: $0.isNull ? nil : $0.text) } },
            secretChoices: secretChoices.mapValues(\.rawValue), createdFolder: draftCreatedFolder)
        draft.replaceConfirmed = replaceConfirmed
        do {
            try drafts.save(draft, in: folder)
            draftFolder = folder
            draftError = nil
        } catch {
            draftError = "the answers so far cannot be saved to \(WizardDraft.path(in: folder)): \(error)"
        }
    }

    /// Quitting on purpose drops this run's draft, and the folder if the draft alone made it.
    func discardDraft() {
        if let draftFolder { drafts.remove(from: draftFolder, removeEmptyFolder: draftCreatedFolder) }
        draftFolder = nil
    }
}
