import Foundation
import RiggerCore
import RiggerTUI
import XCTest

/// Every page drawn into the in-memory screen at 80x24 and 120x40, against reviewed text
/// snapshots in Snapshots/. Set RIGGER_RECORD_SNAPSHOTS=1 to write them anew, then review the diff.
final class WizardSnapshotTests: XCTestCase {
    private var recording: Bool { ProcessInfo.processInfo.environment["RIGGER_RECORD_SNAPSHOTS"] == "1" }

    private func check(_ session: WizardSession, _ name: String, rows: Int, columns: Int, unicode: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let canvas = WizardView.render(session, rows: rows, columns: columns, capabilities: TerminalCapabilities(hasColor: false, unicode: unicode))
        let url = WizardTestSupport.snapshots.appendingPathComponent("\(name)-\(columns)x\(rows).txt")
        let text = canvas.text + "\n"
        if recording {
            try FileManager.default.createDirectory(at: WizardTestSupport.snapshots, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, expected, "\(name) at \(columns)x\(rows) differs from \(url.lastPathComponent)", file: file, line: line)
        for row in 0..<canvas.rows { XCTAssertLessThanOrEqual(canvas.text(row: row).count, columns) }
    }

    func testEveryPageAtBothSizes() throws {
        let session = try WizardTestSupport.session(preset: "aws", outputGiven: false)
        var visited: [String] = []
        for _ in 0..<12 {
            let name = session.page == .review ? "review" : session.page.title.lowercased().replacingOccurrences(of: " ", with: "-")
            if visited.contains(name) { break }
            visited.append(name)
            try check(session, "aws-\(name)", rows: 24, columns: 80)
            try check(session, "aws-\(name)", rows: 40, columns: 120)
            if session.page == .step(.ingress) {
                // The error state: Enter with the hostname and email missing.
                _ = session.handle(.enter)
                try check(session, "aws-ingress-errors", rows: 24, columns: 80)
                session.type("posthog.example.com")
                _ = session.handle(.tab)
                _ = session.handle(.tab)
                session.type("ops@example.com")
            }
            if session.page == .review { break }
            _ = session.handle(.enter)
        }
        XCTAssertEqual(visited, ["output-folder", "app-and-cloud", "cluster", "dependencies", "secrets", "ingress-and-tls", "email", "sizing", "review"])
    }

    func testHelpQuitAndTooSmall() throws {
        let session = try WizardTestSupport.session(preset: "local")
        try check(session, "too-small", rows: 15, columns: 60)
        _ = session.handle(.function(1))
        try check(session, "help", rows: 24, columns: 80)
        _ = session.handle(.character("x"))
        _ = session.handle(.control("c"))
        try check(session, "confirm-quit", rows: 24, columns: 80)
        try check(session, "confirm-quit-ascii", rows: 24, columns: 80, unicode: false)
    }

    func testTextFieldsScrollAndEdit() throws {
        var editor = TextEditor()
        for character in "abcdefghijklmnopqrstuvwxyz" { _ = editor.handle(.character(character)) }
        XCTAssertEqual(editor.visible(width: 10).text, "rstuvwxyz")
        _ = editor.handle(.home)
        XCTAssertEqual(editor.visible(width: 10).text, "abcdefghij")
        _ = editor.handle(.delete)
        _ = editor.handle(.end)
        _ = editor.handle(.backspace)
        XCTAssertEqual(editor.text, "bcdefghijklmnopqrstuvwxy")
        _ = editor.handle(.left)
        _ = editor.handle(.control("u"))
        XCTAssertEqual(editor.text, "y")
        _ = editor.handle(.paste("pasted\nsecond line"))
        XCTAssertEqual(editor.text, "pastedy")
    }

    func testGoingBackKeepsWhatWasTyped() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        while session.page != .step(.ingress) { _ = session.handle(.enter) }
        _ = session.handle(.tab)
        session.type("keep.example.com")
        _ = session.handle(.escape)
        XCTAssertNotEqual(session.page, .step(.ingress))
        _ = session.handle(.enter)
        XCTAssertEqual(session.displayText("ingress.hostname"), "keep.example.com")
    }

    func testSecretsAreMaskedWithTheirLengthAndRevealedOnF2() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        while session.page != .secrets { _ = session.handle(.enter) }
        _ = session.handle(.character("t"))  // type-ahead: "type or paste it"
        _ = session.handle(.tab)
        session.type("s3cret-value")
        var text = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: false)).text
        XCTAssertFalse(text.contains("s3cret-value"))
        XCTAssertTrue(text.contains("************_") && text.contains("(12 characters)"), text)
        _ = session.handle(.function(2))
        text = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: false)).text
        XCTAssertTrue(text.contains("s3cret-value"))
    }
}

extension WizardSession {
    func type(_ text: String) {
        for character in text { _ = handle(.character(character)) }
    }
}
