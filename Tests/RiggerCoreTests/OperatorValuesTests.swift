import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// values.local.yaml: the operator's own chart values, which rigger never writes and the install
/// applies after values.yaml, so that an override outlives regeneration.
final class OperatorValuesTests: XCTestCase {
    func testTheInstallAppliesItAfterValuesYamlAndRegenerationKeepsIt() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BundleWriter(directory: folder.path).write(try TestProject.presetBundle("local").bundle)
        let local = folder.appendingPathComponent(BundleFile.operatorValuesPath)
        let override = "web:\n  replicacount: 5\n"
        try Data(override.utf8).write(to: local)

        // Regenerating with another answer leaves the operator's file as it was.
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "local-values")
        let regenerated = try generator.prepare(GenerationRequest(setArguments: ["sizing=ha"], outputDirectory: folder.path), generator: &random)
        let outcome = try BundleWriter(directory: folder.path).write(regenerated.bundle)
        XCTAssertFalse(outcome.removed.contains(BundleFile.operatorValuesPath))
        XCTAssertEqual(try String(contentsOf: local, encoding: .utf8), override)
        XCTAssertTrue(try XCTUnwrap(regenerated.bundle["values.yaml"]?.contents).contains(BundleFile.operatorValuesPath), "the header says where overrides go")

        // 40-install.sh passes it to helm after values.yaml.
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("calls.log")
        for tool in ["kubectl", "helm"] {
            let url = bin.appendingPathComponent(tool)
            try Data("#!/usr/bin/env bash\necho \"\(tool) $*\" >> '\(log.path)'\n[ \"$1\" = get ] && exit 1\nexit 0\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":/usr/bin:/bin"
        let result = try runProgram("bash", [folder.appendingPathComponent("scripts/40-install.sh").path], environment: environment)
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("with your own values from values.local.yaml"), result.output)
        let upgrade = try XCTUnwrap(try String(contentsOf: log, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("helm upgrade") })
        XCTAssertTrue(upgrade.contains("-f values.yaml -f values.local.yaml"), String(upgrade))

        // Without the file, values.yaml alone.
        try FileManager.default.removeItem(at: local)
        try Data().write(to: log)
        _ = try runProgram("bash", [folder.appendingPathComponent("scripts/40-install.sh").path], environment: environment)
        let plain = try XCTUnwrap(try String(contentsOf: log, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("helm upgrade") })
        XCTAssertFalse(plain.contains(BundleFile.operatorValuesPath), String(plain))
    }
}
