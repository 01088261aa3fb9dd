import RiggerCore

/// Draws a wizard session into a canvas: a pure function of the session and the size.
public enum WizardView {
    /// The smallest terminal the wizard lays out in.
    public static let minimumColumns = 70
    public static let minimumRows = 20

    static let sidebarWidth = 20

    struct Glyphs {
        let vertical: Character, horizontal: Character, done: Character, current: Character, bullet: Character
        let radioOn: String, radioOff: String, checkOn: String, checkOff: String

        init(unicode: Bool) {
            vertical = unicode ? "│" : "|"
            horizontal = unicode ? "─" : "-"
            done = unicode ? "✓" : "*"
            current = ">"
            bullet = unicode ? "•" : "*"
            radioOn = "(*)"
            radioOff = "( )"
            checkOn = "[x]"
            checkOff = "[ ]"
        }
    }

    /// The frame for the session at this size.
    public static func render(_ session: WizardSession, rows: Int, columns: Int, capabilities: TerminalCapabilities) -> Canvas {
        var canvas = Canvas(rows: rows, columns: columns)
        let glyphs = Glyphs(unicode: capabilities.unicode)
        guard rows >= minimumRows, columns >= minimumColumns else {
            let message = "make the terminal at least \(minimumColumns) x \(minimumRows) (now \(columns) x \(rows))"
            let lines = wrap(message, width: max(columns - 2, 10))
            let top = max(0, (rows - lines.count) / 2)
            for (index, line) in lines.enumerated() {
                canvas.write(line, row: top + index, column: max(0, (columns - line.count) / 2))
            }
            return canvas
        }
        drawFrame(session, into: &canvas, glyphs: glyphs)
        switch session.page {
        case .resume: drawResume(session, into: &canvas, glyphs: glyphs)
        case .review: drawReview(session, into: &canvas)
        case .done: drawDone(session, into: &canvas)
        default: drawFields(session, into: &canvas, glyphs: glyphs)
        }
        if session.showingHelp { drawHelp(session, into: &canvas) }
        if session.confirmingQuit {
            let question = "Quit without writing anything? (y/N)"
            let text = drawBox([question], into: &canvas, glyphs: glyphs)
            // Where the answer is typed, as a prompt would have it.
            canvas.cursor = (text.row, min(text.column + question.count, canvas.columns - 1))
        }
        return canvas
    }

    private static func drawFrame(_ session: WizardSession, into canvas: inout Canvas, glyphs: Glyphs) {
        let columns = canvas.columns, rows = canvas.rows
        canvas.fill(row: 0, column: 0, width: columns, style: .reverse)
        canvas.write(" rigger: PostHog install bundle", row: 0, column: 0, style: .reverse)
        let pages = session.pages
        let current = pages.firstIndex(of: session.page) ?? pages.count
        let counter = session.page == .done ? "done " : "step \(current + 1) of \(pages.count) "
        canvas.write(counter, row: 0, column: columns - counter.count, style: .reverse)
        for (index, page) in pages.enumerated() where index + 2 < rows - 3 {
            let marker: Character = index < current ? glyphs.done : (index == current ? glyphs.current : " ")
            let style: CellStyle = index == current ? [.bold] : (index < current ? [] : [.dim])
            canvas.write("\(marker) \(page.title)", row: index + 2, column: 1, style: style, width: sidebarWidth - 1)
        }
        for row in 1..<(rows - 2) { canvas.write(String(glyphs.vertical), row: row, column: sidebarWidth) }
        canvas.fill(row: rows - 2, column: 0, width: columns, character: glyphs.horizontal)
        canvas.write(hints(session), row: rows - 1, column: 1, style: .dim, width: columns - 2)
    }

