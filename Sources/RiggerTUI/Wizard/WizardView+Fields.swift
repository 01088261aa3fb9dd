import RiggerCore

/// The pages of fields: a label column, the values, and under them the help area, where the
/// focused field's whole error, the whole description of its choice and its help are read.
extension WizardView {
    /// The label column's width in a main area `mainWidth` wide: 19, which fits every label but
    /// two, and up to 22 on a wide terminal; a longer label wraps onto the lines below.
    static func labelWidth(mainWidth: Int) -> Int {
        min(22, max(19, mainWidth / 3))
    }

    /// One screen line of a field.
    private typealias FieldLine = (field: WizardField, draw: (inout Canvas, Int) -> Void)

    /// Draws the page's fields, scrolled so that the focused one is in view, and the help area in
    /// the rows they leave free.
    static func drawFields(_ session: WizardSession, into canvas: inout Canvas, glyphs: Glyphs) {
        let left = sidebarWidth + 2
        let width = canvas.columns - left - 1
        let labelWidth = labelWidth(mainWidth: width)
        let valueColumn = left + labelWidth + 1
        let valueWidth = canvas.columns - valueColumn - 1
        canvas.write(session.page.title, row: 2, column: left, style: .bold)
        let focused = session.focusedField
        let lines = session.fields.flatMap { field in
            fieldLines(session, field, focused: field == focused, glyphs: glyphs,
                       left: left, labelWidth: labelWidth, valueColumn: valueColumn, valueWidth: valueWidth)
        }

        // The fields come first; the help area gets the rows they leave free after a blank one,
        // and at least three, scrolling the fields, so that an error stays readable. Its parts
        // are a blank line apart where there is room for that too.
        let top = 4, bottom = canvas.rows - 3
        let available = bottom - top + 1
        let free = available - lines.count - 1
        let parts = focused.map { helpParts(session, $0, width: width) } ?? []
        var help = parts.flatMap { $0 }
        let spaced = Array(parts.joined(separator: [(text: "", style: CellStyle())]))
        if spaced.count <= free { help = spaced }
        let helpRows = min(help.count, max(min(3, help.count), free))
        let fieldRows = available - helpRows - 1

        let focusedLines = lines.indices.filter { lines[$0].field == focused }
        var start = 0
        if let last = focusedLines.last, last >= fieldRows { start = last - fieldRows + 1 }
        if let first = focusedLines.first, first < start { start = first }
        // The window starts at a field, so that no error or wrapped label shows without its field.
        while start > 0, start < lines.count, lines[start].field == lines[start - 1].field, lines[start].field != focused {
            start += 1
        }
        for (offset, line) in lines.dropFirst(start).prefix(fieldRows).enumerated() {
            line.draw(&canvas, top + offset)
        }
        if start > 0 { canvas.write("(more above)", row: 3, column: canvas.columns - 14, style: .dim) }
        if start + fieldRows < lines.count { canvas.write("(more below)", row: top + fieldRows, column: canvas.columns - 14, style: .dim) }

        let shown = TextLayout.limit(help, to: helpRows, width: width, marker: canvas.ellipsis + " (F1: more)")
        for (index, line) in shown.enumerated() {
            canvas.write(line.text, row: bottom - shown.count + 1 + index, column: left, style: line.style, width: width)
        }
    }

    /// A field's screen lines: its label (wrapped) beside its value, then its error.
    private static func fieldLines(
        _ session: WizardSession, _ field: WizardField, focused: Bool, glyphs: Glyphs,
        left: Int, labelWidth: Int, valueColumn: Int, valueWidth: Int
    ) -> [FieldLine] {
        let title = session.screenLabel(field)
        // A label that fits keeps its indentation ("  value" sits under its secret).
        let labels = title.count <= labelWidth ? [title] : TextLayout.wrap(title, width: labelWidth)
        let values = valueLines(session, field, focused: focused, glyphs: glyphs, column: valueColumn, width: valueWidth)
        let labelStyle: CellStyle = focused ? [.bold] : []
        var lines: [FieldLine] = (0..<max(labels.count, values.count)).map { index in
            (field, { canvas, row in
                if index == 0 { canvas.write(focused ? ">" : " ", row: row, column: left - 1, style: .accent) }
                if index < labels.count { canvas.write(labels[index], row: row, column: left, style: labelStyle, width: labelWidth) }
                if index < values.count { values[index](&canvas, row) }
            })
        }
        if let error = session.errors[field.key] {
            lines.append((field, { canvas, row in
                canvas.write("! " + error, row: row, column: valueColumn, style: .error, width: valueWidth)
            }))
        }
        // What type-ahead changed is read whole, wrapped under the list.
        for part in session.typedChangeNote(field).map({ TextLayout.wrap($0, width: valueWidth) }) ?? [] {
            lines.append((field, { canvas, row in canvas.write(part, row: row, column: valueColumn, style: .accent, width: valueWidth) }))
        }
        // What the cluster says against the answer stays in sight under it, as an error does.
        if case .answer(let key) = field {
            for warning in session.clusterField(key)?.warnings ?? [] {
                lines.append((field, { canvas, row in
                    canvas.write(
                        "cluster: " + session.clusterText(warning), row: row, column: valueColumn, style: warning.isWarning ? .error : .dim,
                        width: valueWidth)
                }))
            }
        }
        return lines
    }

