import Foundation
import RiggerCore
import RiggerTUI
import RiggerTestSupport
import XCTest

/// The built rigger's plain mode in a real pseudo-terminal: questions answered a line at a time,
/// Ctrl-C and Ctrl-D as the terminal sends them, the transcript read as a screen reader gets it.
final class PlainModeEndToEndTests: XCTestCase {
    private var pty: PtySession!
    private var folder: URL { pty.folder }

    override func setUpWithError() throws {
        pty = try PtySession()
    }

    override func tearDown() {
        pty?.stop()
    }

    /// What the aws preset leaves open, by the title its prompt starts with.
    private let awsOpenAnswers = ["Hostname": "posthog.example.com", "Let's Encrypt email": "ops@example.com"]

    func testAwsWalkWritesTheSameBundleAsGenerate() throws {
        let out = folder.appendingPathComponent("aws")
        try pty.start(["--plain", "--preset", "aws", "--out", out.path], term: "xterm-256color")
        pty.answer(awsOpenAnswers)
        pty.send("y")
        pty.waitFor("The bundle is written to \(out.path)")
        XCTAssertEqual(pty.waitForExit(), 0)
        XCTAssertFalse(pty.bytes.contains(0x1B), "plain mode writes no escape sequence, whatever TERM says")
        let generated = folder.appendingPathComponent("generated")
        try TmuxSession.generate(
            ["--preset", "aws", "--set", "ingress.hostname=posthog.example.com", "--set", "ingress.letsencryptEmail=ops@example.com"],
            out: generated, environment: ["SOURCE_DATE_EPOCH": PtySession.epoch])
        TmuxSession.assertSameBundle(out, generated)
    }

    /// The acceptance walk: TERM=dumb starts plain mode by itself; Enter at every question and y.
    func testDumbTerminalLocalPresetEnterEverywhereWritesWhatGenerateWrites() throws {
        let out = folder.appendingPathComponent("local")
        try pty.start(["--out", out.path, "--preset", "local"])
        let prompts = pty.answer([:])
        pty.send("y")
        pty.waitFor("The bundle is written to")
        XCTAssertEqual(pty.waitForExit(), 0)
        XCTAssertFalse(pty.bytes.contains(0x1B), "an escape sequence in the transcript:\n\(pty.transcript)")
        let generated = folder.appendingPathComponent("generated")
        try TmuxSession.generate(["--preset", "local"], out: generated, environment: ["SOURCE_DATE_EPOCH": PtySession.epoch])
        TmuxSession.assertSameBundle(out, generated)

        // The wizard's fields, page by page, in its order: what plain mode must have asked.
        let wizard = try WizardTestSupport.session(preset: "local", out: folder.appendingPathComponent("wizard").path)
        var titles: [String] = []
        for _ in 0..<20 where wizard.page != .review {
            titles += wizard.fields.map { wizard.label($0) }
            _ = wizard.handle(.enter)
        }
        XCTAssertEqual(prompts.count, titles.count, "one prompt a question:\n\(prompts.joined(separator: "\n"))")
        // Every question's lines start with its title: the question with its help, and the prompt.
        let lines = pty.transcript.split(separator: "\n").map(String.init)
        var from = 0
        for (prompt, title) in zip(prompts, titles) {
            XCTAssertTrue(prompt.hasPrefix(title + " ") || prompt == title + ": ", "'\(prompt)' starts with '\(title)'")
            let index = try XCTUnwrap(lines[from...].firstIndex { $0.hasPrefix(prompt) }, prompt)
            let question = lines[from..<index].last { !$0.hasPrefix("  ") }
            XCTAssertEqual(question?.hasPrefix(title + ": "), true, "the question before '\(prompt)' starts with its title: \(question ?? "")")
            from = index + 1
        }
    }

    func testTermDumbOrUnknownStartsPlainModeAndNoTerminalIsRefused() throws {
        for term in ["dumb", "no-such-terminal"] {
            pty.stop()
            pty = try PtySession()
            try pty.start(["--preset", "local", "--out", folder.appendingPathComponent("out").path], term: term)
            pty.waitFor("one question a line")
            pty.waitFor("App (1-3) [posthog]: ")
            pty.endInput()
            XCTAssertEqual(pty.waitForExit(), 130, "TERM=\(term)")
        }
        // Standard input that is no terminal: nobody to ask.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: WizardTestSupport.executable)
        process.arguments = ["--plain", "--preset", "local", "--out", folder.appendingPathComponent("piped").path]
        process.environment = ["TERM": "dumb", "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertTrue(message.contains("`rigger generate --preset NAME --out DIR`"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("piped").path))
    }

    func testABadHostnameIsAskedAgainWithTheWizardsMessage() throws {
        let out = folder.appendingPathComponent("gcp")
        try pty.start(["--plain", "--preset", "gcp", "--out", out.path])
        pty.answer(["Hostname": "not a host"], until: "Hostname [not a host]: ")
        // The message the wizard shows under the field, from the catalog's format.
        let transcript = pty.transcript
        XCTAssertTrue(transcript.contains("! expected \(TextFormat.dnsName.expectation)\nHostname [not a host]: "), transcript)
        pty.answer(["Hostname": "analytics.example.com"])
        pty.send("y")
        XCTAssertEqual(pty.waitForExit(), 0)
        let answers = try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8)
        XCTAssertTrue(answers.contains("hostname: analytics.example.com"), answers)
    }