    private static func hints(_ session: WizardSession) -> String {
        switch session.page {
        case .review: return "Enter write the bundle  Esc back  Up/Down/PgUp/PgDn scroll  Ctrl-C quit"
        case .done: return "any key: exit"
        case .resume: return "Up/Down choose  Enter confirm  r resume  s start over  Ctrl-C quit"
        default:
            let reveal = session.focusedField.map { if case .secretValue = $0 { return "  F2 show/hide" } else { return "" } } ?? ""
            return "Tab/arrows move  Enter next  Esc back  F1 help\(reveal)  Ctrl-C quit"
        }
    }

    private static func label(_ session: WizardSession, _ field: WizardField) -> String {
        switch field {
        case .outputFolder: return "Output folder"
        case .answer(let key): return session.catalog[key]?.title ?? key
        case .secretChoice(let key): return session.catalog[key]?.title ?? key
        case .secretValue: return "  value"
        case .resumeChoice: return "Draft"
        case .preset: return "Preset"
        }
    }

    private static func help(_ session: WizardSession, _ field: WizardField) -> String {
        switch field {
        case .outputFolder: return "The folder rigger writes the bundle to; an existing bundle there is the starting point."
        case .answer(let key), .secretChoice(let key): return session.catalog[key]?.help ?? ""
        case .secretValue: return "Typed values are shown as bullets with their length; F2 shows or hides them."
        case .resumeChoice: return "Resume the answers typed before the last run stopped, or start again from the preset."
        case .preset: return "Answers for a common setup (rigger presets lists them); what you answer here goes over them."
        }
    }

    /// Draws the page's fields, scrolled so that the focused one is in view.
    private static func drawFields(_ session: WizardSession, into canvas: inout Canvas, glyphs: Glyphs) {
        let left = sidebarWidth + 2
        let width = canvas.columns - left - 1
        let labelWidth = min(22, width / 3)
        let valueColumn = left + labelWidth + 1
        let valueWidth = canvas.columns - valueColumn - 1
        canvas.write(session.page.title, row: 2, column: left, style: .bold)
        let top = 4, bottom = canvas.rows - 4
        let fields = session.fields
        let focused = session.focusedField

        // Lay out every field as lines first, then show the window that holds the focus.
        var lines: [(field: WizardField, draw: (inout Canvas, Int) -> Void)] = []
        for field in fields {
            let isFocused = field == focused
            let title = label(session, field)
            let labelStyle: CellStyle = isFocused ? [.bold] : []
            lines.append((field, { canvas, row in
                canvas.write(isFocused ? ">" : " ", row: row, column: left - 1, style: .accent)
                canvas.write(title, row: row, column: left, style: labelStyle, width: labelWidth)
            }))
            let valueLines = valueLines(session, field, focused: isFocused, glyphs: glyphs, column: valueColumn, width: valueWidth)
            if valueLines.isEmpty { continue }
            // The first value line shares the label's row.
            let first = lines.removeLast()
            lines.append((field, { canvas, row in
                first.draw(&canvas, row)
                valueLines[0](&canvas, row)
            }))
            for extra in valueLines.dropFirst() { lines.append((field, extra)) }
            if let error = session.errors[field.key] {
                lines.append((field, { canvas, row in
                    canvas.write("! " + error, row: row, column: valueColumn, style: .error, width: valueWidth)
                }))
            }
        }
        let available = bottom - top + 1
        let focusedLines = lines.indices.filter { lines[$0].field == focused }
        var start = 0
        if let last = focusedLines.last, last >= available { start = last - available + 1 }
        if let first = focusedLines.first, first < start { start = first }
        for (offset, line) in lines.dropFirst(start).prefix(available).enumerated() {
            line.draw(&canvas, top + offset)
        }
        if start > 0 { canvas.write("(more above)", row: 3, column: canvas.columns - 14, style: .dim) }
        if start + available < lines.count { canvas.write("(more below)", row: bottom + 1, column: canvas.columns - 14, style: .dim) }
        if let focused {
            let width = canvas.columns - left - 1
            canvas.write(helpLine(help(session, focused), width: width), row: canvas.rows - 3, column: left, style: .dim, width: width)
        }
    }

