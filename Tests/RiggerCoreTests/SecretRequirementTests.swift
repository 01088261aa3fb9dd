import Foundation
import RiggerCore
import XCTest

/// What a supplied secret must be for the app that reads it.
final class SecretRequirementTests: XCTestCase {
    func testLengthAndDecodedLength() {
        XCTAssertTrue(SecretRequirement.minimumBytes(4).accepts("abcd"))
        XCTAssertFalse(SecretRequirement.minimumBytes(4).accepts("abc"))
        XCTAssertTrue(SecretRequirement.minimumBytes(4).accepts("äö"), "bytes, not characters")
        let key = Data(repeating: 7, count: 32).base64EncodedString()
        XCTAssertTrue(SecretRequirement.base64OfBytes(32).accepts(key))
        XCTAssertFalse(SecretRequirement.base64OfBytes(32).accepts(Data(repeating: 7, count: 31).base64EncodedString()))
        XCTAssertFalse(SecretRequirement.base64OfBytes(32).accepts("not base64 at all!"))
        XCTAssertTrue(SecretPolicy(requirement: .minimumBytes(64)).expectation.contains("at least 64 bytes"))
    }
}
