import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// What a new operator tripped over in the wizard: a secret asked too late, a foreign folder
/// refused too late, type-ahead that changed choices without a sign, and a review that hid
/// what changes.
final class WizardOperatorTests: XCTestCase {
    /// Walks forward with Enter, filling what each page requires, until the review.
    private func walkToReview(_ session: WizardSession, fill: (WizardSession) -> Void) {
        for _ in 0..<20 where session.page != .review {
            fill(session)
            _ = session.handle(.enter)
        }
    }

    func testTheSMTPPasswordIsAskedBeforeTheReview() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        var askedForThePassword = false
        walkToReview(session) { session in
            switch session.page {
            case .step(.ingress):
                if session.displayText("ingress.hostname").isEmpty {
                    session.focus(on: .answer("ingress.hostname"))
                    session.type("posthog.example.com")
                    session.focus(on: .answer("ingress.letsencryptEmail"))
                    session.type("ops@example.com")
                }
            case .step(.email):
                if session.displayText("email.enabled") == "false" {
                    session.focus(on: .answer("email.enabled"))
                    _ = session.handle(.character("y"))
                    session.focus(on: .answer("email.host"))
                    session.type("smtp.example.com")
                    session.focus(on: .answer("email.user"))
                    session.type("posthog")
                    session.focus(on: .answer("email.from"))
                    session.type("posthog@example.com")
                }
            case .secrets:
                if session.fields.contains(.secretValue("email.password")), session.secretText("email.password").isEmpty {
                    askedForThePassword = true
                    XCTAssertEqual(session.focusedField, .secretValue("email.password"), "focus waits on the value to type")
                    session.type("smtp-Password-1")
                }
            default:
                break
            }
        }
        XCTAssertTrue(askedForThePassword, "the SMTP password must be asked on the way forward")
        XCTAssertEqual(session.page, .review)
        XCTAssertEqual(session.reviewed?.secrets["email.password"]?.source, .supplied)
        XCTAssertEqual(session.reviewed?.secrets.placeholderKeys, [])
    }

    func testAForeignFolderIsRefusedAtOnceWithWhatToDoInTheWizard() throws {
        let folder = try XCTUnwrap(FileManager.default.temporaryDirectory.appendingPathComponent("rigger-foreign-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let session = try WizardTestSupport.session(preset: "local", out: folder.path)
        XCTAssertEqual(session.page, .output, "the wizard opens where another folder is chosen")
        let error = try XCTUnwrap(session.errors[WizardField.outputFolder.key])
        XCTAssertTrue(error.contains("not a rigger bundle and not empty (holds notes.txt)"), error)
        XCTAssertTrue(error.contains("type another folder here"), error)
        XCTAssertFalse(error.contains("--force"), "the wizard takes no --force")
    }

    func testFocusStartsOnTheFirstFieldToFillNotOnAChoiceAboveIt() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        for _ in 0..<6 where session.page != .step(.ingress) { _ = session.handle(.enter) }
        XCTAssertEqual(session.page, .step(.ingress))
        XCTAssertEqual(session.focusedField, .answer("ingress.hostname"))
        session.type("example.org")
        XCTAssertEqual(session.displayText("ingress.type"), "traefik", "typing a host name never changes the ingress type")
    }

    func testTypeAheadOnASecretFollowsTheLabelAndDownPicksWithin() throws {
        let session = try WizardTestSupport.session(preset: "local")
        session.walk(to: .secrets)
        XCTAssertEqual(session.page, .secrets)
        let field = try XCTUnwrap(session.focusedField)
        guard case .secretChoice(let key) = field else { return XCTFail("focus on \(field)") }
        XCTAssertEqual(session.secretChoice(key), .generate)
        _ = session.handle(.character("e"))
        XCTAssertEqual(session.secretChoice(key), .generate, "no label starts with e: nothing changes")
        _ = session.handle(.character("u"))
        XCTAssertEqual(session.secretChoice(key), .existing, "u is 'use an existing Secret'")
        _ = session.handle(.character("g"))
        XCTAssertEqual(session.secretChoice(key), .generate)
        _ = session.handle(.down)
        XCTAssertEqual(session.focusedField, field, "Down picks within the choice")
        XCTAssertEqual(session.secretChoice(key), .type)
    }

    /// A typed secret too short to be safe is refused where it is typed, with the reason, not
    /// first at the review; the value is never repeated.
    func testATypedSecretTooShortIsRefusedOnItsField() throws {
        let session = try WizardTestSupport.session(preset: "local")
        session.walk(to: .secrets)
        guard case .secretChoice(let key) = try XCTUnwrap(session.focusedField) else { return XCTFail("focus on a secret") }
        _ = session.handle(.character("t"))
        XCTAssertEqual(session.secretChoice(key), .type)
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .secretValue(key))
        session.type("abc")
        let problem = try XCTUnwrap(session.problem(with: .secretValue(key)))
        // The first secret is PostHog's, Django's SECRET_KEY: 50 characters, with the reason.
        XCTAssertEqual(key, "posthog.secretKey")
        XCTAssertTrue(problem.contains("at least 50 characters (Django's deployment check"), problem)
        XCTAssertTrue(problem.hasSuffix("; the value given has 3"), problem)
        XCTAssertFalse(problem.contains("abc"))
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .secrets, "the page does not go on")
        session.type(String(repeating: "-but-now-long-enough", count: 3))
        XCTAssertNil(session.problem(with: .secretValue(key)))
    }

    func testTheReviewShowsWhatChangesFirstAndAnEmptyContextAsTheCurrentOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try WizardTestSupport.session(preset: "local", out: folder.path)
        for _ in 0..<12 where first.page != .review { _ = first.handle(.enter) }
        let firstReview = try XCTUnwrap(first.reviewed)
        let sections = BundleReview(prepared: firstReview, changes: first.reviewChanges, warnings: first.reviewWarnings).sections
        XCTAssertTrue(sections.contains { $0.lines.contains("kubeContext: (the current context)") }, "\(sections)")
        _ = first.handle(.enter)
        XCTAssertNotNil(first.writtenTo)

        let again = try WizardTestSupport.session(preset: nil, out: folder.path)
        for _ in 0..<6 where again.page != .step(.ingress) { _ = again.handle(.enter) }
        again.focus(on: .answer("ingress.hostname"))
        _ = again.handle(.control("u"))
        again.type("posthog.internal")
        for _ in 0..<12 where again.page != .review { _ = again.handle(.enter) }
        let reviewed = try XCTUnwrap(again.reviewed)
        let review = BundleReview(prepared: reviewed, changes: again.reviewChanges, warnings: again.reviewWarnings)
        XCTAssertEqual(review.sections.first?.title, "Changes to the bundle in this folder", "what changes comes first")
        XCTAssertTrue(review.sections.first?.lines.contains { $0.contains("ingress.hostname") } ?? false)
        let screen = WizardView.render(again, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: true)).text
        XCTAssertTrue(screen.contains("Changes to the bundle in this folder"), screen)
    }

    func testCtrlCAtTheQuitQuestionQuitsAndAnythingElseStays() throws {
        let session = try WizardTestSupport.session(preset: "local")
        XCTAssertEqual(session.handle(.control("c")), .continueRunning)
        XCTAssertTrue(session.confirmingQuit)
        XCTAssertEqual(session.handle(.character("n")), .continueRunning)
        XCTAssertFalse(session.confirmingQuit, "n stays")
        XCTAssertEqual(session.handle(.control("c")), .continueRunning)
        XCTAssertEqual(session.handle(.control("c")), .quit, "a second Ctrl-C quits")
    }
}
