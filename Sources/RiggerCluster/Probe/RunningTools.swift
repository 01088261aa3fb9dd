import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RiggerCore

/// The tools every `SubprocessRunner` of this process has started and not yet seen end, so that
/// one call can stop them all. Foundation starts each tool in a process group of its own, out of
/// the reach of the terminal's Ctrl-C: without this, rigger stopped would leave them running.
final class RunningTools: @unchecked Sendable {
    static let shared = RunningTools()

    private let lock = NSLock()
    /// The process (and process group) ids of the tools running.
    private var running: Set<pid_t> = []
    /// Set by `stopAll()`: rigger is on its way out, and starts nothing more.
    private var stopping = false

    /// Starts the process and records it in one step, so that a stop can't come between the two
    /// and miss it. False when rigger is stopping: the process was not started.
    func launch(_ process: Process) throws -> Bool {
        try lock.withLock {
            guard !stopping else { return false }
            try process.run()
            running.insert(process.processIdentifier)
            return true
        }
    }

    /// Forgets a tool that has ended, before its process id can be given to another.
    func ended(_ process: Process) {
        let pid = process.processIdentifier
        lock.withLock { _ = running.remove(pid) }
    }

    /// Kills every tool running, with everything each started, and refuses to start any more.
    @discardableResult
    func stopAll() -> Int {
        lock.withLock {
            stopping = true
            for pid in running { Self.killGroup(pid) }
            return running.count
        }
    }

    /// Lets tools start again after `stopAll()`; for tests, which go on in the same process.
    func resume() {
        lock.withLock { stopping = false }
    }

    /// Kills a tool's process group and the tool itself (should it have left the group).
    static func killGroup(_ pid: pid_t) {
        guard pid > 0 else { return }
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
    }
}
