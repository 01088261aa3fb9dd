import Foundation
import RiggerTestSupport
import XCTest

/// Helicone through the built rigger in a real terminal: chosen on the app page, started from its
/// local preset, and accepted with Enter on every step.
final class HeliconeWizardEndToEndTests: XCTestCase {
    /// Both runs take the same clock, so that the API keys' issue time in rigger.yaml matches.
    private let epoch = "1790000000"

    func testChoosingHeliconeAndItsLocalPresetThenEnterThroughWritesWhatGenerateWrites() throws {
        let session = try TmuxSession()
        defer { session.stop() }
        let out = session.folder.appendingPathComponent("helicone")
        try session.start("--out '\(out.path)'", environment: "SOURCE_DATE_EPOCH=\(epoch)")
        try session.waitFor("> App and cloud")
        // The app field has the focus first; a letter jumps to the app it starts with.
        try session.keys("h")
        try session.waitFor("helicone")
        try session.keys("Tab")
        try session.keys("l")
        try session.waitFor("local")
        try session.pressEnter(until: "Review")
        let review = try session.screen()
        XCTAssertTrue(review.contains("plain HTTP"), "the review warns that local mode has no TLS:\n\(review)")
        try session.keys("Enter")
        try session.waitFor("The bundle is written to")
        try session.keys("Enter")
        try session.waitFor("EXIT=0")

        let generated = session.folder.appendingPathComponent("generated")
        try TmuxSession.generate(["--app", "helicone", "--preset", "local"], out: generated, environment: ["SOURCE_DATE_EPOCH": epoch])
        TmuxSession.assertSameBundle(out, generated)
        let answers = try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8)
        XCTAssertTrue(answers.contains("app: helicone"), answers)
        XCTAssertTrue(answers.contains("jwtIssuedAt: \(epoch)"), answers)
    }
}
