import Foundation
import XCTest

/// One whole walk in plain mode, as a screen reader or a serial console gets it, kept as a
/// reviewed transcript next to the screen snapshots (re-recorded with RIGGER_RECORD_SNAPSHOTS=1).
final class PlainModeTranscriptTests: XCTestCase {
    func testAwsWalkTranscript() throws {
        let pty = try PtySession()
        defer { pty.stop() }
        let out = pty.folder.appendingPathComponent("aws")
        // Long enough for Django's SECRET_KEY, 50 characters or more.
        let secret = "typed-Secret-value-0042-long-enough-for-a-Django-key"
        try pty.start(["--preset", "aws", "--out", out.path])
        // A bad hostname, then a good one.
        pty.answer([:], until: "Hostname: ")
        pty.send("not a host")
        pty.answer(["Hostname": "posthog.example.com"], until: "HTTPS certificate (1-3) [letsencrypt]: ")
        // The full help, then back from the question after.
        pty.send("?")
        pty.answer([:], until: "Let's Encrypt email: ")
        pty.send("<")
        pty.answer(["Let's Encrypt email": "ops@example.com", "PostHog secret key": "2"], until: "PostHog secret key value: ")
        pty.send(secret)
        pty.answer([:])
        pty.send("y")
        XCTAssertEqual(pty.waitForExit(), 0)
        XCTAssertFalse(pty.bytes.contains(0x1B))
        XCTAssertFalse(pty.transcript.contains(secret))
        let transcript = pty.transcript.replacingOccurrences(of: pty.folder.path, with: "<folder>")
        try WizardTestSupport.checkSnapshot(text: transcript, "plain-aws-walk", what: "the transcript")
    }
}
