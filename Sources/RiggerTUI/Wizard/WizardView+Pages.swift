import RiggerCore

/// The pages without fields: resume, review and done. Their text wraps rather than being cut,
/// except a diff's lines, which end with an ellipsis where they don't fit.
extension WizardView {
    static func drawResume(_ session: WizardSession, into canvas: inout Canvas, glyphs: Glyphs) {
        let left = sidebarWidth + 2
        let width = canvas.columns - left - 1
        canvas.write("Resume", row: 2, column: left, style: .bold)
        guard session.pendingDraft != nil else { return }
        let lines = session.resumeDescription.flatMap { TextLayout.wrap($0, width: width) }
        for (index, line) in lines.enumerated() { canvas.write(line, row: 4 + index, column: left, width: width) }
        var row = 5 + lines.count
        for option in WizardFlow.resumeOptions {
            let selected = option.resume == session.resumeSelected
            canvas.write(selected ? ">" : " ", row: row, column: left - 1, style: .accent)
            if selected { canvas.cursor = markCursor(row: row, column: left) }
            let mark = selected ? glyphs.radioOn : glyphs.radioOff
            // Continuation lines stay clear of the mark, under the option's text.
            for line in TextLayout.wrap("\(mark) \(option.label)", width: width, hangingIndent: mark.count + 1) {
                canvas.write(line, row: row, column: left, style: selected ? [.reverse] : [], width: width)
                row += 1
            }
        }
    }

    static func drawReview(_ session: WizardSession, into canvas: inout Canvas) {
        let left = sidebarWidth + 2
        let width = canvas.columns - left - 1
        canvas.write("Review", row: 2, column: left, style: .bold)
        var lines: [(String, CellStyle)] = []
        func add(_ text: String, _ style: CellStyle = [], hangingIndent: Int = 2) {
            lines += TextLayout.wrap(text, width: width, hangingIndent: hangingIndent).map { ($0, style) }
        }
        if let error = session.reviewError {
            lines.append(("Cannot write the bundle:", .error))
            for line in error.split(separator: "\n") { add(String(line), .error) }
        }
        if let reviewed = session.reviewed {
            add("Bundle folder: \(session.outputDirectory)", .bold)
            let review = BundleReview(
                prepared: reviewed, changes: session.reviewChanges, warnings: session.reviewWarnings, cluster: session.clusterReviewLines)
            for section in review.sections {
                lines.append(("", []))
                lines.append((section.title, .bold))
                for line in section.lines {
                    if section.isPreformatted {
                        // A diff's lines keep their columns: cut with an ellipsis, not wrapped.
                        lines.append(("  " + line, []))
                    } else {
                        add("  " + line, section.isWarning ? .error : [], hangingIndent: 4)
                    }
                }
            }
        }
        let top = 4, available = canvas.rows - 4 - top
        session.scrollLimits.review = max(0, lines.count - available)
        let start = min(session.reviewScroll, session.scrollLimits.review)
        for (offset, line) in lines.dropFirst(start).prefix(available).enumerated() {
            canvas.write(line.0, row: top + offset, column: left, style: line.1, width: width)
        }
        if start + available < lines.count { canvas.write("(more below)", row: canvas.rows - 3, column: canvas.columns - 14, style: .dim) }
        canvas.cursor = nil
    }

    static func drawDone(_ session: WizardSession, into canvas: inout Canvas) {
        let left = sidebarWidth + 2
        let width = canvas.columns - left - 1
        canvas.write("Done", row: 2, column: left, style: .bold)
        // Continuation lines go further in than the line's own indentation: under a warning's text
        // past its "! ", under a command, under a heading.
        let lines = (session.writtenSummary + [""] + session.nextSteps).flatMap { TextLayout.wrap($0, width: width, hangingIndent: 2) }
        let top = 4, available = canvas.rows - 4 - top
        session.scrollLimits.done = max(0, lines.count - available)
        let start = min(session.doneScroll, session.scrollLimits.done)
        for (offset, line) in lines.dropFirst(start).prefix(available).enumerated() {
            canvas.write(line, row: top + offset, column: left, width: width)
        }
        if start > 0 { canvas.write("(more above)", row: 3, column: canvas.columns - 14, style: .dim) }
        if start + available < lines.count { canvas.write("(more below)", row: canvas.rows - 3, column: canvas.columns - 14, style: .dim) }
        canvas.cursor = nil
    }
}
