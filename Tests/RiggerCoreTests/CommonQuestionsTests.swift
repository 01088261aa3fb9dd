import RiggerApps
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

    /// Plain mode prints a question's title alone on its line, and a screen reader reads the
    /// wizard's labels alone: no two questions of an app share a title, and none is a bare
    /// "Existing Secret" that doesn't say whose, or a dependency's name for its volume's size.
    func testEveryTitleIsUniqueAndSaysWhatItAsksAlone() throws {
        for entry in AppRegistry.standard.entries {
            var seen: [String: String] = [:]
            for question in entry.catalog.questions {
                if let other = seen[question.title.lowercased()] {
                    XCTFail("\(entry.app.id): \(question.key) and \(other) are both titled '\(question.title)'")
                }
                seen[question.title.lowercased()] = question.key
                if question.key.hasSuffix(".existingSecret") || question.key.hasSuffix(".existingSecretKey") {
                    XCTAssertTrue(question.title.contains(" for ") || question.title.contains(" of "), "\(question.key): '\(question.title)' doesn't say whose")
                }
                if case .size = question.kind { XCTAssertTrue(question.title.hasSuffix(" volume"), "\(question.key): '\(question.title)'") }
                if question.key.hasSuffix(".mode") && question.key != "objectStorage.mode" {
                    XCTAssertTrue(question.title.hasSuffix(" hosting"), "\(question.key): '\(question.title)' names the service, not what is asked")
                }
            }
        }
    }

    /// Help texts read as sentences wherever they are put together from parts.
    func testComposedHelpReadsAsSentences() throws {
        let plausible = try XCTUnwrap(AppRegistry.standard.entry("plausible")?.catalog)
        let environment = try XCTUnwrap(plausible["plausible.existingSecret"]).help
        XCTAssertFalse(environment.contains("from, instead"), environment)
        XCTAssertTrue(environment.contains("(and SMTP_USER_PWD when mail has a user), used instead of one rigger writes."), environment)
        XCTAssertTrue(environment.hasSuffix("so one Secret holds them all rather than one per password."), environment)
        let tls = try XCTUnwrap(plausible["ingress.tls"])
        var answers = AnswerLookup()
        answers.set("ingress.type", .string("nginx"))
        XCTAssertEqual(
            tls.expectation(given: answers), "one of letsencrypt, secret, none; gcp-managed only when ingress.type is gcp-clb; gateway only when ingress.type is gateway")
        let either = Condition.all(.any(.when("a", is: "x"), .enabled("b")), .answered("c"))
        XCTAssertEqual(either.summary, "(a is x or b is true) and c is set")
        let helicone = try XCTUnwrap(AppRegistry.standard.entry("helicone")?.catalog)
        XCTAssertTrue(try XCTUnwrap(helicone["email.existingSecret"]).help.contains("SMTP_USERNAME and SMTP_PASSWORD"))
        XCTAssertFalse(try XCTUnwrap(helicone["postgresql.mode"]).help.hasPrefix("Where PostgreSQL runs"), "the help repeats no title")
    }
}
