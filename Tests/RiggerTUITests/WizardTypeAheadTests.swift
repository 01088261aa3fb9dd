import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// Type-ahead on a choice list stays, and says on the field's line what the letters changed: a
/// word meant for the text field above, typed after one Tab too many, can't change a choice unseen.
final class WizardTypeAheadTests: XCTestCase {
    private let plain = TerminalCapabilities(hasColor: false, unicode: true)

    func testLettersThatChangeAChoiceSayWhatItWas() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .step(.ingress))
        XCTAssertEqual(session.focusedField, .answer("ingress.hostname"))
        session.type("posthog.example.com")
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .answer("ingress.tls"))
        // The operator goes on typing the next answer into the list.
        session.type("secret")
        XCTAssertEqual(session.displayText("ingress.tls"), "secret")
        XCTAssertEqual(session.typedChangeNote(.answer("ingress.tls")), "typing changed this from letsencrypt; Up/Down pick another")
        let screen = WizardView.render(session, rows: 24, columns: 80, capabilities: plain).text
        XCTAssertTrue(screen.contains("typing changed this from letsencrypt;"), screen)
        XCTAssertTrue(screen.contains("Up/Down pick another"), "read whole, wrapped: \(screen)")
        // A key that isn't a letter ends the notice; so does leaving the field.
        _ = session.handle(.up)
        XCTAssertNil(session.typedChangeNote(.answer("ingress.tls")))
        session.type("n")
        XCTAssertNotNil(session.typedChangeNote(.answer("ingress.tls")))
        _ = session.handle(.tab)
        XCTAssertNil(session.typedChangeNote(.answer("ingress.tls")))
    }

    func testAYesNoAndASecretsWayAreSaidToo() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .step(.ingress))
        session.focus(on: .answer("ingress.installCertManager"))
        XCTAssertEqual(session.displayText("ingress.installCertManager"), "true")
        session.type("no")
        XCTAssertEqual(session.typedChangeNote(.answer("ingress.installCertManager")), "typing changed this from yes; Up/Down pick another")

        session.walk(to: .secrets, answers: WizardSession.awsOpenAnswers)
        XCTAssertEqual(session.focusedField, .secretChoice("posthog.secretKey"))
        session.type("t")
        XCTAssertEqual(
            session.typedChangeNote(.secretChoice("posthog.secretKey")), "typing changed this from generate a new random value; Up/Down pick another")
        // Typed back to where it was: nothing to say.
        session.type("g")
        XCTAssertNil(session.typedChangeNote(.secretChoice("posthog.secretKey")))
    }
}