    /// The help area's parts for the focused field, most important first: its whole error, the
    /// whole description of the choice it has, then its help; each wrapped to the width.
    private static func helpParts(_ session: WizardSession, _ field: WizardField, width: Int) -> [[(text: String, style: CellStyle)]] {
        var parts: [[(text: String, style: CellStyle)]] = []
        if let error = session.errors[field.key] {
            parts.append(TextLayout.wrap("! " + error, width: width, hangingIndent: 2).map { ($0, CellStyle.error) })
        }
        let cluster = session.clusterLines(field)
        if !cluster.isEmpty {
            parts.append(cluster.flatMap { TextLayout.wrap($0, width: width, hangingIndent: 2) }.map { ($0, CellStyle()) })
        }
        if let description = session.choiceDescription(field) {
            parts.append(TextLayout.wrap(description, width: width).map { ($0, CellStyle()) })
        }
        parts.append(TextLayout.wrap(session.help(field), width: width).map { ($0, CellStyle.dim) })
        return parts
    }

    /// The drawing of a field's value, one closure per screen line.
    private static func valueLines(
        _ session: WizardSession, _ field: WizardField, focused: Bool, glyphs: Glyphs, column: Int, width: Int
    ) -> [(inout Canvas, Int) -> Void] {
        switch field {
        case .resumeChoice:
            return []
        case .confirmReplace:
            return [{ canvas, row in
                canvas.write(session.replaceConfirmed ? "\(glyphs.checkOn) yes" : "\(glyphs.checkOff) no", row: row, column: column,
                             style: focused ? [.reverse] : [], width: width)
                if focused { canvas.cursor = markCursor(row: row, column: column) }
            }]
        case .preset:
            return choiceLines(session.presetChoices, selected: session.presetName, focused: focused, glyphs: glyphs, column: column, width: width)
        case .outputFolder, .secretValue:
            return [textLine(session, field, focused: focused, column: column, width: width, glyphs: glyphs)]
        case .secretChoice(let key):
            let choice = session.secretChoice(key)
            func label(_ option: SecretChoice) -> String { session.label(option, forSecret: key) }
            if focused {
                // The ways are short: one that doesn't fit its line wraps rather than being cut.
                return session.secretOptions(key).flatMap { option in
                    let mark = option == choice ? glyphs.radioOn : glyphs.radioOff
                    let wrapped = TextLayout.wrap("\(mark) \(label(option))", width: width, hangingIndent: mark.count + 1)
                    return wrapped.enumerated().map { index, text in
                        { (canvas: inout Canvas, row: Int) in
                            canvas.write(text, row: row, column: column, style: option == choice ? [.reverse] : [], width: width)
                            if option == choice, index == 0 { canvas.cursor = markCursor(row: row, column: column) }
                        }
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
                let text = textLine(session, field, focused: focused, column: column, width: width, glyphs: glyphs)
                guard focused else { return [text] }
                return [text] + suggestionLines(
                    session.clusterSuggestions(key), from: session.suggestionsSource(key) ?? .cluster, typed: value, glyphs: glyphs, column: column,
                    width: width)
            }
        }
    }

    /// The values the cluster offers for a focused text field, as a radio list under it: the one
    /// typed is marked, and up and down pick another. The cursor stays in the text.
    private static func suggestionLines(
        _ suggestions: [ClusterChoice], from source: ClusterField.Source, typed: String, glyphs: Glyphs, column: Int, width: Int
    ) -> [(inout Canvas, Int) -> Void] {
        guard !suggestions.isEmpty else { return [] }
        let heading: (inout Canvas, Int) -> Void = { canvas, row in
            canvas.write("in \(source.rawValue):", row: row, column: column, style: .dim, width: width)
        }
        return [heading] + suggestions.map { choice in
            { canvas, row in
                let selected = choice.value == typed
                let mark = selected ? glyphs.radioOn : glyphs.radioOff
                let end = canvas.write("\(mark) \(choice)", row: row, column: column, style: selected ? [.reverse] : [], width: width)
                if let detail = choice.detail, !detail.isEmpty {
                    canvas.write("  " + detail, row: row, column: end, style: .dim, width: max(0, column + width - end))
                }
            }
        }
    }

    /// A radio list while focused, else the chosen value alone. A description too long for its
    /// line ends with an ellipsis; the help area has it whole.
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
                let end = canvas.write("\(mark) \(choice.value)", row: row, column: column, style: selected ? [.reverse] : [], width: width)
                canvas.write("  " + choice.label, row: row, column: end, style: .dim, width: max(0, column + width - end))
                if selected { canvas.cursor = markCursor(row: row, column: column) }
            }
        }
    }

    /// A text field: while focused, the part around the cursor; else its start, with an
    /// ellipsis when the rest doesn't fit.
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
        let plain = focused ? shown.text : editor.text
        let text = isSecret && !session.revealSecrets ? String(repeating: glyphs.bullet, count: plain.count) : plain
        return { canvas, row in
            canvas.fill(row: row, column: column, width: fieldWidth, character: "_", style: focused ? [.underline] : [])
            canvas.write(text, row: row, column: column, style: focused ? [.underline, .bold] : [], width: fieldWidth)
            if isSecret { canvas.write(suffix, row: row, column: column + fieldWidth, style: .dim, width: width - fieldWidth) }
            if focused { canvas.cursor = (row, column + shown.cursorColumn) }
        }
    }

    /// The cursor on a choice: inside its mark, "(*)" or "[x]", so that a screen reader, which
    /// follows the cursor, reads the selected line.
    static func markCursor(row: Int, column: Int) -> (row: Int, column: Int) {
        (row, column + 1)
    }
}
