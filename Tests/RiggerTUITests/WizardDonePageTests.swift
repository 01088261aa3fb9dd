import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// The done page (full screen and plain mode) says what `generate` says after writing and more:
/// each placeholder with its command, each Secret to create first with its keys, the warnings
/// that still hold, the tools beyond kubectl and helm, and after a rotation where to run from.
final class WizardDonePageTests: XCTestCase {
    private func folder() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-done-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// PostHog on aws with a managed bucket whose keys come later, and the secret key from a Secret of the operator's.
    private func writtenWithPlaceholdersAndAnExistingSecret(out: String) throws -> WizardSession {
        let session = try WizardTestSupport.session(preset: "aws", out: out)
        session.walk(to: .step(.dependencies))
        session.select("managed", in: .answer("objectStorage.mode"))
        session.walk(to: .secrets, answers: WizardSession.awsOpenAnswers.merging([
            "objectStorage.endpoint": "https://s3.us-east-1.amazonaws.com", "objectStorage.bucket": "posthog-events",
            // Written in lower case, with a warning that still holds once the bundle is written.
            "ingress.hostname": "PostHog.example.com",
        ]) { _, given in given })
        session.select(SecretChoice.existing.rawValue, in: .secretChoice("posthog.secretKey"))
        session.focus(on: .answer("posthog.existingSecret"))
        session.type("django-key")
        session.select(SecretChoice.later.rawValue, in: .secretChoice("objectStorage.accessKeyId"))
        session.select(SecretChoice.later.rawValue, in: .secretChoice("objectStorage.secretAccessKey"))
        session.walk(to: .review)
        XCTAssertNotNil(session.reviewed, session.reviewError ?? "")
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .done)
        return session
    }

    func testTheDonePageSaysWhatIsLeftToDoBeforeTheInstall() throws {
        let out = folder()
        let session = try writtenWithPlaceholdersAndAnExistingSecret(out: out)
        let lines = session.nextSteps
        let quoted = ShellQuote.quote(out)
        for key in ["objectStorage.accessKeyId", "objectStorage.secretAccessKey"] {
            XCTAssertTrue(lines.contains("  \(key): rigger generate --out \(quoted) --secret \(key)=@FILE"), "\(lines)")
        }
        XCTAssertTrue(lines.contains("  django-key with keys posthog-secret: holds posthog.secretKey"), "\(lines)")
        XCTAssertTrue(lines.contains("    kubectl create secret generic 'django-key' --namespace 'posthog' --from-file='posthog-secret'=POSTHOG-SECRET.txt"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  ! ingress.hostname: PostHog.example.com is written in lower case") }, "the review's warnings still hold: \(lines)")
        XCTAssertTrue(lines.contains("  cd \(quoted) && ./install.sh"), "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("The scripts also need") }, "PostHog on aws needs no other tool: \(lines)")

        // The same in the bundle's README, under "Next".
        let readme = try String(contentsOfFile: out + "/README.md", encoding: .utf8)
        let next = try XCTUnwrap(readme.range(of: "## Next")).upperBound
        let section = String(readme[next...]).components(separatedBy: "\n## ")[0]
        XCTAssertTrue(section.contains("- `django-key` (`posthog-secret`): holds posthog.secretKey"), section)
        XCTAssertTrue(section.contains("kubectl create secret generic 'django-key' --namespace 'posthog' --from-file='posthog-secret'=POSTHOG-SECRET.txt"), section)

        // Drawn whole at 80x24: it scrolls.
        var screen = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: true)).text
        XCTAssertTrue(screen.contains("(more below)"), screen)
        XCTAssertTrue(screen.contains("PgUp/PgDn scroll"), screen)
        XCTAssertEqual(session.handle(.pageDown), .continueRunning)
        XCTAssertEqual(session.handle(.pageDown), .continueRunning)
        screen = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: true)).text
        XCTAssertTrue(screen.contains("Before an upgrade, run rigger again"), "\n" + screen)
        XCTAssertEqual(session.handle(.enter), .finished)
    }

    func testHeliconesDonePageNamesGit() throws {
        let session = try WizardTestSupport.session(app: "helicone", preset: "local", out: folder())
        session.walk(to: .review)
        _ = session.handle(.enter)
        XCTAssertTrue(session.nextSteps.contains { $0.hasPrefix("The scripts also need git (") }, "\(session.nextSteps)")
    }

    func testAfterARotationTheDonePageRunsFromTheSecretsStep() throws {
        let out = folder()
        let first = try WizardTestSupport.session(preset: "local", out: out)
        first.walk(to: .review)
        _ = first.handle(.enter)
        let again = try WizardTestSupport.session(preset: nil, out: out)
        again.walk(to: .secrets)
        XCTAssertEqual(again.secretChoice("posthog.secretKey"), .keep)
        again.select(SecretChoice.generate.rawValue, in: .secretChoice("posthog.secretKey"))
        again.walk(to: .review)
        _ = again.handle(.enter)
        let lines = again.nextSteps
        XCTAssertTrue(lines.contains("  cd \(ShellQuote.quote(out)) && ./install.sh --from 20"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("the rotated posthog.secretKey") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  ! rotating posthog.secretKey:") }, "what the rotation breaks still holds: \(lines)")
        XCTAssertNotNil(again.backupFolder)
        XCTAssertTrue(again.writtenSummary.contains { $0.hasPrefix("The previous bundle is backed up in ") }, "\(again.writtenSummary)")
    }

    func testPlainModeSaysTheSame() throws {
        let out = folder()
        let session = try WizardTestSupport.session(preset: "local", out: out)
        let console = PlainWizardTests.ScriptedConsole(["PostHog secret key (": ["existing"], "Existing Secret": ["django-key"]])
        XCTAssertEqual(PlainWizard(flow: session.flow, console: console).run(), .finished)
        let done = try XCTUnwrap(console.transcript.range(of: "\nDone\n")).upperBound
        let text = String(console.transcript[done...])
        XCTAssertTrue(text.contains("  django-key with keys posthog-secret: holds posthog.secretKey\n"), text)
        XCTAssertTrue(text.contains("  cd \(ShellQuote.quote(out)) && ./install.sh\n"), text)
    }
}
