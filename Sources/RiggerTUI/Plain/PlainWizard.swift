import Foundation
import RiggerCore

/// The wizard one question a line, for screen readers, serial consoles and terminals the
/// full-screen wizard can't draw on. It drives the same `WizardFlow` as the full screen (its
/// pages, fields, validation, secrets, drafts, review and writing) and only asks and prints
/// differently: every question gets a line that starts with its title, and nothing is drawn.
public final class PlainWizard {
    private let flow: WizardFlow
    private let console: LineConsole
    /// The question being asked: its index among the page's fields.
    private var current: Int
    /// The page whose heading was printed last; a new one is printed when the page changes.
    private var shownPage: WizardPage?
    /// The field whose question was printed last, so that asking it again prints its prompt alone.
    private var askedField: WizardField?

    /// What one question, or the review, led to.
    private enum Step {
        case next
        case ended(WizardRunner.Ending)
    }

    /// What reading the operator's line gave.
    private enum Input {
        case line(String)
        /// Ctrl-C, and the operator said not to quit: ask the same again.
        case askAgain
        case ended(WizardRunner.Ending)
    }

    /// A plain mode that asks the flow's questions on the console.
    public init(flow: WizardFlow, console: LineConsole) {
        self.flow = flow
        self.console = console
        current = flow.firstFieldToFill()
    }

    /// The field whose question is asked; nil on a page without fields.
    private var currentField: WizardField? { flow.field(at: current) }

    /// Goes to the page's question at `index`; the flow checks the one left and saves the draft.
    private func ask(at index: Int) {
        flow.leave(currentField, for: flow.field(at: index))
        current = index
    }

    /// Asks until the bundle is written or the operator quits (Ctrl-C, confirmed, or the end of
    /// input: both drop this run's draft and write nothing), or a signal stops it.
    public func run() -> WizardRunner.Ending {
        say("rigger: \(flow.app.title) install bundle, one question a line. Enter keeps the value in brackets, "
            + "- empties a text answer, a number picks a choice, ? shows the full help, < goes back one question, Ctrl-C quits.")
        // The cluster is read while the first questions are answered; each question shows what has arrived.
        flow.startReadingCluster()
        defer { flow.stopReadingCluster() }
        while true {
            let step: Step
            switch flow.page {
            case .done:
                showPageHeading()
                (flow.writtenSummary + [""] + flow.nextSteps).forEach(say)
                return .finished
            case .resume: step = askResume()
            case .review: step = askToWrite()
            default: step = askFocusedField()
            }
            if case .ended(let ending) = step { return ending }
        }
    }

    // MARK: Questions

    private func askFocusedField() -> Step {
        if showPageHeading() {
            // Every question of a page is asked, from the first.
            ask(at: 0)
        }
        guard let field = currentField else {
            next()
            return .next
        }
        _ = flow.clusterDidChange()
        let question = PlainQuestion(field, in: flow)
        if askedField != field {
            question.lines.forEach(say)
            askedField = field
            // A folder the bundle can't go to (--out not empty and no bundle) is said at once, as
            // the full screen shows it under the field, not only after Enter.
            if field == .outputFolder, let problem = flow.errors[field.key] { say("! " + problem) }
        }
        let line: String
        switch read(question.prompt, echo: question.form != .secret) {
        case .line(let text): line = text
        case .askAgain: return .next
        case .ended(let ending): return .ended(ending)
        }
        let reply = question.reply(to: line)
        switch reply {
        case .back:
            goBack()
            return .next
        case .help:
            showHelp(question)
            return .next
        case .invalid(let message):
            say("! " + message)
            return .next
        case .keep: break
        case .text(let text): flow.setText(text, in: field)
        case .choose(let value): flow.choose(value, in: field)
        }
        if case .text(let text) = reply, question.form == .secret { say("\(question.title): \(text.count) characters read.") }
        // A choice that can't be taken (a preset that doesn't load) is said where it was chosen.
        let choiceError: String? = if case .choose = reply { flow.errors[field.key] } else { nil }
        if let message = flow.problem(with: field) ?? choiceError {
            say("! " + message)
            return .next
        }
        moveOn(from: field)
        return .next
    }

