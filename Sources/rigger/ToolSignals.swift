import Dispatch
import Foundation
import RiggerCore
import RiggerCluster

/// Ctrl-C and SIGTERM while rigger's tools run. Each kubectl, helm or gcloud call runs in a process
/// group of its own, which the terminal's Ctrl-C does not reach: rigger stopped by default would
/// leave them running. Here the signal stops them first, then rigger, with one line saying so.
enum ToolSignals {
    /// The signals handled, with their names for the message.
    private static let handled: [(number: Int32, name: String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")]
    private static let watch = SignalWatch()

    /// Runs `body` with SIGINT and SIGTERM stopping every tool running and exiting 128 plus the
    /// signal's number (130, 143).
    static func stoppingTools<Value>(_ body: () throws -> Value) rethrows -> Value {
        watch.arm(installing: install)
        defer { watch.disarm() }
        return try body()
    }

    /// Dispatch sources for the signals, kept for the life of the process: on Linux libdispatch
    /// installs its own handler once per signal and never again, so a source cancelled and made
    /// anew would miss the signal.
    private static func install() -> [any DispatchSourceSignal] {
        let queue = DispatchQueue(label: "rigger.tool-signals")
        let registered = DispatchGroup()
        let sources = handled.map { number, name in
            // The default action, which would end rigger at once, is off first; Dispatch reads the
            // signal instead of a handler, which could only call async-signal-safe functions.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { received(number, name) }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            return source
        }
        // Registration is asynchronous; until it is done a signal would only be ignored.
        _ = registered.wait(timeout: .now() + .seconds(2))
        return sources
    }

    /// The one queue runs one handler at a time, and the first exits: a second signal prints nothing.
    /// The watch stays held until the exit: the tools stopped here return at once, and the main
    /// thread would otherwise leave `stoppingTools` and write the bundle before rigger exits.
    private static func received(_ number: Int32, _ name: String) -> Never {
        watch.holding { armed in
            if armed {
                SubprocessRunner.stopAllRunning()
                CLI.printError("rigger: stopped by \(name), with the kubectl, helm and gcloud calls it was running; nothing was written")
            } else {
                // No tool is waited on any more (the bundle may be being written): stop as the signal would.
                CLI.printError("rigger: stopped by \(name)")
            }
            exit(128 + number)
        }
    }
}

/// Whether `stoppingTools` is running, and the signal sources once installed.
private final class SignalWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var depth = 0

    func arm(installing install: () -> [any DispatchSourceSignal]) {
        lock.withLock {
            if sources.isEmpty { sources = install() }
            depth += 1
        }
    }

    func disarm() {
        lock.withLock { depth -= 1 }
    }

    /// Runs `body` with whether `stoppingTools` is running, holding the watch so that nothing can
    /// leave it (`disarm` waits) until `body` is done; a body that exits never lets go.
    func holding(_ body: (_ armed: Bool) -> Never) -> Never {
        lock.lock()
        body(depth > 0)
    }
}
