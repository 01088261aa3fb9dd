@testable import RiggerTUI
import XCTest

/// The frame encoder against a small model of an xterm: whatever frames come, the screen the
/// bytes leave is the frame, and a key typed into a field costs its own byte.
final class FrameEncoderTests: XCTestCase {
    /// xterm-256color's strings, as terminfo gives them.
    static var xterm: TerminalCodes {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        var codes = TerminalCodes(moveTo: { bytes("\u{1B}[\($0 + 1);\($1 + 1)H") })
        codes.allAttributesOff = bytes("\u{1B}(B\u{1B}[m")
        codes.bold = bytes("\u{1B}[1m")
        codes.reverse = bytes("\u{1B}[7m")
        codes.underline = bytes("\u{1B}[4m")
        codes.dim = bytes("\u{1B}[2m")
        codes.defaultColors = bytes("\u{1B}[39;49m")
        codes.clearToEndOfLine = bytes("\u{1B}[K")
        codes.left = [0x08]
        codes.carriageReturn = [0x0D]
        codes.down = [0x0A]
        codes.hideCursor = bytes("\u{1B}[?25l")
        codes.showCursor = bytes("\u{1B}[?12l\u{1B}[?25h")
        codes.moveRight = { bytes("\u{1B}[\($0)C") }
        codes.moveToColumn = { bytes("\u{1B}[\($0 + 1)G") }
        codes.foreground = { bytes("\u{1B}[3\($0.rawValue)m") }
        codes.columns = { $0 == "中" ? 2 : 1 }
        return codes
    }

    func testAKeyTypedIntoAFieldCostsItsOwnByteOnceTheFieldsAttributesAreOn() {
        var encoder = FrameEncoder(codes: Self.xterm, hasColor: true)
        var screen = EmulatedTerminal(rows: 24, columns: 80)
        encoder.cleared(rows: 24, columns: 80)
        var typed = ""
        var sizes: [Int] = []
        for character in "posthog.example.com" {
            var canvas = Self.frame(typed: typed)
            screen.apply(encoder.encode(canvas))
            typed.append(character)
            canvas = Self.frame(typed: typed)
            let bytes = encoder.encode(canvas)
            screen.apply(bytes)
            sizes.append(bytes.count)
            screen.assertShows(canvas, hasColor: true)
        }
        XCTAssertEqual(sizes.first, 15, "the first key turns the hints' dim off and the field's bold and underline on: \(sizes)")
        XCTAssertEqual(Array(sizes.dropFirst()), Array(repeating: 1, count: sizes.count - 1), "then each key is its character alone")
    }

    func testAnUnchangedFrameSendsNothingAndTheLastCellIsNeverWritten() {
        var encoder = FrameEncoder(codes: Self.xterm, hasColor: true)
        encoder.cleared(rows: 3, columns: 4)
        var canvas = Canvas(rows: 3, columns: 4)
        canvas.write("abcd", row: 2, column: 0)
        let bytes = encoder.encode(canvas)
        XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains("d"), "writing the bottom right cell scrolls some terminals")
        XCTAssertEqual(encoder.encode(canvas), [])
    }

    func testTheRestOfALineIsClearedAtOnceWhenThatIsShorter() {
        var encoder = FrameEncoder(codes: Self.xterm, hasColor: true)
        encoder.cleared(rows: 2, columns: 40)
        var canvas = Canvas(rows: 2, columns: 40)
        canvas.write("a long line of text to be cleared", row: 0, column: 0, style: .reverse)
        _ = encoder.encode(canvas)
        canvas = Canvas(rows: 2, columns: 40)
        canvas.write("a", row: 0, column: 0, style: .reverse)
        XCTAssertEqual(String(decoding: encoder.encode(canvas), as: UTF8.self), "\u{1B}[2G\u{1B}(B\u{1B}[m\u{1B}[K")
    }

    func testAWideCharacterIsFollowedByAnAbsoluteMove() {
        var encoder = FrameEncoder(codes: Self.xterm, hasColor: false)
        encoder.cleared(rows: 2, columns: 10)
        var canvas = Canvas(rows: 2, columns: 10)
        canvas.write("中ab", row: 0, column: 0)
        XCTAssertEqual(String(decoding: encoder.encode(canvas), as: UTF8.self), "\u{1B}[?25l中\u{1B}[1;2Hab")
    }

    /// Frames of random text, styles and cursor, each encoded against the one before: the model
    /// terminal always ends up showing the frame, with the cursor on it.
    func testRandomFramesAlwaysLeaveTheScreenShowingTheFrame() {
        for hasColor in [true, false] {
            var random = SplitMix(seed: hasColor ? 7 : 11)
            var encoder = FrameEncoder(codes: Self.xterm, hasColor: hasColor)
            var screen = EmulatedTerminal(rows: 12, columns: 30)
            encoder.cleared(rows: 12, columns: 30)
            var canvas = Canvas(rows: 12, columns: 30)
            let words = ["rigger", "│", "posthog", "…", "(*)", "✓", "a", "_____", "example.com", "  "]
            let styles: [CellStyle] = [[], .bold, .dim, .reverse, [.underline, .bold], .underline, .error, .accent, [.bold, .error]]
            for round in 0..<300 {
                if round % 50 == 0 { canvas = Canvas(rows: 12, columns: 30) }
                for _ in 0..<random.next(below: 6) {
                    let row = random.next(below: 12), column = random.next(below: 30)
                    if random.next(below: 4) == 0 {
                        canvas.fill(row: row, column: column, width: random.next(below: 30), style: styles[random.next(below: styles.count)])
                    } else {
                        canvas.write(words[random.next(below: words.count)], row: row, column: column, style: styles[random.next(below: styles.count)])
                    }
                }
                canvas.cursor = random.next(below: 3) == 0 ? nil : (random.next(below: 12), random.next(below: 30))
                screen.apply(encoder.encode(canvas))
                screen.assertShows(canvas, hasColor: hasColor, "round \(round)")
                if screen.failed { return }
            }
        }
    }

    /// A focused text field on row 5 holding `typed`, the cursor after it.
    private static func frame(typed: String) -> Canvas {
        var canvas = Canvas(rows: 24, columns: 80)
        canvas.write(" rigger", row: 0, column: 0, style: .reverse)
        canvas.write("Hostname", row: 5, column: 22, style: .bold)
        canvas.fill(row: 5, column: 42, width: 30, character: "_", style: .underline)
        canvas.write(typed, row: 5, column: 42, style: [.underline, .bold])
        canvas.write("Tab/arrows move", row: 23, column: 1, style: .dim)
        canvas.cursor = (5, 42 + typed.count)
        return canvas
    }
}

