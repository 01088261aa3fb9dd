/// Turns each frame into what the terminal is sent: only the cells that changed since the frame
/// before, reached with the shortest cursor move, with attributes changed only where they differ.
///
/// ncurses does this too, but ends every update by turning all attributes off, so that a key
/// typed into a bold, underlined field costs the attributes on and off around its one character
/// (18 bytes on xterm). Here the attributes stay as the last cell left them, since nothing else
/// writes to the terminal while the wizard runs: a typed character costs its own bytes.
struct FrameEncoder {
    let codes: TerminalCodes
    let hasColor: Bool
    /// The size of the screen drawn on; nil until it was cleared for a first frame.
    private(set) var size: (rows: Int, columns: Int)?
    /// What the terminal shows; nil when that is a blank screen.
    private var shown: Canvas?
    /// The attributes the terminal writes with now.
    private var rendition = Rendition.normal
    /// Where the terminal's cursor is; nil when that isn't known (after the last column, or a
    /// character of another width than one).
    private var cursor: (row: Int, column: Int)?
    private var cursorVisible: Bool?
    private var output: [UInt8] = []
    private var movesTo: [Int: [UInt8]] = [:]
    private var movesRight: [Int: [UInt8]] = [:]
    private var movesToColumn: [Int: [UInt8]] = [:]

    init(codes: TerminalCodes, hasColor: Bool) {
        self.codes = codes
        self.hasColor = hasColor
    }

    /// The terminal was cleared to a blank screen of this size, attributes off and the cursor at
    /// the top left: what a first frame, or one after a resize, is drawn on.
    mutating func cleared(rows: Int, columns: Int) {
        size = (rows, columns)
        shown = nil
        rendition = .normal
        cursor = (0, 0)
    }

    /// The bytes that turn what the terminal shows into `canvas`.
    mutating func encode(_ canvas: Canvas) -> [UInt8] {
        output.removeAll(keepingCapacity: true)
        let old = shown.flatMap { $0.rows == canvas.rows && $0.columns == canvas.columns ? $0 : nil }
        // Hidden before drawing, so that it doesn't wander over the screen; shown once in place.
        if canvas.cursor == nil, cursorVisible != false {
            output += codes.hideCursor
            cursorVisible = false
        }
        for row in 0..<canvas.rows { encodeRow(row, of: canvas, over: old) }
        if let target = canvas.cursor {
            move(to: target.row, target.column, in: canvas)
            if cursorVisible != true {
                output += codes.showCursor
                cursorVisible = true
            }
        }
        shown = canvas
        size = (canvas.rows, canvas.columns)
        return output
    }

    /// What leaves the terminal's attributes as a program after the wizard expects them: off.
    mutating func finish() -> [UInt8] {
        output.removeAll(keepingCapacity: true)
        set(.normal)
        return output
    }

    /// Whether a cell already shows as it should: the same character in the same attributes,
    /// or blank on a blank screen.
    private func unchanged(_ index: Int, of canvas: Canvas, over old: Canvas?) -> Bool {
        let cell = canvas.cells[index]
        guard let before = old?.cells[index] else { return isBlank(cell) }
        return before == cell
            || (before.character == cell.character && Rendition(before.style, hasColor: hasColor) == Rendition(cell.style, hasColor: hasColor))
    }

    private func isBlank(_ cell: Cell) -> Bool {
        (cell.style.isEmpty || Rendition(cell.style, hasColor: hasColor) == .normal) && cell.character == " "
    }

    private mutating func encodeRow(_ row: Int, of canvas: Canvas, over old: Canvas?) {
        let columns = canvas.columns
        let start = row * columns
        // The last cell of the screen is never written: some terminals scroll when it is.
        let end = row == canvas.rows - 1 ? columns - 1 : columns
        guard end > 0 else { return }
        var column = 0
        while column < end, unchanged(start + column, of: canvas, over: old) { column += 1 }
        guard column < end else { return }
        // Where the row's text ends, new and old: past it, clearing the line may be cheaper.
        var newEnd = columns
        while newEnd > column, isBlank(canvas.cells[start + newEnd - 1]) { newEnd -= 1 }
        var oldEnd = newEnd
        if let old {
            oldEnd = columns
            while oldEnd > newEnd, isBlank(old.cells[start + oldEnd - 1]) { oldEnd -= 1 }
        }
        while column < end {
            if unchanged(start + column, of: canvas, over: old) {
                column += 1
                continue
            }
            let cell = canvas.cells[start + column]
            if column >= newEnd, !codes.clearToEndOfLine.isEmpty, oldEnd - column > codes.clearToEndOfLine.count {
                move(to: row, column, in: canvas)
                set(.normal)
                output += codes.clearToEndOfLine
                return
            }
            move(to: row, column, in: canvas)
            set(Rendition(cell.style, hasColor: hasColor))
            put(cell.character, row: row, column: column, columns: columns)
            column += 1
        }
    }

