internal import CNCursesW
import Foundation

/// The plain mode's terminal: lines as the terminal's own line editing delivers them (so Backspace
/// and Ctrl-U work however simple the terminal is), written as plain text with no escape
/// sequences. Echo is turned off only while a secret is read, and back on before anything else.
public final class TerminalLines: LineConsole {
    private let input: Int32
    private let output: Int32
    /// Bytes read past the end of the last line.
    private var pending: [UInt8] = []
    /// How long a wait for input lasts before the signal flag is read again: a signal that comes
    /// between reading the flag and waiting is seen this much later.
    private static let signalCheckMilliseconds: Int32 = 200

    /// Reads lines from `input` and writes to `output`. Ctrl-C, SIGTERM and SIGHUP set a flag that
    /// `readLine` reports, rather than ending the process with echo left off.
    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
        rigger_install_signal_handlers()
        // A reader that went away (stdout piped to a pager that quit) ends a write, not rigger.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes all of the text, however many writes the terminal takes it in.
    public func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Writes the prompt and reads a line, with echo off from before the prompt when asked to.
    public func readLine(prompt: String, echo: Bool) -> LineInput {
        // Off before the prompt shows, so that nothing typed at it is ever echoed.
        let saved = echo ? nil : turnEchoOff()
        write(prompt)
        defer {
            if let saved {
                // Lines after a secret's, from a paste of several, are dropped unseen: typed at
                // the next question they would be echoed.
                pending.removeAll()
                tcflush(input, TCIFLUSH)
                var attributes = saved
                tcsetattr(input, TCSANOW, &attributes)
                // The Enter that ended the secret wasn't echoed either.
                write("\n")
            }
        }
        while true {
            if let end = pending.firstIndex(of: 0x0A) {
                let line = Array(pending[..<end])
                pending.removeSubrange(...end)
                return .line(Self.text(of: line))
            }
            switch rigger_take_pending_signal() {
            case 0: break
            case SIGINT:
                // The terminal dropped the line being typed; so does rigger.
                pending.removeAll()
                return .interrupt
            case let number: return .signal(number)
            }
            var waiting = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, Self.signalCheckMilliseconds)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = ready < 0 ? -1 : read(input, &buffer, buffer.count)
            if count > 0 {
                pending += buffer[..<count]
                continue
            }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            // End of input, or the terminal went away (EIO after a hangup). A line typed without
            // Enter before Ctrl-D still counts.
            guard pending.isEmpty else {
                defer { pending.removeAll() }
                return .line(Self.text(of: pending))
            }
            return .endOfInput
        }
    }

    /// Turns the terminal's echo off and returns its settings before, or nil when the input is
    /// no terminal.
    private func turnEchoOff() -> termios? {
        var attributes = termios()
        guard tcgetattr(input, &attributes) == 0 else { return nil }
        var quiet = attributes
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(input, TCSANOW, &quiet)
        return attributes
    }

    /// A line's text: UTF-8, without the escape sequences of keys such as the arrows (which a
    /// terminal's line editing takes in as text), nor the strings and mouse reports a terminal may
    /// send unasked, read as the full-screen wizard reads them, and without other control characters.
    static func text(of bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = String(decoding: bytes, as: UTF8.self).unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? iterator.next() {
            pending = nil
            let introduced = scalar == "\u{1B}" ? EscapeSequenceDecoder() : EscapeSequenceDecoder(introducedBy: scalar.value)
            if var decoder = introduced {
                // The sequence is dropped whole; a character that ends it without belonging to it
                // is read again.
                reading: while let next = iterator.next() {
                    switch decoder.feed(next.value) {
                    case .incomplete: continue
                    case .complete, .pasteOpened: break reading
                    case .ended:
                        pending = next
                        break reading
                    }
                }
                continue
            }
            if scalar.value >= 0x20, scalar.value != 0x7F, !(0x80...0x9F).contains(scalar.value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
