@testable import RiggerTUI
import XCTest

final class EscapeSequenceDecoderTests: XCTestCase {
    /// What the decoder makes of the characters after an ESC, fed one by one; every outcome
    /// before the last must ask for more.
    private func decode(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> EscapeSequenceDecoder.Outcome {
        var decoder = EscapeSequenceDecoder()
        var outcomes: [EscapeSequenceDecoder.Outcome] = []
        for scalar in text.unicodeScalars { outcomes.append(decoder.feed(scalar.value)) }
        XCTAssertEqual(outcomes.dropLast(), Array(repeating: .incomplete, count: max(0, outcomes.count - 1)),
                       "ESC \(text) must be read whole", file: file, line: line)
        return outcomes.last ?? .incomplete
    }

    private func assertKeys(_ expected: [String: Key], file: StaticString = #filePath, line: UInt = #line) {
        for (sequence, key) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(decode(sequence, file: file, line: line), .complete(key), "ESC \(sequence)", file: file, line: line)
        }
    }

    func testShiftTabPageKeysInsertAndDelete() {
        assertKeys(["[Z": .backTab, "[5~": .pageUp, "[6~": .pageDown, "[2~": .insert, "[3~": .delete])
    }

    func testHomeAndEndInEveryForm() {
        assertKeys([
            "[H": .home, "[1~": .home, "[7~": .home, "OH": .home,
            "[F": .end, "[4~": .end, "[8~": .end, "OF": .end,
        ])
    }

    func testArrowsAndF1ToF4InBothForms() {
        assertKeys([
            "[A": .up, "[B": .down, "[C": .right, "[D": .left, "OA": .up, "OB": .down, "OC": .right, "OD": .left,
            "OP": .function(1), "OQ": .function(2), "OR": .function(3), "OS": .function(4),
            "[11~": .function(1), "[12~": .function(2), "[13~": .function(3), "[14~": .function(4),
        ])
    }

    func testF5ToF12() {
        assertKeys([
            "[15~": .function(5), "[17~": .function(6), "[18~": .function(7), "[19~": .function(8),
            "[20~": .function(9), "[21~": .function(10), "[23~": .function(11), "[24~": .function(12),
        ])
    }

    func testAModifierActsAsTheKeyItModifies() {
        assertKeys([
            "[1;5A": .up, "[1;2D": .left, "[1;3H": .home, "[1;5F": .end, "[3;5~": .delete, "[6;2~": .pageDown,
            "[1;2P": .function(1), "[15;5~": .function(5), "O5P": .function(1), "[3^": .delete,
        ])
    }

    func testOtherTerminalsForms() {
        // The Linux console's F1-F5, rxvt's modified arrows, the keypad in application mode.
        assertKeys([
            "[[A": .function(1), "[[E": .function(5), "[a": .up, "Od": .left,
            "Op": .character("0"), "Oy": .character("9"), "Ok": .character("+"), "OM": .enter,
        ])
    }

    func testAnUnknownSequenceIsSwallowedWhole() {
        for sequence in ["[99~", "[1;5X", "[?1;2c", "[<0;12;40M", "[2A", "[1;2;3A", "[ q", "Oz", "[[Z", "[201~"] {
            XCTAssertEqual(decode(sequence), .complete(nil), "ESC \(sequence)")
        }
        // Parameters beyond any key's are still read to the final character.
        XCTAssertEqual(decode("[" + String(repeating: "1;", count: 40) + "A"), .complete(nil))
    }

    func testAltWithAKeyIsSwallowed() {
        XCTAssertEqual(decode("x"), .complete(nil))
        XCTAssertEqual(decode("\u{7F}"), .complete(nil))
    }

    func testEscAloneIsEsc() {
        XCTAssertEqual(EscapeSequenceDecoder().finish(), .escape, "nothing after the ESC")
        XCTAssertEqual(decode("\u{1B}"), .ended(.escape), "Esc twice: the second is read again")
    }

    func testASequenceCutShortIsDroppedAndTheKeyThatCutItIsReadAgain() {
        XCTAssertEqual(decode("[6\r"), .ended(nil))
        XCTAssertEqual(decode("[1;5\u{1B}"), .ended(nil))
        XCTAssertEqual(decode("O\t"), .ended(nil))
        var decoder = EscapeSequenceDecoder()
        _ = decoder.feed(0x5B)
        _ = decoder.feed(0x36)
        XCTAssertNil(decoder.finish(), "nothing more arrived: the part read is dropped, not Esc")
    }

    func testBracketedPasteOpens() {
        XCTAssertEqual(decode("[200~"), .pasteOpened)
    }

    func testEveryKnownSequenceDecodesToItsKey() {
        let known = Dictionary(EscapeSequenceDecoder.knownSequences.map { ($0.sequence, $0.key) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(known.count, EscapeSequenceDecoder.knownSequences.count, "each sequence once")
        for required in ["[Z", "[H", "[F", "[1~", "[4~", "[7~", "[8~", "OH", "OF", "[5~", "[6~", "[2~", "[3~", "OP", "[11~", "[24~", "[1;5A"] {
            XCTAssertNotNil(known[required], "ESC \(required) is registered")
        }
        for (sequence, key) in known { XCTAssertEqual(decode(sequence), .complete(key), "ESC \(sequence)") }
        XCTAssertNil(known["[200~"], "a paste's opening is no key to register")
    }
}
