import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// The review reads whole at every size: what changes wraps like the warnings, and the footer's
/// keys stay apart at the smallest width.
final class WizardReviewTests: XCTestCase {
    private let plain = TerminalCapabilities(hasColor: false, unicode: true)

    private func folder() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-review-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testAChangedAnswerWrapsRatherThanBeingCut() throws {
        let out = folder()
        let first = try WizardTestSupport.session(preset: "local", out: out)
        first.walk(to: .review)
        _ = first.handle(.enter)
        XCTAssertNotNil(first.writtenTo)

        let again = try WizardTestSupport.session(preset: nil, out: out)
        again.walk(to: .step(.ingress))
        again.focus(on: .answer("ingress.hostname"))
        _ = again.handle(.control("u"))
        again.type("analytics.example.com")
        again.walk(to: .review)
        XCTAssertNotNil(again.reviewed, again.reviewError ?? "")
        let screen = WizardView.render(again, rows: 24, columns: 80, capabilities: plain)
        let text = screen.text
        XCTAssertFalse(text.contains("…"), "nothing on the review's first screen is cut:\n\(text)")
        // The line wraps under its key: the new value is read whole on the line below.
        let unwrapped = (0..<screen.rows).map { screen.text(row: $0) }.joined(separator: "\n")
        XCTAssertTrue(unwrapped.contains("ingress.hostname: posthog.localhost ->"), text)
        XCTAssertTrue(unwrapped.contains("analytics.example.com"), text)
    }

    /// Paging past the end of a long review or done page stops at the end: the first key back
    /// moves the view, rather than first counting down the presses past the end.
    func testScrollingPastTheEndStopsAtTheEnd() throws {
        let session = try WizardTestSupport.session(preset: "local", out: folder())
        session.walk(to: .review)
        XCTAssertNotNil(session.reviewed, session.reviewError ?? "")
        _ = WizardView.render(session, rows: 24, columns: 80, capabilities: plain)
        for _ in 0..<30 { _ = session.handle(.pageDown) }
        let atEnd = WizardView.render(session, rows: 24, columns: 80, capabilities: plain).text
        XCTAssertFalse(atEnd.contains("(more below)"), atEnd)
        _ = session.handle(.up)
        let backOne = WizardView.render(session, rows: 24, columns: 80, capabilities: plain).text
        XCTAssertNotEqual(backOne, atEnd, "one key back from the end of the review moves it")

        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .done)
        // The smallest terminal the wizard draws in: the done page is longer than its 12 rows of text.
        _ = WizardView.render(session, rows: 20, columns: 70, capabilities: plain)
        for _ in 0..<30 { _ = session.handle(.pageDown) }
        let doneEnd = WizardView.render(session, rows: 20, columns: 70, capabilities: plain).text
        XCTAssertTrue(doneEnd.contains("(more above)"), "the done page is longer than the screen:\n\(doneEnd)")
        _ = session.handle(.up)
        XCTAssertNotEqual(WizardView.render(session, rows: 20, columns: 70, capabilities: plain).text, doneEnd, "one key back from the end of the done page moves it")
    }

    /// The keys of the footer as shown at a size: what the hints row holds, split where two
    /// spaces part them.
    private func footer(_ session: WizardSession, columns: Int, rows: Int) -> [String] {
        let canvas = WizardView.render(session, rows: rows, columns: columns, capabilities: plain)
        return canvas.text(row: rows - 1).trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")
    }

    func testTheFootersKeysStayApartAtSeventyColumns() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .secrets)
        _ = session.handle(.character("t"))
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField.map { if case .secretValue = $0 { true } else { false } }, true)
        XCTAssertEqual(footer(session, columns: 70, rows: 20), ["Tab move", "Enter next", "Esc back", "F1 help", "F2 show/hide", "Ctrl-C quit"])
        XCTAssertEqual(
            footer(session, columns: 80, rows: 24), ["Tab/arrows move", "Enter next", "Esc back", "F1 help", "F2 show/hide", "Ctrl-C quit"],
            "with room, the keys are named in full")
        session.type(String(repeating: "a-typed-secret-value-", count: 3))
        session.walk(to: .review)
        XCTAssertEqual(session.page, .review)
        XCTAssertEqual(footer(session, columns: 70, rows: 20), ["Enter write", "Esc back", "PgUp/PgDn scroll", "Ctrl-C quit"])
        XCTAssertEqual(footer(session, columns: 80, rows: 24), ["Enter write the bundle", "Esc back", "Up/Down/PgUp/PgDn scroll", "Ctrl-C quit"])
    }
}
