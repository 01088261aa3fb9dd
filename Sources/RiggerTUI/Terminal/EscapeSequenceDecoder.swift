/// Decodes what follows an ESC, character by character: the CSI (ESC [) and SS3 (ESC O)
/// sequences terminal emulators send for keys whatever TERM says, so that they act as keys even
/// where terminfo doesn't list them. Pure, so that every sequence is tested without a terminal.
///
/// A sequence it doesn't know is swallowed whole (CSI up to its final byte, SS3 its one byte):
/// it must never become text in a field, nor an Esc, which goes back a page. So are what
/// terminals send unasked or in reply to another program: the strings OSC (ESC ]), DCS (ESC P),
/// APC (ESC _), PM (ESC ^) and SOS (ESC X) up to their terminator, SS2 (ESC N) with its one
/// character, and mouse reports (SGR's ESC [ < ... M, X10's ESC [ M and three characters).
struct EscapeSequenceDecoder {
    /// What the characters fed so far amount to.
    enum Outcome: Equatable {
        /// Part of a sequence: more is to come.
        case incomplete
        /// A whole sequence: its key, or nil for one that means nothing here (swallowed).
        case complete(Key?)
        /// The character just fed doesn't belong to what came before, which ends as this key (Esc,
        /// when the ESC stood alone) or as nothing (a sequence cut short). The caller reads that
        /// character again as a key of its own.
        case ended(Key?)
        /// ESC [ 200 ~: the terminal pastes text next, up to ESC [ 201 ~.
        case pasteOpened
    }

    /// The most characters after an ESC read as one sequence. Replies and reports are far
    /// shorter; a string whose terminator was lost must not swallow every key after it. What
    /// follows the cap is read as keys again.
    static let maximumLength = 4096

    private enum State: Equatable {
        case start
        case controlSequence
        case singleShift
        /// The Linux console's F1-F5, ESC [ [ A to E: one more character after the second bracket.
        case linuxFunctionKey
        /// Inside OSC, DCS, APC, PM or SOS, up to BEL or ST (ESC \, or its 8-bit form).
        case string
        /// An ESC inside a string: ST when a backslash follows, else the string is cut short.
        case stringEscape
        /// SS2 (ESC N): one character of another character set, no key.
        case singleShiftTwo
        /// The characters of an X10 mouse report still to come after ESC [ M.
        case mouseReport(remaining: Int)
    }

    private var state = State.start
    private var parameters: [UInt32] = []
    private var intermediates: [UInt32] = []
    /// More parameters than any key sends: kept in bounds, and known to be no key.
    private var isOverlong = false
    /// The characters fed since the ESC, against `maximumLength`.
    private var length = 0

    init() {}

    /// A decoder that has already read `sequence` after the ESC: what ncurses consumed as terminfo's
    /// kmous (KEY_MOUSE) before the rest of a mouse report.
    init(after sequence: String) {
        for scalar in sequence.unicodeScalars { _ = feed(scalar.value) }
    }

    /// A decoder for an 8-bit C1 control that stands for ESC and a character (CSI for ESC [, OSC
    /// for ESC ], and so on), having read that character; nil for other characters.
    init?(introducedBy control: UInt32) {
        guard [0x9B, 0x8F, 0x9D, 0x90, 0x9F, 0x9E, 0x98, 0x8E].contains(control) else { return nil }
        _ = feed(control - 0x40)
    }

    /// Whether the sequence so far is also what an Alt chord sends (ESC P is Alt+Shift+P): the
    /// terminal then waits only as long as for a lone Esc before taking it for the chord, so that
    /// keys typed after the chord aren't read as the string's content.
    var mayBeAltChord: Bool {
        switch state {
        case .string, .singleShiftTwo: return length == 1
        default: return false
        }
    }

    /// Takes the next character after the ESC.
    mutating func feed(_ character: UInt32) -> Outcome {
        length += 1
        let outcome = step(character)
        guard outcome == .incomplete, length >= Self.maximumLength else { return outcome }
        return .complete(nil)
    }

    private mutating func step(_ character: UInt32) -> Outcome {
        switch state {
        case .start:
            switch character {
            case 0x5B: state = .controlSequence
            case 0x4F: state = .singleShift
            case 0x5D, 0x50, 0x5F, 0x5E, 0x58: state = .string
            case 0x4E: state = .singleShiftTwo
            // A second ESC is a key of its own (Esc pressed twice), possibly starting a sequence.
            case 0x1B: return .ended(.escape)
            // Alt with a key (ESC then the key): no chord means anything in the wizard.
            default: return .complete(nil)
            }
            return .incomplete
        case .controlSequence:
            switch character {
            case 0x30...0x3F where intermediates.isEmpty:
                if parameters.count < 16 { parameters.append(character) } else { isOverlong = true }
                return .incomplete
            case 0x20...0x2F:
                intermediates.append(character)
                return .incomplete
            case 0x5B where parameters.isEmpty && intermediates.isEmpty:
                state = .linuxFunctionKey
                return .incomplete
            // X10 mouse report: button, column and row follow as three characters of any kind.
            case 0x4D where parameters.isEmpty && intermediates.isEmpty:
                state = .mouseReport(remaining: 3)
                return .incomplete
            case 0x40...0x7E:
                if intermediates.isEmpty, character == 0x7E, Self.numbers(parameters) == [200] { return .pasteOpened }
                let known = intermediates.isEmpty && !isOverlong
                return .complete(known ? Self.controlSequenceKey(parameters: parameters, final: character) : nil)
            default:
                return .ended(nil)
            }
        case .singleShift:
            switch character {
            // Some terminals put a modifier between ESC O and the final character.
            case 0x30...0x3F:
                if parameters.count < 16 { parameters.append(character) } else { isOverlong = true }
                return .incomplete
            case 0x40...0x7E:
                return .complete(isOverlong ? nil : Self.singleShiftKey(parameters: parameters, final: character))
            default:
                return .ended(nil)
            }
        case .linuxFunctionKey:
            guard (0x20...0x7E).contains(character) else { return .ended(nil) }
            return .complete((0x41...0x45).contains(character) ? .function(Int(character) - 0x40) : nil)
        case .string:
            switch character {
            // BEL ends OSC in xterm's replies; ST (8-bit) ends any string.
            case 0x07, 0x9C: return .complete(nil)
            case 0x1B: state = .stringEscape
            default: break
            }
            return .incomplete
        case .stringEscape:
            if character == 0x5C { return .complete(nil) }
            // A second ESC starts a sequence of its own, read again; no Esc key.
            if character == 0x1B { return .ended(nil) }
            // Any other ESC cuts the string short and starts a sequence with this character, as
            // in xterm's parser.
            let counted = length
            self = EscapeSequenceDecoder()
            length = counted
            return step(character)
        case .singleShiftTwo:
            return .complete(nil)
        case .mouseReport(let remaining):
            guard remaining > 1 else { return .complete(nil) }
            state = .mouseReport(remaining: remaining - 1)
            return .incomplete
        }
    }

