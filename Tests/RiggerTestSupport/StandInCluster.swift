import Foundation
import RiggerCore
import RiggerCluster
import XCTest

/// Stand-in kubectl, helm and gcloud on a PATH of their own, replaying what the real tools printed
/// (Fixtures/cluster, recorded by tools/record-cluster-fixtures.py) for one scenario: eks (the
/// acceptance cluster), upgrade (a release to upgrade), forbidden, dead, and the gcp ones for gcloud.
/// The PATH holds nothing else but a few basic tools, so a tool left out is really absent.
public final class StandInCluster {
    /// The recorded outputs and the stand-in script.
    public static let fixtures = TestProject.fixtures.appendingPathComponent("cluster")

    /// The stand-ins' temporary folder, removed with them.
    public let folder: URL
    /// The folder of the stand-in tools, first on their PATH.
    public let bin: URL
    /// Where the stand-ins record each call.
    public let log: URL
    /// The recorded scenario the stand-ins replay (space-separated for several).
    public var scenario: String
    /// Seconds each stand-in call waits before answering: a slow cluster.
    public var delay: Double?
    /// Whether helm and kubectl run the real tools for what no scenario knows (helm template, kustomize).
    public var realHelm: Bool

    /// Stand-ins for `tools` (all three by default) and, with `rigger`, the built rigger.
    public init(scenario: String, tools: [String] = ["kubectl", "helm", "gcloud"], delay: Double? = nil, realHelm: Bool = false, rigger: Bool = false) throws {
        folder = try TestProject.temporaryFolder()
        bin = folder.appendingPathComponent("bin")
        log = folder.appendingPathComponent("calls.log")
        self.scenario = scenario
        self.delay = delay
        self.realHelm = realHelm
        let manager = FileManager.default
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = Self.fixtures.appendingPathComponent("standin.sh").path
        for tool in tools {
            try manager.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: script)
        }
        if rigger {
            try manager.createSymbolicLink(atPath: bin.appendingPathComponent("rigger").path, withDestinationPath: TestProject.executable.path)
        }
        // What the stand-ins, the bundle's scripts and its post-renderer run besides the cluster tools.
        let basics = ["bash", "env", "cat", "sleep", "basename", "dirname", "sh", "sed", "grep", "sort", "head", "tail", "mktemp", "rm", "cp",
                      "tr", "cut", "wc", "seq", "ls", "mkdir", "chmod", "id", "uname", "readlink", "tee", "printf", "true", "false"]
        let system = folder.appendingPathComponent("system")
        try manager.createDirectory(at: system, withIntermediateDirectories: true)
        for tool in basics {
            guard let path = Self.systemPath(tool) else { continue }
            try manager.createSymbolicLink(atPath: system.appendingPathComponent(tool).path, withDestinationPath: path)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func systemPath(_ tool: String) -> String? {
        ["/usr/local/bin", "/usr/bin", "/bin"].map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The environment the tools (and rigger) run with.
    public var environment: [String: String] {
        var environment = [
            "PATH": bin.path + ":" + folder.appendingPathComponent("system").path,
            "HOME": folder.path,
            "RIGGER_STANDIN_FIXTURES": Self.fixtures.path,
            "RIGGER_STANDIN_SCENARIO": scenario,
            "RIGGER_STANDIN_LOG": log.path,
            "RIGGER_PRESETS": TestProject.root.appendingPathComponent("presets").path,
        ]
        if let delay { environment["RIGGER_STANDIN_DELAY"] = String(delay) }
        if realHelm {
            environment["RIGGER_STANDIN_REAL_HELM"] = TestTools.path("helm")
            environment["RIGGER_STANDIN_REAL_KUBECTL"] = TestTools.path("kubectl")
        }
        return environment
    }

    /// A runner that runs the stand-ins.
    public var runner: SubprocessRunner { SubprocessRunner(environment: environment) }

    /// Every call so far, as "tool arguments".
    public var calls: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}

/// A runner that counts the calls it passes on, and can refuse to run any.
public final class CountingRunner: ToolRunner, @unchecked Sendable {
    private let inner: any ToolRunner
    private let lock = NSLock()
    private var invocations: [ToolInvocation] = []

    /// A runner passing every call on to `inner`.
    public init(_ inner: any ToolRunner) {
        self.inner = inner
    }

    /// Every call passed on so far.
    public var calls: [ToolInvocation] { lock.withLock { invocations } }

    public func run(_ invocation: ToolInvocation, timeout: Duration) -> ToolOutcome {
        lock.withLock { invocations.append(invocation) }
        return inner.run(invocation, timeout: timeout)
    }

    public func isAvailable(_ tool: ClusterTool) -> Bool { inner.isAvailable(tool) }
}
