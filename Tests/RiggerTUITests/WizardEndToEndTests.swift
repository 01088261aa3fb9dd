import Foundation
import RiggerTestSupport
import XCTest

/// The built rigger in a real terminal: tmux at 80x24, keys sent with send-keys, the screen read
/// with capture-pane.
final class WizardEndToEndTests: XCTestCase {
    /// The terminal this test drives; its helpers are forwarded so the tests read as before.
    var session: TmuxSession!
    var folder: URL { session.folder }

    override func setUpWithError() throws {
        session = try TmuxSession()
    }

    override func tearDown() {
        session?.stop()
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String { try session.tmux(arguments) }

    /// Starts rigger in a new 80x24 tmux session; the shell prints EXIT=<code> and the tty's echo state after it.
    func start(_ arguments: String, term: String = "xterm-256color", lang: String = "C.UTF-8", environment: String = "") throws {
        try session.start(arguments, term: term, lang: lang, environment: environment)
    }

    private func screenWithAttributes() throws -> String { try session.screenWithAttributes() }
    func screen() throws -> String { try session.screen() }
    func keys(_ keys: String...) throws { try session.tmux(["send-keys", "-t", "e2e"] + keys) }
    func type(_ text: String) throws { try session.type(text) }

    @discardableResult
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try session.waitFor(text, file: file, line: line)
    }

    @discardableResult
    func waitUntil(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ test: (String) -> Bool) throws -> String {
        try session.waitUntil(what, file: file, line: line, test)
    }

    private func widest(_ screen: String) -> Int { screen.split(separator: "\n").map(\.count).max() ?? 0 }
    func pressEnter(until title: String) throws { try session.pressEnter(until: title) }
    func writeFromHereAndExit() throws { try session.writeFromHereAndExit() }
    private func files(_ url: URL) -> [String: Data] { TmuxSession.files(url) }
    private func generate(_ arguments: [String], out: URL) throws { try TmuxSession.generate(arguments, out: out) }
    private func assertSameBundle(_ wizard: URL, _ generated: URL) { TmuxSession.assertSameBundle(wizard, generated) }

    func testAwsWalkWritesTheSameBundleAsGenerate() throws {
        let out = folder.appendingPathComponent("aws")
        try start("--preset aws --out '\(out.path)'")
        try waitFor("> App and cloud")
        try pressEnter(until: "Ingress and TLS")
        try keys("Enter")  // stays: the hostname and email are missing
        try waitFor("! required: a DNS name")
        try type("posthog.example.com")
        try keys("Tab", "Tab")
        try type("ops@example.com")
        try pressEnter(until: "Review")
        try keys("PageDown")
        // How far down the answer is depends on the warnings and the folder's path, which wraps when long.
        for _ in 0..<30 {
            if try screen().contains("ingress.hostname: posthog.example.com") { break }
            try keys("Down")
            Thread.sleep(forTimeInterval: 0.1)
        }
        try waitFor("ingress.hostname: posthog.example.com")
        try keys("Enter")
        try waitFor("The bundle is written to")
        try keys("q")
        try waitFor("EXIT=0")
        let done = try waitFor("TTY=")
        XCTAssertTrue(done.contains("TTY= echo"), "the terminal must have echo back on:\n\(done)")
        let generated = folder.appendingPathComponent("generated")
        try generate(["--preset", "aws", "--set", "ingress.hostname=posthog.example.com", "--set", "ingress.letsencryptEmail=ops@example.com"], out: generated)
        assertSameBundle(out, generated)
    }

    func testGcpWalkWritesTheSameBundleAsGenerate() throws {
        let out = folder.appendingPathComponent("gcp")
        try start("--preset gcp --out '\(out.path)'")
        try waitFor("> App and cloud")
        try pressEnter(until: "Ingress and TLS")
        // Focus starts on the hostname: the first field still to fill.
        try type("analytics.example.com")
        try writeFromHereAndExit()
        let generated = folder.appendingPathComponent("generated")
        try generate(["--preset", "gcp", "--set", "ingress.hostname=analytics.example.com"], out: generated)
        assertSameBundle(out, generated)
    }

