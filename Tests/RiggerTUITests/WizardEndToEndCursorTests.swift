import Foundation
import XCTest

/// The real terminal's cursor, as tmux reports it, and the bytes a keystroke costs, as tmux's
/// pipe-pane sees them leave the wizard.
extension WizardEndToEndTests {
    /// The pane's cursor: column, row, and whether it is shown.
    private func cursor() throws -> (column: Int, row: Int, visible: Bool) {
        let fields = try tmux(["display-message", "-p", "-t", "e2e", "#{cursor_x},#{cursor_y},#{cursor_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        guard fields.count == 3 else { throw XCTSkip("tmux reports no cursor") }
        return (fields[0], fields[1], fields[2] == 1)
    }

    /// Where text starts on a captured screen, on the first row that holds it.
    private func position(of text: String, in screen: String, file: StaticString = #filePath, line: UInt = #line) -> (column: Int, row: Int) {
        for (row, content) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = content.range(of: text) { return (content.distance(from: content.startIndex, to: range.lowerBound), row) }
        }
        XCTFail("'\(text)' is not on the screen:\n\(screen)", file: file, line: line)
        return (-1, -1)
    }

    private func assertCursor(at expected: (column: Int, row: Int), _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let actual = try cursor()
        XCTAssertTrue(actual.visible, "\(message): the cursor is hidden", file: file, line: line)
        XCTAssertEqual(actual.column, expected.column, "\(message): column", file: file, line: line)
        XCTAssertEqual(actual.row, expected.row, "\(message): row", file: file, line: line)
    }

    /// The bytes the wizard wrote to the pane since the last call, once it has gone quiet.
    private func bytesWritten(to log: URL, since before: inout Int) -> Int {
        var size = -1
        for _ in 0..<40 {
            Thread.sleep(forTimeInterval: 0.05)
            let now = ((try? FileManager.default.attributesOfItem(atPath: log.path)[.size]) as? NSNumber)?.intValue ?? 0
            if now == size { break }
            size = now
        }
        defer { before = size }
        return size - before
    }

    func testTheCursorFollowsTheFocusForAKeystrokesWorthOfBytes() throws {
        try start("--preset aws --out '\(folder.appendingPathComponent("cursor").path)'")
        try waitFor("> App and cloud")
        try keys("Tab")
        var screen = try waitFor("(*) aws ")
        var mark = position(of: "(*) aws ", in: screen)
        try assertCursor(at: (mark.column + 1, mark.row), "on the preset chosen")

        let log = folder.appendingPathComponent("pane.log")
        try tmux(["pipe-pane", "-t", "e2e", "cat >> '\(log.path)'"])
        var written = 0
        _ = bytesWritten(to: log, since: &written)
        try keys("Down")
        screen = try waitFor("(*) aws-managed")
        mark = position(of: "(*) aws-managed", in: screen)
        try assertCursor(at: (mark.column + 1, mark.row), "on the next preset")
        // Two choice lines, the chosen preset's description in the help area and the cursor; a
        // whole frame is over 1,000 bytes.
        XCTAssertLessThan(bytesWritten(to: log, since: &written), 400, "a choice moved costs its changed cells and a cursor move")
        try keys("Up")
        try waitFor("(*) aws ")

        try pressEnter(until: "Ingress and TLS")
        try waitFor(">Hostname")
        _ = bytesWritten(to: log, since: &written)
        try type("h")
        screen = try waitFor(" h___")
        let typed = position(of: " h___", in: screen)
        try assertCursor(at: (typed.column + 2, typed.row), "after the character typed")
        XCTAssertLessThan(bytesWritten(to: log, since: &written), 40, "a character typed costs its cell")

        try keys("F1")
        try waitFor("Any key closes this help.")
        XCTAssertFalse(try cursor().visible, "no field has the focus under the help")
        try keys("Escape")
        try waitUntil("closed the help") { !$0.contains("Any key closes this help.") }
        try assertCursor(at: (typed.column + 2, typed.row), "back in the field")
    }
}