    func testLessThanGoesBackOneQuestionAndKeepsWhatWasTyped() throws {
        try pty.start(["--plain", "--preset", "local", "--out", folder.appendingPathComponent("back").path])
        pty.answer([:], until: "Kube context [the current context]: ")
        pty.send("kind-rigger")
        pty.waitFor("Namespace [posthog]: ")
        pty.send("<")
        pty.waitFor("Kube context [kind-rigger]: ")
        // Back from a page's first question: the last question of the page before.
        pty.send("<")
        pty.waitFor("Step 2 of 9: App and cloud")
        pty.waitFor("Cloud (1-3) [other]: ")
        pty.send("")
        pty.waitFor("Kube context [kind-rigger]: ")
        // From the review: the Secrets page's last question, where the secrets are kept.
        pty.answer([:])
        pty.send("<")
        pty.waitFor("Secret store (1-3) [kubernetes]: ")
        pty.endInput()
        XCTAssertEqual(pty.waitForExit(), 130)
    }

    func testATypedSecretIsNeverInTheTranscript() throws {
        let out = folder.appendingPathComponent("secret")
        // Long enough for Django's SECRET_KEY, 50 characters or more.
        let secret = "typed-Secret-value-0042-long-enough-for-a-Django-key"
        try pty.start(["--plain", "--preset", "local", "--out", out.path])
        pty.answer(["PostHog secret key": "2"], until: "PostHog secret key value: ")
        XCTAssertTrue(pty.echoIsOff, "a secret is read with echo off")
        // As pasted with a second line: that line is dropped, never echoed at the next question.
        pty.send(secret + "\rpasted-second-line")
        pty.waitFor("PostHog secret key value: \(secret.count) characters read.")
        XCTAssertFalse(pty.echoIsOff, "echo is back on after the secret")
        // Back to it: Enter keeps what was typed, which is said only by its length.
        pty.waitFor("PostgreSQL password (1-3)")
        pty.send("<")
        pty.waitFor("PostHog secret key value [\(secret.count) characters typed]: ")
        pty.send("")
        pty.answer([:])
        pty.waitFor("posthog.secretKey: typed, \(secret.count) characters")
        pty.send("y")
        XCTAssertEqual(pty.waitForExit(), 0)
        XCTAssertFalse(pty.transcript.contains(secret) || pty.transcript.contains("pasted-second-line"), pty.transcript)
        XCTAssertFalse(pty.transcript.contains("! expected"), "the pasted second line answered nothing:\n\(pty.transcript)")
        let manifest = try String(contentsOf: out.appendingPathComponent("secrets/posthog-secret-key.secret.yaml"), encoding: .utf8)
        XCTAssertTrue(manifest.contains(secret) || manifest.contains(Data(secret.utf8).base64EncodedString()), "the bundle has the typed value")
    }

    func testCtrlCAsksBeforeQuittingAndRestoresEcho() throws {
        let out = folder.appendingPathComponent("quit")
        try pty.start(["--plain", "--preset", "local", "--out", out.path])
        pty.answer(["PostHog secret key": "2"], until: "PostHog secret key value: ")
        pty.interrupt()
        pty.waitFor("Quit without writing anything? [y/N]: ")
        XCTAssertFalse(pty.echoIsOff, "the answer to the quit question is seen")
        pty.send("n")
        pty.waitFor("PostHog secret key value: ")
        pty.interrupt()
        pty.waitFor("Quit without writing anything? [y/N]: ")
        pty.send("y")
        XCTAssertEqual(pty.waitForExit(), 130)
        XCTAssertTrue(pty.transcript.contains("rigger: quit; nothing was written"), pty.transcript)
        XCTAssertFalse(pty.echoIsOff)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "quitting drops the draft and the folder it made")
    }

    func testEndOfInputQuitsAndWritesNothing() throws {
        let out = folder.appendingPathComponent("eof")
        try pty.start(["--plain", "--preset", "local", "--out", out.path])
        // Two steps on, so that a draft was saved: quitting drops it too.
        pty.answer([:], until: "PostgreSQL hosting (1-2) [in-cluster]: ")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(".rigger/draft.yaml").path))
        pty.endInput()
        pty.waitFor("End of input.")
        XCTAssertEqual(pty.waitForExit(), 130)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    func testAHangupLeavesTheDraftAndPlainModeResumesIt() throws {
        let out = folder.appendingPathComponent("hup")
        try pty.start(["--plain", "--preset", "local", "--out", out.path])
        pty.answer(["Kube context": "kind-rigger"], until: "PostgreSQL hosting (1-2) [in-cluster]: ")
        pty.signal(SIGHUP)
        XCTAssertEqual(pty.waitForExit(), 128 + SIGHUP)
        XCTAssertEqual(TmuxSession.files(out).keys.sorted(), [".rigger/draft.yaml"])

        pty.stop(keepingFolder: true)
        try pty.start(["--plain", "--out", out.path])
        pty.waitFor("A draft of an unfinished run is in \(out.path)/.rigger/draft.yaml.")
        pty.waitFor("Draft (1-2) [resume]: ")
        pty.send("")
        pty.waitFor("Step 4 of 9: Dependencies")
        pty.answer([:])
        pty.send("y")
        XCTAssertEqual(pty.waitForExit(), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent(".rigger/draft.yaml").path))
        let generated = folder.appendingPathComponent("generated")
        try TmuxSession.generate(
            ["--preset", "local", "--set", "kubeContext=kind-rigger"], out: generated, environment: ["SOURCE_DATE_EPOCH": PtySession.epoch])
        TmuxSession.assertSameBundle(out, generated)
    }
}
