import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// 00-preflight.sh run for real: the real Helm CLI renders the real chart (a local copy, as
/// RIGGER_CHART allows on hosts without internet) through the bundle's post-renderer, and a
/// stand-in kubectl answers the cluster checks. It must refuse any image from a retired registry.
final class PreflightImageCheckTests: XCTestCase {
    /// A kubectl that answers the preflight's cluster questions and hands kustomize to the real one;
    /// with `rigger`, the built rigger is on PATH beside it.
    private func standInKubectl(in folder: URL, rigger: Bool = false) throws -> URL {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let realKubectl = try XCTUnwrap(TestTools.path("kubectl"), "kubectl (with its built-in kustomize) is needed")
        let script = """
            #!/usr/bin/env bash
            case "$*" in
              "config current-context") echo test-cluster ;;
              "version --client -o json") exec '\(realKubectl)' "$@" ;;
              "get --raw /version") echo '{"major": "1", "minor": "29"}' ;;
              get\\ storageclass*) echo standard ;;
              kustomize*) exec '\(realKubectl)' "$@" ;;
              *) echo "stand-in kubectl: unexpected: $*" >&2; exit 1 ;;
            esac
            """
        let url = bin.appendingPathComponent("kubectl")
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        let helm = try TestTools.require("helm")
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("helm").path, withDestinationPath: helm)
        if rigger {
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("rigger").path, withDestinationPath: TestProject.executable.path)
        }
        return bin
    }

    private func runPreflight(_ bundle: RiggerCore.Bundle, rigger: Bool = false, editValues: (String) -> String = { $0 }) throws -> ProgramResult {
        let chart = try TestTools.chart("posthog")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundleFolder = folder.appendingPathComponent("bundle")
        try TestProject.materialize(bundle, in: bundleFolder)
        let values = bundleFolder.appendingPathComponent("values.yaml")
        try Data(editValues(try String(contentsOf: values, encoding: .utf8)).utf8).write(to: values)
        let bin = try standInKubectl(in: folder, rigger: rigger)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["RIGGER_CHART"] = chart.path
        environment["HOME"] = folder.path
        return try runProgram("bash", ["scripts/00-preflight.sh"], environment: environment, directory: bundleFolder)
    }

    /// Where rigger is installed the preflight ends with `rigger check .`, and says so; where it
    /// isn't, the bundle's own checks still run and the preflight says what it skipped.
    func testThePreflightRunsRiggerCheckWhereRiggerIsInstalled() throws {
        guard FileManager.default.isExecutableFile(atPath: TestProject.executable.path) else {
            return XCTFail("build rigger first (swift build): \(TestProject.executable.path) is missing")
        }
        let bundle = try TestProject.presetBundle("local").bundle
        let with = try runPreflight(bundle, rigger: true)
        XCTAssertEqual(with.status, 0, with.output + with.error)
        XCTAssertTrue(with.output.contains("rigger is on PATH: running 'rigger check .'"), with.output)
        XCTAssertTrue(with.output.contains("rigger check: the PostHog bundle in "), with.output)
        XCTAssertTrue(with.output.contains("The install can go ahead.\npreflight checks passed"), with.output)

        let broken = try runPreflight(bundle, rigger: true) { values in
            // A Secret the chart reads that nobody provides: only rigger check sees it.
            values.replacingOccurrences(of: "existingSecret: posthog-clickhouse-auth", with: "existingSecret: clickhouse-nobody-made")
        }
        XCTAssertEqual(broken.status, 1, broken.output)
        // rigger check wraps a long problem; read it unwrapped.
        let unwrapped = broken.output.replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(unwrapped.contains("read Secret clickhouse-nobody-made key clickhouse-password"), broken.output)
        XCTAssertTrue(broken.error.contains("00-preflight: rigger check found what would stop the install (above)"), broken.error)

        let without = try runPreflight(bundle)
        XCTAssertEqual(without.status, 0, without.output + without.error)
        XCTAssertTrue(without.output.contains("rigger is not on PATH: skipping 'rigger check .' (the checks above still ran)"), without.output)
    }

    func testThePreflightPassesAPinnedBundleAndNamesItsFrozenImages() throws {
        let result = try runPreflight(try TestProject.presetBundle("aws").bundle)
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("every image the install pulls is from a registry that still serves it"), result.output)
        XCTAssertTrue(result.output.contains("note: docker.io/bitnamilegacy/postgresql:11.22.0-debian-11-r4 is frozen"), result.output)
        XCTAssertFalse(result.output.contains("registry.k8s.io/ingress-nginx/controller"), "the chart runs no ingress-nginx of its own: \(result.output)")
    }

    func testThePreflightRefusesAnImageFromARetiredRegistry() throws {
        let bundle = try TestProject.presetBundle("local").bundle
        let result = try runPreflight(bundle) { values in
            values.replacingOccurrences(of: "repository: bitnamilegacy/postgresql", with: "repository: bitnami/postgresql")
        }
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.error.contains("docker.io/bitnami/postgresql:11.22.0-debian-11-r4: Bitnami deleted its free versioned images"), result.error)
        XCTAssertTrue(result.error.contains("00-preflight: the install would pull images from retired registries"), result.error)
    }

    func testThePreflightRefusesALocalChartOfAnotherVersion() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A copy of the chart that claims another version stands in for a wrong download.
        let copy = folder.appendingPathComponent("posthog")
        try FileManager.default.copyItem(at: try TestTools.chart("posthog"), to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        let chartFile = copy.appendingPathComponent("Chart.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: chartFile.path)
        let text = try String(contentsOf: chartFile, encoding: .utf8).replacingOccurrences(of: "version: 30.46.0", with: "version: 30.45.0")
        try Data(text.utf8).write(to: chartFile)
        let bundleFolder = folder.appendingPathComponent("bundle")
        try TestProject.materialize(try TestProject.presetBundle("local").bundle, in: bundleFolder)
        let bin = try standInKubectl(in: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["RIGGER_CHART"] = copy.path
        environment["HOME"] = folder.path
        let result = try runProgram("bash", ["scripts/00-preflight.sh"], environment: environment, directory: bundleFolder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("holds chart 'posthog' version '30.45.0'; expected posthog 30.46.0"), result.error)
    }
}
