/// Recognises a bracketed paste, character by character: ESC[200~ (the ESC already read by the
/// caller), the pasted text, then ESC[201~. Pure, so that the terminal layer's use of it is small
/// and the protocol is tested without a terminal.
struct BracketedPasteDecoder {
    private static let opening = Array("[200~".unicodeScalars.map(\.value))
    private static let closing = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    private var openingMatched = 0
    private var pasted: [UInt32] = []
    private(set) var isComplete = false

    /// Still reading the opening sequence.
    var isOpening: Bool { openingMatched < Self.opening.count }

    /// Takes the next character; false when it breaks the opening sequence (so it was no paste).
    mutating func feed(_ character: UInt32) -> Bool {
        if isOpening {
            guard character == Self.opening[openingMatched] else { return false }
            openingMatched += 1
            return true
        }
        guard !isComplete else { return true }
        pasted.append(character)
        if pasted.count >= Self.closing.count, Array(pasted.suffix(Self.closing.count)) == Self.closing {
            pasted.removeLast(Self.closing.count)
            isComplete = true
        }
        return true
    }

    /// The text pasted so far.
    var text: String {
        var result = ""
        result.unicodeScalars.append(contentsOf: pasted.compactMap(UnicodeScalar.init))
        return result
    }
}
