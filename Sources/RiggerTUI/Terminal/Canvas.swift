/// How a cell is drawn: plain, or with emphasis the terminal may or may not show.
public struct CellStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellStyle(rawValue: 1)
    public static let reverse = CellStyle(rawValue: 2)
    public static let underline = CellStyle(rawValue: 4)
    public static let dim = CellStyle(rawValue: 8)
    /// Drawn in the error colour where the terminal has colour.
    public static let error = CellStyle(rawValue: 16)
    /// Drawn in the accent colour where the terminal has colour.
    public static let accent = CellStyle(rawValue: 32)
}

/// One character cell of the screen.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: CellStyle

    public static let blank = Cell(character: " ", style: [])
}

/// A frame being drawn: a grid of cells the wizard paints, then hands to the terminal whole.
/// The terminal (ncurses) sends only the cells that changed since the last frame.
public struct Canvas: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]
    /// What ends text cut at a width or the right edge ("…", or "..." without Unicode), so that
    /// no text is ever cut without a mark.
    public var ellipsis: String
    /// Where the terminal's cursor rests: on the focus (a text field's editing position, a list's
    /// selected choice), because screen readers follow it; nil hides it.
    public var cursor: (row: Int, column: Int)?

    public init(rows: Int, columns: Int, ellipsis: String = "…") {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.ellipsis = ellipsis
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.cells == rhs.cells
            && lhs.cursor?.row == rhs.cursor?.row && lhs.cursor?.column == rhs.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    /// Writes text from a position, up to the right edge (and to `width` when given); text that
    /// doesn't fit ends with the ellipsis. Returns the column after the last character written.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, style: CellStyle = [], width: Int? = nil) -> Int {
        guard row >= 0, row < rows else { return column }
        let limit = min(columns, width.map { column + $0 } ?? columns)
        var fitted = text
        if column + text.count > limit {
            let room = limit - column
            fitted = room >= ellipsis.count ? String(text.prefix(room - ellipsis.count)) + ellipsis : String(text.prefix(max(room, 0)))
        }
        var position = column
        for character in fitted {
            guard position < limit else { break }
            if position >= 0 {
                // One cell per character: control characters never reach the terminal.
                let shown: Character = character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) ? character : "?"
                self[row, position] = Cell(character: shown, style: style)
            }
            position += 1
        }
        return position
    }

    /// Fills a run of a row with a character.
    public mutating func fill(row: Int, column: Int, width: Int, character: Character = " ", style: CellStyle = []) {
        guard row >= 0, row < rows else { return }
        for position in max(column, 0)..<min(columns, column + width) {
            self[row, position] = Cell(character: character, style: style)
        }
    }

    /// The text of one row, trailing blanks removed.
    public func text(row: Int) -> String {
        var line = String(cells[(row * columns)..<((row + 1) * columns)].map(\.character))
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole frame as text, one line per row: what snapshot tests compare.
    public var text: String {
        (0..<rows).map { text(row: $0) }.joined(separator: "\n")
    }
}
