import Foundation
import RiggerTestSupport
import XCTest

/// The built rigger in tmux at 80x24, choosing Plausible on the app page.
final class PlausibleWizardEndToEndTests: XCTestCase {
    private var session: TmuxSession?

    override func tearDown() {
        session?.stop()
    }

    func testChoosingPlausibleAndTheLocalPresetWritesTheSameBundleAsGenerate() throws {
        let tmux = try TmuxSession()
        session = tmux
        let out = tmux.folder.appendingPathComponent("plausible")
        try tmux.start("--out '\(out.path)'")
        try tmux.waitFor("> App and cloud")
        // The app field has the focus first: Down moves its choice from posthog to plausible.
        try tmux.keys("Down")
        try tmux.waitFor("(*) plausible")
        try tmux.keys("Tab")
        // On the preset field, a letter jumps to the first preset that starts with it.
        try tmux.keys("l")
        try tmux.waitFor("(*) local")
        try tmux.waitFor("Cloud               other")
        try tmux.writeFromHereAndExit()
        let done = try tmux.waitFor("TTY=")
        XCTAssertTrue(done.contains("TTY= echo"), "the terminal must have echo back on:\n\(done)")

        let generated = tmux.folder.appendingPathComponent("generated")
        try TmuxSession.generate(["--app", "plausible", "--preset", "local"], out: generated)
        TmuxSession.assertSameBundle(out, generated)
        let answers = try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8)
        XCTAssertTrue(answers.contains("app: plausible"), answers)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifests/postgresql.yaml").path))
    }
}