    /// The next question: the page's next field, or the wizard's Enter on its last one, which
    /// checks the page and goes on, or stays on its first field with an error.
    private func moveOn(from field: WizardField) {
        let fields = flow.fields
        let index = fields.firstIndex(of: field) ?? current
        if index + 1 < fields.count {
            ask(at: index + 1)
            return
        }
        let page = flow.page
        next()
        if flow.page == page, let stuck = currentField, let error = flow.errors[stuck.key] {
            askedField = nil
            say("! \(flow.label(stuck).trimmingCharacters(in: .whitespaces)): \(error)")
        }
    }

    /// `<`: the question before, on this page or at the end of the page before; what was typed stays.
    private func goBack() {
        let fields = flow.fields
        let index = currentField.flatMap { fields.firstIndex(of: $0) } ?? 0
        if index > 0 {
            ask(at: index - 1)
            return
        }
        let page = flow.page
        // The page before, everything typed kept.
        if let start = flow.back(from: currentField) { current = start }
        guard flow.page != page else {
            say("This is the first question.")
            return
        }
        showPageHeading()
        let count = flow.fields.count
        if count > 0 { ask(at: count - 1) }
    }

    /// `?`: the wizard's full help of the field, then its options and prompt again.
    private func showHelp(_ question: PlainQuestion) {
        say(question.title.trimmingCharacters(in: .whitespaces))
        for paragraph in flow.fullHelp(question.field, help: question.help).joined() { say("  " + paragraph) }
        if question.form == .text { say("  Enter keeps the value in brackets; - empties it.") }
        question.optionLines.forEach(say)
    }

    /// Prints the heading of the page when it is not the one printed last; returns whether it did.
    @discardableResult
    private func showPageHeading() -> Bool {
        let page = flow.page
        guard page != shownPage else { return false }
        shownPage = page
        askedField = nil
        say("")
        if page == .done {
            say("Done")
        } else if page == .resume {
            // Not a step: once answered it is gone from the pages, which the steps are counted in.
            say("Before step 1: \(page.title)")
        } else {
            let pages = flow.pages
            say("Step \((pages.firstIndex(of: page) ?? 0) + 1) of \(pages.count): \(page.title)")
        }
        return true
    }

    // MARK: Resume and review

    /// The resume page: resume the draft found in the folder, or start over.
    private func askResume() -> Step {
        if showPageHeading() { flow.resumeDescription.forEach(say) }
        let question = PlainQuestion(.resumeChoice, in: flow)
        if askedField != .resumeChoice {
            question.lines.forEach(say)
            askedField = .resumeChoice
        }
        switch read(question.prompt, echo: true) {
        case .askAgain: return .next
        case .ended(let ending): return .ended(ending)
        case .line(let line):
            let resume: Bool
            switch question.reply(to: line) {
            case .keep: resume = true
            case .choose(let value): resume = value == "resume"
            case .help:
                say(flow.help(.resumeChoice))
                return .next
            case .back:
                say("This is the first question.")
                return .next
            case .invalid(let message):
                say("! " + message)
                return .next
            case .text:
                // A choice's reply is never text.
                return .next
            }
            current = flow.answerResume(resume)
            return .next
        }
    }