    /// The drawing of a field's value, one closure per screen line.
    private static func valueLines(
        _ session: WizardSession, _ field: WizardField, focused: Bool, glyphs: Glyphs, column: Int, width: Int
    ) -> [(inout Canvas, Int) -> Void] {
        switch field {
        case .resumeChoice:
            return []
        case .preset:
            return choiceLines(session.presetChoices, selected: session.presetName, focused: focused, glyphs: glyphs, column: column, width: width)
        case .outputFolder, .secretValue:
            return [textLine(session, field, focused: focused, column: column, width: width, glyphs: glyphs)]
        case .secretChoice(let key):
            let choice = session.secretChoice(key)
            // On a bundle that has the value, generating a new one is rotating it.
            func label(_ option: SecretChoice) -> String {
                option == .generate && session.hasKeptValue(key) ? "rotate: generate a new random value" : option.label
            }
            if focused {
                return session.secretOptions(key).map { option in
                    { canvas, row in
                        let mark = option == choice ? glyphs.radioOn : glyphs.radioOff
                        canvas.write("\(mark) \(label(option))", row: row, column: column, style: option == choice ? [.reverse] : [], width: width)
                        if option == choice { canvas.cursor = markCursor(row: row, column: column) }
                    }
                }
            }
            return [{ canvas, row in canvas.write(label(choice), row: row, column: column, width: width) }]
        case .answer(let key):
            guard let question = session.catalog[key] else { return [] }
            let value = session.displayText(key)
            switch question.kind {
            case .choice:
                return choiceLines(session.choices(key), selected: value, focused: focused, glyphs: glyphs, column: column, width: width)
            case .bool:
                return [{ canvas, row in
                    canvas.write(value == "true" ? "\(glyphs.checkOn) yes" : "\(glyphs.checkOff) no", row: row, column: column,
                                 style: focused ? [.reverse] : [], width: width)
                    if focused { canvas.cursor = markCursor(row: row, column: column) }
                }]
            default:
                return [textLine(session, field, focused: focused, column: column, width: width, glyphs: glyphs)]
            }
        }
    }

    /// A radio list while focused, else the chosen value alone.
    private static func choiceLines(
        _ choices: [Choice], selected value: String, focused: Bool, glyphs: Glyphs, column: Int, width: Int
    ) -> [(inout Canvas, Int) -> Void] {
        guard focused else {
            return [{ canvas, row in canvas.write(value.isEmpty ? "(choose)" : value, row: row, column: column, width: width) }]
        }
        return choices.map { choice in
            { canvas, row in
                let selected = choice.value == value
                let mark = selected ? glyphs.radioOn : glyphs.radioOff
                canvas.write("\(mark) \(choice.value)", row: row, column: column, style: selected ? [.reverse] : [], width: width)
                canvas.write(" " + choice.label, row: row, column: column + 4 + choice.value.count, style: .dim, width: max(0, width - 4 - choice.value.count))
                if selected { canvas.cursor = markCursor(row: row, column: column) }
            }
        }
    }

    private static func textLine(
        _ session: WizardSession, _ field: WizardField, focused: Bool, column: Int, width: Int, glyphs: Glyphs
    ) -> (inout Canvas, Int) -> Void {
        let editor = session.editor(for: field)
        let isSecret: Bool = { if case .secretValue = field { return true } else { return false } }()
        let boxWidth = min(width, 48)
        let length = editor.text.count
        let suffix = isSecret ? " (\(length) characters)" : ""
        let fieldWidth = isSecret ? max(8, boxWidth - suffix.count) : boxWidth
        let shown = editor.visible(width: fieldWidth)
        let text = isSecret && !session.revealSecrets ? String(repeating: glyphs.bullet, count: shown.text.count) : shown.text
        return { canvas, row in
            canvas.fill(row: row, column: column, width: fieldWidth, character: "_", style: focused ? [.underline] : [])
            canvas.write(text, row: row, column: column, style: focused ? [.underline, .bold] : [], width: fieldWidth)
            if isSecret { canvas.write(suffix, row: row, column: column + fieldWidth, style: .dim) }
            if focused { canvas.cursor = (row, column + shown.cursorColumn) }
        }
    }

