import Foundation

/// Text for standard output, wrapped at spaces to the terminal's width, or to 80 columns when the
/// output is not a terminal (a pipe, a file), so that no line runs past the edge.
enum TerminalText {
    /// The terminal's width, or 80 when standard output is not a terminal or doesn't say.
    static let width: Int = {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        // Below this nothing reads well; wrapping into a sliver helps no one.
        return max(Int(size.ws_col), 30)
    }()

    /// Each line wrapped: its continuation lines are indented two more than its own indent.
    static func wrapLines(_ text: String, width: Int = width) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            // A line that fits keeps its spacing (explain aligns with two spaces).
            if line.count <= width { return [String(line)] }
            let indent = String(line.prefix { $0 == " " })
            return wrap(String(line.dropFirst(indent.count)), first: indent, rest: indent + "  ", width: width)
        }.joined(separator: "\n")
    }

    /// `text` in lines of at most `width` characters: the first starts with `first`, the others
    /// with `rest`. A word longer than a whole line is cut.
    static func wrap(_ text: String, first: String, rest: String, width: Int = width) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        // A continuation indent that leaves no room is shortened.
        let rest = rest.count > width / 2 ? String(repeating: " ", count: min(4, width / 4)) : rest
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while true {
                let separator = lineHasWord ? 1 : 0
                if line.count + separator + word.count <= width {
                    line += (lineHasWord ? " " : "") + word
                    lineHasWord = true
                    break
                }
                if lineHasWord {
                    lines.append(line)
                    line = rest
                    lineHasWord = false
                    continue
                }
                // Alone on its line and still too long: cut it.
                let room = max(1, width - line.count)
                line += word.prefix(room)
                word = word.dropFirst(room)
                lines.append(line)
                line = rest
                if word.isEmpty { break }
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(lineHasWord ? line : first) }
        return lines
    }
}
