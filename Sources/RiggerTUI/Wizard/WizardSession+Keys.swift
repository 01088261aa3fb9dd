import Foundation
import RiggerCore

/// The wizard's response to keys: moving focus, editing the focused field, choosing values.
extension WizardSession {
    // MARK: Keys

    /// Handles one key press.
    public func handle(_ key: Key) -> Outcome {
        if confirmingQuit {
            confirmingQuit = false
            // y quits, and so does a second Ctrl-C: pressing it again is how one insists on stopping.
            if key == .character("y") || key == .character("Y") || key == .control("c") {
                quitWithoutWriting()
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
        if page == .done {
            // A long done page scrolls; any other key leaves it.
            switch key {
            case .down: doneScroll = min(doneScroll + 1, scrollLimits.done)
            case .up: doneScroll = max(0, doneScroll - 1)
            case .pageDown: doneScroll = min(doneScroll + 10, scrollLimits.done)
            case .pageUp: doneScroll = max(0, doneScroll - 10)
            default: return .finished
            }
            return .continueRunning
        }
        if key == .function(1) || (key == .character("?") && !focusIsTextual) {
            showingHelp = true
            return .continueRunning
        }
        if page == .resume { return handleResume(key) }
        noteFieldsSeen()
        let focusedBefore = focusedField
        let valueBefore = focusedBefore.flatMap(choiceValue)
        defer { noteTypedChange(key, field: focusedBefore, was: valueBefore) }
        switch key {
        case .escape:
            back()
        case .enter:
            next()
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
        case .pageDown where page == .review: reviewScroll = min(reviewScroll + 10, scrollLimits.review)
        case .pageUp where page == .review: reviewScroll = max(0, reviewScroll - 10)
        default:
            editFocused(key)
        }
        applyClusterAnswers()
        return .continueRunning
    }


    /// The value of a field picked from a list (a choice, yes or no, the preset, a secret's way),
    /// for saying what type-ahead changed; nil for a field typed into.
    func choiceValue(of field: WizardField) -> String? {
        switch field {
        case .answer(let key):
            switch catalog[key]?.kind {
            case .choice?, .bool?: return displayText(key)
            default: return nil
            }
        case .preset: return presetName
        case .secretChoice(let key): return secretChoice(key).rawValue
        case .confirmReplace: return replaceConfirmed ? "true" : "false"
        case .outputFolder, .secretValue, .resumeChoice: return nil
        }
    }

    /// Keeps what letters typed on a list changed, so that the field's line can say it: a word
    /// meant for the text field above, typed after one Tab too many, changes a choice in sight.
    /// Said rather than refused: type-ahead stays for those who use it, and no clock decides.
    func noteTypedChange(_ key: Key, field: WizardField?, was before: String?) {
        guard case .character = key, let field, field == focusedField, let before, let now = choiceValue(of: field) else {
            typedChange = nil
            return
        }
        let original = typedChange?.field == field ? typedChange?.was ?? before : before
        typedChange = now == original ? nil : (field, original)
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
    func focusConsumesVertical(_ key: Key) -> Bool {
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
    static func nextChoice(_ options: [String], from current: String, key: Key) -> String? {
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

    func moveFocus(by offset: Int) {
        let count = fields.count
        guard count > 0 else {
            if page == .review { reviewScroll = min(max(0, reviewScroll + offset), scrollLimits.review) }
            return
        }
        moveFocus(to: (focus + offset + count) % count)
    }

    /// Leaves the focused field for the page's field at `index`: the field left is checked, and
    /// the draft saved, so a drop mid-step loses at most the field being typed.
    func moveFocus(to index: Int) {
        noteFieldsSeen()
        validateFocused()
        focus = index
        noteFieldsSeen()
        followClusterTarget()
        if page != .output, page != .resume, draftFolder != nil { saveDraft() }
    }

    func validateFocused() {
        guard case .answer(let key)? = focusedField else { return }
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

    static func message(_ problem: AnswerProblem) -> String {
        switch problem.reason {
        case .invalid(let expected): return "expected \(expected)"
        case .missing(let expected): return "required: \(expected)"
        default: return problem.description
        }
    }

    func editFocused(_ key: Key) {
        switch focusedField {
        case .outputFolder?:
            if outputEditor.handle(key) { outputTyped = true }
            reviewed = nil
        case .secretValue(let secret)?:
            var editor = secretEditors[secret] ?? TextEditor()
            _ = editor.handle(key)
            secretEditors[secret] = editor
            reviewed = nil
            recheckShownError(.secretValue(secret))
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
        case .confirmReplace?:
            switch key {
            case .character(" "), .left, .right: select(replaceConfirmed ? "false" : "true", in: .confirmReplace)
            case .character("y"), .character("t"): select("true", in: .confirmReplace)
            case .character("n"), .character("f"): select("false", in: .confirmReplace)
            default: break
            }
        case .resumeChoice?, nil:
            break
        }
    }

    /// Gives a choice field one of its values: an answer's choice or true/false, the preset, or a
    /// secret's way (a `SecretChoice` raw value). The app and the preset bring their answers along.
    func select(_ value: String, in field: WizardField) {
        noteFieldsSeen()
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

    /// Replaces a text field's whole value, as a front end that reads whole lines answers it.
    func replaceText(_ text: String, in field: WizardField) {
        noteFieldsSeen()
        switch field {
        case .outputFolder:
            outputEditor = TextEditor(text)
            outputTyped = true
            reviewed = nil
        case .secretValue(let key):
            secretEditors[key] = TextEditor(text)
            reviewed = nil
            recheckShownError(field)
        case .answer(let key):
            editors[key] = TextEditor(text)
            setAnswer(key, text)
        case .secretChoice, .resumeChoice, .preset, .confirmReplace:
            break
        }
    }

    /// The text editor of the focused field, for drawing its cursor and scroll.
    public func editor(for field: WizardField) -> TextEditor {
        switch field {
        case .outputFolder: return outputEditor
        case .secretValue(let key): return secretEditors[key] ?? TextEditor()
        case .answer(let key): return editors[key] ?? TextEditor(displayText(key))
        case .secretChoice, .resumeChoice, .preset, .confirmReplace: return TextEditor()
        }
    }
}
