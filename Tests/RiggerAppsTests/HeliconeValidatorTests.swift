import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// The operator's tools on every Helicone variant's bundle (the presets run through
/// ValidatorToolTests): shellcheck, yamllint, kubernetes-validate, and install.sh's step list.
final class HeliconeValidatorTests: XCTestCase {
    private func folders() throws -> [(String, URL, RiggerCore.Bundle)] {
        try TestProject.heliconeVariants().map { name, prepared in
            let folder = try TestProject.temporaryFolder()
            try TestProject.materialize(prepared.bundle, in: folder)
            return (name, folder, prepared.bundle)
        }
    }

    func testEveryVariantPassesShellcheckYamllintAndKubernetesValidate() throws {
        let shellcheck = try TestTools.require("shellcheck")
        let yamllint = try TestTools.require("yamllint")
        let kubernetesValidate = try TestTools.require("kubernetes-validate")
        let config = TestProject.fixtures.appendingPathComponent("yamllint.yaml").path
        for (name, folder, bundle) in try folders() {
            defer { try? FileManager.default.removeItem(at: folder) }
            let scripts = bundle.paths.filter { $0.hasSuffix(".sh") }
            let shell = try runProgram(shellcheck, ["--severity=style", "--shell=bash"] + scripts, directory: folder)
            XCTAssertEqual(shell.status, 0, "\(name): shellcheck:\n\(shell.output)\(shell.error)")
            let yaml = try runProgram(yamllint, ["--strict", "-c", config] + bundle.paths.filter { $0.hasSuffix(".yaml") }, directory: folder)
            XCTAssertEqual(yaml.status, 0, "\(name): yamllint:\n\(yaml.output)\(yaml.error)")
            let secrets = bundle.paths.filter { $0.hasPrefix("secrets/") }
            if !secrets.isEmpty {
                let valid = try runProgram(kubernetesValidate, ["--strict"] + secrets, directory: folder)
                XCTAssertEqual(valid.status, 0, "\(name): kubernetes-validate:\n\(valid.output)\(valid.error)")
            }
            let steps = try runProgram("bash", ["install.sh", "--dry-run"], directory: folder)
            XCTAssertEqual(steps.output.split(separator: "\n").count, 6, "\(name): \(steps.output)")
        }
    }
}
