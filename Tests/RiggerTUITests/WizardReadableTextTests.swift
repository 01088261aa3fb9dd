import Foundation
import RiggerApps
import RiggerCore
@testable import RiggerTUI
import RiggerTestSupport
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

    /// In ASCII a finished step is marked `+`: a `*` read like the selected `(*)` of a choice.
    func testAFinishedStepInASCIIIsNotMarkedLikeASelectedChoice() throws {
        let session = try WizardTestSupport.session(preset: "aws", outputGiven: false)
        session.walk(to: .step(.cluster))
        let canvas = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: false))
        XCTAssertEqual(canvas.text(row: 2).prefix(16), " + Output folder")
        XCTAssertEqual(canvas.text(row: 3).prefix(16), " + App and cloud")
        XCTAssertEqual(canvas.text(row: 4).prefix(10), " > Cluster")
        XCTAssertFalse((0..<canvas.rows).contains { canvas.text(row: $0).hasPrefix(" * ") })
    }

    func testEveryKeyHintShowsAtTheSmallestWidth() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .secrets)
        _ = session.handle(.character("t"))
        _ = session.handle(.tab)
        let canvas = WizardView.render(session, rows: 20, columns: 70, capabilities: TerminalCapabilities(hasColor: false, unicode: true))
        // Two spaces apart, the movement key named in short: one space apart they ran together.
        XCTAssertEqual(canvas.text(row: 19), " Tab move  Enter next  Esc back  F1 help  F2 show/hide  Ctrl-C quit")
    }

    func testAChoicesFullHelpExpectsWhatIsOffered() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        let offered = session.choices("ingress.tls").map(\.value)
        XCTAssertEqual(offered, ["letsencrypt", "secret", "none"], "traefik on aws: no Google-managed certificate")
        let help = session.fullHelp(.answer("ingress.tls")).joined().joined(separator: "\n")
        XCTAssertTrue(
            help.contains("Expects one of letsencrypt, secret, none; gcp-managed only when ingress.type is gcp-clb; gateway only when ingress.type is gateway."),
            help)
        XCTAssertFalse(help.contains("one of gcp-managed"), help)
        // Every choice offered: the list alone.
        let app = session.fullHelp(.answer("app")).joined().joined(separator: "\n")
        XCTAssertTrue(app.contains("Expects one of posthog, plausible, helicone."), app)
    }

    /// F1 on a field whose help holds a URL: in a box of the screen's own lines, the URL whole.
    func testTheHelpBoxKeepsAURLWholeAndDrawsTheScreensLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-help-url-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:])
        let session = try WizardSession(
            request: GenerationRequest(app: "plausible", preset: "aws-managed", outputDirectory: folder.path), generator: generator, outputGiven: true)
        session.walk(to: .step(.dependencies), answers: ["ingress.hostname": "plausible.example.com", "ingress.letsencryptEmail": "ops@example.com"])
        session.focus(on: .answer("postgresql.caSecret"))
        XCTAssertEqual(session.focusedField, .answer("postgresql.caSecret"))
        _ = session.handle(.function(1))
        let url = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem."
        for unicode in [true, false] {
            let canvas = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: unicode))
            let rows = (0..<canvas.rows).map { canvas.text(row: $0) }
            XCTAssertTrue(rows.contains { $0.contains(url) }, "the URL on one line:\n\(rows.joined(separator: "\n"))")
            let boxRows = rows.filter { $0.contains("Any key closes this help.") }
            XCTAssertEqual(boxRows.count, 1)
            let (vertical, corner) = unicode ? ("│", "┌") : ("|", "-")
            XCTAssertTrue(boxRows[0].contains("\(vertical) Any key closes this help."), "unicode \(unicode): \(boxRows[0])")
            XCTAssertTrue(rows.contains { $0.contains(corner) }, "unicode \(unicode):\n\(rows.joined(separator: "\n"))")
            if unicode { XCTAssertFalse(rows.contains { $0.contains("|") || $0.contains("--") }, "no ASCII lines in UTF-8") }
        }
    }
}

/// The README names the wizard's pages in the wizard's own order, with their own titles.
final class ReadmeWizardPagesTests: XCTestCase {
    func testTheReadmeListsThePagesInTheWizardsOrder() throws {
        let readme = try String(contentsOf: ProjectPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let text = readme.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let start = try XCTUnwrap(text.range(of: "page by page: "))
        // "Output folder, App and cloud (the app, …), Cluster, …, then Review", asides left out.
        var depth = 0
        let sentence = String(text[start.upperBound...].prefix { $0 != ":" }.filter { character in
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1; return false }
            return depth == 0
        })
        let named = sentence.replacingOccurrences(of: ", then ", with: ", ").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(named, WizardPage.order.map(\.title))
    }
}