    /// Writes a character at the cursor, which then stands after it where that is known.
    private mutating func put(_ character: Character, row: Int, column: Int, columns: Int) {
        var width = 1
        if let ascii = Self.ascii(character) {
            output.append(ascii)
        } else {
            if let encode = codes.encode { output += encode(character) } else { output.append(contentsOf: character.utf8) }
            width = codes.columns(character)
        }
        // After the last column the cursor waits to wrap, which terminals do differently.
        cursor = width == 1 && column + 1 < columns ? (row, column + 1) : nil
    }

    /// The byte of a printable ASCII character, or nil. By its UTF-8, which costs a fraction of
    /// `asciiValue` (that compares with "\r\n" first), for each of a frame's cells.
    private static func ascii(_ character: Character) -> UInt8? {
        let bytes = character.utf8
        guard bytes.count == 1, let byte = bytes.first, byte >= 0x20, byte < 0x7F else { return nil }
        return byte
    }

    /// Moves the cursor the cheapest way: not at all, one left, right over cells that already
    /// show what they should in the attributes on now, or by a relative or absolute move.
    private mutating func move(to row: Int, _ column: Int, in canvas: Canvas) {
        guard cursor?.row != row || cursor?.column != column else { return }
        var best: [UInt8]?
        // To the next row from the start of the line: no parameters to fill in, and as short as an
        // absolute move; the carriage return first, so that it lands there whether or not the
        // terminal driver adds one to a line feed.
        if let from = cursor, row == from.row + 1, !codes.carriageReturn.isEmpty, !codes.down.isEmpty {
            var down = codes.carriageReturn + codes.down
            if column > 0 {
                if let over = rewritten(row, 0..<column, of: canvas) {
                    down += over
                } else if let right = moveRight(column) {
                    down += right
                }
            }
            if column == 0 || down.count > codes.carriageReturn.count + codes.down.count { best = down }
        }
        if let from = cursor, from.row == row {
            if column == from.column - 1, !codes.left.isEmpty {
                best = codes.left
            } else if column > from.column {
                best = rewritten(row, from.column..<column, of: canvas)
                if best == nil, let right = moveRight(column - from.column) { best = right }
            }
            if (best?.count ?? .max) > 3, let absolute = moveToColumn(column), absolute.count < best?.count ?? .max { best = absolute }
        }
        // No absolute move is shorter than three bytes.
        let absolute = (best?.count ?? .max) > 3 ? moveTo(row, column) : nil
        if let absolute, absolute.count < best?.count ?? .max { best = absolute }
        output += best ?? []
        cursor = (row, column)
    }

    // Filling in terminfo's parameters (tiparm) costs more than the rest of a move: each move
    // string is made once.

    private mutating func moveTo(_ row: Int, _ column: Int) -> [UInt8] {
        let key = row << 16 | column
        if let known = movesTo[key] { return known }
        let made = codes.moveTo(row, column)
        movesTo[key] = made
        return made
    }

    private mutating func moveRight(_ count: Int) -> [UInt8]? {
        if let known = movesRight[count] { return known }
        guard let made = codes.moveRight?(count) else { return nil }
        movesRight[count] = made
        return made
    }

    private mutating func moveToColumn(_ column: Int) -> [UInt8]? {
        if let known = movesToColumn[column] { return known }
        guard let made = codes.moveToColumn?(column) else { return nil }
        movesToColumn[column] = made
        return made
    }

    /// The bytes of a few cells that already show what they should, when rewriting them needs no
    /// change of attributes: shorter than any move over them.
    private func rewritten(_ row: Int, _ range: Range<Int>, of canvas: Canvas) -> [UInt8]? {
        guard range.count <= 3 else { return nil }
        var bytes: [UInt8] = []
        for column in range {
            let cell = canvas.cells[row * canvas.columns + column]
            guard let ascii = Self.ascii(cell.character), Rendition(cell.style, hasColor: hasColor) == rendition else { return nil }
            bytes.append(ascii)
        }
        return bytes
    }

    /// Sets the attributes: turning on only what is missing, or all off first when something
    /// must go off (which turns the colour off too).
    private mutating func set(_ target: Rendition) {
        guard target != rendition, !codes.allAttributesOff.isEmpty else { return }
        var current = rendition
        let flagsOff = (current.bold && !target.bold) || (current.reverse && !target.reverse) || (current.underline && !target.underline)
            || (current.dim && !target.dim)
        if flagsOff || (current.color != nil && target.color == nil && codes.defaultColors.isEmpty) {
            output += codes.allAttributesOff
            current = .normal
        } else if current.color != nil, target.color == nil {
            output += codes.defaultColors
            current.color = nil
        }
        if target.bold, !current.bold { output += codes.bold }
        if target.dim, !current.dim { output += codes.dim }
        if target.underline, !current.underline { output += codes.underline }
        if target.reverse, !current.reverse { output += codes.reverse }
        if let color = target.color, color != current.color, let foreground = codes.foreground { output += foreground(color) }
        rendition = target
    }
}