/// A deterministic random sequence (SplitMix64), so that a failing round can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// What an xterm does with the strings of `FrameEncoderTests.xterm`, and nothing more: a grid of
/// characters with their attributes, a cursor, and whether it is shown.
struct EmulatedTerminal {
    let rows: Int, columns: Int
    private var cells: [(Character, Rendition)]
    private var attributes = Rendition.normal
    private var row = 0, column = 0
    private var cursorShown = true
    private var pendingWrap = false
    private(set) var failed = false

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: (" ", .normal), count: rows * columns)
    }

    mutating func apply(_ bytes: [UInt8]) {
        let text = Array(String(decoding: bytes, as: UTF8.self))
        var index = 0
        while index < text.count {
            let character = text[index]
            index += 1
            if character == "\u{08}" {
                column = max(0, column - 1)
                pendingWrap = false
            } else if character == "\r" || character == "\r\n" || character == "\n" {
                // As one Character, "\r\n" is a carriage return and a line feed.
                if character != "\n" { column = 0 }
                pendingWrap = false
                guard character != "\r" else { continue }
                // Below the last row a line feed scrolls, which the encoder must never ask for.
                if row == rows - 1 {
                    XCTFail("a line feed on the last row")
                    failed = true
                }
                row = min(rows - 1, row + 1)
                pendingWrap = false
            } else if character == "\u{1B}" {
                if text[index] == "(" {
                    index += 2
                    continue
                }
                index += 1  // "["
                var parameters = ""
                while !text[index].isLetter {
                    parameters.append(text[index])
                    index += 1
                }
                control(text[index], parameters)
                index += 1
            } else {
                // After the last column a terminal wraps (or scrolls), which the encoder must
                // never leave to it.
                if pendingWrap {
                    XCTFail("a character was written past the end of row \(row)")
                    failed = true
                }
                cells[row * columns + column] = (character, attributes)
                // A wide character takes the next cell too.
                let next = column + (character == "中" ? 2 : 1)
                pendingWrap = next >= columns
                column = min(columns - 1, next)
            }
        }
    }

    private mutating func control(_ final: Character, _ parameters: String) {
        if "HCG".contains(final) { pendingWrap = false }
        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
        switch final {
        case "H":
            row = numbers[0] - 1
            column = numbers[1] - 1
        case "C": column += numbers.first ?? 1
        case "G": column = (numbers.first ?? 1) - 1
        case "K": for index in column..<columns { cells[row * columns + index] = (" ", attributes) }
        case "h", "l": if parameters == "?25" { cursorShown = final == "h" }
        case "m":
            for number in numbers.isEmpty ? [0] : numbers {
                switch number {
                case 0: attributes = .normal
                case 1: attributes.bold = true
                case 2: attributes.dim = true
                case 4: attributes.underline = true
                case 7: attributes.reverse = true
                case 31: attributes.color = .red
                case 36: attributes.color = .cyan
                case 39: attributes.color = nil
                default: break
                }
            }
        default: XCTFail("unexpected control \(parameters)\(final)")
        }
    }

    mutating func assertShows(_ canvas: Canvas, hasColor: Bool, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        for row in 0..<rows {
            for column in 0..<columns where !(row == rows - 1 && column == columns - 1) {
                let (character, rendition) = cells[row * columns + column]
                let expected = canvas[row, column]
                guard character == expected.character, rendition == Rendition(expected.style, hasColor: hasColor) else {
                    XCTFail("\(message): cell \(row),\(column) shows '\(character)' \(rendition), not '\(expected.character)' \(Rendition(expected.style, hasColor: hasColor))", file: file, line: line)
                    failed = true
                    return
                }
            }
        }
        if let cursor = canvas.cursor {
            XCTAssertTrue(cursorShown, message, file: file, line: line)
            XCTAssertTrue(row == cursor.row && column == cursor.column, "\(message): the cursor is at \(row),\(column), not \(cursor)", file: file, line: line)
        } else {
            XCTAssertFalse(cursorShown, message, file: file, line: line)
        }
    }
}
