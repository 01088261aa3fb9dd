import RiggerCore
@testable import RiggerTUI
import XCTest

/// The terminal's cursor follows the focus, for screen readers: at a text field's editing
/// position, inside the mark of a list's selected choice, hidden where nothing has the focus.
final class WizardCursorTests: XCTestCase {
    /// The session's frame at 80x24, as the in-memory terminal received it.
    private func draw(_ session: WizardSession, rows: Int = 24, columns: Int = 80) -> ScreenBuffer {
        let screen = ScreenBuffer(rows: rows, columns: columns)
        screen.present(WizardView.render(session, rows: rows, columns: columns, capabilities: screen.capabilities))
        return screen
    }

    /// Where text starts on the screen: the first row that holds it (after `after`, when given).
    private func position(of text: String, in screen: ScreenBuffer, onRowWith context: String? = nil,
                          file: StaticString = #filePath, line: UInt = #line) -> (row: Int, column: Int)? {
        for row in 0..<screen.frame.rows {
            let line = screen.frame.text(row: row)
            guard context.map(line.contains) ?? true, let range = line.range(of: text) else { continue }
            return (row, line.distance(from: line.startIndex, to: range.lowerBound))
        }
        XCTFail("'\(text)' is not on the screen:\n\(screen.text)", file: file, line: line)
        return nil
    }

    private func assertCursor(_ screen: ScreenBuffer, at expected: (row: Int, column: Int)?, _ message: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(screen.frame.cursor?.row, expected?.row, "row: \(message)\n\(screen.text)", file: file, line: line)
        XCTAssertEqual(screen.frame.cursor?.column, expected?.column, "column: \(message)\n\(screen.text)", file: file, line: line)
    }

    func testInATextFieldTheCursorIsAtTheEditingPosition() throws {
        let session = try WizardTestSupport.session(preset: "aws", outputGiven: false)
        session.type("/x")
        let typed = WizardTestSupport.snapshotFolder + "/x"
        var screen = draw(session)
        let start = try XCTUnwrap(position(of: typed, in: screen, onRowWith: ">Output folder"))
        assertCursor(screen, at: (start.row, start.column + typed.count), "after the last character typed")
        for _ in 0..<3 { _ = session.handle(.left) }
        screen = draw(session)
        assertCursor(screen, at: (start.row, start.column + typed.count - 3), "three to the left")
        _ = session.handle(.home)
        screen = draw(session)
        assertCursor(screen, at: start, "on the first character")
    }

    func testInAChoiceListTheCursorIsOnTheSelectedChoice() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .preset)
        var screen = draw(session)
        var mark = try XCTUnwrap(position(of: "(*) aws ", in: screen))
        assertCursor(screen, at: (mark.row, mark.column + 1), "inside the selected preset's mark")
        _ = session.handle(.down)
        screen = draw(session)
        mark = try XCTUnwrap(position(of: "(*) aws-managed", in: screen))
        assertCursor(screen, at: (mark.row, mark.column + 1), "it follows the selection")
    }

    func testMovingTheFocusMovesTheCursor() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .step(.ingress))
        XCTAssertEqual(session.focusedField, .answer("ingress.hostname"), "focus starts on the field to fill")
        var screen = draw(session)
        let hostname = try XCTUnwrap(position(of: "____", in: screen, onRowWith: ">Hostname"))
        assertCursor(screen, at: hostname, "at the start of the empty hostname")
        _ = session.handle(.backTab)
        XCTAssertEqual(session.focusedField, .answer("ingress.type"))
        screen = draw(session)
        let ingress = try XCTUnwrap(position(of: "(*) traefik", in: screen))
        assertCursor(screen, at: (ingress.row, ingress.column + 1), "on the ingress chosen")
        _ = session.handle(.tab)
        screen = draw(session)
        assertCursor(screen, at: hostname, "back in the hostname")
    }

    func testOnAYesNoFieldTheCursorIsInItsBox() throws {
        let session = try WizardTestSupport.session(preset: "aws-managed")
        session.walk(to: .step(.dependencies))
        for _ in 0..<session.fields.count where session.focusedField != .answer("redis.auth") { _ = session.handle(.tab) }
        XCTAssertEqual(session.focusedField, .answer("redis.auth"))
        let screen = draw(session)
        let box = try XCTUnwrap(position(of: "[x] yes", in: screen, onRowWith: ">"))
        assertCursor(screen, at: (box.row, box.column + 1), "inside [x]")
    }

    func testOnTheSecretsAndResumePagesTheCursorIsOnTheSelectedWay() throws {
        let session = try WizardTestSupport.session(preset: "local")
        session.walk(to: .secrets)
        var screen = draw(session)
        let generate = try XCTUnwrap(position(of: "(*) generate", in: screen))
        assertCursor(screen, at: (generate.row, generate.column + 1), "on how the secret is provided")

        let again = try WizardTestSupport.session(preset: "local", out: WizardTestSupport.snapshotFolder, fresh: false)
        XCTAssertEqual(again.page, .resume)
        screen = draw(again)
        let resume = try XCTUnwrap(position(of: "(*) Resume", in: screen))
        assertCursor(screen, at: (resume.row, resume.column + 1), "on resume")
        _ = again.handle(.down)
        screen = draw(again)
        let over = try XCTUnwrap(position(of: "(*) Start over", in: screen))
        assertCursor(screen, at: (over.row, over.column + 1), "on start over")
    }

    func testWithoutAFocusedFieldTheCursorIsHiddenOrAtThePrompt() throws {
        let session = try WizardTestSupport.session(preset: "local")
        _ = session.handle(.function(1))
        assertCursor(draw(session), at: nil, "help")
        _ = session.handle(.character("x"))
        _ = session.handle(.control("c"))
        var screen = draw(session)
        let question = try XCTUnwrap(position(of: "(y/N)", in: screen))
        assertCursor(screen, at: (question.row, question.column + 5), "where y or n is typed")
        _ = session.handle(.character("n"))
        session.walk(to: .review)
        assertCursor(draw(session), at: nil, "review")
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .done)
        screen = draw(session)
        assertCursor(screen, at: nil, "done")
        screen = draw(session, rows: 15, columns: 60)
        assertCursor(screen, at: nil, "too small")
    }
}