    /// The review as plain text, then "Write the bundle?": y writes it, n asks whether to quit
    /// without writing, < goes back. The question has no default: Enter, or anything else, says
    /// what each answer does and asks again, so that a `y` typed next can only ever write.
    private func askToWrite() -> Step {
        if showPageHeading() { showReview() }
        if flow.reviewed == nil { return askToGoBack() }
        let line: String
        switch read(Self.writeQuestion, echo: true) {
        case .line(let text): line = text.trimmingCharacters(in: .whitespaces).lowercased()
        case .askAgain: return .next
        case .ended(let ending): return .ended(ending)
        }
        switch line {
        case "y", "yes":
            // Writes exactly the bundle reviewed.
            next()
            if flow.page != .done {
                // Not written: why, or the review prepared again (it had failed before).
                if let error = flow.reviewError { say("Cannot write the bundle: \(error)") } else { showReview() }
            }
            return .next
        case "<":
            goBack()
            return .next
        case "n", "no":
            return confirmQuit()
        case "?":
            say("y writes the bundle to \(flow.outputDirectory); n asks whether to quit without writing; < goes back to the last question.")
            return .next
        default:
            say("y writes the bundle, n quits without writing it, < goes back to the last question")
            return .next
        }
    }

    /// A review that can't be written (it said why): no write question, only the way back to the
    /// answers, which Enter takes; n asks whether to quit.
    private func askToGoBack() -> Step {
        let line: String
        switch read("Back to the answers? [Y/n]: ", echo: true) {
        case .line(let text): line = text.trimmingCharacters(in: .whitespaces).lowercased()
        case .askAgain: return .next
        case .ended(let ending): return .ended(ending)
        }
        switch line {
        case "", "y", "yes", "<":
            goBack()
            return .next
        case "n", "no":
            return confirmQuit()
        default:
            say("The bundle can't be written as answered (above): Enter goes back to the last question, n quits without writing.")
            return .next
        }
    }

    /// The last question; it has no default (no capital letter), since Enter must not decide it.
    static let writeQuestion = "Write the bundle? (y/n): "

    private func showReview() {
        if let error = flow.reviewError { say("Cannot write the bundle: \(error)") }
        guard let reviewed = flow.reviewed else { return }
        say("Bundle folder: \(flow.outputDirectory)")
        let review = BundleReview(
            prepared: reviewed, changes: flow.reviewChanges, warnings: flow.reviewWarnings, cluster: flow.clusterReviewLines)
        for section in review.sections {
            say("")
            say(section.title)
            section.lines.forEach { say("  " + $0) }
        }
        say("")
    }

    // MARK: Reading and quitting

    /// Asks with `prompt` and reads the operator's line. Ctrl-C asks whether to quit; the end of
    /// input quits.
    private func read(_ prompt: String, echo: Bool) -> Input {
        switch console.readLine(prompt: prompt, echo: echo) {
        case .line(let text): return .line(text)
        case .signal(let number): return .ended(.signal(number))
        case .endOfInput:
            say("")
            say("End of input.")
            return .ended(quit())
        case .interrupt:
            // The terminal's "^C" ends no line; a secret's reading ended its own.
            if echo { say("") }
            if case .ended(let ending) = confirmQuit() { return .ended(ending) }
            return .askAgain
        }
    }

    /// "Quit without writing anything?": y quits, and so does Ctrl-C again; anything else asks
    /// the same question again.
    private func confirmQuit() -> Step {
        switch console.readLine(prompt: "Quit without writing anything? [y/N]: ", echo: true) {
        case .line(let text) where ["y", "yes"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()): return .ended(quit())
        case .signal(let number): return .ended(.signal(number))
        case .endOfInput: return .ended(quit())
        case .interrupt:
            // The terminal's "^C" ends no line.
            say("")
            return .ended(quit())
        case .line:
            askedField = nil
            return .next
        }
    }

    /// The flow goes on from the question asked: to the next page, or to the question of this one
    /// that needs an answer first.
    private func next() {
        if let start = flow.next(from: currentField) { current = start }
    }

    /// Quits: this run's draft goes, and nothing is written.
    private func quit() -> WizardRunner.Ending {
        flow.quitWithoutWriting()
        return .quit
    }

    private func say(_ line: String) {
        console.write(line + "\n")
    }
}
