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

    /// What the decoder makes of a whole sequence (after its ESC) followed by `after`: every
    /// character of the sequence but the last asks for more, and the last completes it.
    private func assertDroppedWhole(_ sequence: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(decode(sequence, file: file, line: line), .complete(nil), "ESC \(sequence.debugDescription)", file: file, line: line)
    }

    func testOperatingSystemCommandsAreDroppedWholeUpToBelOrStringTerminator() {
        assertDroppedWhole("]11;rgb:0000/0000/0000\u{07}")
        assertDroppedWhole("]10;rgb:ffff/ffff/ffff\u{1B}\\")
        assertDroppedWhole("]0;title\u{9C}")
        assertDroppedWhole("]\u{07}")
    }

    func testDeviceControlApplicationProgramPrivacyAndStartOfStringAreDroppedWhole() {
        for introducer in ["P", "_", "^", "X"] {
            assertDroppedWhole(introducer + "1+r544e=787465726d;x[A]O\u{1B}\\")
            assertDroppedWhole(introducer + "\u{9C}")
        }
        // xterm ends its replies to DCS queries with ST; a BEL ends them too where a terminal uses one.
        assertDroppedWhole("P1$r0m\u{07}")
    }

    func testAnEscInsideAStringEndsItAndStartsASequenceOfItsOwn() {
        var decoder = EscapeSequenceDecoder()
        for scalar in "]0;cut short\u{1B}[".unicodeScalars { XCTAssertEqual(decoder.feed(scalar.value), .incomplete) }
        XCTAssertEqual(decoder.feed(0x41), .complete(.up), "the sequence after the ESC is read as itself")
        var twice = EscapeSequenceDecoder()
        for scalar in "Pdata\u{1B}".unicodeScalars { _ = twice.feed(scalar.value) }
        XCTAssertEqual(twice.feed(0x1B), .ended(nil), "a second ESC starts afresh, and is no Esc key")
    }

    func testAStringWithoutItsEndIsDroppedNotEsc() {
        for start in ["]", "]0;partial", "P", "_x", "^", "X", "N", "Pdata\u{1B}"] {
            var decoder = EscapeSequenceDecoder()
            for scalar in start.unicodeScalars { XCTAssertEqual(decoder.feed(scalar.value), .incomplete, "ESC \(start.debugDescription)") }
            XCTAssertNil(decoder.finish(), "ESC \(start.debugDescription) cut short is dropped, not Esc")
        }
    }

    func testAStringLongerThanTheCapEndsAtTheCap() {
        var decoder = EscapeSequenceDecoder()
        var outcomes: [EscapeSequenceDecoder.Outcome] = [decoder.feed(0x5D)]
        for _ in 0..<(EscapeSequenceDecoder.maximumLength * 2) { outcomes.append(decoder.feed(0x61)) }
        let ended = outcomes.firstIndex { $0 != .incomplete }
        XCTAssertEqual(ended, EscapeSequenceDecoder.maximumLength - 1, "read up to the cap, then dropped")
        XCTAssertEqual(ended.map { outcomes[$0] }, .complete(nil))
    }

    func testSingleShiftTwoTakesOneCharacter() {
        assertDroppedWhole("Nq")
        assertDroppedWhole("N\u{7F}")
    }

    func testMouseReportsAreDroppedWhole() {
        // SGR (1006): press and release.
        assertDroppedWhole("[<0;10;5M")
        assertDroppedWhole("[<0;10;5m")
        assertDroppedWhole("[<35;200;100M")
        // X10 and normal tracking: ESC [ M and three characters, whatever they are (1005 sends
        // UTF-8 beyond column 95).
        assertDroppedWhole("[M !!")
        assertDroppedWhole("[M#\u{7F}\u{100}")
        // urxvt (1015): numbers and M.
        assertDroppedWhole("[32;10;5M")
    }

    func testAMouseReportAfterWhatNcursesAlreadyReadAsItsKeyIsDroppedWhole() {
        // terminfo's kmous (xterm's \E[<, screen's \E[M): ncurses returns KEY_MOUSE for those
        // characters and leaves the rest of the report, which the decoder reads on from them.
        for (kmous, rest) in [("[<", "0;10;5M"), ("[M", " !!")] {
            var decoder = EscapeSequenceDecoder(after: kmous)
            let outcomes = rest.unicodeScalars.map { decoder.feed($0.value) }
            XCTAssertEqual(outcomes, Array(repeating: .incomplete, count: rest.unicodeScalars.count - 1) + [.complete(nil)], "\(kmous) then \(rest)")
        }
    }

    func testAltWithAKeyStaysOneCharacter() {
        for chord in ["a", "x", "p", "n", "1", "\\", ".", "\u{7F}"] { XCTAssertEqual(decode(chord), .complete(nil), "Alt+\(chord)") }
    }
}