    private static func drawResume(_ session: WizardSession, into canvas: inout Canvas, glyphs: Glyphs) {
        let left = sidebarWidth + 2
        let width = canvas.columns - left - 1
        canvas.write("Resume", row: 2, column: left, style: .bold)
        guard let draft = session.pendingDraft else { return }
        var lines = wrap("A draft of an unfinished run is in \(WizardDraft.path(in: session.outputDirectory)).", width: width)
        let typed = draft.answers.count == 1 ? "1 answer" : "\(draft.answers.count) answers"
        lines += wrap("It had reached \(draft.step), with \(typed) typed" + (draft.preset.map { " over the \($0) preset." } ?? "."), width: width)
        lines += wrap("Typed secret values are never saved: the secrets step asks for them again.", width: width)
        for (index, line) in lines.enumerated() { canvas.write(line, row: 4 + index, column: left, width: width) }
        let options = [(true, "Resume where it stopped"), (false, "Start over (the draft is replaced at the next step)")]
        for (index, option) in options.enumerated() {
            let selected = option.0 == session.resumeSelected
            let row = 5 + lines.count + index
            canvas.write(selected ? ">" : " ", row: row, column: left - 1, style: .accent)
            canvas.write("\(selected ? glyphs.radioOn : glyphs.radioOff) \(option.1)", row: row, column: left, style: selected ? [.reverse] : [], width: width)
            if selected { canvas.cursor = markCursor(row: row, column: left) }
        }
    }

    /// The cursor on a choice: inside its mark, "(*)" or "[x]", so that a screen reader, which
    /// follows the cursor, reads the selected line.
    private static func markCursor(row: Int, column: Int) -> (row: Int, column: Int) {
        (row, column + 1)
    }

