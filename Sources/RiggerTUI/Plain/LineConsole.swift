/// Where the plain mode writes its questions and reads the answers, a whole line at a time: the
/// terminal (`TerminalLines`), or a script in tests.
public protocol LineConsole: AnyObject {
    /// Writes text as it is; lines end with "\n".
    func write(_ text: String)
    /// Writes `prompt` and reads the next line, without its line ending. With `echo` false the
    /// terminal shows nothing of what is typed (a secret), from before the prompt appears.
    func readLine(prompt: String, echo: Bool) -> LineInput
}

/// What reading a line gave.
public enum LineInput: Sendable, Equatable {
    /// A line the operator typed and ended with Enter.
    case line(String)
    /// Ctrl-C: the operator asks to stop.
    case interrupt
    /// End of input (Ctrl-D at the start of a line): nothing more will be typed.
    case endOfInput
    /// SIGTERM or SIGHUP asked the process to stop.
    case signal(Int32)
}
