import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// Rules between answers are said on the page of the answers they name, marked on those fields;
/// the review never offers what it will refuse; and the app, release or namespace of a bundle is
/// replaced only once the operator confirms it, as --force does on the command line.
final class WizardCrossFieldTests: XCTestCase {
    private let plain = TerminalCapabilities(hasColor: false, unicode: true)

    private func folder() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-cross-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// The case: Helicone's proxy host equal to its web host.
    func testTwoHostsThatMustDifferAreRefusedOnTheirPageAndMarkedOnBoth() throws {
        let session = try WizardTestSupport.session(app: "helicone", preset: "local")
        session.walk(to: .step(.ingress))
        session.focus(on: .answer("helicone.workerHostname"))
        _ = session.handle(.control("u"))
        session.type("helicone.localhost")
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .step(.ingress), "the page is not left with a ✓")
        let proxy = try XCTUnwrap(session.errors["helicone.workerHostname"], "\(session.errors)")
        XCTAssertTrue(proxy.contains("is also ingress.hostname"), proxy)
        XCTAssertEqual(session.errors["ingress.hostname"], proxy, "the other host it names is marked too")
        XCTAssertEqual(session.focusedField, .answer("ingress.hostname"), "focus on the first field marked")
        let screen = WizardView.render(session, rows: 40, columns: 120, capabilities: plain).text
        XCTAssertTrue(screen.contains("! helicone.workerHostname: 'helicone.localhost' is also ingress.hostname"), screen)

        session.focus(on: .answer("helicone.workerHostname"))
        _ = session.handle(.control("u"))
        session.type("oai.localhost")
        _ = session.handle(.enter)
        XCTAssertNotEqual(session.page, .step(.ingress), "\(session.errors)")
        XCTAssertNil(session.errors["ingress.hostname"])
    }

    /// Writes a PostHog bundle into a folder, through the wizard.
    private func writtenPostHogBundle() throws -> String {
        let out = folder()
        let first = try WizardTestSupport.session(preset: "local", out: out)
        first.walk(to: .review)
        _ = first.handle(.enter)
        XCTAssertNotNil(first.writtenTo)
        return out
    }

    func testChangingTheAppOfABundleAsksForTheConfirmationForceGives() throws {
        let out = try writtenPostHogBundle()
        let session = try WizardTestSupport.session(preset: nil, out: out)
        XCTAssertFalse(session.fields.contains(.confirmReplace))
        session.select("plausible", in: .answer("app"))
        session.select("local", in: .preset)
        XCTAssertEqual(session.fields, [.answer("app"), .confirmReplace, .preset, .answer("cloud")], "the confirmation comes with the app")
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .step(.app), "not without the confirmation")
        let error = try XCTUnwrap(session.errors["app"])
        XCTAssertTrue(error.contains("would replace the bundle's posthog"), error)
        XCTAssertFalse(error.contains("--force"), "the wizard takes no --force: \(error)")
        XCTAssertTrue(error.contains("Replace the install"), error)
        XCTAssertEqual(session.focusedField, .confirmReplace)
        XCTAssertEqual(session.label(.confirmReplace), "Replace the install")
        _ = session.handle(.character("y"))
        XCTAssertTrue(session.replaceConfirmed)
        XCTAssertNil(session.errors["app"], "confirmed: the error goes")
        _ = session.handle(.enter)
        // A dropped run gives the confirmation back with the rest.
        let resumed = try WizardTestSupport.session(preset: nil, out: out)
        XCTAssertEqual(resumed.page, .resume)
        _ = resumed.handle(.enter)
        XCTAssertEqual(resumed.app.id, "plausible")
        XCTAssertTrue(resumed.replaceConfirmed)
        session.walk(to: .review)
        let reviewed = try XCTUnwrap(session.reviewed, session.reviewError ?? "")
        XCTAssertEqual(reviewed.app.id, "plausible")
        _ = session.handle(.enter)
        XCTAssertNotNil(session.writtenTo)
        let answers = try String(contentsOfFile: out + "/rigger.yaml", encoding: .utf8)
        XCTAssertTrue(answers.contains("app: plausible"), answers)
    }

    func testANewReleaseNameIsConfirmedOnTheClusterPage() throws {
        let out = try writtenPostHogBundle()
        let session = try WizardTestSupport.session(preset: nil, out: out)
        session.walk(to: .step(.cluster))
        session.focus(on: .answer("release"))
        _ = session.handle(.control("u"))
        session.type("analytics")
        let index = try XCTUnwrap(session.fields.firstIndex(of: .answer("release")))
        XCTAssertEqual(session.fields[index + 1], .confirmReplace)
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .step(.cluster))
        XCTAssertTrue(session.errors["release"]?.contains("installs PostHog again beside the running one") == true, "\(session.errors)")
        session.focus(on: .confirmReplace)
        _ = session.handle(.character("y"))
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .step(.dependencies))
        session.walk(to: .review)
        XCTAssertEqual(session.reviewed?.answers["release"]?.description, "analytics", session.reviewError ?? "")
    }

    /// A problem no page can show (an issue time whose keys have expired, given by a preset file)
    /// stops the review; its footer then offers no Enter to write, and plain mode asks no write question.
    func testAReviewThatCannotWriteOffersNoWrite() throws {
        let preset = URL(fileURLWithPath: folder() + "-preset.yaml")
        addTeardownBlock { try? FileManager.default.removeItem(at: preset) }
        let local = try String(contentsOf: WizardTestSupport.root.appendingPathComponent("presets/helicone/local.yaml"), encoding: .utf8)
        try Data((local + "helicone:\n  jwtIssuedAt: 1000000000\n").utf8).write(to: preset)
        let session = try WizardTestSupport.session(preset: preset.path, out: folder())
        session.walk(to: .review)
        XCTAssertEqual(session.page, .review)
        XCTAssertNil(session.reviewed)
        XCTAssertTrue(session.reviewError?.contains("helicone.jwtIssuedAt") == true, session.reviewError ?? "")
        let canvas = WizardView.render(session, rows: 24, columns: 80, capabilities: plain)
        let footer = canvas.text(row: 23)
        XCTAssertFalse(footer.contains("Enter"), footer)
        XCTAssertTrue(footer.contains("Esc back"), footer)
        _ = session.handle(.enter)
        XCTAssertNil(session.writtenTo)

        let again = try WizardTestSupport.session(preset: preset.path, out: folder())
        let console = PlainWizardTests.ScriptedConsole(["Back to the answers": ["^D"]])
        XCTAssertEqual(PlainWizard(flow: again.flow, console: console).run(), .quit)
        XCTAssertFalse(console.prompts.contains { $0.hasPrefix("Write the bundle?") }, console.transcript)
        XCTAssertTrue(console.prompts.contains { $0.hasPrefix("Back to the answers?") }, console.transcript)
    }
}
