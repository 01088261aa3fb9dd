/// An in-memory terminal for tests: it keeps the last frame and plays back queued keys.
public final class ScreenBuffer: Terminal {
    public var size: (rows: Int, columns: Int)
    public var capabilities: TerminalCapabilities
    public private(set) var frame: Canvas
    public private(set) var framesPresented = 0
    private var keys: [Key] = []

    public init(rows: Int, columns: Int, capabilities: TerminalCapabilities = TerminalCapabilities(hasColor: false, unicode: true)) {
        size = (rows, columns)
        self.capabilities = capabilities
        frame = Canvas(rows: rows, columns: columns)
    }

    /// Queues keys for `readKey` to return in order.
    public func type(_ keys: [Key]) { self.keys += keys }

    /// Queues the characters of a string as keys.
    public func type(_ text: String) { keys += text.map { Key.character($0) } }

    public func present(_ canvas: Canvas) {
        frame = canvas
        framesPresented += 1
    }

    public func readKey(timeout: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    /// The screen as text.
    public var text: String { frame.text }
}
