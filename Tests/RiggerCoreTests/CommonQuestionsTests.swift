import RiggerCore
import XCTest

/// The questions every app asks alike, in the forms an app can ask for.
final class CommonQuestionsTests: XCTestCase {
    func testTheSMTPPasswordCanComeFromASecretSharedWithOtherSecrets() throws {
        let own = QuestionCatalog(CommonQuestions.email(app: "App", sends: "invites", existingKey: "smtp-password"))
        XCTAssertNotNil(own["email.existingSecret"])
        XCTAssertEqual(own.secretPolicy("email.password")?.existing?.name, "email.existingSecret")

        let shared = ExistingSecretAnswers(name: "app.existingSecret", dataKey: nil)
        let questions = CommonQuestions.email(app: "App", sends: "invites", existingKey: nil, sharedExisting: shared)
        XCTAssertFalse(questions.contains { $0.key.hasPrefix("email.existingSecret") }, "the shared Secret is asked once, with the app's secrets")
        XCTAssertEqual(QuestionCatalog(questions).secretPolicy("email.password")?.existing, shared)
    }
}
