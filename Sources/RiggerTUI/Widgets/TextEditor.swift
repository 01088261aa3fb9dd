/// A one-line text field's contents and cursor: insertion, deletion, movement, and the
/// horizontal scroll that keeps the cursor in view.
public struct TextEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys a text field doesn't handle.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(String(character))
        case .paste(let text):
            // A pasted newline would end the value; keep the first line.
            insert(String(text.prefix { $0 != "\n" && $0 != "\r" }))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor..<characters.count)
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ text: String) {
        let clean = text.filter { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    /// The part that fits `width` cells, and the cursor's column within it: from the start while
    /// the cursor fits, else ending at the cursor. A function of the text and cursor alone, so
    /// drawing changes nothing.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let scroll = cursor < width ? 0 : cursor - width + 1
        let end = min(characters.count, scroll + width)
        // Character by character: String's generic init from a slice costs the Swift runtime a
        // protocol conformance lookup (a scan of every conformance) before the first frame.
        var text = ""
        for character in characters[scroll..<end] { text.append(character) }
        return (text, cursor - scroll)
    }
}
