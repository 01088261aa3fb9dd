import Foundation
import RiggerCore
import XCTest

/// What a secret's value must be: long enough, of the form the app decodes, never published.
final class SecretValueRulesTests: XCTestCase {
    func testLengthDecodedLengthAndPublishedValues() {
        let password = SecretValueRules.password
        XCTAssertNil(password.problem(String(repeating: "a", count: 16), given: AnswerLookup()))
        XCTAssertEqual(password.problem("abc", given: AnswerLookup()), "at least 16 characters; the value given has 3")
        XCTAssertTrue(password.isOnlyTooShort("abc", given: AnswerLookup()))

        let key = SecretValueRules(base64Bytes: 32)
        XCTAssertNil(key.problem(Data(repeating: 7, count: 32).base64EncodedString(), given: AnswerLookup()))
        XCTAssertNotNil(key.problem(Data(repeating: 7, count: 31).base64EncodedString(), given: AnswerLookup()))
        XCTAssertNotNil(key.problem("not base64 at all!", given: AnswerLookup()))
        XCTAssertFalse(key.isOnlyTooShort("not base64 at all!", given: AnswerLookup()))

        let published = SecretValueRules(minimumLength: 4, published: [.init("hunter22", source: "a README")])
        let problem = published.problem("hunter22", given: AnswerLookup()) ?? ""
        XCTAssertTrue(problem.contains("published in a README"), problem)
        XCTAssertFalse(problem.contains("hunter22"), "a refusal never quotes the value")
        XCTAssertTrue(SecretPolicy(valueRules: SecretValueRules(minimumLength: 64)).expectation.contains("at least 64 characters"))
    }
}
