import Foundation
import XCTest

/// The built rigger in a real terminal: a tmux session (80x24 by default) on a socket of its
/// own, keys sent with send-keys, the screen read with capture-pane. Each test makes one and
/// calls `stop()` when done.
public final class TmuxSession {
    private let socketBase = "rigger-e2e-\(UUID().uuidString.prefix(8))"
    private var restarts = 0
    /// This server's socket: a new one after each restart, numbered so that the name stays short
    /// (a socket's path has a limit of about a hundred bytes).
    public var socket: String { restarts == 0 ? socketBase : "\(socketBase)-\(restarts)" }
    /// A fresh folder for the test's bundles; the session starts in it.
    public let folder: URL

    /// A session folder; fails when tmux is not installed.
    public init() throws {
        guard (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains(where: {
            FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
        }) else {
            XCTFail("tmux is not installed; .ci/run installs it")
            throw XCTSkip("no tmux")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Ends this tmux server.
    public func stop() { _ = try? tmux(["kill-server"]) }

    /// Ends this tmux server and moves to a new one: a new session on a server that is still
    /// shutting down can be lost.
    public func restart() {
        stop()
        restarts += 1
    }

    /// Runs tmux with posix_spawn and waitpid: the tmux server forks off the first client, and
    /// Foundation's Process was seen never to reap that client.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let output = folder.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else { throw XCTSkip("cannot start tmux") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        defer { unlink(output) }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Starts rigger with `arguments` in a new session; the shell prints EXIT=<code> and the
    /// tty's echo state after it. The wizard reads no cluster (`--offline`) unless `cluster` is
    /// set, so that whatever kubectl this machine has can't change what a test sees.
    public func start(
        _ arguments: String, term: String = "xterm-256color", lang: String = "C.UTF-8", environment: String = "", columns: Int = 80, rows: Int = 24,
        cluster: Bool = false
    ) throws {
        let presets = ProjectPaths.root.appendingPathComponent("presets").path
        let offline = cluster ? "" : "--offline "
        let command = "cd '\(folder.path)' && \(environment) RIGGER_PRESETS='\(presets)' '\(ProjectPaths.executable.path)' \(offline)\(arguments); "
            + "echo EXIT=$?; echo \"TTY=$(stty -a | grep -o -- ' -\\?echo ' | head -n 1)\"; sleep 120"
        // The test runner may set NO_COLOR for itself; the wizard sees only what each test gives it.
        try tmux([
            "new-session", "-d", "-s", "e2e", "-x", "\(columns)", "-y", "\(rows)", "env", "-u", "NO_COLOR", "TERM=\(term)", "LANG=\(lang)",
            "LC_ALL=", "sh", "-c", command,
        ])
    }

    /// Runs a shell command of the test's own in a new session, in the session's folder, with the
    /// same EXIT= and TTY= lines after it.
    public func start(shellCommand: String, columns: Int = 80, rows: Int = 24) throws {
        let command = "cd '\(folder.path)' && \(shellCommand); "
            + "echo EXIT=$?; echo \"TTY=$(stty -a | grep -o -- ' -\\?echo ' | head -n 1)\"; sleep 120"
        try tmux(["new-session", "-d", "-s", "e2e", "-x", "\(columns)", "-y", "\(rows)", "sh", "-c", command])
    }

    /// The screen as text.
    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "e2e"]) }

    /// The screen with its attributes and colours as escape sequences.
    public func screenWithAttributes() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", "e2e"]) }

    /// Sends keys by tmux's names (Enter, C-c, ...).
    public func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "e2e"] + keys) }

    /// Types text literally.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", "e2e", "-l", text]) }

    /// Waits until the screen shows `text`, for up to ten seconds.
    @discardableResult
    public func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil("showed '\(text)'", file: file, line: line) { $0.contains(text) }
    }

    /// Waits until the screen passes a test, for up to ten seconds (CI machines can be slow).
    @discardableResult
    public func waitUntil(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ test: (String) -> Bool) throws -> String {
        var last = ""
        for _ in 0..<200 {
            last = try screen()
            if test(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the screen never \(what):\n\(last)", file: file, line: line)
        return last
    }

    /// Waits until the screen shows `text` and then stays the same for a moment: a whole frame,
    /// for comparing with another (a capture can fall in the middle of a redraw).
    @discardableResult
    public func waitForSettled(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var last = try waitFor(text, file: file, line: line)
        for _ in 0..<50 {
            Thread.sleep(forTimeInterval: 0.15)
            let now = try screen()
            if now == last, now.contains(text) { return now }
            last = now
        }
        XCTFail("the screen never settled showing '\(text)':\n\(last)", file: file, line: line)
        return last
    }

    /// Presses Enter until the step list marks `title` as the current page. Each Enter waits for
    /// the screen to show the one before it: on a loaded machine a second Enter sent too soon would
    /// act on the page the first one opened (on the review, it writes the bundle).
    public func pressEnter(until title: String) throws {
        for _ in 0..<14 {
            let before = try screen()
            if before.contains("> \(title)") { return }
            try keys("Enter")
            for _ in 0..<40 {
                Thread.sleep(forTimeInterval: 0.05)
                if try screen() != before { break }
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        try waitFor("> \(title)")
    }

    /// Accepts every remaining step, writes on the review, and leaves the done page.
    public func writeFromHereAndExit() throws {
        try pressEnter(until: "Review")
        try keys("Enter")
        try waitFor("The bundle is written to")
        try keys("Enter")
        try waitFor("EXIT=0")
    }

    /// Every file under a folder, by relative path.
    public static func files(_ url: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String]) ?? [] {
            let full = url.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = try? Data(contentsOf: full)
            }
        }
        return out
    }

    /// Runs `rigger generate --out OUT` with the arguments, as the operator would.
    public static func generate(_ arguments: [String], out: URL, environment extra: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProjectPaths.executable.path)
        process.arguments = ["generate", "--out", out.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["RIGGER_PRESETS"] = ProjectPaths.root.appendingPathComponent("presets").path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "rigger generate \(arguments.joined(separator: " "))")
    }

    /// The wizard's bundle equals generate's, file for file; secrets (random) only by name, and so
    /// the digests of them on pod templates (`rigger/secrets-checksum: <hex>`) only by where they are.
    public static func assertSameBundle(_ wizard: URL, _ generated: URL, file: StaticString = #filePath, line: UInt = #line) {
        let a = files(wizard).filter { !$0.key.hasPrefix("secrets/") }.mapValues(maskingSecretDigests)
        let b = files(generated).filter { !$0.key.hasPrefix("secrets/") }.mapValues(maskingSecretDigests)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), file: file, line: line)
        for (path, data) in a { XCTAssertEqual(data, b[path], "\(path) differs between the wizard and generate", file: file, line: line) }
        XCTAssertEqual(
            files(wizard).keys.filter { $0.hasPrefix("secrets/") }.sorted(), files(generated).keys.filter { $0.hasPrefix("secrets/") }.sorted(),
            file: file, line: line)
    }

    /// The file with the value of each secrets digest annotation replaced by a mark.
    private static func maskingSecretDigests(_ data: Data) -> Data {
        let key = "rigger/secrets-checksum: "
        guard let text = String(data: data, encoding: .utf8), text.contains(key) else { return data }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: key) else { return String(line) }
            return String(line[..<range.upperBound]) + "<digest of the secrets>"
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}
