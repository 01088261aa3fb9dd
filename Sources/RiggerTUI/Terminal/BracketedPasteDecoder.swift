/// Collects a bracketed paste's text, character by character, after its opening ESC [ 200 ~
/// (which `EscapeSequenceDecoder` recognises) up to the closing ESC [ 201 ~. Pure, so that the
/// terminal layer's use of it is small and the protocol is tested without a terminal.
struct BracketedPasteDecoder {
    private static let closing = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    private var pasted: [UInt32] = []
    private(set) var isComplete = false

    /// Takes the next character of the paste; those after the closing sequence are ignored.
    mutating func feed(_ character: UInt32) {
        guard !isComplete else { return }
        pasted.append(character)
        if pasted.count >= Self.closing.count, Array(pasted.suffix(Self.closing.count)) == Self.closing {
            pasted.removeLast(Self.closing.count)
            isComplete = true
        }
    }

    /// The text pasted so far.
    var text: String {
        var result = ""
        result.unicodeScalars.append(contentsOf: pasted.compactMap(UnicodeScalar.init))
        return result
    }
}
