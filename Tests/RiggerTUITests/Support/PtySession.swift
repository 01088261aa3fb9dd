import Foundation
import XCTest

/// The built rigger in a real pseudo-terminal, answered a line at a time as an operator at a
/// line-mode terminal would: what it writes is read from the pty's master side (the transcript,
/// with the terminal's echo of what was typed), lines and control keys are written to it. The
/// pty is rigger's controlling terminal, so Ctrl-C is a SIGINT and Ctrl-D an end of input, and
/// echo can be turned off. Each test makes one and calls `stop()` when done.
final class PtySession {
    /// The clock every run is given (SOURCE_DATE_EPOCH), so that two runs write the same bundle.
    static let epoch = "1767225600"
    /// A fresh folder for the test's bundles.
    let folder: URL
    private var master: Int32 = -1
    private var pid: pid_t = 0
    private var exitStatus: Int32?
    /// Every byte rigger wrote (and the terminal echoed) so far.
    private(set) var bytes: [UInt8] = []
    /// Where `waitFor` looks from: just after what the last wait found.
    private var searchFrom = 0
    /// Where what rigger wrote after the last line sent starts.
    private var lastSent = 0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Starts rigger with `arguments` on a new 80x24 pty, with only the environment given here
    /// (and PATH, HOME, the test presets and a fixed clock). It reads no cluster (`--offline`)
    /// unless `cluster` is set.
    func start(_ arguments: [String], term: String = "dumb", environment extra: [String: String] = [:], cluster: Bool = false) throws {
        bytes = []
        searchFrom = 0
        lastSent = 0
        exitStatus = nil
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw XCTSkip("no pseudo-terminal: errno \(errno)") }
        defer { close(slave) }
        var environment = [
            "TERM": term, "LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder.path, "SOURCE_DATE_EPOCH": Self.epoch,
            "RIGGER_PRESETS": WizardTestSupport.root.appendingPathComponent("presets").path,
        ]
        environment.merge(extra) { _, new in new }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] { posix_spawn_file_actions_adddup2(&actions, slave, target) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        // setsid(1) makes rigger a session of its own whose controlling terminal is the pty (its
        // --ctty); it execs rigger in the same process, so `pid` is rigger's.
        let argv = (["setsid", "--ctty", WizardTestSupport.executable] + (cluster ? [] : ["--offline"]) + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        guard posix_spawnp(&pid, "setsid", &actions, nil, argv, envp) == 0 else { throw XCTSkip("cannot start setsid") }
    }

    /// Types a line and Enter.
    func send(_ line: String) {
        lastSent = bytes.count
        write(Array(line.utf8) + [0x0D])
    }

    /// Sends a signal to rigger.
    func signal(_ number: Int32) { kill(pid, number) }

    /// Whether the terminal's echo is off now (rigger reads a secret).
    var echoIsOff: Bool {
        var attributes = termios()
        guard tcgetattr(master, &attributes) == 0 else { return false }
        return attributes.c_lflag & tcflag_t(ECHO) == 0
    }

    /// Answers prompt after prompt until one is `final`: a prompt for a title in `answers`
    /// (`"Hostname"` answers "Hostname [x]: ", "Hostname (1-3): ", "Hostname: ") gets its answer,
    /// any other Enter. Returns the prompts answered; the next `waitFor` looks from where rigger's
    /// output for the final prompt starts.
    @discardableResult
    func answer(
        _ answers: [String: String], until final: String = "Write the bundle? (y/n): ", file: StaticString = #filePath, line: UInt = #line
    ) -> [String] {
        var prompts: [String] = []
        for _ in 0..<200 {
            guard let prompt = nextPrompt(file: file, line: line) else { break }
            if prompt == final {
                searchFrom = lastSent
                return prompts
            }
            prompts.append(prompt)
            let answer = answers.first { prompt == $0.key + ": " || prompt.hasPrefix($0.key + " [") || prompt.hasPrefix($0.key + " (") }
            send(answer?.value ?? "")
        }
        XCTFail("never asked '\(final)'; the transcript:\n\(transcript)", file: file, line: line)
        return prompts
    }

    /// The prompt rigger waits at after the last line sent: the line it wrote last, which ends
    /// with ": " and no line break, with nothing more coming.
    private func nextPrompt(file: StaticString, line: UInt) -> String? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let tail = bytes[min(lastSent, bytes.count)...]
            // No more within 20 ms: a line split between two reads isn't taken for a prompt.
            if tail.suffix(2).elementsEqual(Array(": ".utf8)), !readMore(timeout: 20) {
                let start = tail.lastIndex(of: 0x0A).map { $0 + 1 } ?? tail.startIndex
                return String(decoding: tail[start...], as: UTF8.self)
            }
            _ = readMore(timeout: 100)
        }
        XCTFail("no prompt came; the transcript:\n\(transcript)", file: file, line: line)
        return nil
    }

    /// Sends bytes as keys (no Enter) and returns how long rigger took to write anything back,
    /// reading until it has been quiet for `quiet` milliseconds; nil when nothing came in ten seconds.
    func secondsToAnswer(_ keys: [UInt8], quiet: Int32 = 30) -> Double? {
        while readMore(timeout: 0) {}
        let before = bytes.count
        let start = Date()
        write(keys)
        let deadline = start.addingTimeInterval(10)
        while bytes.count == before {
            guard Date() < deadline else { return nil }
            _ = readMore(timeout: 20)
        }
        let answered = Date().timeIntervalSince(start)
        while readMore(timeout: quiet) {}
        return answered
    }

    /// Ctrl-C: the terminal sends SIGINT.
    func interrupt() { write([0x03]) }

    /// Ctrl-D at the start of a line: the end of input.
    func endInput() { write([0x04]) }

    private func write(_ data: [UInt8]) {
        _ = data.withUnsafeBytes { Foundation.write(master, $0.baseAddress, $0.count) }
    }

    /// The transcript as text, with the terminal's CR LF line endings as LF.
    var transcript: String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Waits, for up to ten seconds, until rigger has written `text` after what the last wait
    /// found; returns the transcript so far.
    @discardableResult
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let wanted = Array(text.utf8)
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let found = bytes[min(searchFrom, bytes.count)...].firstRange(of: wanted) {
                searchFrom = found.upperBound
                return transcript
            }
            guard Date() < deadline else {
                XCTFail("rigger never wrote '\(text)'; the transcript:\n\(transcript)", file: file, line: line)
                return transcript
            }
            _ = readMore(timeout: 100)
        }
    }

    /// Waits, for up to ten seconds, until rigger exits; returns its exit code (128 + the signal
    /// when a signal ended it), reading the rest of what it wrote.
    func waitForExit(file: StaticString = #filePath, line: UInt = #line) -> Int32? {
        let deadline = Date().addingTimeInterval(10)
        while exitStatus == nil, Date() < deadline {
            _ = readMore(timeout: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let signal = status & 0x7F
                exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
        }
        while readMore(timeout: 50) {}
        if exitStatus == nil { XCTFail("rigger did not exit; the transcript:\n\(transcript)", file: file, line: line) }
        return exitStatus
    }

    /// Reads what is waiting on the master side; false when nothing came within `timeout`
    /// milliseconds or the other side is closed.
    private func readMore(timeout: Int32) -> Bool {
        var waiting = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, timeout) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        bytes += buffer[..<count]
        return true
    }

    /// Ends rigger if it still runs, and closes the pty; the folder goes too unless it is kept
    /// for another run.
    func stop(keepingFolder: Bool = false) {
        if exitStatus == nil, pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        if master >= 0 { close(master) }
        master = -1
        if !keepingFolder { try? FileManager.default.removeItem(at: folder) }
    }
}
