import Foundation
import RiggerApps
import RiggerCore
import RiggerTUI
import XCTest

/// The wizard's session driven key by key for Plausible: the app and its presets, its one
/// environment Secret on the secrets page, and a draft that comes back as Plausible.
final class PlausibleWizardSessionTests: XCTestCase {
    private func plausibleLocalSession() throws -> WizardSession {
        let session = try WizardTestSupport.session(preset: nil)
        XCTAssertEqual(session.focusedField, .answer("app"))
        _ = session.handle(.down)
        XCTAssertEqual(session.app.id, "plausible")
        _ = session.handle(.tab)
        XCTAssertEqual(session.presetChoices.map(\.value), ["none"] + WizardTestSupport.presets.names(app: "plausible"))
        _ = session.handle(.character("l"))
        XCTAssertEqual(session.presetName, "local")
        XCTAssertEqual(session.displayText("ingress.hostname"), "plausible.localhost", "Plausible's local preset, not PostHog's")
        return session
    }

    func testTheEnvironmentSecretIsAskedOnceForEverySecretItHolds() throws {
        let session = try plausibleLocalSession()
        for _ in 0..<10 where session.page != .secrets { _ = session.handle(.enter) }
        XCTAssertEqual(session.focusedField, .secretChoice("plausible.secretKeyBase"))
        _ = session.handle(.character("u"))
        XCTAssertEqual(session.fields.prefix(2), [.secretChoice("plausible.secretKeyBase"), .answer("plausible.existingSecret")])
        _ = session.handle(.tab)
        session.type("plausible-own-env")
        _ = session.handle(.tab)
        XCTAssertEqual(session.secretChoice("plausible.totpVaultKey"), .existing, "the TOTP key is in the same Secret")
        XCTAssertEqual(session.fields.filter { $0 == .answer("plausible.existingSecret") }.count, 1)

        for _ in 0..<12 where session.page != .review { _ = session.handle(.enter) }
        let reviewed = try XCTUnwrap(session.reviewed, "\(session.errors) \(session.reviewError ?? "")")
        XCTAssertNil(reviewed.bundle["secrets/plausible-env.secret.yaml"])
        XCTAssertNotNil(reviewed.bundle["secrets/postgresql.secret.yaml"], "the in-cluster databases still take rigger's passwords")
        var random = SystemSecretGenerator()
        let generated = try BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:]).prepare(
            GenerationRequest(
                app: "plausible", preset: "local", setArguments: ["plausible.existingSecret=plausible-own-env"],
                outputDirectory: WizardTestSupport.snapshotFolder),
            generator: &random)
        XCTAssertEqual(reviewed.bundle.paths, generated.bundle.paths)
        for file in generated.bundle.files where !file.path.hasPrefix("secrets/") {
            XCTAssertEqual(reviewed.bundle[file.path]?.contents, file.contents, "\(file.path) differs between the wizard and generate")
        }
    }

    func testADraftComesBackAsPlausible() throws {
        let session = try plausibleLocalSession()
        for _ in 0..<10 where session.page != .step(.ingress) { _ = session.handle(.enter) }
        _ = session.handle(.tab)
        for _ in 0..<"plausible.localhost".count { _ = session.handle(.backspace) }
        session.type("stats.example.com")
        _ = session.handle(.tab)
        let draft = try String(contentsOfFile: WizardDraft.path(in: WizardTestSupport.snapshotFolder), encoding: .utf8)
        XCTAssertTrue(draft.contains("app: plausible"), draft)
        XCTAssertTrue(draft.contains("preset: local"), draft)

        let again = try WizardTestSupport.session(preset: nil, out: WizardTestSupport.snapshotFolder, fresh: false)
        XCTAssertEqual(again.page, .resume)
        _ = again.handle(.enter)
        XCTAssertEqual(again.app.id, "plausible")
        XCTAssertEqual(again.presetName, "local")
        XCTAssertEqual(again.page, .step(.ingress))
        XCTAssertEqual(again.displayText("ingress.hostname"), "stats.example.com")
        _ = again.handle(.control("c"))
        XCTAssertEqual(again.handle(.character("y")), .quit)
    }
}
