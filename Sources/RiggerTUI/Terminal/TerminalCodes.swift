/// The control strings a frame is drawn with, each as the terminal takes it (from terminfo, its
/// padding included); empty where the terminal has none.
struct TerminalCodes {
    /// Every attribute off (sgr0).
    var allAttributesOff: [UInt8] = []
    var bold: [UInt8] = []
    var reverse: [UInt8] = []
    var underline: [UInt8] = []
    var dim: [UInt8] = []
    /// The terminal's own foreground and background colours again (op).
    var defaultColors: [UInt8] = []
    /// Clears from the cursor to the end of its line (el).
    var clearToEndOfLine: [UInt8] = []
    /// One column left (cub1).
    var left: [UInt8] = []
    /// To the first column (cr).
    var carriageReturn: [UInt8] = []
    /// One row down, the column kept (cud1); never used on the last row, where it may scroll.
    var down: [UInt8] = []
    var hideCursor: [UInt8] = []
    var showCursor: [UInt8] = []
    /// To a row and column, from 0 (cup); every terminal that can show the wizard has it.
    var moveTo: (_ row: Int, _ column: Int) -> [UInt8]
    /// Right by a number of columns (cuf), where the terminal has it.
    var moveRight: ((Int) -> [UInt8])?
    /// To a column of the cursor's row, from 0 (hpa), where the terminal has it.
    var moveToColumn: ((Int) -> [UInt8])?
    /// A foreground colour, where the terminal has colour.
    var foreground: ((TerminalColor) -> [UInt8])?
    /// A character's bytes in the terminal's encoding; nil for UTF-8, which needs no conversion.
    var encode: ((Character) -> [UInt8])?
    /// How many columns the terminal gives a character that is not plain ASCII (wcwidth): a
    /// frame's cells are one column each, so after any other width the cursor is placed anew.
    var columns: (Character) -> Int = { _ in 1 }
}

/// The colours the wizard uses, by their ANSI number (COLOR_RED, COLOR_CYAN).
enum TerminalColor: Int {
    case red = 1
    case cyan = 6
}

/// How a cell looks on the terminal: `CellStyle` as the terminal can show it.
struct Rendition: Equatable {
    var bold = false
    var reverse = false
    var underline = false
    var dim = false
    var color: TerminalColor?

    static let normal = Rendition()

    /// A style as drawn with or without colour: without it an error is bold, so that it still
    /// stands out, and dim is left out.
    init(_ style: CellStyle, hasColor: Bool) {
        bold = style.contains(.bold) || (!hasColor && style.contains(.error))
        reverse = style.contains(.reverse)
        underline = style.contains(.underline)
        dim = hasColor && style.contains(.dim)
        if hasColor {
            color = style.contains(.error) ? .red : (style.contains(.accent) ? .cyan : nil)
        }
    }

    init() {}
}