    /// What the characters fed so far amount to when no more arrive: Esc for an ESC alone,
    /// nothing for a sequence cut short.
    func finish() -> Key? {
        state == .start ? .escape : nil
    }

    // MARK: The sequences

    /// Keys of CSI <number> ~ (VT220 and xterm).
    private static let numberedKeys: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// Keys of CSI and SS3 with a letter for a final character (the arrows, Home and End, F1-F4).
    private static let letterKeys: [UInt32: Key] = [
        0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
        0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4),
        // rxvt's arrows with Shift (CSI) or Ctrl (SS3).
        0x61: .up, 0x62: .down, 0x63: .right, 0x64: .left,
    ]

    /// SS3 from the numeric keypad in application mode (DECKPAM, which vt100's keypad_xmit sets).
    private static let keypadKeys: [UInt32: Key] = {
        var keys: [UInt32: Key] = [0x4D: .enter]
        for (final, text) in zip(Array("jklmnopqrstuvwxyX".unicodeScalars), Array("*+,-./0123456789=")) {
            keys[final.value] = .character(text)
        }
        return keys
    }()

    /// The numbers of a parameter string ("1;5" is [1, 5]; an empty field is 0); nil for anything
    /// but digits and semicolons, such as the private markers of mouse and report sequences.
    private static func numbers(_ parameters: [UInt32]) -> [Int]? {
        var result = [0]
        for character in parameters {
            switch character {
            case 0x30...0x39:
                guard result[result.count - 1] < 10_000 else { return nil }
                result[result.count - 1] = result[result.count - 1] * 10 + Int(character - 0x30)
            case 0x3B: result.append(0)
            default: return nil
            }
        }
        return result
    }

    /// The key of CSI <parameters> <final>. A modifier (the second number: Shift, Alt, Ctrl) means
    /// nothing in the wizard, so Ctrl-Up is Up.
    private static func controlSequenceKey(parameters: [UInt32], final: UInt32) -> Key? {
        guard let numbers = numbers(parameters), numbers.count <= 2 else { return nil }
        switch final {
        // rxvt marks Ctrl with ^ and Ctrl-Shift with @ where xterm puts a modifier before ~.
        case 0x7E, 0x5E, 0x40:
            return numbers.count == 2 && final != 0x7E ? nil : numberedKeys[numbers[0]]
        default:
            // CSI A, and CSI 1;5A with a modifier; a count (CSI 2A) is no key.
            guard numbers[0] == (numbers.count == 2 ? 1 : 0) else { return nil }
            return final == 0x5A ? .backTab : letterKeys[final]
        }
    }

    /// The key of SS3 <final>, with a modifier some terminals put before the final character.
    private static func singleShiftKey(parameters: [UInt32], final: UInt32) -> Key? {
        guard numbers(parameters) != nil else { return nil }
        if parameters.isEmpty, let key = keypadKeys[final] { return key }
        return letterKeys[final]
    }

    /// Every sequence (what follows the ESC) that stands for a key, with its key: what the terminal
    /// registers with ncurses where terminfo lacks it. Built by decoding, so it can't disagree with
    /// the decoder.
    static let knownSequences: [(sequence: String, key: Key)] = {
        var candidates: [String] = ["[Z"]
        let modifiers = 2...8
        for final in "ABCDHFPQRS" {
            candidates += ["[\(final)", "O\(final)"] + modifiers.map { "[1;\($0)\(final)" }
        }
        for final in "abcd" { candidates += ["[\(final)", "O\(final)"] }
        for number in numberedKeys.keys.sorted() {
            candidates += ["[\(number)~", "[\(number)^", "[\(number)@"] + modifiers.map { "[\(number);\($0)~" }
        }
        candidates += "ABCDE".map { "[[\($0)" }
        candidates += keypadKeys.keys.sorted().compactMap { UnicodeScalar($0).map { "O\(Character($0))" } }
        return candidates.compactMap { sequence in
            var decoder = EscapeSequenceDecoder()
            var outcome = Outcome.incomplete
            for scalar in sequence.unicodeScalars { outcome = decoder.feed(scalar.value) }
            guard case .complete(let key?) = outcome else { return nil }
            return (sequence, key)
        }
    }()
}
