import RiggerCore

/// The pages of fields: a label column beside the values, and the help line under them.
extension WizardView {
    /// Draws the page's fields, scrolled so that the focused one is in view.
    static func drawFields(_ session: WizardSession, into canvas: inout Canvas, glyphs: Glyphs) {
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

    /// The cursor on a choice: inside its mark, "(*)" or "[x]", so that a screen reader, which
    /// follows the cursor, reads the selected line.
    static func markCursor(row: Int, column: Int) -> (row: Int, column: Int) {
        (row, column + 1)
    }
}