    private static func drawReview(_ session: WizardSession, into canvas: inout Canvas) {
        let left = sidebarWidth + 2
        let width = canvas.columns - left - 1
        canvas.write("Review", row: 2, column: left, style: .bold)
        var lines: [(String, CellStyle)] = []
        if let error = session.reviewError {
            lines.append(("Cannot write the bundle:", .error))
            for line in error.split(separator: "\n") { lines += wrap(String(line), width: width).map { ($0, CellStyle.error) } }
        }
        if let reviewed = session.reviewed {
            lines.append(("Bundle folder: \(session.outputDirectory)", .bold))
            for warning in session.reviewWarnings { lines += wrap("! " + warning, width: width).map { ($0, CellStyle.error) } }
            let byStep = Dictionary(grouping: reviewed.answers.entries) { session.catalog[$0.key]?.step ?? .app }
            for step in WizardStep.allCases {
                guard let entries = byStep[step], !entries.isEmpty else { continue }
                lines.append(("", []))
                lines.append((step.title, .bold))
                for entry in entries { lines.append(("  \(entry.key): \(entry.value)", [])) }
            }
            lines.append(("", []))
            lines.append(("Secrets (values never shown)", .bold))
            for key in reviewed.secrets.entries.keys.sorted() {
                guard let entry = reviewed.secrets[key] else { continue }
                let how: String
                switch entry.source {
                case .supplied: how = "typed"
                case .kept: how = "kept"
                case .generated: how = "generated"
                case .placeholder: how = "placeholder"
                }
                lines.append(("  \(key): \(how)" + (entry.source == .placeholder ? "" : ", \(entry.value.count) characters"), []))
            }
            for key in reviewed.secrets.existing.keys.sorted() {
                guard let reference = reviewed.secrets.existing[key] else { continue }
                lines.append(("  \(key): existing Secret \(reference.name)" + (reference.dataKey.map { ", key \($0)" } ?? ""), []))
            }
            lines.append(("", []))
            lines.append(("Files", .bold))
            for file in reviewed.bundle.files {
                lines.append(("  \(file.path)  \(file.contents.utf8.count) bytes", []))
            }
            if let changes = session.reviewChanges {
                lines.append(("", []))
                lines.append(("Changes to the bundle in this folder", .bold))
                for line in changes.report(includeDiffs: true).split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(("  " + line, []))
                }
            }
        }
        let top = 4, available = canvas.rows - 4 - top
        let start = min(session.reviewScroll, max(0, lines.count - available))
        for (offset, line) in lines.dropFirst(start).prefix(available).enumerated() {
            canvas.write(line.0, row: top + offset, column: left, style: line.1, width: width)
        }
        if start + available < lines.count { canvas.write("(more below)", row: canvas.rows - 3, column: canvas.columns - 14, style: .dim) }
        canvas.cursor = nil
    }

    private static func drawDone(_ session: WizardSession, into canvas: inout Canvas) {
        let left = sidebarWidth + 2
        let folder = session.writtenTo ?? session.outputDirectory
        let lines = [
            "The bundle is written to \(folder)", "",
            "Next, on a host whose kubectl and helm reach the cluster:", "",
            "  cd \(ShellQuote.quote(folder)) && ./install.sh", "",
            "Before an upgrade, run rigger again with --out \(ShellQuote.quote(folder)).",
        ]
        canvas.write("Done", row: 2, column: left, style: .bold)
        for (index, line) in lines.enumerated() { canvas.write(line, row: 4 + index, column: left, width: canvas.columns - left - 1) }
        canvas.cursor = nil
    }

    private static func drawHelp(_ session: WizardSession, into canvas: inout Canvas) {
        guard let field = session.focusedField else { return }
        var lines = [label(session, field).trimmingCharacters(in: .whitespaces), ""]
        lines += wrap(help(session, field), width: 50)
        if case .answer(let key) = field, let question = session.catalog[key] {
            lines.append("")
            lines += wrap("Key: \(key). Expects \(question.kind.expectation).", width: 50)
            if !question.appliesWhen.summary.isEmpty { lines += wrap("Applies when \(question.appliesWhen.summary).", width: 50) }
        }
        lines += ["", "Any key closes this help."]
        drawBox(lines, into: &canvas, glyphs: Glyphs(unicode: false))
        canvas.cursor = nil
    }

    /// Draws lines in a box in the middle of the screen; returns where its first line starts.
    @discardableResult
    private static func drawBox(_ lines: [String], into canvas: inout Canvas, glyphs: Glyphs) -> (row: Int, column: Int) {
        let width = min(canvas.columns - 4, (lines.map(\.count).max() ?? 0) + 4)
        let height = min(canvas.rows - 2, lines.count + 2)
        let top = (canvas.rows - height) / 2, left = (canvas.columns - width) / 2
        for row in top..<(top + height) { canvas.fill(row: row, column: left, width: width) }
        canvas.fill(row: top, column: left, width: width, character: "-")
        canvas.fill(row: top + height - 1, column: left, width: width, character: "-")
        for row in (top + 1)..<(top + height - 1) {
            canvas.write("|", row: row, column: left)
            canvas.write("|", row: row, column: left + width - 1)
        }
        for (index, line) in lines.prefix(height - 2).enumerated() {
            canvas.write(line, row: top + 1 + index, column: left + 2, style: index == 0 ? .bold : [], width: width - 4)
        }
        return (top + 1, left + 2)
    }

    /// The one-line help under the fields: whole words, and a pointer to F1 when it doesn't all fit.
    static func helpLine(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        let more = " (F1: more)"
        return (wrap(text, width: max(10, width - more.count)).first ?? "") + more
    }

    /// Splits text into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
