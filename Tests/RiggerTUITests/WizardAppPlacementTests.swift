import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// Where the apps' own answers are asked: a regeneration detail off the pages, and who may sign
/// up in one place for every app that asks it.
final class WizardAppPlacementTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_767_268_800)

    /// Helicone's API keys' issue time is a regeneration detail: no field on the cluster page, and
    /// on the review as a date beside the Unix time rigger.yaml keeps.
    func testTheKeysIssueTimeIsOffThePagesAndADateOnTheReview() throws {
        let session = try WizardTestSupport.session(app: "helicone", preset: "local", now: now)
        session.walk(to: .step(.cluster))
        XCTAssertEqual(session.page, .step(.cluster))
        XCTAssertFalse(session.fields.contains(.answer("helicone.jwtIssuedAt")), "\(session.fields)")
        session.walk(to: .review)
        let reviewed = try XCTUnwrap(session.reviewed, session.reviewError ?? "")
        let review = BundleReview(prepared: reviewed, changes: nil, warnings: []).sections.flatMap(\.lines)
        XCTAssertTrue(review.contains("helicone.jwtIssuedAt: 1767268800 (2026-01-01 12:00 UTC)"), "\(review)")
        XCTAssertEqual(reviewed.answers["helicone.jwtIssuedAt"]?.intValue, 1_767_268_800)
    }

    /// Who may sign up is asked on the email page for both apps that ask it, beside the mail that
    /// sends their invitations and confirmations.
    func testSignUpIsAskedOnTheEmailPageForEveryApp() throws {
        for (app, key) in [("plausible", "plausible.registration"), ("helicone", "helicone.signup")] {
            let session = try WizardTestSupport.session(app: app, preset: "local", now: now)
            XCTAssertEqual(session.catalog[key]?.step, .email, app)
            session.walk(to: .step(.email))
            XCTAssertTrue(session.fields.contains(.answer(key)), "\(app): \(session.fields)")
        }
    }
}
