import RiggerCore
@testable import RiggerTUI
import XCTest

/// Text an operator must be able to read: somewhere on the screen, whole.
final class WizardReadableTextTests: XCTestCase {
    /// The main area's text (right of the sidebar) as one line: what was wrapped reads on.
    private func mainText(_ session: WizardSession, rows: Int, columns: Int) -> String {
        let canvas = WizardView.render(session, rows: rows, columns: columns, capabilities: TerminalCapabilities(hasColor: false, unicode: true))
        return (0..<rows).map { row in String(canvas.text(row: row).dropFirst(WizardView.sidebarWidth + 1)) }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    func testEveryPresetsDescriptionCanBeReadWhole() throws {
        for name in WizardTestSupport.presets.names(app: "posthog") {
            let session = try WizardTestSupport.session(preset: name)
            _ = session.handle(.tab)
            XCTAssertEqual(session.focusedField, .preset)
            let description = try WizardTestSupport.presets.load(name, app: "posthog").description
            for (rows, columns) in [(24, 80), (20, 70)] {
                XCTAssertTrue(mainText(session, rows: rows, columns: columns).contains("\(name): \(description)"),
                              "\(name) at \(columns)x\(rows): \(description)")
            }
        }
    }

    func testTheFocusedFieldsErrorCanBeReadWhole() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        for _ in 0..<6 where session.page != .step(.ingress) { _ = session.handle(.enter) }
        _ = session.handle(.enter)
        let error = try XCTUnwrap(session.errors["ingress.hostname"])
        XCTAssertGreaterThan(error.count, 50, "long enough to be cut inline")
        for (rows, columns) in [(24, 80), (20, 70)] {
            XCTAssertTrue(mainText(session, rows: rows, columns: columns).contains("! " + error), "at \(columns)x\(rows)")
        }
    }

    func testEveryKeyHintShowsAtTheSmallestWidth() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .secrets)
        _ = session.handle(.character("t"))
        _ = session.handle(.tab)
        let canvas = WizardView.render(session, rows: 20, columns: 70, capabilities: TerminalCapabilities(hasColor: false, unicode: true))
        XCTAssertEqual(canvas.text(row: 19), " Tab/arrows move Enter next Esc back F1 help F2 show/hide Ctrl-C quit")
    }

    func testAChoicesFullHelpExpectsWhatIsOffered() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        let offered = session.choices("ingress.tls").map(\.value)
        XCTAssertEqual(offered, ["letsencrypt", "secret", "none"], "nginx on aws: no Google-managed certificate")
        let help = session.fullHelp(.answer("ingress.tls")).joined().joined(separator: "\n")
        XCTAssertTrue(help.contains("Expects one of letsencrypt, secret, none; gcp-managed needs ingress.type is gcp-clb."), help)
        XCTAssertFalse(help.contains("one of gcp-managed"), help)
        // Every choice offered: the list alone.
        let app = session.fullHelp(.answer("app")).joined().joined(separator: "\n")
        XCTAssertTrue(app.contains("Expects one of posthog, plausible, helicone."), app)
    }
}
