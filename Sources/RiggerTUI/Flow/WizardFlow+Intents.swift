import RiggerCore

/// What a front end asks of the flow, in its own words rather than as keys: the full screen maps
/// Enter, Esc, arrows and typing to these, plain mode maps its replies to them, and neither
/// imitates the other. Where a front end stands on a page is its own: it says which field it
/// leaves, and the intents that change the page say where to stand next, by index in `fields`.
extension WizardFlow {
    /// Goes on from the page, from `field` where the front end stands: checks the page and moves
    /// to the next page (or to the field of this one that needs an answer first), and on the
    /// review writes exactly the bundle reviewed. Returns where to stand then; nil on the review.
    @discardableResult
    public func next(from field: WizardField? = nil) -> Int? {
        noteFieldsSeen(field)
        var start: Int?
        if page == .review { write() } else { start = advance(from: field) }
        applyClusterAnswers()
        return start
    }

    /// The page before, with everything typed kept. Returns where to stand on it; nil when there
    /// is no page before (the first, or the resume page, which is gone once answered).
    @discardableResult
    public func back(from field: WizardField? = nil) -> Int? {
        noteFieldsSeen(field)
        let start = goBack()
        applyClusterAnswers()
        return start
    }

    /// The front end shows `field` to the operator (or acts on the page from it): the page's
    /// fields as first shown, and this one, count as seen.
    public func visit(_ field: WizardField?) {
        noteFieldsSeen(field)
    }

    /// The front end leaves `field` for `next`, another field of the page: the field left is
    /// checked, and the draft saved, so a drop mid-step loses at most the field being typed.
    public func leave(_ field: WizardField?, for next: WizardField?) {
        noteFieldsSeen(field)
        validate(field)
        noteFieldsSeen(next)
        followClusterTarget()
        if page != .output, page != .resume, draftFolder != nil { saveDraft() }
    }

    /// Gives a choice field one of its values: an answer's choice or true/false, the preset, or a
    /// secret's way (a `SecretChoice` raw value). The app and the preset bring their answers along.
    public func choose(_ value: String, in field: WizardField) {
        noteFieldsSeen(field)
        switch field {
        case .answer(let key):
            setAnswer(key, value)
            if key == "app" { chooseApp(value) }
        case .preset:
            if value != presetName { choosePreset(value) }
        case .secretChoice(let key):
            if let choice = SecretChoice(rawValue: value) { chooseSecret(key, choice) }
        case .confirmReplace:
            replaceConfirmed = value == "true" && !replacedPinnedKeys.isEmpty
            errors[field.key] = nil
            // The answers it names are refused no longer.
            for key in UpgradeRules.pinnedKeys where errors[key] != nil { errors[key] = problem(with: .answer(key)) }
        case .outputFolder, .secretValue, .resumeChoice:
            break
        }
    }

    /// Sets a text field's whole value: the output folder (from then on the operator's, not a
    /// default), a secret's value, or a free-text answer ("" empties it).
    public func setText(_ text: String, in field: WizardField) {
        noteFieldsSeen(field)
        switch field {
        case .outputFolder:
            outputDirectory = text
            outputTyped = true
            reviewed = nil
        case .secretValue(let key):
            secretValues[key] = text
            reviewed = nil
            recheckShownError(field)
        case .answer(let key):
            setAnswer(key, text)
        case .secretChoice, .resumeChoice, .preset, .confirmReplace:
            break
        }
    }

    /// On the resume page: takes up the draft found in the folder, or starts over without it.
    /// Returns where to stand on the page that opens.
    @discardableResult
    public func answerResume(_ resume: Bool) -> Int {
        if resume, let draft = pendingDraft { return self.resume(draft) }
        return startOver()
    }

    /// Ends the run without writing: this run's draft goes, with the folder if the draft alone made it.
    public func quitWithoutWriting() {
        discardDraft()
    }

    /// Checks an answer field as it is left: its problem, or the one between answers it names.
    func validate(_ field: WizardField?) {
        guard case .answer(let key)? = field else { return }
        if let problem = resolution.problems.first(where: { $0.key == key }) ?? problemBetweenAnswers(naming: key) {
            errors[key] = Self.message(problem)
        } else {
            errors[key] = nil
        }
    }

    /// Checks a secret value again as it changes while an error is shown under it, so that the
    /// error goes once the value is good and otherwise says what is wrong now. (A text answer's
    /// error goes as it is edited, and comes back when the field is left.)
    func recheckShownError(_ field: WizardField) {
        guard errors[field.key] != nil else { return }
        errors[field.key] = problem(with: field)
    }
}
