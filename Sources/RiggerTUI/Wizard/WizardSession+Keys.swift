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
        if flow.page == .done {
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
        if flow.page == .resume { return handleResume(key) }
        flow.visit(focusedField)
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
        case .pageDown where flow.page == .review: reviewScroll = min(reviewScroll + 10, scrollLimits.review)
        case .pageUp where flow.page == .review: reviewScroll = max(0, reviewScroll - 10)
        default:
            editFocused(key)
        }
        flow.applyClusterAnswers()
        return .continueRunning
    }

    /// The resume page: arrows and Tab move between resume and start over, r and s pick one,
    /// Enter answers.
    func handleResume(_ key: Key) -> Outcome {
        switch key {
        case .up, .down, .left, .right, .tab, .backTab, .character(" "): resumeSelected.toggle()
        case .character("r"), .character("R"): resumeSelected = true
        case .character("s"), .character("S"): resumeSelected = false
        case .enter:
            answerResume(resumeSelected)
        default: break
        }
        return .continueRunning
    }

    /// The value of a field picked from a list (a choice, yes or no, the preset, a secret's way),
    /// for saying what type-ahead changed; nil for a field typed into.
    func choiceValue(of field: WizardField) -> String? {
        switch field {
        case .answer(let key):
            switch flow.catalog[key]?.kind {
            case .choice?, .bool?: return displayText(key)
            default: return nil
            }
        case .preset: return flow.presetName
        case .secretChoice(let key): return secretChoice(key).rawValue
        case .confirmReplace: return flow.replaceConfirmed ? "true" : "false"
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
            switch flow.catalog[key]?.kind {
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
            options = flow.presetChoices.map(\.value)
            current = flow.presetName
        case .answer(let field)? where { if case .choice? = flow.catalog[field]?.kind { return true } else { return false } }():
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

    func editFocused(_ key: Key) {
        switch focusedField {
        case .outputFolder?:
            var editor = self.editor(for: .outputFolder)
            let handled = editor.handle(key)
            outputEditor = editor
            if handled { flow.setText(editor.text, in: .outputFolder) }
        case .secretValue(let secret)?:
            var editor = self.editor(for: .secretValue(secret))
            _ = editor.handle(key)
            secretEditors[secret] = editor
            flow.setText(editor.text, in: .secretValue(secret))
        case .secretChoice(let secret)?:
            let options = secretOptions(secret)
            guard let index = options.firstIndex(of: secretChoice(secret)) else { return }
            switch key {
            case .left, .up: select(options[(index - 1 + options.count) % options.count].rawValue, in: .secretChoice(secret))
            case .right, .down, .character(" "): select(options[(index + 1) % options.count].rawValue, in: .secretChoice(secret))
            case .character(let c):
                // Type-ahead follows the label the operator reads; a letter that matches none changes nothing.
                let letter = Character(c.lowercased())
                let rotated = Array(options[(index + 1)...] + options[...index])
                if let match = rotated.first(where: { $0.label.lowercased().first == letter }) { select(match.rawValue, in: .secretChoice(secret)) }
            default: return
            }
        case .answer(let field)?:
            guard let question = flow.catalog[field] else { return }
            switch question.kind {
            case .choice:
                if let next = Self.nextChoice(choices(field).map(\.value), from: displayText(field), key: key) { select(next, in: .answer(field)) }
            case .bool:
                switch key {
                case .character(" "), .left, .right: select(displayText(field) == "true" ? "false" : "true", in: .answer(field))
                case .character("y"), .character("t"): select("true", in: .answer(field))
                case .character("n"), .character("f"): select("false", in: .answer(field))
                default: break
                }
            default:
                if key == .up || key == .down, let suggestion = nextSuggestion(field, after: displayText(field), key) {
                    replaceText(suggestion, in: .answer(field))
                    return
                }
                var editor = self.editor(for: .answer(field))
                if editor.handle(key) {
                    editors[field] = editor
                    flow.setText(editor.text, in: .answer(field))
                }
            }
        case .preset?:
            if let next = Self.nextChoice(flow.presetChoices.map(\.value), from: flow.presetName, key: key) { select(next, in: .preset) }
        case .confirmReplace?:
            switch key {
            case .character(" "), .left, .right: select(flow.replaceConfirmed ? "false" : "true", in: .confirmReplace)
            case .character("y"), .character("t"): select("true", in: .confirmReplace)
            case .character("n"), .character("f"): select("false", in: .confirmReplace)
            default: break
            }
        case .resumeChoice?, nil:
            break
        }
    }

    /// What letters typed on a list changed, for the field's line: what it was, and how to pick
    /// another; nil when they changed nothing (or it isn't this field).
    public func typedChangeNote(_ field: WizardField) -> String? {
        guard let change = typedChange, change.field == field else { return nil }
        let was: String
        switch field {
        case .secretChoice(let key): was = SecretChoice(rawValue: change.was).map { label($0, forSecret: key) } ?? change.was
        case .answer(let key) where { if case .bool? = flow.catalog[key]?.kind { return true } else { return false } }():
            was = change.was == "true" ? "yes" : "no"
        case .confirmReplace: was = change.was == "true" ? "yes" : "no"
        default: was = change.was
        }
        return "typing changed this from \(was); Up/Down pick another"
    }

    /// The next value of a field's cluster suggestions for an arrow key; nil when it has none.
    func nextSuggestion(_ key: String, after current: String, _ pressed: Key) -> String? {
        let values = clusterSuggestions(key).map(\.value)
        guard !values.isEmpty else { return nil }
        guard let index = values.firstIndex(of: current) else { return pressed == .down ? values.first : nil }
        switch pressed {
        case .down: return index + 1 < values.count ? values[index + 1] : nil
        case .up: return index > 0 ? values[index - 1] : nil
        default: return nil
        }
    }
}
