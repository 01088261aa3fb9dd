/// A key press, decoded by the terminal layer.
public enum Key: Sendable, Hashable {
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// A control key other than those above, e.g. Ctrl-U is `.control("u")`.
    case control(Character)
    /// The terminal changed size.
    case resize
    /// Text pasted in one piece (bracketed paste).
    case paste(String)
}

/// What the terminal can show.
public struct TerminalCapabilities: Sendable, Equatable {
    public var hasColor: Bool
    /// Whether box-drawing characters and bullets can be shown (a UTF-8 locale).
    public var unicode: Bool

    public init(hasColor: Bool, unicode: Bool) {
        self.hasColor = hasColor
        self.unicode = unicode
    }
}

/// The terminal the wizard draws on: ncurses for real, an in-memory screen for tests.
public protocol Terminal: AnyObject {
    /// Rows and columns right now.
    var size: (rows: Int, columns: Int) { get }
    var capabilities: TerminalCapabilities { get }
    /// Shows a frame; only what changed since the last one reaches the wire.
    func present(_ canvas: Canvas)
    /// The next key, or nil when the timeout (milliseconds) passes first or what arrived means
    /// nothing here (an escape sequence that stands for no key).
    func readKey(timeout: Int) -> Key?
}
