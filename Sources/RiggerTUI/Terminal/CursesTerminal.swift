internal import CNCursesW
import Foundation

/// The real terminal, through ncursesw: terminfo for any TERM, key decoding, and output of only
/// what changed between frames.
public final class CursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let screen: OpaquePointer
    public let capabilities: TerminalCapabilities
    private var ended = false
    /// Frames are drawn by this, not by ncurses' refresh (see `FrameEncoder` for why); ncurses
    /// only clears the screen for a first frame and after a resize, and reads the keys.
    private var encoder: FrameEncoder
    /// The terminfo string that turns bracketed paste off again, when it was turned on.
    private var bracketedPasteOff: String?
    /// Keys of codes ncurses reports for sequences terminfo binds to keys the wizard otherwise
    /// doesn't know (xterm's Ctrl-Up is Up here). Turning the keypad on and registering the
    /// sequences take more work than drawing a frame, so they happen when the first key is read,
    /// with the first frame on screen already; keys typed before then wait in the terminal and
    /// are decoded the same.
    private lazy var otherKeyCodes: [Int32: Key] = {
        keypad(window, true)
        return Self.registerEscapeSequences()
    }()

    /// How long (milliseconds) ncurses waits after an ESC before taking it for Esc alone: short,
    /// so that Esc goes back at once.
    private static let escapeDelay: Int32 = 25

    /// Why the terminal can't be used.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Takes over the terminal: raw keys, no echo, keypad decoding (terminfo's keys and the usual
    /// escape sequences it may lack), Esc after 25 ms.
    public init(environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw Unavailable(description: "TERM is \(term.isEmpty ? "not set" : "dumb"); the wizard needs a full-screen terminal")
        }
        // newterm, unlike initscr, returns an error instead of exiting for an unknown TERM.
        guard let screen = newterm(nil, rigger_stdout(), rigger_stdin()) else {
            throw Unavailable(description: "the terminal type '\(term)' is unknown to terminfo")
        }
        self.screen = screen
        set_term(screen)
        guard let window = rigger_stdscr() else {
            endwin()
            delscreen(screen)
            throw Unavailable(description: "ncurses could not open the screen")
        }
        self.window = window
        raw()
        noecho()
        nonl()
        set_escdelay(Self.escapeDelay)
        meta(window, true)
        // ncurses' own refresh, which wget_wch runs, must not move the cursor the wizard placed.
        leaveok(window, true)
        let codeset = String(cString: rigger_codeset())
        let unicode = codeset.uppercased() == "UTF-8"
        let codes = TerminalCodes.terminfo(unicode: unicode)
        let wantsColor = environment["NO_COLOR"].map(\.isEmpty) ?? true
        let hasColor = wantsColor && has_colors() && codes.foreground != nil
        capabilities = TerminalCapabilities(hasColor: hasColor, unicode: unicode)
        encoder = FrameEncoder(codes: codes, hasColor: hasColor)
        // Pasted text then arrives as one piece between ESC[200~ and ESC[201~, where the terminal
        // says it can (terminfo's BE and BD); elsewhere it arrives as keys, which works too.
        if let on = rigger_tigetstr("BE"), let off = rigger_tigetstr("BD") {
            rigger_send(on)
            bracketedPasteOff = String(cString: off)
        }
    }

    deinit { restore() }

    /// Routes SIGTERM, SIGHUP and SIGINT to a flag that `pendingSignal` reads.
    public static func installSignalHandlers() { rigger_install_signal_handlers() }

    /// The signal that asked the process to stop, or nil.
    public static var pendingSignal: Int32? {
        let number = rigger_pending_signal()
        return number == 0 ? nil : Int32(number)
    }

    /// Gives the terminal back as it was found: normal screen, echo, cursor.
    public func restore() {
        guard !ended else { return }
        ended = true
        send(encoder.finish())
        curs_set(1)
        if let off = bracketedPasteOff { rigger_send(off) }
        endwin()
        delscreen(screen)
    }

    public var size: (rows: Int, columns: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        rigger_getmaxyx(window, &rows, &columns)
        return (Int(rows), Int(columns))
    }

    public func present(_ canvas: Canvas) {
        if encoder.size?.rows != canvas.rows || encoder.size?.columns != canvas.columns {
            // A first frame, or one after a resize: ncurses clears the screen, which also settles
            // what it holds itself (its idea of the screen is then blank, with nothing to redraw).
            clearok(window, true)
            wnoutrefresh(window)
            doupdate()
            encoder.cleared(rows: canvas.rows, columns: canvas.columns)
        }
        send(encoder.encode(canvas))
    }

    /// Writes bytes to the terminal whole, after anything ncurses or stdio sent before them.
    private func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written > 0 {
                sent += written
            } else if written == 0 || errno != EINTR {
                // The terminal is gone; the wizard notices at its next read.
                return
            }
        }
    }

    public func readKey(timeout: Int) -> Key? {
        _ = otherKeyCodes
        wtimeout(window, Int32(timeout))
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            if Int32(character) == KEY_MOUSE { return readRestOfMouseReport() }
            return CursesKeyCodes.key(for: Int32(character)) ?? otherKeyCodes[Int32(character)]
        }
        if character == 0x1B {
            var decoder = EscapeSequenceDecoder()
            return readEscapeSequence(&decoder)
        }
        // The 8-bit forms of CSI, SS3, OSC and the like, which a terminal may send in place of
        // ESC [, ESC O, ESC ] and so on.
        if var decoder = EscapeSequenceDecoder(introducedBy: UInt32(character)) { return readEscapeSequence(&decoder) }
        return Self.decode(character)
    }

    /// Where terminfo lists kmous (xterm's ESC [ <, screen's ESC [ M), ncurses reads those
    /// characters of a mouse report as KEY_MOUSE and, with no mouse of its own turned on, leaves
    /// the rest of the report to be read as text. The rest is read and dropped here: the wizard
    /// turns no mouse on, so a report comes from a program before it and means nothing.
    private func readRestOfMouseReport() -> Key? {
        guard let kmous = mouseKeySequence else { return nil }
        var decoder = EscapeSequenceDecoder(after: kmous)
        return readEscapeSequence(&decoder)
    }

    /// terminfo's kmous after its ESC, or nil when it has none that starts with ESC.
    private lazy var mouseKeySequence: String? = {
        guard let value = rigger_tigetstr("kmous") else { return nil }
        let text = String(cString: value)
        guard text.hasPrefix("\u{1B}") else { return nil }
        return String(text.dropFirst())
    }()

    /// After an ESC: the key of the sequence that follows, Esc when nothing does, or nil for a
    /// sequence that stands for no key (swallowed whole, so none of it becomes text).
    private func readEscapeSequence(_ decoder: inout EscapeSequenceDecoder) -> Key? {
        // The rest of a key's sequence is already waiting (ncurses waited escdelay for it); a
        // lone Esc has nothing after it, and must act at once.
        var wait: Int32 = 0
        while true {
            wtimeout(window, wait)
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == ERR { return decoder.finish() }
            if status == KEY_CODE_YES {
                // A key ncurses decoded on its own follows: it is read next.
                ungetch(Int32(character))
                return decoder.finish()
            }
            switch decoder.feed(UInt32(character)) {
            case .incomplete:
                // Inside a sequence, the rest may trail behind over a slow link; where it may be
                // an Alt chord instead, the key after it is not waited for longer than for Esc.
                wait = decoder.mayBeAltChord ? Self.escapeDelay : 100
            case .complete(let key):
                return key
            case .ended(let key):
                unget_wch(wchar_t(bitPattern: UInt32(character)))
                return key
            case .pasteOpened:
                return readBracketedPaste()
            }
        }
    }

    /// The text of a bracketed paste, read up to ESC[201~.
    private func readBracketedPaste() -> Key {
        var decoder = BracketedPasteDecoder()
        // The pasted text may come in several reads; a second without more ends it anyway.
        wtimeout(window, 1000)
        while !decoder.isComplete {
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == ERR { break }
            if status == KEY_CODE_YES { continue }
            decoder.feed(UInt32(character))
        }
        return .paste(decoder.text)
    }

    /// Registers with ncurses every escape sequence the decoder knows that terminfo lacks, so that
    /// ncurses decodes it like the keys terminfo lists (with escdelay between its characters).
    /// Returns the keys of codes terminfo binds sequences to that mean nothing here otherwise
    /// (xterm's Ctrl-Up, vt100's keypad), so that those act as the decoder says too.
    private static func registerEscapeSequences() -> [Int32: Key] {
        var otherKeyCodes: [Int32: Key] = [:]
        for (sequence, key) in EscapeSequenceDecoder.knownSequences {
            let text = "\u{1B}" + sequence
            let bound = key_defined(text)
            if bound > 0 {
                if CursesKeyCodes.key(for: bound) == nil, otherKeyCodes[bound] == nil { otherKeyCodes[bound] = key }
            } else if bound == 0, let code = CursesKeyCodes.code(for: key) {
                define_key(text, code)
            }
        }
        return otherKeyCodes
    }

    private static func decode(_ value: wint_t) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 127, 8: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(UInt8(value) + 96)))
        // C1 controls are no text.
        case 0x80...0x9F: return nil
        default:
            guard let scalar = UnicodeScalar(UInt32(value)) else { return nil }
            return .character(Character(scalar))
        }
    }
}
