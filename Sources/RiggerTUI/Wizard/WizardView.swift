import RiggerCore

/// Draws a wizard session into a canvas: a pure function of the session and the size.
public enum WizardView {
    /// The smallest terminal the wizard lays out in.
    public static let minimumColumns = 70
    public static let minimumRows = 20

    static let sidebarWidth = 20

    struct Glyphs {
        let vertical: Character, horizontal: Character, done: Character, current: Character, bullet: Character
        /// A box's corners (help, the quit question): top left, top right, bottom left, bottom right.
        let corners: (Character, Character, Character, Character)
        let radioOn: String, radioOff: String, checkOn: String, checkOff: String
        /// What ends cut text.
        let ellipsis: String

        init(unicode: Bool) {
            vertical = unicode ? "│" : "|"
            horizontal = unicode ? "─" : "-"
            // ASCII boxes keep their dashes to the corners.
            corners = unicode ? ("┌", "┐", "└", "┘") : ("-", "-", "-", "-")
            // Not "*" in ASCII: it would read like the selected "(*)" of a choice.
            done = unicode ? "✓" : "+"
            current = ">"
            bullet = unicode ? "•" : "*"
            radioOn = "(*)"
            radioOff = "( )"
            checkOn = "[x]"
            checkOff = "[ ]"
            ellipsis = unicode ? "…" : "..."
        }
    }

    /// The frame for the session at this size.
    public static func render(_ session: WizardSession, rows: Int, columns: Int, capabilities: TerminalCapabilities) -> Canvas {
        let glyphs = Glyphs(unicode: capabilities.unicode)
        var canvas = Canvas(rows: rows, columns: columns, ellipsis: glyphs.ellipsis)
        guard rows >= minimumRows, columns >= minimumColumns else {
            let message = "make the terminal at least \(minimumColumns) x \(minimumRows) (now \(columns) x \(rows))"
            let lines = TextLayout.wrap(message, width: max(columns - 2, 10))
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
        if session.showingHelp { drawHelp(session, into: &canvas, glyphs: glyphs) }
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
        canvas.write(" rigger: \(session.app.title) install bundle", row: 0, column: 0, style: .reverse)
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
        canvas.write(hints(session, width: columns - 2), row: rows - 1, column: 1, style: .dim, width: columns - 2)
    }

    /// The keys of the page, two spaces apart: named in full where they fit, else in short.
    private static func hints(_ session: WizardSession, width: Int) -> String {
        // Each key in full and in short; one space apart they would read as one phrase.
        let keys: [(full: String, short: String)]
        switch session.page {
        case .review:
            // A review that can't be written offers no Enter: Esc goes back to fix what it says.
            keys = (session.reviewed == nil ? [] : [("Enter write the bundle", "Enter write")])
                + [("Esc back", "Esc back"), ("Up/Down/PgUp/PgDn scroll", "PgUp/PgDn scroll"), ("Ctrl-C quit", "Ctrl-C quit")]
        case .done: keys = [("Up/Down/PgUp/PgDn scroll", "PgUp/PgDn scroll"), ("any other key: exit", "other keys: exit")]
        case .resume:
            keys = [("Up/Down choose", "Up/Down choose"), ("Enter confirm", "Enter confirm"), ("r resume", "r resume"), ("s start over", "s start over"), ("Ctrl-C quit", "Ctrl-C quit")]
        default:
            let isSecret = session.focusedField.map { if case .secretValue = $0 { return true } else { return false } } ?? false
            keys = [("Tab/arrows move", "Tab move"), ("Enter next", "Enter next"), ("Esc back", "Esc back"), ("F1 help", "F1 help")]
                + (isSecret ? [("F2 show/hide", "F2 show/hide")] : []) + [("Ctrl-C quit", "Ctrl-C quit")]
        }
        let full = keys.map(\.full).joined(separator: "  ")
        return full.count <= width ? full : keys.map(\.short).joined(separator: "  ")
    }

    /// The full help of the focused field in a box: its error, help, the choice it has, its key.
    private static func drawHelp(_ session: WizardSession, into canvas: inout Canvas, glyphs: Glyphs) {
        guard let field = session.focusedField else { return }
        let groups = session.fullHelp(field)
        // 50 columns read well; a longer word (a URL) widens the box where the screen has room,
        // so that it isn't broken.
        let longestWord = groups.joined().flatMap { $0.split(separator: " ") }.map(\.count).max() ?? 0
        let width = min(max(50, longestWord), canvas.columns - 8)
        var lines = [session.label(field).trimmingCharacters(in: .whitespaces)]
        for group in groups {
            lines.append("")
            // An error's continuation lines stay clear of its "! ".
            lines += group.flatMap { TextLayout.wrap($0, width: width, hangingIndent: $0.hasPrefix("! ") ? 2 : 0) }
        }
        lines += ["", "Any key closes this help."]
        drawBox(lines, into: &canvas, glyphs: glyphs)
        canvas.cursor = nil
    }

    /// Draws lines in a box in the middle of the screen; returns where its first line starts.
    /// Lines beyond the screen's height are left out, the last one shown marked.
    @discardableResult
    private static func drawBox(_ lines: [String], into canvas: inout Canvas, glyphs: Glyphs) -> (row: Int, column: Int) {
        let width = min(canvas.columns - 4, (lines.map(\.count).max() ?? 0) + 4)
        let height = min(canvas.rows - 2, lines.count + 2)
        let top = (canvas.rows - height) / 2, left = (canvas.columns - width) / 2
        for row in top..<(top + height) { canvas.fill(row: row, column: left, width: width) }
        let (topLeft, topRight, bottomLeft, bottomRight) = glyphs.corners
        canvas.fill(row: top, column: left, width: width, character: glyphs.horizontal)
        canvas.fill(row: top + height - 1, column: left, width: width, character: glyphs.horizontal)
        canvas.write(String(topLeft), row: top, column: left)
        canvas.write(String(topRight), row: top, column: left + width - 1)
        canvas.write(String(bottomLeft), row: top + height - 1, column: left)
        canvas.write(String(bottomRight), row: top + height - 1, column: left + width - 1)
        for row in (top + 1)..<(top + height - 1) {
            canvas.write(String(glyphs.vertical), row: row, column: left)
            canvas.write(String(glyphs.vertical), row: row, column: left + width - 1)
        }
        let shown = TextLayout.limit(lines.map { (text: $0, style: ()) }, to: height - 2, width: width - 4, marker: canvas.ellipsis)
        for (index, line) in shown.enumerated() {
            canvas.write(line.text, row: top + 1 + index, column: left + 2, style: index == 0 ? .bold : [], width: width - 4)
        }
        return (top + 1, left + 2)
    }
}
