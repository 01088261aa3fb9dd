import Foundation
import RiggerCore

/// The full-screen wizard over a `WizardFlow`: where the focus is, the text being edited and its
/// cursor, the keys and what they mean, the help, the quit confirmation and the scrolling of the
/// review and done pages. No terminal in here, so that every screen can be driven and checked in
/// tests: `WizardView` draws it; `WizardRunner` connects it to a terminal. What the flow holds
/// (its pages, answers, errors, review) reads through: `session.page` is `session.flow.page`.
@dynamicMemberLookup
public final class WizardSession {
    /// What the session wants after a key.
    public enum Outcome: Equatable {
        case continueRunning
        /// The operator quit without writing.
        case quit
        /// The bundle was written and the operator left the done page.
        case finished
    }

    /// The answers, pages, validation and review this screen shows and drives.
    public let flow: WizardFlow
    /// The focused field: its index among the page's fields.
    public internal(set) var focus = 0
    /// The editors of the text answers typed into, for their cursor; the text is the flow's.
    public internal(set) var editors: [String: TextEditor] = [:]
    /// The editors of the secret values typed into, for their cursor.
    public internal(set) var secretEditors: [String: TextEditor] = [:]
    var outputEditor: TextEditor
    /// On the resume page: resume (true) or start over.
    public internal(set) var resumeSelected = true
    /// A choice that letters typed on it changed, and what it was before the first of them; gone
    /// at the next key that isn't a letter, or when the field is left.
    public internal(set) var typedChange: (field: WizardField, was: String)?
    /// Whether typed secret values are shown (F2) rather than as bullets.
    public var revealSecrets = false
    /// Whether the focused field's full help is shown (F1 or ?).
    public internal(set) var showingHelp = false
    /// Whether Ctrl-C asked "quit without writing?" and waits for the answer.
    public internal(set) var confirmingQuit = false
    /// Where on a long done page the view starts.
    public var doneScroll = 0
    /// Where on a long review the view starts.
    public var reviewScroll = 0
    /// The flow's count of reviews prepared when the review was last scrolled from its top.
    var reviewShown = 0
    /// How far the review and the done page can scroll at the size they were last drawn: the
    /// keys stop there, so that the first key back moves the view.
    var scrollLimits = (review: Int.max, done: Int.max)

    /// The full screen over `flow`, on the field the flow's page starts at.
    public init(flow: WizardFlow) {
        self.flow = flow
        outputEditor = TextEditor(flow.outputDirectory)
        focus = flow.firstFieldToFill()
        reviewShown = flow.reviewsPrepared
    }

    /// A session over a new flow (see `WizardFlow.init`).
    public convenience init(
        request: GenerationRequest, generator: BundleGenerator, outputGiven: Bool, cluster: (any WizardClusterReading)? = nil,
        drafts: any WizardDraftStore = FileDraftStore()
    ) throws {
        self.init(flow: try WizardFlow(request: request, generator: generator, outputGiven: outputGiven, cluster: cluster, drafts: drafts))
    }

    /// Reads the flow's state.
    public subscript<T>(dynamicMember keyPath: KeyPath<WizardFlow, T>) -> T {
        flow[keyPath: keyPath]
    }

    /// Sets the flow's state, for tests that start on a page.
    subscript<T>(dynamicMember keyPath: ReferenceWritableKeyPath<WizardFlow, T>) -> T {
        get { flow[keyPath: keyPath] }
        set { flow[keyPath: keyPath] = newValue }
    }

    /// The focused field; nil on a page without fields.
    public var focusedField: WizardField? { flow.field(at: focus) }

    // MARK: Intents

    /// Enter: the flow goes on from the focused field, and the focus goes where it says.
    public func next() {
        if let start = flow.next(from: focusedField) { focus = start }
        followFlow()
    }

    /// Esc: the page before, with everything typed kept.
    public func back() {
        if flow.page == .review { reviewScroll = 0 }
        if let start = flow.back(from: focusedField) { focus = start }
        followFlow()
    }

    /// On the resume page: takes up the draft found in the folder, or starts over without it.
    public func answerResume(_ resume: Bool) {
        resumeSelected = resume
        if resume, flow.pendingDraft != nil { editors = [:] }
        focus = flow.answerResume(resume)
        followFlow()
    }

    /// Ends the run without writing.
    public func quitWithoutWriting() {
        confirmingQuit = false
        flow.quitWithoutWriting()
    }

    /// After an intent that may change the page: a review prepared again is shown from its top,
    /// and a draft offered (another folder was typed) starts with resume selected.
    private func followFlow() {
        if flow.reviewsPrepared != reviewShown {
            reviewShown = flow.reviewsPrepared
            reviewScroll = 0
        }
        if flow.page == .resume { resumeSelected = true }
    }

    // MARK: Focus and editing

    func moveFocus(by offset: Int) {
        let count = flow.fields.count
        guard count > 0 else {
            if flow.page == .review { reviewScroll = min(max(0, reviewScroll + offset), scrollLimits.review) }
            return
        }
        moveFocus(to: (focus + offset + count) % count)
    }

    /// Leaves the focused field for the page's field at `index` (the flow checks the field left
    /// and saves the draft).
    func moveFocus(to index: Int) {
        flow.leave(focusedField, for: flow.field(at: index))
        focus = index
    }

    /// Gives a choice field one of its values (see `WizardFlow.choose`).
    func select(_ value: String, in field: WizardField) {
        flow.choose(value, in: field)
    }

    /// Replaces a text field's whole value, with the cursor at its end.
    func replaceText(_ text: String, in field: WizardField) {
        switch field {
        case .outputFolder: outputEditor = TextEditor(text)
        case .secretValue(let key): secretEditors[key] = TextEditor(text)
        case .answer(let key): editors[key] = TextEditor(text)
        case .secretChoice, .resumeChoice, .preset, .confirmReplace: break
        }
        flow.setText(text, in: field)
    }

    /// The text editor of a field, for drawing its cursor and scroll: the one typed into while
    /// its text is the flow's, else a new one at the end of the flow's text (which the flow
    /// changed: a Secret's name emptied, another app's default folder).
    public func editor(for field: WizardField) -> TextEditor {
        switch field {
        case .outputFolder: return Self.current(outputEditor, flow.outputDirectory)
        case .secretValue(let key): return Self.current(secretEditors[key], flow.secretText(key))
        case .answer(let key): return Self.current(editors[key], flow.displayText(key))
        case .secretChoice, .resumeChoice, .preset, .confirmReplace: return TextEditor()
        }
    }

    private static func current(_ editor: TextEditor?, _ text: String) -> TextEditor {
        if let editor, editor.text == text { return editor }
        return TextEditor(text)
    }
}
