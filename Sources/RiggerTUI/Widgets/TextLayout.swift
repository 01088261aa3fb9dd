/// Text laid out in lines of a width, for the wizard's pages: wrapped at spaces, and a block cut
/// to the rows it gets with a mark where it was cut.
enum TextLayout {
    /// Splits text into lines of at most `width` characters at spaces. The text's own indentation
    /// starts every line, continuation lines `hangingIndent` more; a word longer than a line (a
    /// path, a URL) is broken, since a cut would hide part of it, after a `/`, `-` or `.` where it
    /// has one, so that its pieces still read as parts of it.
    static func wrap(_ text: String, width: Int, hangingIndent: Int = 0) -> [String] {
        let indent = String(text.prefix { $0 == " " })
        let continuation = indent + String(repeating: " ", count: hangingIndent)
        var lines: [String] = []
        var current = indent
        var currentHasWord = false
        for word in text.split(separator: " ") {
            let prefix = lines.isEmpty ? indent : continuation
            // Appending a Substring by name, not with + or +=: those are generic there, and their
            // first use costs the Swift runtime a scan of every protocol conformance.
            if currentHasWord, current.count + 1 + word.count <= width {
                current.append(" ")
                current.append(contentsOf: word)
                continue
            }
            if currentHasWord {
                lines.append(current)
                current = continuation
            } else {
                current = prefix
            }
            var rest = Substring(word)
            // Only what can't fit on a line of its own is broken.
            while current.count + rest.count > width, width - current.count > 0 {
                let piece = breakablePrefix(of: rest, room: width - current.count)
                var line = current
                line.append(contentsOf: piece)
                lines.append(line)
                rest = rest.dropFirst(piece.count)
                current = continuation
            }
            current.append(contentsOf: rest)
            currentHasWord = true
        }
        if currentHasWord { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// The longest start of a word too long for `room` that ends after one of its separators, or
    /// the first `room` characters when none is there.
    private static func breakablePrefix(of word: Substring, room: Int) -> Substring {
        let candidate = word.prefix(room)
        guard let last = candidate.lastIndex(where: { "/-.".contains($0) }) else { return candidate }
        return candidate[...last]
    }

    /// The lines that fit `rows`; when some don't, the last one shown ends with `marker` (an
    /// ellipsis, and where more can be read) so that the cut is never silent.
    static func limit<Style>(_ lines: [(text: String, style: Style)], to rows: Int, width: Int, marker: String) -> [(text: String, style: Style)] {
        guard lines.count > rows else { return lines }
        guard rows > 0 else { return [] }
        var shown = Array(lines.prefix(rows))
        let last = shown[rows - 1].text
        let kept = last.count + marker.count <= width ? last : String(last.prefix(max(0, width - marker.count)))
        shown[rows - 1].text = kept + marker
        return shown
    }
}
