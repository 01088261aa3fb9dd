import Foundation
@testable import RiggerCore
@testable import RiggerCluster
import RiggerTestSupport
import XCTest

/// Ctrl-C (SIGINT) or SIGTERM while `rigger generate --probe` or `rigger check` waits on its
/// tools stops them too: each runs in a process group of its own, which the terminal's Ctrl-C
/// misses. Slow stand-ins are running when rigger is signalled; none may be left afterwards.
final class ToolSignalTests: XCTestCase {
    private static let aws = ["--preset", "aws", "--set", "ingress.hostname=posthog.example.com", "--set", "ingress.letsencryptEmail=ops@example.com"]

    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
        guard FileManager.default.fileExists(atPath: "/proc/self/environ") else { throw XCTSkip("the stand-ins are found through /proc") }
    }

    /// The processes whose environment names this cluster's call log: its stand-ins and what they
    /// started (their `sleep`), and nothing of another test's.
    private func standIns(_ cluster: StandInCluster) -> [pid_t] {
        let marker = Data("RIGGER_STANDIN_LOG=\(cluster.log.path)\u{0}".utf8)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry), pid != getpid(),
                let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ"), environment.range(of: marker) != nil
            else { return nil }
            return pid
        }
    }

    private func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    /// Runs rigger, signals it once `calls` stand-in calls are under way, and returns how it ended
    /// and what it printed on standard error.
    private func signalled(
        _ arguments: [String], _ cluster: StandInCluster, signal: Int32, calls: Int
    ) throws -> (reason: Process.TerminationReason, status: Int32, error: String) {
        let errorFile = cluster.folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = TestProject.executable
        process.arguments = arguments
        process.environment = cluster.environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        defer {
            // Whatever the outcome, this test leaves nothing of its own running.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            for pid in standIns(cluster) { kill(pid, SIGKILL) }
        }
        XCTAssertTrue(waitFor(seconds: 30) { cluster.calls.count >= calls }, "the stand-ins never started: \(cluster.calls)")
        kill(process.processIdentifier, signal)
        // The stand-ins wait 30 s and rigger's own timeout is longer: only the signal ends rigger this soon.
        XCTAssertTrue(waitFor(seconds: 10) { !process.isRunning }, "rigger did not stop on signal \(signal)")
        process.waitUntilExit()
        let leftOver = waitFor(seconds: 3) { standIns(cluster).isEmpty } ? [] : standIns(cluster)
        XCTAssertEqual(leftOver, [], "stand-in processes left running after rigger stopped")
        let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationReason, process.terminationStatus, error)
    }

    func testCtrlCDuringGenerateProbeStopsTheProbesAndExits130() throws {
        let cluster = try StandInCluster(scenario: "eks", delay: 30)
        let out = cluster.folder.appendingPathComponent("bundle")
        let arguments = ["generate"] + Self.aws + ["--probe", "--probe-timeout", "60", "--out", out.path]
        let (reason, status, error) = try signalled(arguments, cluster, signal: SIGINT, calls: 2)
        XCTAssertEqual(reason, .exit, "rigger was killed by the signal instead of handling it: \(error)")
        XCTAssertEqual(status, 130, error)
        XCTAssertEqual(error.split(separator: "\n").filter { $0.hasPrefix("rigger: stopped by") }.count, 1, error)
        XCTAssertTrue(error.contains("rigger: stopped by SIGINT"), error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    func testSIGTERMDuringGenerateProbeExits143() throws {
        let cluster = try StandInCluster(scenario: "eks", delay: 30)
        let arguments = ["generate"] + Self.aws + ["--probe", "--probe-timeout", "60", "--out", cluster.folder.appendingPathComponent("bundle").path]
        let (reason, status, error) = try signalled(arguments, cluster, signal: SIGTERM, calls: 2)
        XCTAssertEqual(reason, .exit, error)
        XCTAssertEqual(status, 143, error)
        XCTAssertTrue(error.contains("rigger: stopped by SIGTERM"), error)
    }

    func testCtrlCDuringCheckStopsHelmAndTheProbes() throws {
        let cluster = try StandInCluster(scenario: "eks", delay: 30)
        let folder = cluster.folder.appendingPathComponent("bundle")
        try TestProject.materialize(try TestProject.presetBundle("local").bundle, in: folder)
        let (reason, status, error) = try signalled(["check", "--probe-timeout", "60", folder.path], cluster, signal: SIGINT, calls: 2)
        XCTAssertEqual(reason, .exit, error)
        XCTAssertEqual(status, 130, error)
        XCTAssertTrue(error.contains("rigger: stopped by SIGINT"), error)
    }

    /// In the library: a run in flight returns as soon as `stopAllRunning()` kills its tool, and
    /// runs asked for afterwards are refused; with nothing running it stops nothing.
    func testStopAllRunningKillsTheRunsInFlight() throws {
        let cluster = try StandInCluster(scenario: "eks", delay: 30)
        let runner = cluster.runner
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = runner.run(ToolInvocation(.kubectl, ["version", "-o", "json"]), timeout: .seconds(60))
            finished.signal()
        }
        XCTAssertTrue(waitFor(seconds: 30) { !cluster.calls.isEmpty }, "the stand-in never started")
        defer { RunningTools.shared.resume() }
        // Runs other tests left behind (their probes cancelled, tools still waiting) are stopped too.
        XCTAssertGreaterThanOrEqual(SubprocessRunner.stopAllRunning(), 1)
        // The stand-in waits 30 s: returning within the 10 s waited for is what stopping it means.
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success, "the run did not return")
        XCTAssertTrue(waitFor(seconds: 3) { standIns(cluster).isEmpty }, "stand-ins left: \(standIns(cluster))")
        guard case .couldNotStart = runner.run(ToolInvocation(.kubectl, ["version"]), timeout: .seconds(5)) else {
            return XCTFail("a run after stopAllRunning() started a tool")
        }
        XCTAssertTrue(waitFor(seconds: 3) { SubprocessRunner.stopAllRunning() == 0 }, "killed tools are forgotten once they end")
    }
}