    func testBracketedPasteFillsTextAndSecretFields() throws {
        try start("--preset aws --out '\(folder.appendingPathComponent("paste").path)'")
        try waitFor("> App and cloud")
        try pressEnter(until: "Ingress and TLS")
        try tmux(["set-buffer", "pasted.example.com"])
        try tmux(["paste-buffer", "-p", "-t", "e2e"])
        try waitFor("pasted.example.com")
        try keys("Tab", "Tab")
        try type("ops@example.com")
        try pressEnter(until: "Secrets")
        try keys("t", "Tab")
        // A paste with a line break: in one piece, the break can't act as Enter.
        try tmux(["set-buffer", "pasted-Secret-value\nsecond line"])
        try tmux(["paste-buffer", "-p", "-t", "e2e"])
        let secrets = try waitFor("(19 characters)")
        XCTAssertFalse(secrets.contains("pasted-Secret-value"), "a pasted secret is masked:\n\(secrets)")
        XCTAssertTrue(secrets.contains("> Secrets"), "the line break in the paste must not have moved on:\n\(secrets)")
    }

    func testEveryCommonTerminalTypeIsUsableAndRestored() throws {
        // (TERM, LANG, extra environment, expects colour, expects line drawing)
        let terminals: [(String, String, String, Bool, Bool)] = [
            ("xterm-256color", "C.UTF-8", "", true, true), ("xterm", "C.UTF-8", "", true, true),
            ("screen", "C.UTF-8", "", true, true), ("tmux-256color", "C.UTF-8", "", true, true),
            ("linux", "C", "", true, false), ("vt220", "C", "", false, false), ("vt100", "C.UTF-8", "", false, true),
            ("xterm-256color", "C.UTF-8", "NO_COLOR=1", false, true), ("xterm-256color", "C", "", true, false),
        ]
        for (index, terminal) in terminals.enumerated() {
            let (term, lang, environment, colour, lines) = terminal
            let name = "TERM=\(term) LANG=\(lang) \(environment)"
            if index > 0 { try restartTmux() }
            let out = folder.appendingPathComponent("term-\(index)")
            try start("--preset local --out '\(out.path)'", term: term, lang: lang, environment: environment)
            let first = try waitFor("> App and cloud")
            XCTAssertEqual(first.contains("│"), lines, "\(name): line drawing\n\(first)")
            XCTAssertEqual(first.contains("|"), !lines, "\(name): ASCII lines\n\(first)")
            let attributes = try screenWithAttributes()
            XCTAssertEqual(attributes.range(of: #"\x1B\[([0-9;]*;)?3[0-7]m"#, options: .regularExpression) != nil, colour, "\(name): colour\n\(attributes.replacingOccurrences(of: "\u{1B}", with: "ESC"))")
            try writeFromHereAndExit()
            let done = try waitFor("TTY=")
            XCTAssertTrue(done.contains("TTY= echo"), "\(name): echo must be back on:\n\(done)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("values.yaml").path), name)
        }
    }

    /// A dumb or unknown terminal with a person at it gets the plain mode (PlainModeEndToEndTests);
    /// with nobody to type (standard input no terminal), rigger points to generate.
    func testADumbOrUnknownTerminalWithoutInputIsRefusedWithAPointerToGenerate() throws {
        for (index, term) in ["dumb", "no-such-terminal"].enumerated() {
            if index > 0 { try restartTmux() }
            try start("--preset local --out '\(folder.appendingPathComponent("refused").path)' < /dev/null", term: term)
            let shown = try waitFor("EXIT=2")
            // The pane wraps at its edge, where a space may fall: compared without line breaks and spaces.
            let unwrapped = shown.filter { $0 != "\n" && $0 != " " }
            XCTAssertTrue(unwrapped.contains("`riggergenerate--presetNAME--outDIR`"), "TERM=\(term): the error points to rigger generate:\n\(shown)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused").path))
        }
    }

    func testLocalPresetEnterOnEveryStepWritesTheBundle() throws {
        let out = folder.appendingPathComponent("local")
        try start("--preset local --out '\(out.path)'")
        try waitFor("> App and cloud")
        try writeFromHereAndExit()
        let generated = folder.appendingPathComponent("generated")
        try generate(["--preset", "local"], out: generated)
        assertSameBundle(out, generated)
    }

    func testAnInvalidHostnameShowsTheInlineError() throws {
        try start("--preset gcp --out '\(folder.appendingPathComponent("gcp").path)'")
        try waitFor("> App and cloud")
        try pressEnter(until: "Ingress and TLS")
        try type("not a host")
        try keys("Tab")
        let shown = try waitFor("! expected a DNS name")
        XCTAssertTrue(shown.contains("not a host"))
    }

    func testResizeRelaysOutAndKeepsInput() throws {
        try start("--preset aws --out '\(folder.appendingPathComponent("aws").path)'")
        try waitFor("> App and cloud")
        try pressEnter(until: "Ingress and TLS")
        try type("typed.example.com")
        try waitFor("typed.example.com")
        try tmux(["resize-window", "-t", "e2e", "-x", "120", "-y", "40"])
        let wide = try waitUntil("relaid out at 120 columns") { self.widest($0) > 100 && $0.contains("step 5 of 9") }
        XCTAssertTrue(wide.contains("typed.example.com"), wide)
        try tmux(["resize-window", "-t", "e2e", "-x", "50", "-y", "15"])
        try waitFor("make the terminal at least")
        try tmux(["resize-window", "-t", "e2e", "-x", "80", "-y", "24"])
        let back = try waitUntil("came back at 80 columns") { self.widest($0) <= 80 && $0.contains("step 5 of 9") }
        XCTAssertTrue(back.contains("typed.example.com"), back)
    }

    func testCtrlCAsksAndQuitsWithoutWriting() throws {
        let out = folder.appendingPathComponent("quit")
        try start("--preset local --out '\(out.path)'")
        try waitFor("> App and cloud")
        try keys("Enter")
        try keys("C-c")
        try waitFor("Quit without writing anything?")
        try keys("y")
        try waitFor("EXIT=130")
        let done = try waitFor("TTY=")
        XCTAssertTrue(done.contains("TTY= echo"), done)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// The pid of rigger running in the tmux pane.
    private func riggerPid() throws -> Int32 {
        let pids = try tmux(["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = Process()
        children.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        children.arguments = ["pgrep", "-P", pids, "-f", "rigger"]
        let pipe = Pipe()
        children.standardOutput = pipe
        try children.run()
        children.waitUntilExit()
        return try XCTUnwrap(Int32(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").first ?? ""))
    }

    /// Ends this tmux server and moves to a new one: a new session on a server that is still
    /// shutting down can be lost.
    func restartTmux() throws {
        session.restart()
    }

    /// Starts the local preset, types a kube context on the cluster step and moves on from it.
    private func startLocalWithAKubeContextTyped(out: URL) throws {
        try start("--preset local --out '\(out.path)'")
        try waitFor("> App and cloud")
        try keys("Enter")
        try waitFor("> Cluster")
        try type("kind-rigger")
        try keys("Enter")
        try waitFor("> Dependencies")
    }

    func testSighupLeavesOnlyTheDraftAndResumeRestoresIt() throws {
        let out = folder.appendingPathComponent("hup")
        try startLocalWithAKubeContextTyped(out: out)
        let pid = try riggerPid()
        let sent = Date()
        kill(pid, SIGHUP)
        while kill(pid, 0) == 0, Date().timeIntervalSince(sent) < 3 { Thread.sleep(forTimeInterval: 0.02) }
        XCTAssertNotEqual(kill(pid, 0), 0, "rigger still runs 3 s after SIGHUP")
        // Nothing of a bundle, only the draft, 0600, with what was typed.
        XCTAssertEqual(files(out).keys.sorted(), [".rigger/draft.yaml"])
        let draftPath = out.appendingPathComponent(".rigger/draft.yaml").path
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: draftPath)[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue & 0o777, 0o600)
        let draft = try String(contentsOfFile: draftPath, encoding: .utf8)
        XCTAssertTrue(draft.contains("kubeContext: kind-rigger"), draft)
        XCTAssertTrue(draft.contains("preset: local"), draft)

        // Back after the drop, without the preset: the draft is offered and restores everything.
        try restartTmux()
        try start("--out '\(out.path)'")
        try waitFor("A draft of an unfinished run")
        try keys("Enter")
        try waitFor("> Dependencies")
        try keys("Escape")
        try waitFor("kind-rigger")
        try writeFromHereAndExit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: draftPath), "writing the bundle removes the draft")
        let generated = folder.appendingPathComponent("generated")
        try generate(["--preset", "local", "--set", "kubeContext=kind-rigger"], out: generated)
        assertSameBundle(out, generated)
    }

    func testStartingOverIgnoresTheDraft() throws {
        let out = folder.appendingPathComponent("over")
        try startLocalWithAKubeContextTyped(out: out)
        kill(try riggerPid(), SIGHUP)
        try waitFor("EXIT=")
        try restartTmux()
        try start("--preset local --out '\(out.path)'")
        try waitFor("A draft of an unfinished run")
        try keys("s", "Enter")
        try waitFor("> App and cloud")
        try keys("Enter")
        let cluster = try waitFor("> Cluster")
        XCTAssertFalse(cluster.contains("kind-rigger"), cluster)
    }
}
