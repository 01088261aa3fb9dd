import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// The secrets page shows what gets written, and its errors follow what is typed.
final class WizardSecretsPageTests: XCTestCase {
    /// PostHog on aws with a managed bucket, walked to the secrets page and focused on the access key ID.
    private func managedBucketSecrets() throws -> WizardSession {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .step(.dependencies))
        session.select("managed", in: .answer("objectStorage.mode"))
        session.walk(to: .secrets, answers: WizardSession.awsOpenAnswers.merging([
            "objectStorage.endpoint": "https://s3.us-east-1.amazonaws.com", "objectStorage.bucket": "posthog-events",
        ]) { own, _ in own })
        XCTAssertEqual(session.page, .secrets)
        session.focus(on: .secretChoice("objectStorage.accessKeyId"))
        return session
    }

    /// The case: the access key ID left for later, then the secret access key read from
    /// an existing Secret. Both keys are in that one Secret, and the page says so for both.
    func testTwoKeysOfOneSecretShowWhereBothAreReadFrom() throws {
        let session = try managedBucketSecrets()
        session.select(SecretChoice.later.rawValue, in: .secretChoice("objectStorage.accessKeyId"))
        XCTAssertEqual(session.secretChoice("objectStorage.accessKeyId"), .later)
        session.focus(on: .secretChoice("objectStorage.secretAccessKey"))
        session.select(SecretChoice.existing.rawValue, in: .secretChoice("objectStorage.secretAccessKey"))
        XCTAssertEqual(session.secretChoice("objectStorage.accessKeyId"), .existing, "the access key ID is in the same Secret")
        session.focus(on: .answer("objectStorage.existingSecret"))
        session.type("rds-creds")
        XCTAssertEqual(session.secretChoice("objectStorage.accessKeyId"), .existing)
        XCTAssertEqual(session.secretChoice("objectStorage.secretAccessKey"), .existing)
        XCTAssertEqual(session.fields.filter { $0 == .answer("objectStorage.existingSecret") }.count, 1, "its name is asked once")
        let screen = WizardView.render(session, rows: 40, columns: 120, capabilities: TerminalCapabilities(hasColor: false, unicode: true)).text
        XCTAssertFalse(screen.contains("supply it later"), screen)

        session.walk(to: .review)
        let reviewed = try XCTUnwrap(session.reviewed, session.reviewError ?? "")
        XCTAssertEqual(reviewed.secrets.existing["objectStorage.accessKeyId"]?.name, "rds-creds")
        XCTAssertEqual(reviewed.secrets.existing["objectStorage.secretAccessKey"]?.name, "rds-creds")
        XCTAssertEqual(reviewed.secrets.placeholderKeys, [])
    }

    /// Leaving the shared Secret for one key leaves it for both: neither is read from it then.
    func testLeavingTheSharedSecretForOneKeyLeavesItForBoth() throws {
        let session = try managedBucketSecrets()
        session.select(SecretChoice.existing.rawValue, in: .secretChoice("objectStorage.accessKeyId"))
        XCTAssertEqual(session.secretChoice("objectStorage.secretAccessKey"), .existing)
        session.focus(on: .answer("objectStorage.existingSecret"))
        session.type("rds-creds")
        session.focus(on: .secretChoice("objectStorage.secretAccessKey"))
        session.select(SecretChoice.later.rawValue, in: .secretChoice("objectStorage.secretAccessKey"))
        XCTAssertEqual(session.secretChoice("objectStorage.secretAccessKey"), .later)
        XCTAssertNotEqual(session.secretChoice("objectStorage.accessKeyId"), .existing)
        XCTAssertEqual(session.displayText("objectStorage.existingSecret"), "")
        session.select(SecretChoice.later.rawValue, in: .secretChoice("objectStorage.accessKeyId"))
        session.walk(to: .review)
        let reviewed = try XCTUnwrap(session.reviewed, session.reviewError ?? "")
        XCTAssertEqual(reviewed.secrets.existing, [:])
        XCTAssertEqual(reviewed.secrets.placeholderKeys, ["objectStorage.accessKeyId", "objectStorage.secretAccessKey"])
    }
}

/// A secret value's error follows what is typed, as a text field's does: it goes as soon as the
/// value is good, and says what is wrong now while it is not.
final class WizardSecretErrorTests: XCTestCase {
    func testTheErrorUnderASecretFollowsTheValueAsItIsTyped() throws {
        let session = try WizardTestSupport.session(preset: "local")
        session.walk(to: .secrets)
        XCTAssertEqual(session.focusedField, .secretChoice("posthog.secretKey"))
        session.select(SecretChoice.type.rawValue, in: .secretChoice("posthog.secretKey"))
        _ = session.handle(.tab)
        session.type("abc")
        _ = session.handle(.enter)
        let field = WizardField.secretValue("posthog.secretKey")
        XCTAssertEqual(session.focusedField, field)
        XCTAssertTrue(session.errors[field.key]?.hasSuffix("the value given has 3") == true, "\(session.errors)")
        session.type("d")
        XCTAssertTrue(session.errors[field.key]?.hasSuffix("the value given has 4") == true, "the error says what is wrong now: \(session.errors)")
        session.type(String(repeating: "-long-enough", count: 5))
        XCTAssertNil(session.errors[field.key], "a good value clears the error at once")
        let screen = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: true)).text
        XCTAssertFalse(screen.contains("! "), screen)
        // Short again: said when the page is to be left, as for a text answer.
        for _ in 0..<"-long-enough".count * 5 { _ = session.handle(.backspace) }
        XCTAssertNil(session.errors[field.key])
        _ = session.handle(.enter)
        XCTAssertTrue(session.errors[field.key]?.hasSuffix("the value given has 4") == true, "\(session.errors)")
    }
}

/// A field that appears because of another is visited before the page is left: Enter goes to it
/// first, so that its default is seen where it is asked, not first on the review.
final class WizardAppearingFieldTests: XCTestCase {
    func testTheKeyOfAnExistingSecretIsVisitedBeforeThePageIsLeft() throws {
        let session = try WizardTestSupport.session(preset: "local")
        session.walk(to: .secrets)
        session.focus(on: .secretChoice("clickhouse.password"))
        _ = session.handle(.character("u"))
        XCTAssertEqual(session.secretChoice("clickhouse.password"), .existing)
        XCTAssertFalse(session.fields.contains(.answer("clickhouse.existingSecretKey")), "the key appears with the name")
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .answer("clickhouse.existingSecret"))
        session.type("ch-credentials")
        XCTAssertTrue(session.fields.contains(.answer("clickhouse.existingSecretKey")))
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .secrets, "the page is not left yet")
        XCTAssertEqual(session.focusedField, .answer("clickhouse.existingSecretKey"), "Enter goes to the field that appeared")
        XCTAssertEqual(session.displayText("clickhouse.existingSecretKey"), "clickhouse-password")
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .review, "once seen, Enter goes on")
    }

    func testPlainModeAsksTheFieldThatAppeared() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-appearing-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let session = try WizardTestSupport.session(preset: "local", out: folder.path)
        let console = PlainWizardTests.ScriptedConsole(["ClickHouse password (": ["existing"], "Existing Secret": ["ch-credentials"]])
        XCTAssertEqual(PlainWizard(flow: session.flow, console: console).run(), .finished)
        XCTAssertTrue(console.prompts.contains("Key of the ClickHouse password in its Secret [clickhouse-password]: "), console.transcript)
    }
}
