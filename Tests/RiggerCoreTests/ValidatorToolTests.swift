import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// The real validators on every preset's bundle: shellcheck, yamllint and kubernetes-validate.
final class ValidatorToolTests: XCTestCase {
    /// Every preset's bundle, and one whose Secrets are all the operator's (so its scripts take
    /// the other branches), each written out to a folder.
    private func bundleFolders() throws -> [(String, URL, RiggerCore.Bundle)] {
        let bundles = try TestProject.appFixtures.flatMap { fixture in
            try fixture.presets.map { ("\(fixture.app) \($0)", try TestProject.presetBundle($0, of: fixture).bundle) }
        } + [
            ("existing Secrets", try TestProject.existingSecretsBundle().bundle),
            // The managed services' passwords not supplied yet: their Secrets hold placeholders.
            ("placeholders", try TestProject.prepare(preset: "aws-managed", sets: TestProject.openAnswers["aws-managed"] ?? []).bundle),
        ]
        return try bundles.map { name, bundle in
            let folder = try TestProject.temporaryFolder()
            try TestProject.materialize(bundle, in: folder)
            return (name, folder, bundle)
        }
    }


    func testShellcheckPassesOnEveryScript() throws {
        let shellcheck = try TestTools.require("shellcheck")
        for (preset, folder, bundle) in try bundleFolders() {
            let scripts = bundle.paths.filter { $0.hasSuffix(".sh") }
            XCTAssertGreaterThanOrEqual(scripts.count, 7, preset)
            let result = try runProgram(shellcheck, ["--severity=style", "--shell=bash"] + scripts, directory: folder)
            XCTAssertEqual(result.status, 0, "\(preset): shellcheck found problems:\n\(result.output)\(result.error)")
        }
    }

    func testYamllintPassesOnEveryYAMLFile() throws {
        let yamllint = try TestTools.require("yamllint")
        let config = TestProject.fixtures.appendingPathComponent("yamllint.yaml").path
        for (preset, folder, bundle) in try bundleFolders() {
            let files = bundle.paths.filter { $0.hasSuffix(".yaml") }
            XCTAssertGreaterThanOrEqual(files.count, preset == "existing Secrets" ? 2 : 5, preset)
            let result = try runProgram(yamllint, ["--strict", "-c", config] + files, directory: folder)
            XCTAssertEqual(result.status, 0, "\(preset): yamllint found problems:\n\(result.output)\(result.error)")
        }
    }

    func testKubernetesValidateAcceptsEverySecretManifest() throws {
        let kubernetesValidate = try TestTools.require("kubernetes-validate")
        for (preset, folder, bundle) in try bundleFolders() {
            let secrets = bundle.paths.filter { $0.hasPrefix("secrets/") }
            if preset == "existing Secrets" {
                XCTAssertEqual(secrets, [], "every Secret is the operator's")
                continue
            }
            XCTAssertFalse(secrets.isEmpty, preset)
            let result = try runProgram(kubernetesValidate, ["--strict"] + secrets, directory: folder)
            XCTAssertEqual(result.status, 0, "\(preset): kubernetes-validate rejected a Secret:\n\(result.output)\(result.error)")
            XCTAssertFalse(result.output.contains("ERROR"), "\(preset): \(result.output)")
        }
    }

    func testInstallDryRunListsTheStepsInOrderAndResumes() throws {
        for (preset, folder, _) in try bundleFolders() {
            let all = try runProgram("bash", ["install.sh", "--dry-run"], directory: folder)
            XCTAssertEqual(all.status, 0, preset)
            XCTAssertEqual(all.output.split(separator: "\n").map(String.init), [
                "would run scripts/00-preflight.sh", "would run scripts/10-namespace.sh", "would run scripts/20-secrets.sh",
                "would run scripts/30-prerequisites.sh", "would run scripts/40-install.sh", "would run scripts/50-verify.sh",
            ])
            let resumed = try runProgram("bash", ["install.sh", "--from", "40", "--dry-run"], directory: folder)
            XCTAssertEqual(resumed.output, "would run scripts/40-install.sh\nwould run scripts/50-verify.sh\n", preset)
            let bad = try runProgram("bash", ["install.sh", "--from", "x"], directory: folder)
            XCTAssertEqual(bad.status, 2, preset)
        }
    }
}
