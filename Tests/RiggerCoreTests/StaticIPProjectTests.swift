import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The GKE static IP is reserved in a project the operator can see before anything is created:
/// the one `ingress.gcpProject` names, else gcloud's configured one, and never silently.
final class StaticIPProjectTests: XCTestCase {
    /// Runs the bundle's 30-prerequisites.sh with a stand-in gcloud whose configured project is
    /// `configured` (nil: none) and which reports no address yet; returns the run and gcloud's log.
    private func runPrerequisites(_ prepared: PreparedBundle, configured: String?) throws -> (ProgramResult, [String]) {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundleFolder = folder.appendingPathComponent("bundle")
        try TestProject.materialize(prepared.bundle, in: bundleFolder)
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("gcloud.log")
        let script = """
            #!/usr/bin/env bash
            echo "$*" >> '\(log.path)'
            case "$*" in
              "config get-value project") \(configured.map { "echo \($0)" } ?? "echo '(unset)' >&2") ;;
              *"compute addresses describe"*"--format=value(address)") echo 203.0.113.7 ;;
              *"compute addresses describe"*) exit 1 ;;
              *"compute addresses create"*) echo "Created [$4]." ;;
              *) echo "stand-in gcloud: unexpected: $*" >&2; exit 1 ;;
            esac
            """
        let gcloud = bin.appendingPathComponent("gcloud")
        try Data(script.utf8).write(to: gcloud)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: gcloud.path)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try runProgram("bash", ["scripts/30-prerequisites.sh"], environment: environment, directory: bundleFolder)
        let calls = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (result, calls)
    }

    /// Every gcloud call after the project is known, each with it; the project named before the
    /// first one that creates anything.
    private func assertEveryCallNames(_ project: String, _ result: ProgramResult, _ calls: [String], file: StaticString = #filePath, line: UInt = #line) {
        let resourceCalls = calls.filter { $0 != "config get-value project" }
        XCTAssertFalse(resourceCalls.isEmpty, file: file, line: line)
        for call in resourceCalls {
            XCTAssertTrue(call.hasPrefix("--project \(project) compute addresses"), "gcloud \(call)", file: file, line: line)
        }
        let named = result.output.range(of: "GCP project: \(project)")
        let reserving = result.output.range(of: "reserving the global static IP")
        XCTAssertNotNil(named, result.output, file: file, line: line)
        if let named, let reserving { XCTAssertLessThan(named.lowerBound, reserving.lowerBound, result.output, file: file, line: line) }
    }

    func testGcloudsConfiguredProjectIsNamedAndUsedForEveryCall() throws {
        let (result, calls) = try runPrerequisites(try TestProject.presetBundle("gcp"), configured: "analytics-prod-4821")
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("GCP project: analytics-prod-4821 (gcloud's configured project; set ingress.gcpProject to pin another)"), result.output)
        assertEveryCallNames("analytics-prod-4821", result, calls)
        XCTAssertTrue(result.output.contains("posthog.example.com  A  203.0.113.7"), result.output)
    }

    func testTheAnsweredProjectWinsOverGcloudsAndEveryIngressUsesIt() throws {
        let fixture = AppTestFixture.helicone
        let prepared = try TestProject.prepare(
            app: "helicone", preset: "gcp", sets: (fixture.openAnswers["gcp"] ?? []) + ["ingress.gcpProject=helicone-staging-77"])
        let (result, calls) = try runPrerequisites(prepared, configured: "someone-elses-default")
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("GCP project: helicone-staging-77 (ingress.gcpProject)"), result.output)
        XCTAssertFalse(calls.contains("config get-value project"), "the answer needs no look-up")
        assertEveryCallNames("helicone-staging-77", result, calls)
        // Helicone's API and worker Ingresses are load balancers of their own: same project.
        XCTAssertTrue(calls.contains { $0.hasPrefix("--project helicone-staging-77 compute addresses create helicone-api") }, calls.joined(separator: "\n"))
    }

    func testWithoutAProjectNothingIsCreated() throws {
        let (result, calls) = try runPrerequisites(try TestProject.presetBundle("gcp"), configured: nil)
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.error.contains("gcloud has no project configured; regenerate with --set ingress.gcpProject=PROJECT_ID"), result.error)
        XCTAssertEqual(calls, ["config get-value project"])
    }

    func testAProjectIDIsChecked() throws {
        XCTAssertThrowsError(try TestProject.prepare(preset: "gcp", sets: ["ingress.hostname=posthog.example.com", "ingress.gcpProject=My_Project"])) { error in
            XCTAssertTrue("\(error)".contains("ingress.gcpProject"), "\(error)")
        }
    }
}
