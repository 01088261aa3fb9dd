import Foundation
import RiggerCore

/// One run of a tool: its arguments, what to add to the environment, and where to run it.
public struct ToolInvocation: Sendable, Hashable, CustomStringConvertible {
    public let tool: ClusterTool
    public let arguments: [String]
    /// Variables set on top of the runner's environment, such as HELM_PLUGINS.
    public let environment: [String: String]
    /// The working folder; nil keeps the runner's.
    public let directory: String?

    public init(_ tool: ClusterTool, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil) {
        self.tool = tool
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
    }

    /// The command line as an operator would type it, for messages.
    public var description: String {
        ([tool.rawValue] + arguments).map { $0.contains(" ") ? ShellQuote.quote($0) : $0 }.joined(separator: " ")
    }
}

/// How a run of a tool ended.
public enum ToolOutcome: Sendable {
    /// The tool exited by itself.
    case finished(status: Int32, output: Data, error: String)
    /// The tool ran past its time and was killed, with everything it started.
    case timedOut
    /// The tool is not on PATH.
    case notFound
    /// The tool is there but could not be started.
    case couldNotStart(String)
}

/// Runs tools. The cluster probes and `rigger check` run every tool through one, so that tests can
/// stand in for the tools and count the calls.
public protocol ToolRunner: Sendable {
    /// Runs a tool to its end or until `timeout`, blocking the calling thread (never call it on
    /// one that must stay responsive: `ClusterProbe` calls it on background threads).
    func run(_ invocation: ToolInvocation, timeout: Duration) -> ToolOutcome
    /// Whether the tool can be found at all.
    func isAvailable(_ tool: ClusterTool) -> Bool
}

/// Runs the real tools as subprocesses, found on PATH.
public struct SubprocessRunner: ToolRunner {
    /// The environment the tools run with (PATH finds them).
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The tool's path on PATH, or nil.
    public func path(of tool: ClusterTool) -> String? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.lazy.map { "\($0)/\(tool.rawValue)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public func isAvailable(_ tool: ClusterTool) -> Bool { path(of: tool) != nil }

    public func run(_ invocation: ToolInvocation, timeout: Duration) -> ToolOutcome {
        guard let executable = path(of: invocation.tool) else { return .notFound }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = invocation.arguments
        process.environment = environment.merging(invocation.environment) { _, added in added }
        if let directory = invocation.directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { ended in
            RunningTools.shared.ended(ended)
            exited.signal()
        }
        do {
            guard try RunningTools.shared.launch(process) else { return .couldNotStart("rigger is stopping") }
        } catch {
            return .couldNotStart("\(error)")
        }
        // Both pipes are drained at once: a tool that fills one while rigger waits on the other would hang.
        let collected = CollectedOutput()
        let readers = DispatchGroup()
        readers.enter()
        readers.enter()
        BackgroundThread.start {
            collected.setOutput(output.fileHandleForReading.readDataToEndOfFile())
            readers.leave()
        }
        BackgroundThread.start {
            collected.setError(error.fileHandleForReading.readDataToEndOfFile())
            readers.leave()
        }

        let deadline = DispatchTime.now() + .nanoseconds(Int(timeout.nanoseconds))
        // A tool's children (a credential plugin, a `sleep`) can hold the pipes open after it exits,
        // so the deadline covers the reading too.
        guard exited.wait(timeout: deadline) == .success, readers.wait(timeout: deadline) == .success else {
            // The tool and everything it started: Foundation starts each child in a process group of its own.
            RunningTools.killGroup(process.processIdentifier)
            _ = exited.wait(timeout: .now() + .seconds(1))
            RunningTools.shared.ended(process)
            return .timedOut
        }
        return .finished(status: process.terminationStatus, output: collected.output, error: String(decoding: collected.error, as: UTF8.self))
    }

    /// Kills every tool a `SubprocessRunner` of this process is running, each with everything it
    /// started (its process group), and refuses to start any more: for a program on its way out,
    /// on Ctrl-C or SIGTERM, or when the wizard exits while probes run. A run stopped so returns as
    /// the tool ended by the signal; one asked for afterwards returns `couldNotStart` at once.
    /// Cheap when nothing runs: it takes one lock.
    /// - Returns: How many tools were running.
    @discardableResult
    public static func stopAllRunning() -> Int {
        RunningTools.shared.stopAll()
    }
}

/// Runs blocking work (waiting on a tool, reading its pipes) on a thread of its own. Dispatch's
/// global queues keep about one thread per core, so on a small machine a few slow tools would make
/// the others, and the pipe readers they wait on, queue behind them.
enum BackgroundThread {
    static func start(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread { work() }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

/// The bytes a tool wrote, filled in by the reader threads.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var storedOutput = Data()
    private var storedError = Data()

    func setOutput(_ data: Data) { lock.withLock { storedOutput = data } }
    func setError(_ data: Data) { lock.withLock { storedError = data } }
    var output: Data { lock.withLock { storedOutput } }
    var error: Data { lock.withLock { storedError } }
}

extension Duration {
    /// The duration in whole nanoseconds, for Dispatch.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// The duration in seconds, for messages and tools' own timeout flags.
    var seconds: Double { Double(nanoseconds) / 1_000_000_000 }
}
